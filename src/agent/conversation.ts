import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { mapStoredMessagesToChatMessages } from "@langchain/core/messages";
import { checkRequestText } from "../planner/parse/index.js";
import { QUESTIONS, questionMessage } from "../prompts/questions.js";
import { TOOL_FAILED } from "../prompts/replies.js";
import { emptyThreadState, StateTooLargeError } from "../state/index.js";
import { StoreBusyError, StoreUnavailableError, type ConversationStore, type ThreadLease, type ThreadState } from "../state/types.js";
import { createArchitectAgent } from "./agent.js";
import { TurnContext } from "./context.js";
import { classifyFailure, describeError, fallbackNotice, MalformedToolCallError, redact } from "./fallback.js";
import { appendExchange, describePosts, keepLast } from "./history.js";
import { OfflineArchitectModel } from "./offline/model.js";
import { START_OVER } from "./offline/intent.js";
import { actionsFor, actionText, PROPOSAL_ACTIONS, sectionActions } from "./actions.js";
import type { Post, Reply, Turn } from "./types.js";

/**
 * The conversation service: one pipeline for every entry point. Dedupe the event, take the
 * thread's lock, run the agent (the hosted model, else the offline one), save, reply.
 */

export interface Limits {
  /** Messages kept as model context per thread. */
  maxMessages: number;
  /** Longest user message read; longer ones are refused without touching the thread. */
  maxMessageChars: number;
  /** How long a turn waits for the thread's lock. */
  lockWaitMs: number;
  /** The longest a note from the model may be on a proposal. */
  maxNoteChars: number;
}

export const DEFAULT_LIMITS: Limits = { maxMessages: 40, maxMessageChars: 4000, lockWaitMs: 5000, maxNoteChars: 600 };

export interface ConversationOptions {
  store: ConversationStore;
  /** A hosted chat model; without one the offline model answers every turn. */
  model?: BaseChatModel;
  /** Per-call timeout of the hosted model; a whole turn gets three of them. */
  modelTimeoutMs?: number;
  limits?: Partial<Limits>;
  /** Values that must never reach a log line (API keys, Redis password). */
  secrets?: readonly string[];
  log?: (line: string) => void;
  now?: () => Date;
}

export interface ConversationService {
  handleTurn(turn: Turn): Promise<Reply>;
}

export const MEMORY_DOWN = "I can't reach my memory right now — try again in a minute.";
export const BUSY = "I'm still working on your previous message in this thread — send this one again in a moment.";

/** Messages kept when a thread's saved state hits the store's size cap. */
const SHRUNK_MESSAGES = 10;

const say = (text: string): Reply => ({ posts: [{ kind: "text", text }] });

/** A button press becomes the words it stands for, so it follows the same path as typing them. */
export function turnText(turn: Turn): string {
  return (turn.action && actionText(turn.action)) || turn.text;
}

