import { normalizeText, stripMentions } from "./text.js";

const MAX_DOMAIN_CHARS = 200;
const ARTICLE = String.raw`(?:(?:an?|the|our|my|some|one)\s)?(?:(?:new|simple|small|big|large|scalable|production|global|modern)\s)*`;
// "design/build/architect …" name a product whatever follows; softer verbs need an article
// first ("we need a …"), so "make it 50k" or "we need GDPR" never become a domain.
const STRONG_VERB = new RegExp(String.raw`(?<![\p{L}])(?:design(?:ing)?|build(?:ing)?|architect(?:ing)?|develop(?:ing)?|/design)\s(?:(?:me|us)\s)?${ARTICLE}`, "iu");
const SOFT_VERB = new RegExp(String.raw`(?<![\p{L}])(?:create|make|plan|launch|scale|need|want|run|running|have|working on|it's|it is|this is|we're|we are)\s(?:an?|the|our|my)\s(?:(?:new|simple|small|big|large|scalable|production|global|modern)\s)*`, "iu");
// "the architecture for a chat app": the product is what the architecture is for.
const WRAPPER = new RegExp(String.raw`^(?:(?:architecture|system|backend|back end|infrastructure|infra|platform architecture|stack|design|system design)\s(?:for|of)\s)${ARTICLE}`, "iu");
// Where the product's name ends: its scale, users, place or constraints follow.
const STOP = /\s(?:for|with|that|which|who|where|serving|handling|supporting|in|on|using|at|to|by|within|under|around|about|and (?:a|an|the)|budget|targeting|p\d\d)\s|\s(?:for|with|in|on|at)$|[,.;:!?()"\n]|\s[-–—]\s|\s~?\d/iu;
const NOT_A_PRODUCT = /^(?:it|this|that|them|one|sure|sense|something|anything|thing|things|stuff|sure|way|time|budget|change|changes|revision|version|decision|choice|lot|bit|\d.*)$/iu;
const FILLER_END = /\s(?:please|pls|thanks|thank you|asap|now|today|quickly)$/iu;

/**
 * A short phrase naming what is being built, in the user's words: "design a food-delivery app
 * for 50k DAU" → "food-delivery app". Mentions are removed first. Undefined when the text names
 * no product (an answer like "50k", a change like "use MySQL").
 */
export function extractDomain(text: string): string | undefined {
  const clean = normalizeText(stripMentions(text));
  const verb = STRONG_VERB.exec(clean) ?? SOFT_VERB.exec(clean);
  if (verb === null) return undefined;
  let rest = clean.slice(verb.index + verb[0].length);
  rest = rest.replace(WRAPPER, "");
  const stop = STOP.exec(rest);
  let phrase = (stop === null ? rest : rest.slice(0, stop.index)).trim();
  phrase = phrase.replace(FILLER_END, "").trim();
  if (phrase.length > MAX_DOMAIN_CHARS) phrase = phrase.slice(0, MAX_DOMAIN_CHARS).replace(/\s+\S*$/u, "");
  if (phrase === "" || NOT_A_PRODUCT.test(phrase) || !/\p{L}/u.test(phrase)) return undefined;
  return phrase;
}

/** An answer to "what are you building?": the named product, else the first sentence of the answer. */
export function domainFromAnswer(text: string): string | undefined {
  const named = extractDomain(text);
  if (named !== undefined) return named;
  const clean = normalizeText(stripMentions(text)).replace(/^(?:it's|it is|this is|we're building|we are building|just)\s(?:an?\s|the\s)?/iu, "");
  const sentence = (clean.split(/[.!?\n]/u)[0] ?? "").trim();
  const phrase = sentence.length > MAX_DOMAIN_CHARS ? sentence.slice(0, MAX_DOMAIN_CHARS).replace(/\s+\S*$/u, "") : sentence;
  return phrase !== "" && /\p{L}/u.test(phrase) ? phrase : undefined;
}
