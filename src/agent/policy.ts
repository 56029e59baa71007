import type { RequirementField, Requirements } from "../planner/requirements.js";
import { QUESTIONS, type Topic } from "../prompts/questions.js";

/**
 * The conversation policy: what Archie must know before a proposal, what a domain adds, and
 * which questions one message may carry. Pure functions over the thread's requirements.
 */

export const MAX_QUESTIONS = 3;

/** Any of these counts as "the traffic". */
export const TRAFFIC_FIELDS: readonly RequirementField[] = [
  "dau",
  "mau",
  "concurrentUsers",
  "avgRps",
  "peakRps",
  "ordersPerDay",
  "videoHoursWatchedPerDay",
  "writeRps",
  "readRps",
];

const REGULATED = /\b(health|healthcare|medical|patients?|clinics?|hospitals?|pharma\w*|telehealth|bank\w*|payments?|fintech|lending|insurance|trading|wallets?)\b/i;

export function isStated(requirements: Requirements, topic: Topic): boolean {
  switch (topic) {
    case "domain":
      return requirements.domain !== undefined || requirements.archetype !== undefined;
    case "traffic":
      return TRAFFIC_FIELDS.some((field) => requirements[field] !== undefined);
    default:
      return requirements[QUESTIONS[topic].field] !== undefined;
  }
}

/** The three facts a proposal needs, in the order they are asked. */
export function missingRequired(requirements: Requirements): Topic[] {
  return (["domain", "traffic", "budget"] as const).filter((topic) => !isStated(requirements, topic));
}

/** Facts this domain needs beyond the three, not yet stated. */
export function domainExtras(requirements: Requirements, mentionsFlashSale: boolean): Topic[] {
  const extras: Topic[] = [];
  const { archetype, domain = "" } = requirements;
  if (archetype === "fintech" || REGULATED.test(domain)) extras.push("compliance");
  if (archetype === "chat" || archetype === "gaming") extras.push("concurrency");
  if (archetype === "video") extras.push("videoHours");
  if (mentionsFlashSale) extras.push("spike");
  return extras.filter((topic) => !isStated(requirements, topic));
}

export interface Gaps {
  /** Required facts still missing. */
  missing: Topic[];
  /** Domain facts never asked yet (each is asked at most once). */
  pending: Topic[];
}

export function gaps(requirements: Requirements, asked: readonly RequirementField[], mentionsFlashSale: boolean): Gaps {
  return {
    missing: missingRequired(requirements),
    pending: domainExtras(requirements, mentionsFlashSale).filter((topic) => !asked.includes(QUESTIONS[topic].field)),
  };
}

/** The questions for one message: required facts first, then the domain's, at most three. */
export function nextQuestions(g: Gaps): Topic[] {
  return [...g.missing, ...g.pending].slice(0, MAX_QUESTIONS);
}

/** Drops from `asked` what has since been answered, keeping the rest in order. */
export function stillUnanswered(requirements: Requirements, asked: readonly RequirementField[]): RequirementField[] {
  return asked.filter((field) => {
    const topic = (Object.keys(QUESTIONS) as Topic[]).find((t) => QUESTIONS[t].field === field);
    return topic === undefined ? requirements[field] === undefined : !isStated(requirements, topic);
  });
}

const VAGUE_DOMAIN =
  /^(?:(?:a|an|the|my|our|new|some|small|big|simple|cool|brand-new|scalable|production|web|mobile)\s+)*(?:product|app|application|startup|system|platform|website|site|service|project|thing|idea|architecture|business|company|solution|software|tool|backend)s?$/i;

/** "a new product" names nothing: asking what is being built is still needed. */
export function isVagueDomain(domain: string): boolean {
  return VAGUE_DOMAIN.test(domain.trim());
}

export const FLASH_SALE = /\bflash[- ]?sales?\b|\bdrops?\b.*\bsell[- ]?out\b|\bticket (launch|release)s?\b/i;
