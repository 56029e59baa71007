import type { CallbackHandlerMethods } from "@langchain/core/callbacks/base";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { createAgent, dynamicSystemPromptMiddleware } from "langchain";
import { SYSTEM_PROMPT } from "../prompts/system.js";
import { TurnContext, statusLine, threadStatus } from "./context.js";
import { TOOLS } from "./tools.js";
import { TOOL_NAMES, type StepListener, type ToolName } from "./types.js";

/**
 * One LangChain agent over the planner's tools. The loop is bounded by `recursionLimit`, and
 * the system prompt carries a status line recomputed before every model call.
 */

/** Enough for the longest policy path (update → design → final) with room for a hosted model's detours. */
export const RECURSION_LIMIT = 12;

export interface AgentRun {
  /** The model's last message, trimmed; empty when it only called tools. */
  finalText: string;
  /** The model produced tool calls the tools could not accept (bad JSON or arguments). */
  malformed: boolean;
}

export interface ArchitectAgent {
  run(ctx: TurnContext, history: readonly BaseMessage[], signal?: AbortSignal, onStep?: StepListener): Promise<AgentRun>;
}

export function createArchitectAgent(model: BaseChatModel): ArchitectAgent {
  const agent = createAgent({
    model,
    tools: TOOLS,
    middleware: [
      dynamicSystemPromptMiddleware((_state, runtime) => {
        const turn = (runtime.context as { turn?: unknown } | undefined)?.turn;
        return turn instanceof TurnContext ? `${SYSTEM_PROMPT}\n\n${statusLine(threadStatus(turn))}` : SYSTEM_PROMPT;
      }),
    ],
  });
  return {
    async run(ctx, history, signal, onStep) {
      const input = [...history, new HumanMessage(ctx.userText)];
      const steps = onStep ? [toolSteps(onStep)] : undefined;
      const output = await agent.invoke(
        { messages: input },
        { context: { turn: ctx }, recursionLimit: RECURSION_LIMIT, ...(signal ? { signal } : {}), ...(steps ? { callbacks: steps } : {}) },
      );
      const produced: BaseMessage[] = output.messages.slice(input.length);
      const malformed = produced.some(
        (m) => (AIMessage.isInstance(m) && (m.invalid_tool_calls?.length ?? 0) > 0) || (ToolMessage.isInstance(m) && m.status === "error"),
      );
      const last = produced.at(-1);
      const finalText = last && AIMessage.isInstance(last) && !last.tool_calls?.length ? last.text.trim() : "";
      return { finalText, malformed };
    },
  };
}

const isToolName = (name: unknown): name is ToolName => typeof name === "string" && (TOOL_NAMES as readonly string[]).includes(name);

/** A LangChain callback handler telling each tool call as a step; the tool's name arrives as the run's name. */
function toolSteps(onStep: StepListener): CallbackHandlerMethods {
  return {
    handleToolStart(_tool, _input, _runId, _parentRunId, _tags, _metadata, runName) {
      if (isToolName(runName)) onStep({ kind: "tool", tool: runName });
    },
  };
}
