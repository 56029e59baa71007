import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";
import { parseRequirements } from "../../src/planner/parse/index.js";
import { buildDocument, renderMarkdown } from "../../src/report/index.js";

/** What a request's words come to once planned: the figures an engineer checks first. */
function figures(text: string) {
  const { requirements } = parseRequirements(text);
  const { capacity, archetype } = plan(requirements, { version: 1 });
  return { writes: capacity.writeRps, reads: capacity.readRps, storageGb: capacity.storageGbYear1, archetype, requirements };
}

const within = (actual: number, expected: number, share = 0.25) => {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - share));
  expect(actual).toBeLessThanOrEqual(expected * (1 + share));
};

// system-design-primer's worked examples, in an engineer's words. Expected figures are the
// primer's own: writes/s, reads/s and a year of new content (a third of its three-year total, or
// twelve of its months). Its volumes do not grow, so each request says so.
const PRIMER: Array<{ name: string; text: string; writes?: number; reads: number; storageGb?: number }> = [
  {
    name: "Pastebin",
    text: "Design Pastebin: 10 million pastes created a month and 100 million paste views a month; each paste is about 1.27 KB. No growth expected.",
    writes: 4, reads: 40, storageGb: 150,
  },
  {
    name: "Twitter timeline",
    text: "Design the Twitter timeline and search: 500 million tweets a day, 250 billion timeline loads a month and 10 billion searches a month, 10 KB per tweet, traffic stays flat.",
    writes: 6_000, reads: 104_000, storageGb: 1_800_000,
  },
  {
    name: "web crawler",
    text: "Design a web crawler: 4 billion links crawled per month, 100 billion searches per month, an average stored page is 500 KB; volumes stay flat.",
    writes: 1_600, reads: 40_000, storageGb: 24_000_000,
  },
  {
    name: "Mint",
    text: "Design a personal finance app like Mint for 10 million users: 5 billion transactions per month and 500 million read requests per month, each transaction is about 50 bytes, no growth.",
    writes: 2_000, reads: 200, storageGb: 3_000,
  },
  {
    name: "social graph",
    text: "Design the social graph for a social network of 100 million users with 1 billion friend searches per month.",
    reads: 400,
  },
  {
    name: "query cache for a search engine",
    text: "Design a query cache for a search engine: 10 million users, 10 billion queries per month.",
    reads: 4_000,
  },
  {
    name: "sales rank",
    text: "Design Amazon's sales rank by category: 1 billion transactions per month and 100 billion read requests per month, 40 bytes per transaction, no growth.",
    writes: 400, reads: 40_000, storageGb: 480,
  },
  {
    name: "scaling on AWS",
    text: "Design a system that scales to millions of users on AWS: 10 million users, 1 billion writes per month, 100 billion reads per month, 1 KB of content per write, flat traffic.",
    writes: 400, reads: 40_000, storageGb: 12_000,
  },
];

describe("system-design-primer's worked examples", () => {
  it.each(PRIMER)("$name: writes/s, reads/s and year-one storage within 25% of the primer", ({ text, writes, reads, storageGb }) => {
    const got = figures(text);
    if (writes !== undefined) within(got.writes, writes);
    within(got.reads, reads);
    if (storageGb !== undefined) within(got.storageGb, storageGb);
  });
});

