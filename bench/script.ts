/** One thread's conversation, as the conversation and queue benches replay it on many threads. */
export const CONVERSATION_SCRIPT = [
  "We're building a food-delivery app for one city",
  "budget is about $3k a month",
  "50k DAU",
  "what if traffic is 10x",
  "use MySQL",
  "why PostgreSQL?",
  "show the roadmap",
  "drop Kubernetes",
  "what's the bottleneck?",
  "thanks",
];
