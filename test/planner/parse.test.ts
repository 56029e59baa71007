import { describe, expect, it } from "vitest";
import { FIELD_EXAMPLES, SECONDS_PER_MONTH, parseRequirements } from "../../src/planner/parse/index.js";
import type { RequirementField, Requirements } from "../../src/planner/requirements.js";

type Row = [input: string, expected: Partial<Requirements>, problem?: RegExp];

const usd = (amount: number) => ({ amount, currency: "USD", period: "month" }) as const;
const eur = (amount: number) => ({ amount, currency: "EUR", period: "month" }) as const;
const gbp = (amount: number) => ({ amount, currency: "GBP", period: "month" }) as const;

const ROWS: Row[] = [
  // users
  ["50k DAU", { dau: 50_000 }],
  ["50k daily active users", { dau: 50_000 }],
  ["50,000 users a day", { dau: 50_000 }],
  ["50k daily users", { dau: 50_000 }],
  ["DAU of about 1.5M", { dau: 1_500_000 }],
  ["2M MAU", { mau: 2_000_000 }],
  ["2 million monthly users", { mau: 2_000_000 }],
  ["10M users", { mau: 10_000_000 }],
  ["half a million registered users", { mau: 500_000 }],
  ["10k concurrent users", { concurrentUsers: 10_000 }],
  ["10k CCU", { concurrentUsers: 10_000 }],
  ["10k simultaneous players", { concurrentUsers: 10_000 }],
  ["10k concurrent connections", { concurrentUsers: 10_000 }],
  ["1 200 daily active users", { dau: 1_200 }],
  ["~20k-30k DAU", { dau: 30_000 }],
  // traffic
  ["800 RPS", { avgRps: 800 }],
  ["average 300 rps", { avgRps: 300 }],
  ["steady 300 qps", { avgRps: 300 }],
  ["peak 800 RPS", { peakRps: 800 }],
  ["800 RPS at peak", { peakRps: 800 }],
  ["spikes to 5k rps", { peakRps: 5_000 }],
  ["bursts up to 2,000 req/s", { peakRps: 2_000 }],
  ["300 rps on average and 1200 rps max", { avgRps: 300, peakRps: 1_200 }],
  ["6,000 requests per minute", { avgRps: 100 }],
  ["12k rpm at peak", { peakRps: 200 }],
  ["8.64M requests per day", { avgRps: 100 }],
  [`${SECONDS_PER_MONTH * 4} requests per month`, { avgRps: 4 }],
  ["1B requests a month", { avgRps: 385.802 }],
  // peak factor
  ["spikes to 6x", { peakFactor: 6 }],
  ["6x peak", { peakFactor: 6 }],
  ["flash sales 6x baseline", { peakFactor: 6 }],
  ["peak is 3 times average", { peakFactor: 3 }],
  ["traffic doubles at peak", { peakFactor: 2 }],
  // read/write
  ["100:1 reads to writes", { readWriteRatio: 100 }],
  ["read-heavy 10:1", { readWriteRatio: 10 }],
  ["writes to reads 1:20", { readWriteRatio: 20 }],
  ["90% reads", { readWriteRatio: 9 }],
  ["80% writes", { readWriteRatio: 0.25 }],
  ["write-heavy", { readWriteRatio: 0.5 }],
  ["mostly reads", { readWriteRatio: 10 }],
  // growth
  ["+30%/mo", { growthPercentPerMonth: 30 }],
  ["30% month over month", { growthPercentPerMonth: 30 }],
  ["growing 30% per month", { growthPercentPerMonth: 30 }],
  ["doubling every year", { growthPercentPerMonth: 5.95 }],
  ["20% per year", { growthPercentPerMonth: 1.53 }],
  ["3x year over year", { growthPercentPerMonth: 9.59 }],
  ["doubles every 6 months", { growthPercentPerMonth: 12.25 }],
  // budget
  ["$2k/month", { budget: usd(2_000) }],
  ["budget is €2k", { budget: eur(2_000) }],
  ["£500 per month", { budget: gbp(500) }],
  ["5000 USD/mo", { budget: usd(5_000) }],
  ["2,000 EUR monthly", { budget: eur(2_000) }],
  ["$24k per year", { budget: usd(2_000) }],
  ["budget 3k", { budget: usd(3_000) }, /no currency given for the budget; assumed USD/],
  ["budget of 3k a month, prices in euros", { budget: eur(3_000) }],
  ["we can spend 1.5k dollars a month", { budget: usd(1_500) }],
  ["2 grand a month budget", { budget: usd(2_000) }, /assumed USD/],
  ["1500€ per month", { budget: eur(1_500) }],
  // latency
  ["p95 280ms", { latencyP95Ms: 280 }],
  ["p95 < 200 ms", { latencyP95Ms: 200 }],
  ["latency under 300ms", { latencyP95Ms: 300 }],
  ["1s p95", { latencyP95Ms: 1_000 }],
  ["responses within 1.5 seconds", { latencyP95Ms: 1_500 }],
  ["p99 under 500ms", {}, /only a p95 latency target is planned for; the p99 target \(500 ms\) was not used/],
  // availability
  ["99.9%", { availability: 99.9 }],
  ["three nines", { availability: 99.9 }],
  ["four nines", { availability: 99.99 }],
  ["99.99 uptime", { availability: 99.99 }],
  ["SLA of 99.95%", { availability: 99.95 }],
  ["three and a half nines", { availability: 99.95 }],
  // regions
  ["EU-only", { regions: ["eu"] }],
  ["users in the EU", { regions: ["eu"] }],
  ["hosted in Europe", { regions: ["eu"] }],
  ["US and EU", { regions: ["us", "eu"] }],
  ["run it in eu-west-1", { regions: ["eu-west-1"] }],
  ["global audience", { regions: ["us", "eu", "ap"] }],
  ["worldwide", { regions: ["us", "eu", "ap"] }],
  ["customers in India", { regions: ["ap"] }],
  ["let us know, help us", {}],
  ["global today, but EU-only for now", { regions: ["eu"] }],
  ["everywhere except the US", { regions: ["eu", "ap"] }],
  // compliance
  ["GDPR", { compliance: ["GDPR"] }],
  ["must be HIPAA compliant", { compliance: ["HIPAA"] }],
  ["PCI DSS and SOC2", { compliance: ["PCI-DSS", "SOC 2"] }],
  ["PCI-DSS, SOC 2, GDPR", { compliance: ["PCI-DSS", "SOC 2", "GDPR"] }],
  ["we need PCI", { compliance: ["PCI-DSS"] }],
  ["GDPR but no HIPAA", { compliance: ["GDPR"] }],
  ["no compliance requirements", { compliance: [] }],
  ["we store patient records", {}],
  // cloud, database, orchestration
  ["on AWS", { cloud: "aws" }],
  ["host it on Amazon", { cloud: "aws" }],
  ["Google Cloud please", { cloud: "gcp" }],
  ["we are an Azure shop", { cloud: "azure" }],
  ["migrate from AWS to GCP", { cloud: "gcp" }],
  ["use MySQL", { database: "mysql" }],
  ["on Postgres", { database: "postgresql" }],
  ["PostgreSQL", { database: "postgresql" }],
  ["replace Postgres with MySQL", { database: "mysql" }],
  ["drop Kubernetes", { orchestration: "vms" }],
  ["no k8s", { orchestration: "vms" }],
  ["without kubernetes", { orchestration: "vms" }],
  ["we don't want to use kubernetes", { orchestration: "vms" }],
  ["on Kubernetes", { orchestration: "kubernetes" }],
  ["deploy to EKS", { orchestration: "kubernetes", cloud: "aws" }],
  // domain facts
  ["50k orders a day", { ordersPerDay: 50_000 }],
  ["1.5M orders per month", { ordersPerDay: 50_000 }],
  ["10k hours watched per day", { videoHoursWatchedPerDay: 10_000 }],
  ["300k hours of video watched per month", { videoHoursWatchedPerDay: 10_000 }],
  // negations and corrections
  ["actually 50k DAU, not 5k", { dau: 50_000 }],
  ["not 5k DAU but 50k", { dau: 50_000 }],
  ["5k DAU, sorry, 50k", { dau: 50_000 }],
  ["600 rpm, actually 900", { avgRps: 15 }],
  ["budget is $2k, actually make it 3k", { budget: usd(3_000) }],
  ["instead of 300 rps we now expect 500 rps", { avgRps: 500 }],
  // realistic sentences
  ["We expect 2M monthly users and 200k daily, with peaks around 3k rps during lunch", { mau: 2_000_000, dau: 200_000, peakRps: 3_000 }],
  ["Peak 5,000 RPS; average 1,200 RPS", { peakRps: 5_000, avgRps: 1_200 }],
  ["10,000 DAU, 100k MAU, 50 RPS avg, 500 peak", { dau: 10_000, mau: 100_000, avgRps: 50, peakRps: 500 }],
  ["HIPAA is not needed, but SOC 2 is", { compliance: ["SOC 2"] }],
  ["We'd like to keep costs under $1,500", { budget: usd(1_500) }],
  ["average order value is $40, we do 10k orders per day, budget $5k per month", { budget: usd(5_000), ordersPerDay: 10_000 }],
  ["We're on AWS us-east-1 and eu-central-1, using Postgres 15", { cloud: "aws", regions: ["us-east-1", "eu-central-1"], database: "postgresql" }],
  ["we handle 20 million requests a day", { avgRps: 231.481 }],
  ["Around 1.5k RPS normally, 4.5k during Black Friday", { avgRps: 1_500, peakRps: 4_500 }],
  ["10k req/s peak, 2k req/s baseline", { peakRps: 10_000, avgRps: 2_000 }],
  ["our infra bill is $12,000/yr", { budget: usd(1_000) }],
  ["Launch in 6 months, 10 TB of data, 2 GB per user", {}],
  // everything at once
  [
    "Design a food-delivery app for 50k DAU in the EU, peak 800 RPS, budget $2k/month, p95 < 250ms, 99.9% uptime, GDPR, on AWS, no k8s",
    {
      domain: "food-delivery app",
      archetype: "logistics",
      dau: 50_000,
      peakRps: 800,
      budget: usd(2_000),
      latencyP95Ms: 250,
      availability: 99.9,
      regions: ["eu"],
      compliance: ["GDPR"],
      cloud: "aws",
      orchestration: "vms",
    },
  ],
  [
    "<@U123> build an online store: 2M MAU, 100k DAU, flash sales spike to 6x, 100:1 reads to writes, growing 20% month over month, 50k orders a day, on Postgres",
    {
      domain: "online store",
      archetype: "ecommerce",
      mau: 2_000_000,
      dau: 100_000,
      peakFactor: 6,
      readWriteRatio: 100,
      growthPercentPerMonth: 20,
      ordersPerDay: 50_000,
      database: "postgresql",
    },
  ],
];