describe("the phrasings engineers use", () => {
  it.each([
    ["10 million pastes created a month", { writeRps: 3.85802 }],
    ["100 million paste views a month", { readRps: 38.5802 }],
    ["500 million tweets a day", { writeRps: 5787.04 }],
    ["1 billion writes a month", { writeRps: 385.802 }],
    ["400 writes per second and 40,000 reads per second", { writeRps: 400, readRps: 40_000 }],
    ["2 million messages a day and 500k uploads a day", { writeRps: 28.9351 }],
    ["3 million trucks, each pinging its location every 5 seconds", { writeRps: 600_000 }],
    ["5,000 homes, each device sends a reading every 30 seconds", { writeRps: 166.667 }],
    ["150k daily riders and 20k drivers; every driver sends a location update every 4 seconds", { dau: 170_000, writeRps: 5_000 }],
    ["a typical member posts about 20 messages a day", { writesPerUserPerDay: 20 }],
    ["each user posts 20 messages a day", { writesPerUserPerDay: 20 }],
    ["20 messages per user per day", { writesPerUserPerDay: 20 }],
    ["every driver sends a location update every 4 seconds", { writesPerUserPerDay: 21_600 }],
    ["1M MAU, each sending ~40 messages/day", { mau: 1_000_000, writesPerUserPerDay: 40 }],
    ["a user uploads 2 photos a day", { writesPerUserPerDay: 2 }],
    ["each month we get 10M messages", { writeRps: 3.85802 }],
    ["5,000 buses, each reporting every 10 s", { writeRps: 500 }],
    ["150k daily riders", { dau: 150_000 }],
    ["600k shoppers a day", { dau: 600_000 }],
    ["400k patients a day", { dau: 400_000 }],
    ["2,000 students a day", { dau: 2_000 }],
    ["a marketplace with 2M buyers and 50k sellers", { mau: 2_050_000 }],
    ["an internal tool for a 200-person company", { mau: 200, archetype: "internal" }],
    ["3,000 employees use it during office hours", { mau: 3_000, peakFactor: 3 }],
    ["each paste is about 1.27 KB", { storedKbPerWrite: 1.27 }],
    ["each upload is about 5 MB", { objectKbPerWrite: 5_000 }],
    ["uploads are about 5 MB", { objectKbPerWrite: 5_000 }],
    ["an average stored page is 500 KB", { objectKbPerWrite: 500 }],
    ["1 KB of content per write", { storedKbPerWrite: 1 }],
    ["keep 90 days of tracks", { retentionDays: 90 }],
    ["data is deleted after 2 years", { retentionDays: 730 }],
  ] as const)("%s", (text, expected) => {
    const { requirements } = parseRequirements(`design a tracking app. ${text}`);
    expect(requirements).toMatchObject(expected);
  });

  it.each([
    ["design an HR self-service portal for a logistics firm", "internal"],
    ["design payments for a food-delivery app", "fintech"],
    ["build an internal tool for a 200-person company", "internal"],
  ] as const)("the main noun picks the domain: %s", (text, archetype) => {
    expect(parseRequirements(text).requirements.archetype).toBe(archetype);
  });

  it("multiplies a per-user rate by the users and says the implied rate replaces the default", () => {
    const { requirements } = parseRequirements("design a chat app with 50k DAU; a typical member posts about 20 messages a day");
    const proposal = plan(requirements, { version: 1 });
    expect(proposal.capacity.writeRps).toBeCloseTo((50_000 * 20) / 86_400, 2);
    expect(proposal.assumptions.find((a) => a.field === "requestsPerUserPerDay")?.reason).toMatch(/replaces the default/);
  });

  it("turns a stated volume into writes and reads, listed as stated, with the read share assumed", () => {
    const proposal = plan(parseRequirements("design a ride-hailing app: 3 million trucks, each pinging its location every 5 seconds").requirements, { version: 1 });
    expect(proposal.capacity.writeRps).toBe(600_000);
    expect(proposal.requirements.writeRps).toBe(600_000);
    expect(proposal.assumptions.map((a) => a.field)).toContain("readWriteRatio");
  });

  it("orders in a domain with no conversion to users are its writes, beside the other volumes", () => {
    const payments = plan(parseRequirements("design a payments platform: 2 million payments a day").requirements, { version: 1 });
    expect(payments.capacity.writeRps).toBeCloseTo(2_000_000 / 86_400, 1);
    const tickets = plan(parseRequirements("design a B2B helpdesk: 20k tickets a day and 10k orders a day").requirements, { version: 1 });
    expect(tickets.capacity.writeRps).toBeCloseTo(30_000 / 86_400, 2);
  });

  it("the report lists stated volumes, sizes and retention as stated", () => {
    const proposal = plan(parseRequirements("design pastebin: 10 million pastes a month and 100 million paste views a month; each paste is about 1.27 KB; keep 90 days of pastes").requirements, { version: 1 });
    const stated = renderMarkdown(buildDocument(proposal)).split("**Assumed")[0] ?? "";
    expect(stated).toContain("**Writes:** 3.9/s");
    expect(stated).toContain("**Reads:** 38.6/s");
    expect(stated).toContain("**Size per item in the database:** 1.27 KB");
    expect(stated).toContain("**Retention:** 90 days");
  });

  it("a retention bounds the year's storage", () => {
    const kept = figures("design a notes app: 1 billion writes a month, each note is about 1 KB, no growth, keep 90 days of notes");
    const all = figures("design a notes app: 1 billion writes a month, each note is about 1 KB, no growth");
    expect(all.storageGb).toBeCloseTo(12_000, -2);
    expect(kept.storageGb).toBeCloseTo(3_000, -2);
  });

  it("a size stated per item drives egress: each read returns one", () => {
    const small = plan(parseRequirements("design pastebin: 10 million pastes a month and 100 million paste views a month; each paste is about 1 KB").requirements, { version: 1 });
    const large = plan(parseRequirements("design pastebin: 10 million pastes a month and 100 million paste views a month; each paste is about 100 KB").requirements, { version: 1 });
    expect(large.capacity.originEgressGbMonth).toBeCloseTo(small.capacity.originEgressGbMonth * 100, 0);
  });
});

