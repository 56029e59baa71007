/**
 * One phrasing per topic that Archie shows when it asks a question; each is parsed by
 * parseRequirements exactly as shown (the tests check that).
 */
export const FIELD_EXAMPLES: Record<"traffic" | "budget" | "domain", string> = {
  traffic: "50k DAU, peaks of 800 RPS",
  budget: "$2k/month",
  domain: "a food-delivery app",
};
