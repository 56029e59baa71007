/** What Archie's AI-app pane shows when a user opens it: a greeting and suggested prompts (Slack shows at most four). */

export const GREETING =
  "Hi, I'm Archie. Tell me what you are building, the traffic and the budget, and I'll design it: components with counts, the monthly cost against your budget, what breaks first, and a roadmap for 2x, 10x and 100x.";

export const PROMPTS_TITLE = "Try one of these";

export const SUGGESTED_PROMPTS = [
  { title: "Design a marketplace for 20k daily users on $3k/month", message: "Design a marketplace for 20k daily users on $3k/month" },
  {
    title: "Size my current system: …",
    message: "Size my current system: a booking site on PostgreSQL, 40k daily users, peaks at 5x the average, $2k/month",
  },
  { title: "What breaks first at 10x?", message: "What breaks first at 10x?" },
] as const;