const REQUESTS = [
  "design a chat app with 50k DAU and $5k/month",
  "design pastebin: 10 million pastes a month and 100 million paste views a month; each paste is about 1.27 KB",
  "design a fleet tracker: 3 million trucks, each pinging its location every 5 seconds",
  "design an HR self-service portal for a 200-person company",
];
const IRRELEVANT = [
  "the API runs on Node 20", "we launch on 2026-03-01", "files live in S3", "the look is very Web 2.0", "the client is v3.2",
  "the team has opinions about tabs", "we use Python 3.12 for scripts", "our office is at 221B Baker Street", "ISO 27001 is next year's problem",
];

describe("properties", () => {
  it("a request's figures never change when an irrelevant clause is added", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUESTS), fc.constantFrom(...IRRELEVANT), fc.boolean(), (request, clause, before) => {
        const base = parseRequirements(request).requirements;
        const text = before ? `${request.replace(/^design /, `${clause}. Design `)}` : `${request}. ${clause}.`;
        const { domain: _d, ...withClause } = parseRequirements(text).requirements;
        const { domain: _b, ...expected } = base;
        expect(withClause).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("numbers inside names, versions and dates are never read as traffic", () => {
    fc.assert(
      fc.property(fc.subarray(IRRELEVANT, { minLength: 1 }), (clauses) => {
        const { requirements } = parseRequirements(`design a chat app. ${clauses.join(", ")}.`);
        for (const field of ["dau", "mau", "concurrentUsers", "avgRps", "peakRps", "writeRps", "readRps", "writesPerUserPerDay", "readsPerUserPerDay"] as const) {
          expect(requirements[field]).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("what is not understood", () => {
  it("a count over a period no rule reads is said back with the sentence that would let Archie use it", () => {
    const { problems } = parseRequirements("design a widget app: 30 frobs a minute");
    expect(problems).toContain('"30 frobs a minute" was not read as traffic; if it is, say "30 writes a minute" or "30 reads a minute"');
  });

  it("every default the traffic rests on is listed as assumed, with the sentence that changes it", () => {
    const proposal = plan(parseRequirements("design a widget app").requirements, { version: 1 });
    for (const field of ["dau", "requestsPerUserPerDay", "kbPerWrite"]) {
      expect(proposal.assumptions.find((a) => a.field === field)?.reason).toMatch(/say ".+" to change it/);
    }
  });
});
