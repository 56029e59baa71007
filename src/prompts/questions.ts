import type { RequirementField } from "../planner/requirements.js";

/**
 * What Archie may ask about. "traffic" stands for any traffic figure (DAU, MAU, RPS,
 * concurrent users, orders per day); it is remembered in ThreadState.asked as "dau".
 */
export const TOPICS = ["domain", "traffic", "budget", "compliance", "concurrency", "videoHours", "spike"] as const;
export type Topic = (typeof TOPICS)[number];

interface TopicWording {
  /** The requirement field that records the answer (and marks the question as asked). */
  field: RequirementField;
  question: string;
  /** The example answer: shown in the question and offered as a quick-answer button. */
  example: string;
}

export const QUESTIONS: Record<Topic, TopicWording> = {
  domain: { field: "domain", question: "What are you building?", example: "a food-delivery app for one city" },
  traffic: { field: "dau", question: "How much traffic do you expect?", example: "50k DAU" },
  budget: { field: "budget", question: "What is the monthly infrastructure budget?", example: "$5k/month" },
  compliance: { field: "compliance", question: "Which compliance regime applies?", example: "PCI-DSS" },
  concurrency: { field: "concurrentUsers", question: "How many users are connected at once at peak?", example: "20k concurrent users" },
  videoHours: { field: "videoHoursWatchedPerDay", question: "How many hours of video are watched per day?", example: "100k hours watched per day" },
  spike: { field: "peakFactor", question: "How big is a flash-sale spike compared with normal traffic?", example: "10x spike" },
};

export const GO_HINT = 'Or say "go" and I will design with stated assumptions.';

/** One message of short questions, each with its example answer. */
export function questionMessage(topics: readonly Topic[], lead: string): string {
  const lines = topics.map((topic, i) => `${i + 1}. ${QUESTIONS[topic].question} (e.g. _${QUESTIONS[topic].example}_)`);
  return [lead, ...lines, GO_HINT].join("\n");
}

export function topicForField(field: RequirementField): Topic | undefined {
  return TOPICS.find((topic) => QUESTIONS[topic].field === field);
}
