import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { diffProposals, plan, PlannerInputError } from "../planner/index.js";
import { detectArchetype, parseRequirements } from "../planner/parse/index.js";
import type { Proposal } from "../planner/proposal.js";
import type { RequirementField, Requirements } from "../planner/requirements.js";
import { QUESTIONS } from "../prompts/questions.js";
import { formatMoney } from "../planner/readable.js";
import { TurnContext } from "./context.js";
import { describeFields } from "../planner/describe.js";
import { explain } from "./explain.js";
import { mergeRequirements, scaleTraffic } from "./merge.js";
import { readMessage } from "./offline/intent.js";
import { filesPost, proposalPost, roadmapPhases, sectionPost } from "./posts.js";
import { PARTS, PROPOSAL_PARTS } from "../report/parts.js";
import { isStated, isVagueDomain, nextQuestions, stillUnanswered } from "./policy.js";

/**
 * The agent's tools. Each wraps the planner or the report and works on the turn's context,
 * which the conversation service passes as LangChain's runtime context. Results are short
 * JSON for the model; the posts themselves (proposal, roadmap, files) go straight to the reply,
 * so a model never retypes a figure.
 */

/** Proposal versions kept in a thread; numbering continues past the ones dropped. A diff needs only the previous one. */
export const MAX_PROPOSALS = 3;

export class MissingTurnContextError extends Error {
  constructor() {
    super("tool called without a turn context");
    this.name = "MissingTurnContextError";
  }
}

/** The tool's second argument is LangChain's runtime; the service puts the turn in its context. */
function turnOf(runtime: unknown): TurnContext {
  const turn = (runtime as { context?: { turn?: unknown } } | undefined)?.context?.turn;
  if (!(turn instanceof TurnContext)) throw new MissingTurnContextError();
  return turn;
}

const result = (value: Record<string, unknown>) => JSON.stringify(value);
const NO_PROPOSAL = result({ error: "There is no proposal yet in this thread. Gather the requirements and call design first." });

interface Parsed {
  update: Partial<Requirements>;
  problems: string[];
}

/**
 * Parses a statement. A product named without a verb ("a payments app, 10k DAU") is read as
 * the domain while none is known; a bare answer ("50k", "$2k") as the answer to an open
 * question, figures first, since almost any phrase could pass for a product description.
 */
function parseStatement(ctx: TurnContext, statement: string): Parsed {
  const injection = readMessage(statement).injection;
  let plain = parseRequirements(statement, {});
  const archetype = detectArchetype(statement);
  if (!injection && !isStated(ctx.state.requirements, "domain") && plain.requirements.domain === undefined && archetype !== undefined && archetype !== "generic") {
    const named = parseRequirements(statement, { expecting: "domain" });
    if (named.requirements.domain !== undefined) plain = named;
  }
  if (plain.requirements.domain !== undefined && isVagueDomain(plain.requirements.domain)) {
    const { domain: _vague, ...rest } = plain.requirements;
    plain = { ...plain, requirements: rest, found: plain.found.filter((field) => field !== "domain") };
  }
  if (plain.found.length > 0) return { update: plain.requirements, problems: plain.problems };
  const open = stillUnanswered(ctx.state.requirements, ctx.state.asked);
  const ordered = [...open.filter((field) => field !== "domain"), ...open.filter((field) => field === "domain" && !injection)];
  for (const expecting of ordered) {
    const answer = parseRequirements(statement, { expecting });
    if (expecting === "domain" && isVagueDomain(answer.requirements.domain ?? "")) continue;
    if (answer.found.length > 0) return { update: answer.requirements, problems: answer.problems };
  }
  return { update: {}, problems: plain.problems };
}

/** Applies an update to the thread's requirements; returns what changed. */
function record(ctx: TurnContext, requirements: Requirements, changed: readonly RequirementField[]): void {
  ctx.state.requirements = requirements;
  for (const field of changed) ctx.state.provenance[field] = ctx.state.turns;
  ctx.state.asked = stillUnanswered(requirements, ctx.state.asked);
}

function summary(proposal: Proposal, changes?: string[]): Record<string, unknown> {
  const { currency } = proposal.cost;
  return {
    posted: "proposal",
    version: proposal.version,
    title: proposal.title,
    monthlyCost: formatMoney(proposal.cost.monthly, currency),
    ...(proposal.cost.budget !== undefined ? { budget: formatMoney(proposal.cost.budget, currency), withinBudget: proposal.cost.withinBudget } : {}),
    assumed: proposal.assumptions.map((a) => a.field),
    topBottleneck: proposal.bottlenecks[0]?.title,
    ...(changes ? { changes } : {}),
  };
}

/** Plans from `requirements`; the thread changes only when planning succeeds. */
function publish(ctx: TurnContext, requirements: Requirements, changed: readonly RequirementField[]): string {
  const previous = ctx.current;
  let proposal: Proposal;
  try {
    proposal = plan(requirements, { version: (previous?.version ?? 0) + 1 });
  } catch (error) {
    if (error instanceof PlannerInputError) return result({ error: error.message });
    throw error;
  }
  record(ctx, requirements, changed);
  const changes = previous ? diffProposals(previous, proposal) : undefined;
  ctx.addVersion(proposal, MAX_PROPOSALS);
  ctx.posts.push(proposalPost(proposal, changes));
  ctx.asking = [];
  return result(summary(proposal, changes));
}

