import { HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { Topic } from "../../prompts/questions.js";
import {
  INJECTION_LEAD,
  REFINE_HINT,
  TOOL_FAILED,
  noChangeReply,
  noProposalLead,
  proposalIsUp,
  proposalNote,
  questionReply,
} from "../../prompts/replies.js";
import { readStatus, type ThreadStatus } from "../context.js";
import type { ToolName } from "../types.js";
import { readMessage, type ReadMessage } from "./intent.js";

/**
 * The offline model's policy: from the conversation and this turn's tool results, the next
 * step is either one tool call or the final message. Pure, so each step is testable alone.
 */

export type Step = { call: ToolName; args: Record<string, unknown> } | { say: string };

/** More steps than any policy path takes; reaching it means something looped. */
const MAX_TOOL_STEPS = 3;

const textOf = (message: BaseMessage): string => (typeof message.content === "string" ? message.content : message.text);

function parseResult(message: ToolMessage): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(textOf(message));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

function lastHumanIndex(messages: readonly BaseMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message && HumanMessage.isInstance(message)) return i;
  }
  return -1;
}

export function decide(messages: readonly BaseMessage[], tools: ReadonlySet<string>): Step {
  const system = messages.find((m) => SystemMessage.isInstance(m));
  const status: ThreadStatus = (system && readStatus(textOf(system))) ?? { proposalVersion: null, missing: ["domain", "traffic", "budget"], pending: [] };
  const humanAt = lastHumanIndex(messages);
  const human = messages[humanAt];
  if (!human) return { say: questionReply({ recorded: "", problems: [], ask: status.missing }) };
  const read = readMessage(textOf(human));
  const results = messages.slice(humanAt + 1).filter((m): m is ToolMessage => ToolMessage.isInstance(m));
  const last = results.at(-1);
  const can = (name: ToolName) => tools.has(name);

  if (!last) return firstStep(textOf(human), read, status, can);
  if (last.status === "error" || results.length > MAX_TOOL_STEPS) return { say: TOOL_FAILED };
  const data = parseResult(last);
  if (typeof data.error === "string") return { say: data.error };

  switch (last.name) {
    case "update_requirements":
      return afterUpdate(data, read, can);
    case "design":
    case "revise":
      if (data.changed === false) return { say: noChangeReply(Number(data.version), strings(data.problems)) };
      return { say: proposalNote(Number(data.version), strings(data.assumed)) };
    case "explain_component":
      return { say: text(data.explanation) };
    default:
      return { say: "" };
  }
}

function firstStep(userText: string, read: ReadMessage, status: ThreadStatus, can: (name: ToolName) => boolean): Step {
  const { intent } = read;
  const version = status.proposalVersion;
  if (version !== null) {
    if (intent.kind === "explain" && can("explain_component")) return { call: "explain_component", args: { component: intent.subject || userText } };
    if (intent.kind === "roadmap" && can("show_roadmap")) return { call: "show_roadmap", args: {} };
    if (intent.kind === "section" && can("show_section")) return { call: "show_section", args: { part: intent.part } };
    if (intent.kind === "export" && can("export_artifacts")) return { call: "export_artifacts", args: {} };
    if (intent.kind === "what-if" && can("revise")) return { call: "revise", args: { trafficMultiplier: intent.multiplier } };
    if (read.injection) return { say: `${INJECTION_LEAD} ${REFINE_HINT}` };
    if (intent.kind === "statement" && intent.go) return { say: proposalIsUp(version) };
    if (can("revise")) return { call: "revise", args: { change: userText } };
    return { say: proposalIsUp(version) };
  }
  if (can("update_requirements")) return { call: "update_requirements", args: { statement: userText } };
  return { say: questionReply({ recorded: "", problems: [], ask: status.missing }) };
}

function afterUpdate(data: Record<string, unknown>, read: ReadMessage, can: (name: ToolName) => boolean): Step {
  const ask = Array.isArray(data.ask) ? (data.ask as { topic: Topic }[]).map((q) => q.topic) : [];
  const go = read.intent.kind === "statement" && read.intent.go;
  if (data.proposalVersion === null && can("design") && (go || ask.length === 0)) {
    return { call: "design", args: go ? { useAssumptions: true } : {} };
  }
  const kind = read.intent.kind;
  const lead = read.injection ? INJECTION_LEAD : kind === "statement" ? undefined : noProposalLead(kind);
  return { say: questionReply({ ...(lead ? { lead } : {}), recorded: text(data.recorded), problems: strings(data.problems), ask }) };
}
