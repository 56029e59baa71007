import type { ProposalPart } from "../../report/parts.js";

/**
 * What a user message asks for, read deterministically. Only the requests that are not
 * requirement statements are recognised here; everything else goes to the parser.
 */

export type Intent =
  | { kind: "explain"; subject: string }
  | { kind: "roadmap" }
  | { kind: "section"; part: Exclude<ProposalPart, "roadmap"> }
  | { kind: "export" }
  | { kind: "what-if"; multiplier: number }
  | { kind: "statement"; go: boolean };

export interface ReadMessage {
  intent: Intent;
  /** The message tries to change how Archie works (reveal its prompt, ignore its rules…). */
  injection: boolean;
}

const INJECTION =
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|guidelines|polic(y|ies))\b|\bsystem prompt\b|\b(reveal|print|show|repeat|leak|dump)\b.{0,40}\b(prompt|instructions|api[ _-]?keys?|tokens?|secrets?|env(ironment)?( variables)?|config(uration)?)\b|\byou are now\b|\bjailbreak\b|\bdeveloper mode\b|\bact as\b.{0,30}\b(unrestricted|dan|root)\b/i;

const EXPLAIN_LEAD =
  /^\s*(?:(?:and|so|but|ok|okay|hm+)[,\s]+)?(?:why\s+(?:do|did|does|would|should|is|are)?\s*(?:we|you|it|there|the design)?\s*(?:need|use|using|pick|picked|choose|chose|have|include|go with)?|explain|what(?:'s| is) the (?:point|reason|role|purpose) (?:of|for)|what (?:is|does) (?:the )?)\s*/i;

const WORDS: Record<string, number> = { double: 2, doubles: 2, doubled: 2, triple: 3, triples: 3, tripled: 3, quadruple: 4, tenfold: 10 };

const GO = /(^|[.,;!:]\s*|\band\s+)(go|go ahead|go for it|proceed|ship it|just design it|design it( now)?|do it|let'?s go|use (the |your |stated |those |default )?assumptions)\s*[.!]*\s*$/i;

function whatIfMultiplier(text: string): number | undefined {
  const lower = text.toLowerCase();
  const trafficWords = /\b(traffic|load|users?|requests?|rps|scale|usage|volume|everything)\b/;
  if (/\b(spike|spikes|peak|peaks|flash)\b/.test(lower) && !/\bwhat if\b/.test(lower)) return undefined;
  const numeric = /(\d+(?:\.\d+)?)\s*(?:x|×|times)(?![a-z])/.exec(lower);
  const word = /\b(double[sd]?|triple[sd]?|quadruple|tenfold)\b/.exec(lower);
  const factor = numeric ? Number(numeric[1]) : word ? WORDS[word[1] ?? ""] : undefined;
  if (factor === undefined || !(factor > 0)) return undefined;
  if (/\bwhat if\b|\bwhat happens\b|\bsuppose\b|\bimagine\b/.test(lower) || trafficWords.test(lower)) return factor;
  return undefined;
}

/** The words that name each part, as a whole request ("show costs", "what breaks first?", "all"). */
const PART_WORDS: [Exclude<ProposalPart, "roadmap">, RegExp][] = [
  ["costs", /^(?:costs?|cost breakdown|the cost|pricing|prices|spend(?:ing)?|bill)$/],
  ["components", /^(?:components?|stack|tech(?:nology)? stack|services|parts)$/],
  ["bottlenecks", /^(?:bottlenecks?|limits|headroom|what breaks(?: first)?)$/],
  ["assumptions", /^(?:assumptions?|what (?:did )?you assumed?|what was assumed)$/],
  ["full", /^(?:all|everything|(?:the )?rest|(?:full|whole|entire|complete) (?:proposal|report|document|thing|design)|full)$/],
];

const PART_LEAD = /^(?:please\s+)?(?:(?:show|see|list|give|send|display|open|view|print)\s+(?:me\s+)?|what are\s+|what's\s+|what were\s+)?(?:the\s+|all the\s+|your\s+)?/;
const PART_TAIL = /\s+(?:please|section|breakdown|table|details|again)$/;

/** The part a whole message asks for, or undefined when it says something else. */
function partAskedFor(lower: string): Exclude<ProposalPart, "roadmap"> | undefined {
  const words = lower.replace(/[?.!]+$/, "").trim().replace(PART_LEAD, "").replace(PART_TAIL, "").trim();
  return PART_WORDS.find(([, pattern]) => pattern.test(words))?.[0];
}

export function readMessage(text: string): ReadMessage {
  const injection = INJECTION.test(text);
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();

  if (/\broadmap\b/.test(lower) && !/\bwhat if\b/.test(lower)) return { intent: { kind: "roadmap" }, injection };
  // "What breaks first at 10x?" is what each roadmap step answers.
  if (/\bwhat breaks\b.*\b\d+(?:\.\d+)?\s*x\b/.test(lower)) return { intent: { kind: "roadmap" }, injection };
  const part = partAskedFor(lower);
  if (part) return { intent: { kind: "section", part }, injection };
  if (/^\s*(please\s+)?(export|download)\b|\b(export|download|attach|send|give me)\b.{0,30}\b(artifacts?|files?|scripts?|manifests?|k6|yaml|markdown|proposal)\b/.test(lower)) {
    return { intent: { kind: "export" }, injection };
  }
  const multiplier = whatIfMultiplier(trimmed);
  if (multiplier !== undefined) return { intent: { kind: "what-if", multiplier }, injection };
  if (/^\s*((and|so|but|ok|okay)[,\s]+)?(why|explain)\b|^\s*what(?:'s| is) the (point|reason|role|purpose) (of|for)\b/i.test(trimmed)) {
    const subject = trimmed
      .replace(EXPLAIN_LEAD, "")
      .replace(/^(the|a|an|our|this|that)\s+/i, "")
      .replace(/[?!.]+\s*$/, "")
      .replace(/\s+(here|there|in (the|this) design)$/i, "")
      .trim();
    return { intent: { kind: "explain", subject }, injection };
  }
  return { intent: { kind: "statement", go: GO.test(trimmed) }, injection };
}

/** "start over" is handled by the conversation service before any model runs. */
export const START_OVER = /^\s*(please\s+)?(let'?s\s+)?(start (over|again|fresh)|reset( the thread)?|forget (it|everything|all that)|from scratch|new design)\s*[.!]*\s*$/i;
