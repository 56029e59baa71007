import type { webApi } from "@slack/bolt";
import type { ToolName, TurnStep } from "../../agent/types.js";
import type { ThreadRef } from "./blocks/posts.js";

/**
 * Slack's AI-app thread chrome: the loading status under an assistant thread while a turn runs
 * ("Archie is sizing the components…"), the thread's title and its suggested prompts. Both are courtesies: a missing
 * scope or a workspace without the AI-app feature must never stop a reply, so failures are only
 * logged. Calls for one thread go out one after another, and while one is on its way only the
 * latest wanted status waits, so a burst of steps costs at most two calls and a clear is never
 * overtaken by a status set before it.
 */

/** What Slack shows after the app's name while the turn runs, per step. */
const STEP_STATUS: Record<ToolName, string> = {
  update_requirements: "is reading your requirements…",
  design: "is sizing the components and pricing them…",
  revise: "is revising the design…",
  show_roadmap: "is planning the 2x, 10x and 100x steps…",
  show_section: "is laying out that part of the proposal…",
  export_artifacts: "is writing the k6 tests and HPA manifests…",
  explain_component: "is looking into that component…",
};

export const STARTED_STATUS = "is thinking…";

/** Rotated by Slack under the status while the first step runs. */
const LOADING_MESSAGES = ["Reading the thread…", "Working out peak traffic…", "Checking capacity against the budget…"];

/** Slack's longest thread title is not documented; a sidebar shows far less than this. */
const TITLE_MAX = 255;

export function statusOf(step: TurnStep): string {
  return step.kind === "started" ? STARTED_STATUS : STEP_STATUS[step.tool];
}

export interface ThreadStatus {
  /** Shows the step's status (without waiting for Slack). */
  show(thread: ThreadRef, step: TurnStep): void;
  /** Clears the status, after anything still on its way; resolves when Slack answered. */
  clear(thread: ThreadRef): Promise<void>;
  /** Names the thread in the AI-app pane. */
  title(thread: ThreadRef, title: string): Promise<void>;
  /** Replaces the thread's suggested prompts. */
  suggest(thread: ThreadRef, title: string, prompts: readonly { title: string; message: string }[]): Promise<void>;
}

interface Lane {
  /** The call in flight, if any. */
  running?: Promise<void>;
  /** The status to send once it is done ("" clears). */
  wanted?: { status: string; loading: boolean };
}

export function createThreadStatus(client: webApi.WebClient, log: (line: string) => void): ThreadStatus {
  const lanes = new Map<string, Lane>();
  const keyOf = (thread: ThreadRef) => `${thread.channel}:${thread.thread}`;

  async function courtesy(what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      const code = typeof error === "object" && error !== null && "data" in error ? (error as { data?: { error?: string } }).data?.error : undefined;
      log(`could not ${what}: ${code ?? (error instanceof Error ? error.message : String(error))}`);
    }
  }

  function pump(thread: ThreadRef, lane: Lane): Promise<void> {
    if (lane.running) return lane.running;
    const next = lane.wanted;
    if (!next) {
      lanes.delete(keyOf(thread));
      return Promise.resolve();
    }
    lane.wanted = undefined;
    const args = { channel_id: thread.channel, thread_ts: thread.thread, status: next.status, ...(next.loading ? { loading_messages: LOADING_MESSAGES } : {}) };
    lane.running = courtesy(next.status ? "show the thread status" : "clear the thread status", () => client.assistant.threads.setStatus(args)).then(() => {
      lane.running = undefined;
      return pump(thread, lane);
    });
    return lane.running;
  }

  function want(thread: ThreadRef, status: string, loading: boolean): Promise<void> {
    const key = keyOf(thread);
    const lane = lanes.get(key) ?? {};
    lanes.set(key, lane);
    lane.wanted = { status, loading };
    return pump(thread, lane);
  }

  return {
    show(thread, step) {
      void want(thread, statusOf(step), step.kind === "started");
    },
    clear: (thread) => want(thread, "", false),
    title: (thread, title) =>
      courtesy("set the thread title", () => client.assistant.threads.setTitle({ channel_id: thread.channel, thread_ts: thread.thread, title: title.slice(0, TITLE_MAX) })),
    suggest: (thread, title, prompts) =>
      courtesy("suggest prompts", () => client.assistant.threads.setSuggestedPrompts({ channel_id: thread.channel, thread_ts: thread.thread, title, prompts: [...prompts] })),
  };
}
