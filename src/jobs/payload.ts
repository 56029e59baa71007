import { z } from "zod";
import type { TurnJob } from "./types.js";

/** A job payload as the worker trusts it: whatever sits in Redis is checked before use. */
const turnJobSchema = z.object({
  turn: z.object({
    key: z.object({
      platform: z.enum(["slack", "discord", "console"]),
      workspace: z.string().min(1),
      channel: z.string().min(1),
      thread: z.string().min(1),
    }),
    user: z.string(),
    text: z.string(),
    eventId: z.string().optional(),
    action: z.string().optional(),
  }),
  target: z.record(z.string(), z.string()),
  enqueuedAt: z.number(),
  refusal: z.string().optional(),
});

export function parseTurnJob(data: unknown): { ok: true; job: TurnJob } | { ok: false; problem: string } {
  const parsed = turnJobSchema.safeParse(data);
  if (parsed.success) return { ok: true, job: parsed.data };
  return { ok: false, problem: parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ") };
}
