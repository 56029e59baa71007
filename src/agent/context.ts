import { plan } from "../planner/index.js";
import type { Proposal } from "../planner/proposal.js";
import { STATUS_MARKER } from "../prompts/system.js";
import type { Topic } from "../prompts/questions.js";
import type { ThreadState } from "../state/types.js";
import { FLASH_SALE, gaps, type Gaps } from "./policy.js";
import type { Post } from "./types.js";

/** Recently planned versions: the planner is pure, so a thread's next turn can reuse its plan. */
const RECENT_PLANS = 200;
const recentPlans = new Map<string, Proposal>();

function planVersion(requirements: ThreadState["requirements"], version: number): Proposal {
  const key = `${version}:${JSON.stringify(requirements)}`;
  const hit = recentPlans.get(key);
  if (hit) return hit;
  const proposal = plan(requirements, { version });
  remember(key, proposal);
  return proposal;
}

function remember(key: string, proposal: Proposal): void {
  recentPlans.set(key, proposal);
  if (recentPlans.size > RECENT_PLANS) recentPlans.delete(recentPlans.keys().next().value!);
}

/**
 * What one agent run works on: a private copy of the thread's state that the tools update,
 * and the posts they produce. A failed run is simply thrown away, so a fallback run starts
 * from the state as it was saved.
 */
export class TurnContext {
  readonly posts: Post[] = [];
  /** Questions the reply asks (their quick answers become buttons). */
  asking: Topic[] = [];

  constructor(
    readonly state: ThreadState,
    /** The user's message as it was received; tools parse it, never the model's paraphrase alone. */
    readonly userText: string,
  ) {}

  private planned?: Proposal;

  /** The current proposal, recomputed once per turn from the requirements it was planned from. */
  get current(): Proposal | undefined {
    const latest = this.state.versions.at(-1);
    if (!latest) return undefined;
    if (this.planned?.version !== latest.version) this.planned = planVersion(latest.requirements, latest.version);
    return this.planned;
  }

  /** Adds a new version (keeping the newest `keep`) and makes it current without planning it again. */
  addVersion(proposal: Proposal, keep: number): void {
    this.state.versions = [...this.state.versions, { version: proposal.version, requirements: proposal.requirements }].slice(-keep);
    this.planned = proposal;
    remember(`${proposal.version}:${JSON.stringify(proposal.requirements)}`, proposal);
  }

  /** True when a message of this thread (kept for context, or this one) mentions a flash sale. */
  get mentionsFlashSale(): boolean {
    if (FLASH_SALE.test(this.userText)) return true;
    return this.state.messages.some((m) => m.type === "human" && typeof m.data.content === "string" && FLASH_SALE.test(m.data.content));
  }

  gaps(): Gaps {
    return gaps(this.state.requirements, this.state.asked, this.mentionsFlashSale);
  }
}

/** The facts about the thread the model needs before its first step. */
export interface ThreadStatus {
  proposalVersion: number | null;
  missing: Topic[];
  pending: Topic[];
}

export function threadStatus(ctx: TurnContext): ThreadStatus {
  const g = ctx.gaps();
  // The version number is in the state; planning the proposal just to read it would cost a plan per turn.
  return { proposalVersion: ctx.state.versions.at(-1)?.version ?? null, missing: g.missing, pending: g.pending };
}

export function statusLine(status: ThreadStatus): string {
  return `${STATUS_MARKER} ${JSON.stringify(status)}`;
}

/** Reads the status line back out of a system prompt; undefined when absent or unreadable. */
export function readStatus(systemText: string): ThreadStatus | undefined {
  const line = systemText.split("\n").find((l) => l.startsWith(STATUS_MARKER));
  if (!line) return undefined;
  try {
    const value = JSON.parse(line.slice(STATUS_MARKER.length)) as Partial<ThreadStatus>;
    if (!Array.isArray(value.missing) || !Array.isArray(value.pending)) return undefined;
    return { proposalVersion: typeof value.proposalVersion === "number" ? value.proposalVersion : null, missing: value.missing, pending: value.pending };
  } catch {
    return undefined;
  }
}
