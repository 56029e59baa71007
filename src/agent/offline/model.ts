import { BaseChatModel, type BaseChatModelParams, type BindToolsInput } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { decide } from "./decide.js";

/**
 * The built-in model: a LangChain chat model that needs no network. It reads the conversation
 * and the tools bound to it and emits the tool calls the conversation policy calls for, then a
 * final message. The agent loop cannot tell it from a hosted model.
 */
export class OfflineArchitectModel extends BaseChatModel {
  private readonly toolNames: ReadonlySet<string>;
  private calls = 0;

  constructor(fields: BaseChatModelParams & { toolNames?: readonly string[] } = {}) {
    const { toolNames = [], ...rest } = fields;
    super(rest);
    this.toolNames = new Set(toolNames);
  }

  _llmType(): string {
    return "archie-offline";
  }

  /** The agent binds the same tools before every model call; building a chat model each time is not free. */
  private readonly bound = new Map<string, OfflineArchitectModel>();

  override bindTools(tools: BindToolsInput[]): OfflineArchitectModel {
    const names = tools.map(toolName).filter((name): name is string => name !== undefined);
    const key = names.join("\n");
    let model = this.bound.get(key);
    if (!model) {
      model = new OfflineArchitectModel({ toolNames: names });
      this.bound.set(key, model);
    }
    return model;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const step = decide(messages, this.toolNames);
    this.calls += 1;
    const message =
      "call" in step
        ? new AIMessage({ content: "", tool_calls: [{ id: `offline-${this.calls}`, name: step.call, args: step.args, type: "tool_call" }] })
        : new AIMessage({ content: step.say });
    return { generations: [{ text: "say" in step ? step.say : "", message }] };
  }
}

function toolName(input: BindToolsInput): string | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  if ("name" in input && typeof input.name === "string") return input.name;
  if ("function" in input && typeof input.function === "object" && input.function !== null && "name" in input.function) {
    return String(input.function.name);
  }
  return undefined;
}
