import type { Turn } from "../agent/types.js";

/** Abuse limits, checked at intake before a turn is queued. */
export interface LimitSettings {
  /** Messages one user may send per window. */
  userPerWindow: number;
  /** Messages one workspace (Slack team, Discord guild) may send per window, all users together. */
  workspacePerWindow: number;
  /** The rate limits' fixed window. */
  windowSeconds: number;
  /** Threads one workspace may have active at once; a thread is active while it had a message within `activeThreadSeconds`. */
  maxActiveThreads: number;
  activeThreadSeconds: number;
  /** Longest message accepted; the conversation's own limit, so a refused message is never queued. */
  maxMessageChars: number;
}

export type LimitReason = "message-size" | "user-rate" | "workspace-rate" | "active-threads";

export type LimitDecision =
  | { ok: true }
  | {
      ok: false;
      reason: LimitReason;
      /** The friendly sentence for the user. */
      message: string;
      /**
       * Whether to show it: only the first refusal of a window is shown, so a flood of messages
       * gets one answer, not one per message.
       */
      notify: boolean;
    };

export interface AbuseLimits {
  check(turn: Turn): Promise<LimitDecision>;
  close(): Promise<void>;
}
