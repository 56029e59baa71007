import { QUESTIONS, type Topic } from "../prompts/questions.js";
import type { Action } from "./types.js";

/** Buttons adapters may show; pressing one sends a Turn with the action's id. */

export const GO_ACTION: Action = { id: "go", label: "Use assumptions and go" };

const SHOW_ROADMAP: Action = { id: "show_roadmap", label: "Show roadmap" };
const EXPORT: Action = { id: "export", label: "Export" };
const START_OVER: Action = { id: "start_over", label: "Start over" };

export const PROPOSAL_ACTIONS: Action[] = [SHOW_ROADMAP, EXPORT, START_OVER];
export const ROADMAP_ACTIONS: Action[] = [EXPORT, START_OVER];

/** A quick answer per question (its example), then "Use assumptions and go". */
export function actionsFor(topics: readonly Topic[]): Action[] {
  return [...topics.map((topic) => ({ id: `answer:${QUESTIONS[topic].example}`, label: QUESTIONS[topic].example })), GO_ACTION];
}
