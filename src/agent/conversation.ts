import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { mapStoredMessagesToChatMessages } from "@langchain/core/messages";
import { checkRequestText } from "../planner/parse/index.js";
import { QUESTIONS, questionMessage } from "../prompts/questions.js";
import { TOOL_FAILED } from "../prompts/replies.js";
import { emptyThreadState, StateTooLargeError } from "../state/index.js";
import { StoreLeaseLostError } from "../state/errors.js";
import { StoreBusyError, StoreUnavailableError, type ConversationStore, type ThreadLease, type ThreadState } from "../state/types.js";
import { createArchitectAgent } from "./agent.js";
import { TurnContext } from "./context.js";
import { classifyFailure, describeError, fallbackNotice, MalformedToolCallError, redact } from "./fallback.js";
import { appendExchange, describePosts, keepLast } from "./history.js";
import { OfflineArchitectModel } from "./offline/model.js";
import { START_OVER } from "./offline/intent.js";
import { actionsFor, actionText, PROPOSAL_ACTIONS, sectionActions } from "./actions.js";
import { decodeReply, encodeReply } from "./reply-codec.js";
import type { Post, Reply, StepListener, Turn } from "./types.js";

/**
 * The conversation service: one pipeline for every entry point. Dedupe the event, take the
 * thread's lock, run the agent (the hosted model, else the offline one), save the thread's new
 * state together with the reply, reply.
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

export interface TurnOptions {
  /**
   * Names the turn the same way on every retry of one platform event (a job id). The reply is
   * then committed with the thread's new state, and a retry of a turn that got that far returns
   * the committed reply instead of running again on the already-updated state.
   */
  turnId?: string;
  /** Hears each step as the agent takes it (surfaces show it as progress). */
  onStep?: StepListener;
}

export interface ConversationService {
  /**
   * Answers one turn. Throws when the store is unreachable, the thread stays busy or the turn's
   * lock was lost: nothing was committed, and the caller (a queue) retries the turn later.
   */
  handleTurn(turn: Turn, options?: TurnOptions): Promise<Reply>;
}

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

  async function runAgents(state: ThreadState, text: string, onStep: StepListener | undefined) {
    const history = mapStoredMessagesToChatMessages(state.messages);
    if (hosted) {
      const ctx = new TurnContext(structuredClone(state), text);
      try {
        const deadline = AbortSignal.timeout((options.modelTimeoutMs ?? 20_000) * 3);
        const run = await hosted.run(ctx, history, deadline, onStep);
        if (run.malformed) throw new MalformedToolCallError();
        return { ctx, finalText: run.finalText, notice: undefined };
      } catch (error) {
        const kind = classifyFailure(error);
        log(`model turn failed (${kind}); answering offline: ${describeError(error)}`);
        const retry = new TurnContext(structuredClone(state), text);
        const run = await offline.run(retry, history, undefined, onStep);
        return { ctx: retry, finalText: run.finalText, notice: fallbackNotice(kind) };
      }
    }
    const ctx = new TurnContext(structuredClone(state), text);
    const run = await offline.run(ctx, history, undefined, onStep);
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

  async function save(lease: ThreadLease, state: ThreadState, reply: Reply): Promise<void> {
    // Only a named turn can be retried into finding its reply; an unnamed one keeps none.
    const encoded = lease.turnId !== undefined ? encodeReply(reply) : undefined;
    try {
      await store.commit(lease, state, encoded);
    } catch (error) {
      if (!(error instanceof StateTooLargeError)) throw error;
      // Keep what matters most: the requirements and the current proposal.
      const kept = keepLast(state.messages, SHRUNK_MESSAGES);
      await store.commit(lease, { ...state, versions: state.versions.slice(-1), messages: kept.messages, droppedMessages: state.droppedMessages + kept.dropped }, encoded);
    }
  }

  /** Runs `step` under the thread's lock, unless this same turn already committed its reply: then that reply is the answer. */
  async function underLock(turn: Turn, options: TurnOptions, step: (lease: ThreadLease, saved: ThreadState | undefined) => Promise<Reply>): Promise<Reply> {
    const { lease, state: saved, committedReply } = await store.begin(turn.key, limits.lockWaitMs, options.turnId);
    try {
      if (committedReply !== undefined) {
        await store.abort(lease);
        return decodeReply(committedReply);
      }
      return await step(lease, saved);
    } catch (error) {
      await store.abort(lease).catch(() => undefined);
      throw error;
    }
  }

  async function converse(lease: ThreadLease, saved: ThreadState | undefined, text: string, onStep: StepListener | undefined): Promise<Reply> {
    const state = saved ?? emptyThreadState(now());
    state.turns += 1;
    const { ctx, finalText, notice } = await runAgents(state, text, onStep);
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
    await save(lease, next, { posts });
    return { posts };
  }

  async function startOver(lease: ThreadLease): Promise<Reply> {
    const reply = say(questionMessage(["domain", "traffic", "budget"], "Starting over: I've forgotten this thread's requirements and proposals. Tell me:"));
    await store.commit(lease, emptyThreadState(now()), lease.turnId !== undefined ? encodeReply(reply) : undefined);
    return reply;
  }

  return {
    async handleTurn(turn, options = {}) {
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
        const text = checked.text;
        return await underLock(turn, options, (lease, saved) => (START_OVER.test(text) ? startOver(lease) : converse(lease, saved, text, options.onStep)));
      } catch (error) {
        // Nothing was committed: the queue tries the turn again, and tells the user only when its attempts are spent.
        if (error instanceof StoreUnavailableError || error instanceof StoreBusyError || error instanceof StoreLeaseLostError) throw error;
        log(`turn failed: ${describeError(error)}`);
        return say(TOOL_FAILED);
      }
    },
  };
}
