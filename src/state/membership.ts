import { emptyThreadState } from "./thread-state.js";
import { StoreBusyError, type ConversationStore, type ThreadKey } from "./types.js";

/**
 * Which threads Archie follows, answering replies there without a mention: those whose root it
 * posted (the platform adapter tells that from the event: a Slack thread under its own message,
 * a Discord thread it created) and those it holds state for. That state is in the conversation
 * store, so every process reading the same store agrees on it and a restart forgets none of
 * them. A reply Archie posts in a thread always leaves state behind (even after "start over"
 * cleared it), so the thread stays followed.
 */

/** Is this thread one Archie is part of? Uses only the store's own calls: a lock probe that waits for nothing. */
export async function followsThread(store: ConversationStore, key: ThreadKey, rootAuthor: string | undefined, botUserId: string | undefined): Promise<boolean> {
  if (rootAuthor !== undefined && rootAuthor === botUserId) return true;
  try {
    const { lease, state } = await store.begin(key, 0);
    await store.abort(lease);
    return state !== undefined;
  } catch (error) {
    // Locked means a turn is running in this thread right now: Archie is part of it.
    if (error instanceof StoreBusyError) return true;
    throw error;
  }
}

/** Leaves an empty state for a thread Archie replied in but holds nothing for. */
export async function keepFollowing(store: ConversationStore, key: ThreadKey, now: () => Date = () => new Date()): Promise<void> {
  try {
    const { lease, state } = await store.begin(key, 0);
    if (state) await store.abort(lease);
    else await store.commit(lease, emptyThreadState(now()));
  } catch (error) {
    // A turn holding the lock will save the thread's state itself.
    if (!(error instanceof StoreBusyError)) throw error;
  }
}
