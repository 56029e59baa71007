import { normalizeText, stripMentions } from "./text.js";

const MAX_DOMAIN_CHARS = 200;
const ARTICLE = String.raw`(?:(?:an?|the|our|my|some|one)\s)?(?:(?:new|simple|small|big|large|scalable|production|global|modern)\s)*`;
// "design/build/architect …" name a product whatever follows; softer verbs need an article
// first ("we need a …"), so "make it 50k" or "we need GDPR" never become a domain.
const STRONG_VERB = new RegExp(String.raw`(?<![a-zA-Z\u00C0-\u024F])(?:design(?:ing)?|build(?:ing)?|architect(?:ing)?|develop(?:ing)?|/design)\s(?:(?:me|us)\s)?${ARTICLE}`, "iu");
const SOFT_VERB = new RegExp(String.raw`(?<![a-zA-Z\u00C0-\u024F])(?:create|make|plan|launch|scale|need|want|run|running|working on|it's|it is|this is)\s(?:an?|the|our|my)\s(?:(?:new|simple|small|big|large|scalable|production|global|modern)\s)*`, "iu");
// "the architecture for a chat app": the product is what the architecture is for.
const WRAPPER = new RegExp(String.raw`^(?:(?:architecture|system|backend|back end|infrastructure|infra|platform architecture|stack|design|system design)\s(?:for|of)\s)${ARTICLE}`, "iu");
// Where the product's name ends: its scale, users, place or constraints follow. "for" ends it only
// before a number ("app for 50k DAU"); otherwise it is part of the name ("marketplace for furniture").
const STOP = /\sfor\s(?:~|about|around|roughly|up to|over|under|some|a few|an?|the|our)?\s?\d|\s(?:with|that|which|who|where|serving|handling|supporting|in|on|using|at|to|by|within|under|around|about|and (?:a|an|the)|budget|targeting|p\d\d)\s|\s(?:for|with|in|on|at)$|[,.;:!?()"\n]|\s[-–—]\s|\s~?\d/iu;
const NOT_A_PRODUCT = /^(?:it|this|that|them|one|sure|sense|something|anything|thing|things|stuff|sure|way|time|budget|change|changes|revision|version|decision|choice|lot|bit|\d.*)$/iu;
const FILLER_END = /\s(?:please|pls|thanks|thank you|asap|now|today|quickly)$/iu;

/** The product's name at the start of `text`, up to where its scale or constraints begin. */
function leadingPhrase(text: string): string | undefined {
  const rest = text.replace(WRAPPER, "");
  const stop = STOP.exec(rest);
  let phrase = (stop === null ? rest : rest.slice(0, stop.index)).trim();
  phrase = phrase.replace(FILLER_END, "").trim();
  if (phrase.length > MAX_DOMAIN_CHARS) phrase = phrase.slice(0, MAX_DOMAIN_CHARS).replace(/\s+\S*$/u, "");
  if (phrase === "" || NOT_A_PRODUCT.test(phrase) || !/\p{L}/u.test(phrase)) return undefined;
  return phrase;
}

/**
 * A short phrase naming what is being built, in the user's words: "design a food-delivery app
 * for 50k DAU" → "food-delivery app". Mentions are removed first. Undefined when the text names
 * no product (an answer like "50k", a change like "use MySQL").
 */
export function extractDomain(text: string): string | undefined {
  const clean = normalizeText(stripMentions(text));
  const verb = STRONG_VERB.exec(clean) ?? SOFT_VERB.exec(clean);
  return verb === null ? undefined : leadingPhrase(clean.slice(verb.index + verb[0].length));
}

const ANSWER_OPENING = new RegExp(String.raw`^(?:(?:it's|it is|this is|we're building|we are building|just|basically)\s)?${ARTICLE}`, "iu");

/** An answer to "what are you building?": the product it names, read from its first words when there is no verb. */
export function domainFromAnswer(text: string): string | undefined {
  const clean = normalizeText(stripMentions(text));
  return extractDomain(clean) ?? leadingPhrase(clean.replace(ANSWER_OPENING, ""));
}
