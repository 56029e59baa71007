import type { ConversationService } from "../agent/conversation.js";
import { fallbackNotice, type FailureKind } from "../agent/fallback.js";
import type { Reply, StepListener } from "../agent/types.js";
import type { TurnJob } from "./types.js";

/**
 * Runs one job's turn through the conversation service.
 *
 * The queue deduplicated the event at intake (its job id is derived from the event id), so the
 * turn is handed to the service without its event id: the service's own dedup (firstSighting)
 * would otherwise refuse a retried job of the same event, and the user would get no reply at all.
 * The job id names the turn instead, so every run of the job commits, and finds, one reply.
 */
export async function answerJob(service: ConversationService, job: TurnJob, jobId: string, onStep?: StepListener): Promise<Reply> {
  if (job.refusal !== undefined) return { posts: [{ kind: "text", text: job.refusal }] };
  const { eventId: _deduplicatedAtIntake, ...turn } = job.turn;
  onStep?.({ kind: "started" });
  return service.handleTurn(turn, { turnId: jobId, onStep });
}

const FALLBACK_KINDS: FailureKind[] = ["timeout", "rate-limited", "malformed", "error"];

/** Why the hosted model was bypassed for this reply, read from the notice the service puts first; undefined when it was not. */
export function fallbackKindOf(reply: Reply): FailureKind | undefined {
  const first = reply.posts[0];
  if (first?.kind !== "text") return undefined;
  return FALLBACK_KINDS.find((kind) => fallbackNotice(kind) === first.text);
}