function fieldsOf(expected: Partial<Requirements>): RequirementField[] {
  return (Object.keys(expected) as RequirementField[]).sort();
}

describe("parseRequirements", () => {
  it("has at least 60 distinct phrasings", () => {
    expect(new Set(ROWS.map(([input]) => input)).size).toBe(ROWS.length);
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS)("%s", (input, expected, problem) => {
    const result = parseRequirements(input);
    expect(result.requirements).toEqual(expected);
    expect([...result.found].sort()).toEqual(fieldsOf(expected));
    if (problem === undefined) expect(result.problems).toEqual([]);
    else expect(result.problems.some((p) => problem.test(p)), result.problems.join(" | ")).toBe(true);
  });

  it("lists found fields in schema order", () => {
    const result = parseRequirements("on AWS, 50k DAU, budget $2k/month, 2M MAU");
    expect(result.found).toEqual(["dau", "mau", "budget", "cloud"]);
  });
});

describe("parseRequirements with a question pending", () => {
  it.each<[string, RequirementField, Partial<Requirements>]>([
    ["50k", "dau", { dau: 50_000 }],
    ["about 50k users", "dau", { dau: 50_000 }],
    ["around 2M", "mau", { mau: 2_000_000 }],
    ["10k", "concurrentUsers", { concurrentUsers: 10_000 }],
    ["800", "peakRps", { peakRps: 800 }],
    ["800 rps", "peakRps", { peakRps: 800 }],
    ["300", "avgRps", { avgRps: 300 }],
    ["about 2 grand", "budget", { budget: usd(2_000) }],
    ["$2k", "budget", { budget: usd(2_000) }],
    ["€1,500", "budget", { budget: eur(1_500) }],
    ["200", "latencyP95Ms", { latencyP95Ms: 200 }],
    ["1.5s", "latencyP95Ms", { latencyP95Ms: 1_500 }],
    ["99.95", "availability", { availability: 99.95 }],
    ["6x", "peakFactor", { peakFactor: 6 }],
    ["30%", "growthPercentPerMonth", { growthPercentPerMonth: 30 }],
    ["10:1", "readWriteRatio", { readWriteRatio: 10 }],
    ["50k a day", "ordersPerDay", { ordersPerDay: 50_000 }],
    ["none", "compliance", { compliance: [] }],
    ["5k, no wait, 50k", "dau", { dau: 50_000 }],
    ["50k, not 5k", "dau", { dau: 50_000 }],
  ])("%s (asked about %s)", (input, expecting, expected) => {
    const result = parseRequirements(input, { expecting });
    expect(result.requirements).toMatchObject(expected);
    expect(result.found).toContain(expecting);
  });

  it("does not turn a bare number into anything when nothing was asked", () => {
    expect(parseRequirements("50k").requirements).toEqual({});
  });

  it("prefers an explicit statement of another unit over the pending question", () => {
    const result = parseRequirements("50k DAU and 2M MAU", { expecting: "mau" });
    expect(result.requirements).toEqual({ dau: 50_000, mau: 2_000_000 });
  });

  it("reads a product answer as the domain and classifies it", () => {
    const result = parseRequirements("a marketplace for handmade furniture", { expecting: "domain" });
    expect(result.requirements.domain).toBe("marketplace for handmade furniture");
    expect(result.requirements.archetype).toBe("marketplace");
    const bare = parseRequirements("food delivery", { expecting: "domain" });
    expect(bare.requirements).toEqual({ domain: "food delivery", archetype: "logistics" });
  });

  it("keeps an answer to the notes question as notes", () => {
    expect(parseRequirements("we already run a Redis cluster", { expecting: "notes" }).requirements.notes).toBe("we already run a Redis cluster");
  });
});

describe("parseRequirements leaves out values it cannot use", () => {
  it.each<[string, RegExp]>([
    ["10 trillion DAU", /daily active users \(10,000,000,000,000\) is more than Archie can plan for \(at most 20,000,000,000\)/],
    ["-500 rps", /average traffic \(-500 RPS\) must be more than zero/],
    ["peak 100 rps, average 500 rps", /peak traffic \(100 RPS\) cannot be below the average \(500 RPS\)/],
    ["2M DAU and 1M MAU", /daily active users \(2000000\) cannot exceed monthly active users \(1000000\)/],
    ["100% uptime", /the availability target \(100%\) is more than Archie can plan for/],
    ["80% availability", /the availability target \(80%\) must be at least 90%/],
    ["spikes to 0.5x", /the peak factor \(0.5x\) must be at least 1x/],
    ["$5 billion a month", /the budget \(5,000,000,000 USD a month\) is more than Archie can plan for/],
    ["100% reads", /100% reads leaves no room/],
    ["0:0 reads to writes", /has a zero in it/],
  ])("%s", (input, problem) => {
    const result = parseRequirements(input);
    expect(result.problems.some((p) => problem.test(p)), result.problems.join(" | ")).toBe(true);
  });

  it("keeps the valid values next to an invalid one", () => {
    const result = parseRequirements("10 trillion DAU, 2M MAU, peak 800 rps");
    expect(result.requirements).toEqual({ mau: 2_000_000, peakRps: 800 });
    expect(result.problems).toHaveLength(1);
  });

  it("reports text it cannot read instead of throwing", () => {
    const result = parseRequirements("   ");
    expect(result).toEqual({ requirements: {}, found: [], problems: [expect.stringMatching(/empty/)] });
  });
});

describe("FIELD_EXAMPLES", () => {
  it("parses each example into the field it illustrates", () => {
    expect(parseRequirements(FIELD_EXAMPLES.traffic).found).toEqual(expect.arrayContaining(["dau", "peakRps"]));
    expect(parseRequirements(FIELD_EXAMPLES.budget).requirements.budget).toEqual(usd(2_000));
    expect(parseRequirements(FIELD_EXAMPLES.domain, { expecting: "domain" }).requirements).toMatchObject({ domain: "food-delivery app", archetype: "logistics" });
  });
});
