import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRequirements } from "../../src/planner/parse/index.js";
import { type RequirementField, requirementsSchema } from "../../src/planner/requirements.js";

const FIELDS = Object.keys(requirementsSchema.shape) as RequirementField[];

// Phrases the parser reads, so generated text exercises its rules and not only its rejections.
const FRAGMENTS = [
  "50k DAU", "2M MAU", "peak 800 rps", "average 300 rps", "spikes to 6x", "100:1 reads to writes",
  "90% reads", "+30%/mo", "$2k/month", "budget 3k", "€1,500", "p95 200ms", "99.9%", "four nines",
  "EU-only", "US and EU", "global", "GDPR", "no HIPAA", "on AWS", "use MySQL", "no k8s",
  "50k orders a day", "not 5k", "actually", "-500 rps", "10 trillion DAU", "0x", "1e9", "1,2,3",
  "design a shop", "for", "10-20k", "~", "grand", "half a million", "<@U123>", "p99",
];

// Requirements carry no refinement-free `.partial()` in zod 4 (it refuses objects with refinements);
// every field of `requirementsSchema` is optional, so the schema itself is the partial schema.
describe("parseRequirements on arbitrary input", () => {
  it("never throws and always returns schema-valid requirements", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(" "))), fc.option(fc.constantFrom(...FIELDS), { nil: undefined }), (text, expecting) => {
        const result = parseRequirements(text, { expecting });
        expect(requirementsSchema.safeParse(result.requirements).success).toBe(true);
        expect([...result.found].sort()).toEqual(Object.keys(result.requirements).sort());
        for (const problem of result.problems) expect(typeof problem).toBe("string");
      }),
      { numRuns: 500 },
    );
  });

  it("reads the maximum-length request quickly", () => {
    const text = "peak 800 rps, 50k DAU, about about about ~ $2k/month, EU-only, ".repeat(400).slice(0, 20_000);
    const started = performance.now();
    parseRequirements(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
