import { fieldLabel } from "../planner/describe.js";
import { questionMessage, type Topic } from "./questions.js";

/** The offline model's wording. Figures never appear here: they stay in the posted proposal. */

export const REFINE_HINT =
  'I can explain any part ("why Kafka?"), run a what-if ("what if traffic is 10x"), revise for a new budget, region or database ("budget is €2k", "we must stay in the EU", "use MySQL", "drop Kubernetes"), show a part ("show costs", "components", "bottlenecks", "roadmap", "full proposal") or "export".';

export const INJECTION_LEAD = "I keep my working instructions and credentials to myself, but I'm glad to work on your architecture.";

export const INTRO = "I design production architectures: capacity, components, cost, bottlenecks and a 2x/10x/100x roadmap.";

export function noProposalLead(what: "roadmap" | "section" | "export" | "explain" | "what-if"): string {
  const thing = { roadmap: "no roadmap to show", section: "nothing to show yet", export: "nothing to export", explain: "nothing to explain", "what-if": "nothing to scale" }[what];
  return `There is no proposal in this thread yet, so ${thing} — let's get there.`;
}

export interface QuestionReplyInput {
  lead?: string;
  recorded: string;
  problems: readonly string[];
  ask: readonly Topic[];
}

export function questionReply({ lead, recorded, problems, ask }: QuestionReplyInput): string {
  const parts: string[] = [];
  if (lead) parts.push(lead);
  if (recorded) parts.push(`Got it: ${recorded}.`);
  if (problems.length) parts.push(`I couldn't use part of that: ${problems.join("; ")}.`);
  if (!lead && !recorded && !problems.length) parts.push(INTRO);
  const opening = parts.join(" ");
  if (ask.length === 0) return opening;
  const intro = recorded ? (ask.length === 1 ? "One more thing:" : "A few more things:") : "To size it properly I need:";
  return `${opening}\n${questionMessage(ask, intro)}`;
}

export function proposalNote(version: number, assumed: readonly string[]): string {
  if (version > 1 || assumed.length === 0) return "";
  const names = [...new Set(assumed)].map(fieldLabel);
  const shown = names.slice(0, 4).join(", ") + (names.length > 4 ? ` and ${names.length - 4} more` : "");
  return `I assumed ${shown} (listed under Assumptions): tell me the real figures and I'll revise.`;
}

export function noChangeReply(version: number, problems: readonly string[]): string {
  const lead = problems.length ? `I couldn't apply that: ${problems.join("; ")}.` : `I didn't find a change to v${version} in that.`;
  return `${lead} ${REFINE_HINT}`;
}

export function proposalIsUp(version: number): string {
  return `v${version} is the current proposal. ${REFINE_HINT}`;
}

export const TOOL_FAILED = "Something went wrong on my side while working on that; nothing you said was lost. Please try again.";
