import type { Metrics } from "../../../observability/metrics.js";
import type { ConversationStore } from "../../../state/types.js";
import type { Intake } from "../intake.js";

/** What every listener needs. Listeners only translate Slack payloads into a SlackTurn for the intake. */
export interface ListenerDeps {
  /** Read at intake only, to tell the threads Archie follows (state/membership.ts). */
  store: ConversationStore;
  intake: Intake;
  log: (line: string) => void;
  metrics?: Metrics;
  /** Runs work after the acknowledgement; the app waits for it on stop. */
  background: (name: string, work: () => Promise<void>) => void;
}

/** When the request or envelope reached this process, as the receiver stamped it (now, if it did not). */
export function receivedAt(context: Record<string, unknown>): number {
  return typeof context.receivedAt === "number" ? context.receivedAt : Date.now();
}
