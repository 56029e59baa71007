/** What Archie's AI-app pane shows: a greeting and suggested prompts (Slack shows at most four), then follow-ups once there is a design. */

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

/** Once a design is in the pane's thread: the questions people ask of it next. */
export const FOLLOW_UP_TITLE = "Ask about this design";

export const FOLLOW_UP_PROMPTS = [
  { title: "What breaks first at 10x?", message: "What breaks first at 10x?" },
  { title: "Show the costs", message: "Show the costs" },
  { title: "What if traffic doubles?", message: "What if traffic doubles?" },
] as const;
