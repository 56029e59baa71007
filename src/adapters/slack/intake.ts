import type { EnqueueResult, TurnQueue } from "../../jobs/types.js";
import type { Metrics } from "../../observability/metrics.js";
import type { ThreadKey } from "../../state/types.js";
import type { WorkingReactions } from "./reaction.js";
import { toReplyTarget } from "./target.js";

/**
 * The one path every entry point takes once it has a thread and the user's words: the turn and
 * where its reply goes are queued (the caller acknowledges Slack once that resolves), then the ⏳
 * reaction goes on the user's message. Answering is the queue's business: this process, or a
 * worker.
 */

export interface SlackTurn {
  key: ThreadKey;
  user: string;
  text: string;
  action?: string;
  /** Stable across Slack's redeliveries of the same event (the event_id, a trigger_id…): the queue deduplicates on it. */
  eventId: string;
  /** The message to put the working reaction on (the user's message, the button's message or the /design root). */
  reactTs?: string;
  /** When the request reached this process (ms since the epoch), for the acknowledgement figure. */
  receivedAt: number;
  /** The turn is in an AI-app (assistant) thread: its reply shows Slack's loading status instead of ⏳. */
  assistant?: boolean;
}

export type Intake = (turn: SlackTurn) => Promise<EnqueueResult>;

export interface IntakeOptions {
  queue: TurnQueue;
  reactions: WorkingReactions;
  metrics?: Metrics;
  /** Runs work after the acknowledgement is written. */
  background: (name: string, work: () => Promise<void>) => void;
}

export function createIntake(options: IntakeOptions): Intake {
  const { queue, reactions, metrics } = options;
  return async (turn) => {
    const { key } = turn;
    const result = await queue.enqueue(
      { key, user: turn.user, text: turn.text, eventId: turn.eventId, ...(turn.action ? { action: turn.action } : {}) },
      toReplyTarget({
        team: key.workspace,
        channel: key.channel,
        thread: key.thread,
        ...(turn.reactTs ? { reactTs: turn.reactTs } : {}),
        ...(turn.assistant ? { assistant: true } : {}),
      }),
    );
    metrics?.ackSent("slack", (Date.now() - turn.receivedAt) / 1000);
    const reactTs = turn.reactTs;
    if (result.accepted && reactTs) {
      const adding = reactions.add({ channel: key.channel, ts: reactTs });
      options.background("working reaction", () => adding);
    }
    return result;
  };
}