const updateRequirements = tool(
  ({ statement }, runtime) => {
    const ctx = turnOf(runtime);
    const parsed = parseStatement(ctx, statement);
    const merged = mergeRequirements(ctx.state.requirements, parsed.update);
    record(ctx, merged.requirements, merged.changed);
    const g = ctx.gaps();
    ctx.asking = ctx.current ? [] : nextQuestions(g);
    return result({
      recorded: describeFields(merged.requirements, merged.changed),
      recordedFields: merged.changed,
      problems: [...parsed.problems, ...merged.problems],
      missing: g.missing,
      ask: ctx.asking.map((topic) => ({ topic, question: QUESTIONS[topic].question, example: QUESTIONS[topic].example })),
      proposalVersion: ctx.current?.version ?? null,
    });
  },
  {
    name: "update_requirements",
    description:
      "Record requirements the user stated (what is built, traffic, budget, growth, regions, compliance, database, Kubernetes or not, corrections). Pass the user's own words. Returns what was recorded, what is still missing and which questions to ask.",
    schema: z.object({ statement: z.string().min(1).max(4000).describe("The user's words that state or correct requirements, quoted") }),
  },
);

const design = tool(
  ({ useAssumptions }, runtime) => {
    const ctx = turnOf(runtime);
    const posted = ctx.posts.find((post) => post.kind === "proposal");
    if (posted?.kind === "proposal") return result({ error: `v${posted.proposal.version} was just posted; use revise to change it.` });
    const missing = ctx.gaps().missing;
    if (missing.length > 0 && !useAssumptions) {
      return result({ error: `Still missing: ${missing.join(", ")}. Ask the user, or call design with useAssumptions when they said go.` });
    }
    return publish(ctx, ctx.state.requirements, []);
  },
  {
    name: "design",
    description: "Plan the architecture proposal from the thread's requirements and post it. Gaps are filled with assumptions the proposal lists.",
    schema: z.object({
      useAssumptions: z.boolean().optional().describe("True when the user asked to go ahead before giving everything"),
    }),
  },
);

const revise = tool(
  ({ change, trafficMultiplier }, runtime) => {
    const ctx = turnOf(runtime);
    const current = ctx.current;
    if (!current) return NO_PROPOSAL;
    let requirements = ctx.state.requirements;
    const changed: RequirementField[] = [];
    const problems: string[] = [];
    const apply = (update: Partial<Requirements>) => {
      const merged = mergeRequirements(requirements, update);
      requirements = merged.requirements;
      changed.push(...merged.changed.filter((f) => !changed.includes(f)));
      problems.push(...merged.problems);
    };
    if (trafficMultiplier !== undefined) apply(scaleTraffic(requirements, trafficMultiplier, current.capacity));
    if (change) {
      const parsed = parseStatement(ctx, change);
      problems.push(...parsed.problems);
      apply(parsed.update);
    }
    if (changed.length === 0) return result({ changed: false, version: current.version, problems });
    return publish(ctx, requirements, changed);
  },
  {
    name: "revise",
    description:
      "Apply a change to the current proposal (a new budget, region, database, no Kubernetes, corrected traffic, or a what-if traffic multiplier) and post the next version with what changed.",
    schema: z.object({
      change: z.string().min(1).max(4000).optional().describe("The user's words describing the change"),
      trafficMultiplier: z.number().min(0.01).max(1000).optional().describe("For 'what if traffic is 10x': 10"),
    }),
  },
);

const showRoadmap = tool(
  (_input, runtime) => {
    const ctx = turnOf(runtime);
    const current = ctx.current;
    if (!current) return NO_PROPOSAL;
    ctx.posts.push(sectionPost(current, "roadmap"));
    return result({ posted: "roadmap", version: current.version, phases: roadmapPhases(current) });
  },
  {
    name: "show_roadmap",
    description: "Post the 2x/10x/100x scaling roadmap of the current proposal.",
    schema: z.object({}),
  },
);

const showSection = tool(
  ({ part }, runtime) => {
    const ctx = turnOf(runtime);
    const current = ctx.current;
    if (!current) return NO_PROPOSAL;
    const post = sectionPost(current, part);
    ctx.posts.push(post);
    return result({ posted: part, version: current.version, title: PARTS[part].title, sections: post.document.sections.map((s) => s.title) });
  },
  {
    name: "show_section",
    description:
      "Post one part of the current proposal in the thread: costs, components, bottlenecks, assumptions, roadmap, or full (the whole proposal, also attached as Markdown). The first reply to a design is only its summary.",
    schema: z.object({ part: z.enum(PROPOSAL_PARTS).describe("Which part the user asked for") }),
  },
);

const exportArtifacts = tool(
  (_input, runtime) => {
    const ctx = turnOf(runtime);
    const current = ctx.current;
    if (!current) return NO_PROPOSAL;
    const post = filesPost(current);
    ctx.posts.push(post);
    return result({ posted: "files", version: current.version, files: post.files.map((f) => f.filename) });
  },
  {
    name: "export_artifacts",
    description: "Attach the current proposal's files: k6 load-test scripts, HPA manifests and the proposal as Markdown.",
    schema: z.object({}),
  },
);

const explainComponent = tool(
  ({ component }, runtime) => {
    const ctx = turnOf(runtime);
    const current = ctx.current;
    if (!current) return NO_PROPOSAL;
    const explanation = explain(current, component);
    return result({ version: current.version, found: explanation.found, explanation: explanation.text });
  },
  {
    name: "explain_component",
    description: "Explain why a component or technology choice is in the current proposal, from its stack reasoning, sizing and bottlenecks.",
    schema: z.object({ component: z.string().min(1).max(200).describe("The component or technology, e.g. Kafka") }),
  },
);

export const TOOLS = [updateRequirements, design, revise, showRoadmap, showSection, exportArtifacts, explainComponent];
