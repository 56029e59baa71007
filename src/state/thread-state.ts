import { z } from "zod";
import type { StoredMessage } from "@langchain/core/messages";
import { requirementsSchema } from "../planner/requirements.js";
import type { ThreadState } from "./types.js";

/** The state of a thread nobody has talked in yet. */
export function emptyThreadState(now: Date): ThreadState {
  const at = now.toISOString();
  return {
    requirements: {},
    provenance: {},
    messages: [],
    droppedMessages: 0,
    versions: [],
    asked: [],
    turns: 0,
    createdAt: at,
    updatedAt: at,
  };
}

const requirementFieldSchema = requirementsSchema.keyof();

// LangChain owns the message format; checking its envelope is enough to know it can be revived.
const storedMessageSchema = z.custom<StoredMessage>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { type?: unknown }).type === "string" &&
    typeof (value as { data?: unknown }).data === "object" &&
    (value as { data?: unknown }).data !== null,
  { message: "expected a stored LangChain message ({ type, data })" },
);

/**
 * What a store accepts back from storage; anything else is treated as unreadable. Loose so a
 * field added to ThreadState later survives a round trip even before this schema names it.
 */
export const threadStateSchema = z.looseObject({
  requirements: requirementsSchema,
  provenance: z.partialRecord(requirementFieldSchema, z.number().int().positive()),
  messages: z.array(storedMessageSchema),
  droppedMessages: z.number().int().nonnegative(),
  versions: z.array(z.object({ version: z.number().int().positive(), requirements: requirementsSchema })),
  asked: z.array(requirementFieldSchema),
  turns: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<ThreadState>;
