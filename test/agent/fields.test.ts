import { AIMessage, FakeToolCallingModel, fakeModel } from "langchain";
import { afterEach, describe, expect, it } from "vitest";
import { checkFields, requirementFieldsSchema, traceable } from "../../src/agent/fields.js";
import { createChatModel } from "../../src/agent/models.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/openai-server.js";
import { proposalPost, texts, thread } from "../support/thread.js";

/** A hosted model fills requirement fields; Archie keeps only what the user's words hold. */

const HR = "design an HR self-service portal for our 200-person company, used in office hours, $1k a month";
const TWEETS = "design a twitter timeline: 500 million tweets a day and 250 billion timeline loads a month, $50k a month";

describe("numbers a model gives are traced to the user's words", () => {
  it.each([
    [200, "a 200-person company"],
    [5_800, "500 million tweets a day"],
    [600_000, "3 million trucks, each pinging every 5 seconds"],
    [5_000, "uploads are about 5 MB"],
    [1.53, "growth of 20% per year"],
  ])("%d follows from %s", (value, words) => {
    expect(checkFields({ dau: value }, words, {}).problems.filter((p) => /nothing you said/.test(p))).toEqual([]);
  });

  it("a number absent from the words is left out, with a sentence saying so", () => {
    const checked = checkFields({ mau: 200, dau: 77_777 }, "a 200-person company", {});
    expect(checked.update).toEqual({ mau: 200 });
    expect(checked.problems).toEqual(["the model gave dau = 77777, which nothing you said states or implies, so it was left out"]);
  });

  it("only combines the words' numbers the way requirements combine", () => {
    expect(traceable(77_777, [200, 5_000, 1_000])).toBe(false);
    expect(traceable(166.667, [5_000, 30])).toBe(true);
  });

  it("gives providers a JSON schema with a description per field", () => {
    const schema = requirementFieldsSchema.toJSONSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties["writeRps"]?.description).toMatch(/writes per second/);
    expect(Object.values(schema.properties).every((p) => typeof p.description === "string" && p.description.length > 0)).toBe(true);
  });
});

describe("update_requirements with fields, through LangChain's fake chat models", () => {
  it("a model that fills the fields produces a proposal with exactly those figures", async () => {
    const fields = { domain: "HR self-service portal", archetype: "internal", mau: 200, peakFactor: 3, budget: { amount: 1_000, currency: "USD", period: "month" } };
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: HR, fields } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage("Sized for your head count."));
    const reply = await thread({ model }).say(HR);
    const proposal = proposalPost(reply)?.proposal;
    expect(proposal?.requirements).toMatchObject(fields);
    expect(proposal?.archetype).toBe("internal");
    expect(proposal?.capacity.peakRps).toBeCloseTo((proposal?.capacity.avgRps ?? 0) * 3, 1);
    expect(texts(reply)).toEqual([]);
  });

  it("uses a model's volume as stated: 500 million tweets a day are 5,787 writes a second", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: TWEETS, fields: { domain: "twitter timeline", writeRps: 5_787, readRps: 96_450, budget: { amount: 50_000, currency: "USD", period: "month" } } } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage(""));
    const proposal = proposalPost(await thread({ model }).say(TWEETS))?.proposal;
    expect(proposal?.capacity.writeRps).toBe(5_787);
    expect(proposal?.capacity.readRps).toBe(96_450);
  });

  it("a model that invents a number has it dropped and noted", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: HR, fields: { domain: "HR portal", mau: 200, concurrentUsers: 77_777 } } }])
      .respondWithTools([{ name: "design", args: { useAssumptions: true } }])
      .respond(new AIMessage(""));
    const reply = await thread({ model }).say(HR);
    expect(proposalPost(reply)?.proposal.requirements.mau).toBe(200);
    expect(proposalPost(reply)?.proposal.requirements.concurrentUsers).toBeUndefined();
    expect(texts(reply).join("\n")).toMatch(/concurrentUsers = 77777, which nothing you said states or implies, so it was left out/);
  });

  it("fields none of which can be used fall back to the parser, and the reply says so", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: HR, fields: { dau: 77_777 } } }])
      .respondWithTools([{ name: "design", args: { useAssumptions: true } }])
      .respond(new AIMessage(""));
    const reply = await thread({ model }).say(HR);
    expect(proposalPost(reply)?.proposal.requirements).toMatchObject({ mau: 200, archetype: "internal" });
    expect(texts(reply).join("\n")).toMatch(/read your words with my built-in parser instead/);
  });

  it("malformed fields fall back to the parser, and the reply says so", async () => {
    const model = new FakeToolCallingModel({ toolCalls: [[{ name: "update_requirements", args: { statement: HR, fields: { mau: "two hundred" } }, id: "1" }], []] });
    const reply = await thread({ model }).say(HR);
    expect(texts(reply)[0]).toMatch(/returned a malformed tool call/);
    expect(JSON.stringify(reply)).toMatch(/200/);
  });

  it("revise takes fields too", async () => {
    const model = fakeModel()
      .respondWithTools([{ name: "update_requirements", args: { statement: HR, fields: { domain: "HR portal", archetype: "internal", mau: 200, budget: { amount: 1_000, currency: "USD", period: "month" } } } }])
      .respondWithTools([{ name: "design", args: {} }])
      .respond(new AIMessage(""))
      .respondWithTools([{ name: "revise", args: { fields: { mau: 3_000 } } }])
      .respond(new AIMessage(""));
    const t = thread({ model });
    await t.say(HR);
    const second = await t.say("we grew: 3,000 employees now");
    expect(proposalPost(second)?.proposal.requirements.mau).toBe(3_000);
  });
});

describe("the real ChatOpenAI client sends and receives the fields", () => {
  let server: FakeOpenAI | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("providers see the fields' JSON schema, and the fields reach the proposal", async () => {
    const fields = { domain: "HR portal", archetype: "internal", mau: 200, budget: { amount: 1_000, currency: "USD", period: "month" } };
    server = await startFakeOpenAI((_request, i) => {
      if (i === 0) return { toolCalls: [{ name: "update_requirements", arguments: JSON.stringify({ statement: HR, fields }) }] };
      if (i === 1) return { toolCalls: [{ name: "design", arguments: "{}" }] };
      return { content: "Done." };
    });
    const model = createChatModel({ provider: "openai", model: "archie-test", apiKey: "sk-test-key-000000", baseUrl: server.baseUrl, timeoutMs: 2000 });
    const reply = await thread({ ...(model ? { model } : {}), modelTimeoutMs: 2000 }).say(HR);
    expect(proposalPost(reply)?.proposal.requirements).toMatchObject(fields);
    const tool = server.requests[0]?.tools?.find((t) => t.function.name === "update_requirements") as { function: { parameters?: { properties?: { fields?: { properties?: Record<string, { description?: string }> } } } } } | undefined;
    expect(tool?.function.parameters?.properties?.fields?.properties?.["mau"]?.description).toMatch(/head count/);
  });
});