export function createConversation(options: ConversationOptions): ConversationService {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const secrets = options.secrets ?? [];
  const log = (line: string) => options.log?.(redact(line, secrets));
  const now = options.now ?? (() => new Date());
  const offline = createArchitectAgent(new OfflineArchitectModel());
  const hosted = options.model ? createArchitectAgent(options.model) : undefined;
  const { store } = options;

  async function runAgents(state: ThreadState, text: string) {
    const history = mapStoredMessagesToChatMessages(state.messages);
    if (hosted) {
      const ctx = new TurnContext(structuredClone(state), text);
      try {
        const deadline = AbortSignal.timeout((options.modelTimeoutMs ?? 20_000) * 3);
        const run = await hosted.run(ctx, history, deadline);
        if (run.malformed) throw new MalformedToolCallError();
        return { ctx, finalText: run.finalText, notice: undefined };
      } catch (error) {
        const kind = classifyFailure(error);
        log(`model turn failed (${kind}); answering offline: ${describeError(error)}`);
        const retry = new TurnContext(structuredClone(state), text);
        const run = await offline.run(retry, history);
        return { ctx: retry, finalText: run.finalText, notice: fallbackNotice(kind) };
      }
    }
    const ctx = new TurnContext(structuredClone(state), text);
    const run = await offline.run(ctx, history);
    return { ctx, finalText: run.finalText, notice: undefined };
  }

  function compose(ctx: TurnContext, modelText: string, notice: string | undefined): Post[] {
    // A hosted model never saw a secret, but its words are not trusted to prove it.
    const finalText = redact(modelText, secrets);
    const posts: Post[] = notice ? [{ kind: "text", text: notice }] : [];
    const proposalAt = ctx.posts.findIndex((p) => p.kind === "proposal");
    for (const [i, post] of ctx.posts.entries()) {
      if (post.kind === "proposal" && i === proposalAt) {
        const note = finalText.slice(0, limits.maxNoteChars);
        posts.push({ ...post, ...(note ? { note } : {}), actions: PROPOSAL_ACTIONS });
      } else if (post.kind === "section") {
        posts.push({ ...post, actions: sectionActions(post.part) });
      } else {
        posts.push(post);
      }
    }
    if (proposalAt === -1) {
      const text = finalText || (ctx.posts.length === 0 ? TOOL_FAILED : "");
      if (text) posts.push({ kind: "text", text, ...(ctx.asking.length ? { actions: actionsFor(ctx.asking) } : {}) });
    }
    return posts;
  }

  async function save(lease: ThreadLease, state: ThreadState): Promise<void> {
    try {
      await store.commit(lease, state);
    } catch (error) {
      if (!(error instanceof StateTooLargeError)) throw error;
      // Keep what matters most: the requirements and the current proposal.
      const kept = keepLast(state.messages, SHRUNK_MESSAGES);
      await store.commit(lease, { ...state, versions: state.versions.slice(-1), messages: kept.messages, droppedMessages: state.droppedMessages + kept.dropped });
    }
  }

  async function converse(turn: Turn, text: string): Promise<Reply> {
    const { lease, state: saved } = await store.begin(turn.key, limits.lockWaitMs);
    try {
      const state = saved ?? emptyThreadState(now());
      state.turns += 1;
      const { ctx, finalText, notice } = await runAgents(state, text);
      const posts = compose(ctx, finalText, notice);
      const next = ctx.state;
      // Remember what was asked only when the reply really asks it (no proposal went out).
      if (ctx.asking.length && !posts.some((p) => p.kind === "proposal")) {
        next.asked = [...new Set([...next.asked, ...ctx.asking.map((topic) => QUESTIONS[topic].field)])];
      }
      const appended = appendExchange(next.messages, text, describePosts(posts), limits.maxMessages);
      if (appended.dropped > 0 && next.droppedMessages === 0) {
        posts.push({
          kind: "text",
          text: `_(This thread is long, so I keep its last ${limits.maxMessages} messages as conversation context; every requirement and the latest proposals are still remembered.)_`,
        });
      }
      next.messages = appended.messages;
      next.droppedMessages += appended.dropped;
      next.updatedAt = now().toISOString();
      await save(lease, next);
      return { posts };
    } catch (error) {
      await store.abort(lease).catch(() => undefined);
      throw error;
    }
  }

  return {
    async handleTurn(turn) {
      const text = turnText(turn).trim();
      if (text.length > limits.maxMessageChars) {
        return say(
          `That message is ${text.length.toLocaleString("en-US")} characters; I read at most ${limits.maxMessageChars.toLocaleString("en-US")} per message. Send the key facts (what you're building, the traffic, the budget) in a shorter one — nothing in this thread was lost.`,
        );
      }
      const checked = checkRequestText(text);
      if (!checked.ok) return say(checked.message);
      try {
        if (turn.eventId && !(await store.firstSighting(turn.eventId))) return { posts: [] };
        if (START_OVER.test(checked.text)) {
          await store.clear(turn.key);
          return say(questionMessage(["domain", "traffic", "budget"], "Starting over: I've forgotten this thread's requirements and proposals. Tell me:"));
        }
        return await converse(turn, checked.text);
      } catch (error) {
        if (error instanceof StoreUnavailableError) return say(MEMORY_DOWN);
        if (error instanceof StoreBusyError) return say(BUSY);
        log(`turn failed: ${describeError(error)}`);
        return say(TOOL_FAILED);
      }
    },
  };
}
