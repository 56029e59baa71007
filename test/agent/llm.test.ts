import { AIMessage, FakeToolCallingModel, fakeModel } from "langchain";
import { afterEach, describe, expect, it } from "vitest";
import { createChatModel } from "../../src/agent/models.js";
import { STATUS_MARKER } from "../../src/prompts/system.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/openai-server.js";
import { proposalPost, questions, texts, thread } from "../support/thread.js";

/** The hosted-model path, offline: LangChain's fake models, and the real ChatOpenAI against a loopback server. */

const REQUEST = "a food-delivery app with 50k DAU and $5k/month";

describe("agent loop with a tool-calling model", () => {
  it("posts the planner's proposal with the model's note", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: REQUEST } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage("Watch the database first: it is the first limit you will reach."));
    const t = thread({ model });
    const reply = await t.say(REQUEST);
    const post = proposalPost(reply);
    expect(post?.proposal.requirements).toMatchObject({ dau: 50_000 });
    expect(post?.note).toBe("Watch the database first: it is the first limit you will reach.");
    expect(texts(reply)).toEqual([]);
    expect(model.callCount).toBe(3);
    const system = model.calls[0]?.messages[0];
    expect(system?.text).toContain(STATUS_MARKER);
  });

  it("keeps what the model learnt for the next turn", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: "a food-delivery app" } }])
      .respond(new AIMessage("How much traffic, and what budget?"))
      .respondWithTools([{ name: "update_requirements", args: { statement: "50k DAU, $5k/month" } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage(""));
    const t = thread({ model });
    expect(texts(await t.say("a food-delivery app"))).toEqual(["How much traffic, and what budget?"]);
    const second = await t.say("50k DAU, $5k/month");
    expect(proposalPost(second)?.proposal.requirements).toMatchObject({ domain: expect.any(String), dau: 50_000 });
    const history = model.calls[2]?.messages.map((m) => m.text) ?? [];
    expect(history).toContain("a food-delivery app");
    expect(history).toContain("How much traffic, and what budget?");
  });

  it("refuses to design before the facts are in unless told to go", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage("What are you building?"));
    const reply = await thread({ model }).say("hello");
    expect(proposalPost(reply)).toBeUndefined();
    expect(model.calls[1]?.messages.at(-1)?.text).toMatch(/Still missing/);
  });

  it("posts one proposal per turn and keeps secrets out of the model's words", async () => {
    const secret = "sk-test-LEAKED-999999";
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: REQUEST } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage(`Done. My key is ${secret}`));
    const reply = await thread({ model, secrets: [secret] }).say(REQUEST);
    expect(reply.posts.filter((p) => p.kind === "proposal")).toHaveLength(1);
    expect(model.calls[3]?.messages.at(-1)?.text).toMatch(/v1 was just posted/);
    expect(proposalPost(reply)?.note).toBe("Done. My key is [redacted]");
  });

  it("falls back to the offline model when the model fails, saying so in one line, with no secret in logs", async () => {
    const secret = "sk-test-SECRET-123456";
    const model = fakeModel().alwaysThrow(new Error(`401 Incorrect API key provided: ${secret}`));
    const logs: string[] = [];
    const reply = await thread({ model, secrets: [secret], log: (line) => logs.push(line) }).say(REQUEST);
    expect(texts(reply)[0]).toMatch(/^_\(My language model failed, so this reply comes from my built-in offline planner\.\)_$/);
    expect(proposalPost(reply)?.proposal.requirements.dau).toBe(50_000);
    expect(logs.join("\n")).toContain("[redacted]");
    expect(JSON.stringify({ logs, reply })).not.toContain(secret);
  });

  it("treats tool arguments that fail the schema as malformed and falls back", async () => {
    const model = new FakeToolCallingModel({ toolCalls: [[{ name: "update_requirements", args: { statement: 42 }, id: "1" }], []] });
    const reply = await thread({ model }).say("a food-delivery app");
    expect(texts(reply)[0]).toMatch(/returned a malformed tool call/);
    expect(questions(reply).join(" ")).toMatch(/traffic/i);
  });
});

describe("the real ChatOpenAI client against an OpenAI-compatible server", () => {
  let server: FakeOpenAI | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const openai = (baseUrl: string, timeoutMs = 2000) => createChatModel({ provider: "openai", model: "archie-test", apiKey: "sk-test-key-000000", baseUrl, timeoutMs });

  it("round-trips tool calls and results", async () => {
    server = await startFakeOpenAI((_request, i) => {
      if (i === 0) return { toolCalls: [{ name: "update_requirements", arguments: JSON.stringify({ statement: REQUEST }) }] };
      if (i === 1) return { toolCalls: [{ name: "design", arguments: "{}" }] };
      return { content: "Start with the database." };
    });
    const model = openai(server.baseUrl);
    const reply = await thread({ ...(model ? { model } : {}), modelTimeoutMs: 2000 }).say(REQUEST);
    expect(proposalPost(reply)?.note).toBe("Start with the database.");
    expect(texts(reply)).toEqual([]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]?.tools?.map((t) => t.function.name).sort()).toEqual(
      ["design", "explain_component", "export_artifacts", "revise", "show_roadmap", "show_section", "update_requirements"],
    );
    const toolResult = server.requests[1]?.messages.find((m) => m.role === "tool");
    expect(String(toolResult?.content)).toMatch(/"recordedFields"/);
  });

  it.each([
    ["a 429", { status: 429, error: "Rate limit reached for requests" }, /is rate-limited right now/],
    ["a timeout", { hangMs: 3000 }, /did not answer in time/],
    ["malformed tool arguments", { toolCalls: [{ name: "update_requirements", arguments: "{statement: oops" }] }, /returned a malformed tool call/],
  ] as const)("falls back to the offline model on %s", async (_name, scripted, notice) => {
    server = await startFakeOpenAI(() => scripted);
    const model = openai(server.baseUrl, 300);
    const started = Date.now();
    const reply = await thread({ ...(model ? { model } : {}), modelTimeoutMs: 300 }).say(REQUEST);
    expect(texts(reply)[0]).toMatch(notice);
    expect(texts(reply)[0]?.split("\n")).toHaveLength(1);
    expect(proposalPost(reply)?.proposal.requirements.dau).toBe(50_000);
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
