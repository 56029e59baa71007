import { QUESTIONS, type Topic } from "../prompts/questions.js";
import { PARTS, PROPOSAL_PARTS, type ProposalPart } from "../report/parts.js";
import type { Action } from "./types.js";

/** Buttons adapters may show; pressing one sends a Turn with the action's id, read as the words it stands for. */

export const GO_ACTION: Action = { id: "go", label: "Use assumptions and go" };

/** The roadmap keeps the id it has always had, so buttons already posted in threads still work. */
const ROADMAP_ID = "show_roadmap";
const PART_PREFIX = "show:";

const EXPORT: Action = { id: "export", label: "Export" };
const START_OVER: Action = { id: "start_over", label: "Start over" };

/** The button that asks for one part of the current proposal. */
export function partAction(part: ProposalPart): Action {
  if (part === "roadmap") return { id: ROADMAP_ID, label: "Show roadmap" };
  if (part === "full") return { id: `${PART_PREFIX}full`, label: "Full proposal (.md)" };
  return { id: `${PART_PREFIX}${part}`, label: PARTS[part].title };
}

/** The part an action id asks for, if it asks for one. */
export function partOfAction(id: string): ProposalPart | undefined {
  if (id === ROADMAP_ID) return "roadmap";
  const part = id.startsWith(PART_PREFIX) ? id.slice(PART_PREFIX.length) : "";
  return (PROPOSAL_PARTS as readonly string[]).includes(part) ? (part as ProposalPart) : undefined;
}

/** Five buttons at most (Slack's limit in one row): the parts people ask for most, the files, a fresh start. */
const BUTTON_PARTS: readonly ProposalPart[] = ["roadmap", "costs", "components"];

export const PROPOSAL_ACTIONS: Action[] = [...BUTTON_PARTS.map(partAction), EXPORT, START_OVER];

/** Under a part: the other parts on buttons, then the files. */
export function sectionActions(shown: ProposalPart): Action[] {
  return [...(["roadmap", "costs", "components", "full"] as const).filter((part) => part !== shown).map(partAction), EXPORT];
}

const ACTION_TEXT: Record<string, string> = { go: "go", export: "export", start_over: "start over" };

/** The words a button stands for, so a press follows the same path as typing them; undefined for unknown ids. */
export function actionText(id: string): string | undefined {
  if (id.startsWith("answer:")) return id.slice("answer:".length);
  const part = partOfAction(id);
  if (part === "roadmap") return "show the roadmap";
  if (part === "full") return "full proposal";
  if (part) return `show ${part}`;
  return ACTION_TEXT[id];
}

/** A quick answer per question (its example), then "Use assumptions and go". */
export function actionsFor(topics: readonly Topic[]): Action[] {
  return [...topics.map((topic) => ({ id: `answer:${QUESTIONS[topic].example}`, label: QUESTIONS[topic].example })), GO_ACTION];
}
