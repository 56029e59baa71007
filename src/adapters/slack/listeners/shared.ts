import type { ConversationStore } from "../../../state/types.js";
import type { Pipeline } from "../pipeline.js";

/** What every listener needs. Listeners only translate Slack payloads into a SlackTurn. */
export interface ListenerDeps {
  store: ConversationStore;
  pipeline: Pipeline;
  log: (line: string) => void;
  /** Runs work after the acknowledgement; the app waits for it on stop. */
  background: (name: string, work: () => Promise<void>) => void;
}

/**
 * True the first time Slack delivers this event. Slack redelivers (X-Slack-Retry-Num) when an
 * ack is late; the store's dedup is shared across processes, so only one process replies. If the
 * store cannot be reached, the event is handled: the core answers that its memory is down.
 */
export async function firstDelivery(deps: ListenerDeps, team: string, eventId: string | undefined): Promise<boolean> {
  if (!eventId) return true;
  try {
    return await deps.store.firstSighting(`slack:${team}:${eventId}`);
  } catch (error) {
    deps.log(`could not check event ${eventId} for a repeat: ${error instanceof Error ? error.message : String(error)}`);
    return true;
  }
}
