import type { Archetype } from "../requirements.js";
import { allMatches } from "./matches.js";
import { lowerSameLength, normalizeText, stripMentions } from "./text.js";

type Cue = [phrase: string, weight: number];

// Phrases are regex sources matched on whole words. Weight 3: a phrase that names the product
// outright ("food delivery", "Etsy"); 2: a strong noun ("chat", "video"); 1: a hint ("players").
const CUES: Record<Exclude<Archetype, "generic">, Cue[]> = {
  ecommerce: [
    ["online (?:store|shop)s?|e-?commerce|web ?shops?|(?:retail|grocery|clothing|fashion|book|furniture) (?:store|shop)s?", 3],
    ["(?:shopping )?carts?|checkouts?|flash sales?|product catalog(?:ue)?s?|shopify|amazon[- ]like|like amazon|amazon clone|storefronts?", 3],
    ["(?:an?|the|our|my) (?:small |big |new )?(?:store|shop)", 2],
    ["shops?|stores|retail|inventory|skus?|merchandise", 1],
  ],
  marketplace: [
    ["marketplaces?|two-sided|multi-?vendor|(?:sellers|vendors) and buyers|buyers and (?:sellers|vendors)|hosts and guests", 3],
    ["etsy|airbnb|ebay|fiverr|upwork|craigslist|vinted", 3],
    ["sellers|vendors|listings|peer-to-peer", 1],
  ],
  chat: [
    ["chat apps?|messaging|messenger|instant messag\\w*|group chats?|chat rooms?|direct messages", 3],
    ["whatsapp|telegram|slack[- ]like|like slack|slack clone|slack alternative|discord[- ]like|like discord|discord clone|signal[- ]like", 3],
    ["chat|dms", 2],
  ],
  social: [
    ["social (?:network|media|app|platform)s?|news ?feeds?|followers|social graph", 3],
    ["twitter|instagram|tiktok|facebook|reddit|linkedin|mastodon|x\\.com", 3],
    ["feeds?|timelines?|social", 2],
    ["posts|likes|comments|community|hashtags", 1],
  ],
  video: [
    ["video (?:streaming|platform|sharing|hosting|on demand)|live ?stream\\w*|live video|vod|transcod\\w*|hours watched|watch hours", 3],
    ["youtube|netflix|twitch|vimeo|hulu", 3],
    ["videos?|streaming|movies|episodes", 2],
  ],
  analytics: [
    ["analytics|event(?:s)? pipelines?|clickstream|business intelligence|data warehouses?|event (?:ingestion|tracking|streaming)|product analytics", 3],
    ["mixpanel|amplitude|google analytics|segment-like|snowflake|bigquery|looker|tableau", 3],
    ["dashboards?|bi|etl", 2],
    ["reporting|metrics", 1],
  ],
  iot: [
    ["iot|internet of things|sensors?|telemetry|fleet of (?:devices|sensors)|smart home|connected (?:cars|devices|vehicles)|mqtt|wearables?|smart meters?", 3],
    ["devices", 1],
  ],
  saas: [
    ["b2b|saas|multi-?tenant|crm|project management|helpdesk|help desk|support tickets|ticketing system|erp|hr software|invoicing", 3],
    ["jira|asana|trello|notion[- ]like|like notion|salesforce|hubspot|zendesk|monday\\.com", 3],
    ["tenants?|workspaces|subscriptions", 1],
  ],
  internal: [
    ["internal (?:tools?|apps?|applications?|portals?|dashboards?|systems?|platforms?|sites?|websites?)|back[- ]office|admin (?:panels?|portals?|tools?|consoles?)|intranet|(?:hr |employee |staff )?self[- ]service portals?|hr (?:portals?|tools?|systems?|apps?)|employee (?:portals?|directory|onboarding|self[- ]service)|expense (?:reports?|tools?|claims)|leave requests?|timesheets?|approval (?:flows?|workflows?)", 3],
    ["employees|staff|colleagues|office hours|business hours|working hours|(?:person|employee|people) (?:company|firm|organi[sz]ation)", 2],
  ],
  fintech: [
    ["payments?|payment (?:gateway|processing|platform)|banking|neobank|wallets?|ledgers?|trading|fintech|money transfers?|remittances?|card issuing|brokerage", 3],
    ["stripe|venmo|paypal|revolut|robinhood|monzo|coinbase", 3],
    ["bank|lending|loans|crypto|exchange|transactions|invoices", 2],
  ],
  gaming: [
    ["multiplayer|game servers?|matchmaking|leaderboards?|mmo(?:rpg)?|battle royale|game backend|online games?|mobile games?", 3],
    ["fortnite|roblox|minecraft|steam", 3],
    ["games?|gaming", 2],
    ["players", 1],
  ],
  content: [
    ["blogs?|blogging|cms|content management|publishing|docs site|documentation (?:site|portal)|news (?:site|website|portal)|online magazine|newsletters?", 3],
    ["wordpress|medium[- ]like|like medium|substack", 3],
    ["news|articles|magazine|wiki|knowledge base|static site", 2],
  ],
  "ml-inference": [
    ["model serving|inference(?: api| service| platform)?|llms?|large language models?|embeddings?|recommendations? (?:api|engine|service|system)|recommender|rag|vector search|image classification|machine learning", 3],
    ["openai|chatgpt|gpt-?\\d?|chatbot|ai assistant|copilot", 3],
    ["ml|gpus?|ai", 2],
    ["models?", 1],
  ],
  logistics: [
    ["food[- ]?delivery|ride[- ]?(?:hailing|sharing)|fleet (?:tracking|management)|couriers?|dispatch\\w*|last[- ]mile|parcels?|package tracking|logistics|supply chain|shipment tracking", 3],
    ["uber|lyft|doordash|deliveroo|uber eats|instacart|grubhub|glovo|postmates", 3],
    ["deliver(?:y|ies)|shipping|drivers|riders|warehouses?", 2],
    ["tracking", 1],
  ],
  booking: [
    ["bookings?|booking (?:system|platform|engine)|reservations?|hotels?|appointments?|event tickets|ticket(?:ing)? (?:sales|platform)|table reservations|flights?", 3],
    ["booking\\.com|opentable|calendly|ticketmaster|expedia|eventbrite", 3],
    ["tickets?|ticketing|rentals?|seats|scheduling", 2],
  ],
};

type Hit = { archetype: Exclude<Archetype, "generic">; start: number; end: number; weight: number };

const wholeWords = (phrases: string, flags: string) => new RegExp(`(?<![\\w\\u00C0-\\u024F])(?:${phrases})(?![\\w\\u00C0-\\u024F])`, flags);
const PATTERNS = (Object.entries(CUES) as Array<[Exclude<Archetype, "generic">, Cue[]]>).flatMap(([archetype, cues]) =>
  cues.map(([phrase, weight]) => ({ archetype, weight, pattern: wholeWords(phrase, "gu") })),
);
// Most chat replies ("50k DAU", "use MySQL") name no product: one scan for any cue at all settles
// that for the price of one of the ~50 scans, cue by cue, that scoring needs.
const ANY_CUE = wholeWords(Object.values(CUES).flat().map(([phrase]) => phrase).join("|"), "u");
const HEAD_END = /\s(?:for|with|that|which|including|where|plus|to|serving|handling|in|on|using)\s|[,.;:!?()]/u;
const HEAD_START = /(?<![a-zA-Z\u00C0-\u024F])(?:design|build|architect|create|make|plan|develop|launch|scale|designing|building|need|want|running|run)\s(?:(?:me|us)\s)?(?:an?|the|our|my|some)?\s?/u;
const HEAD_BONUS = 2;

/** The phrase naming the product: after the first build verb (or from the start) up to "for", "with", a comma… */
function headSpan(text: string): [number, number] {
  const verb = HEAD_START.exec(text);
  const start = verb === null ? 0 : verb.index + verb[0].length;
  const end = HEAD_END.exec(text.slice(start));
  return [start, end === null ? text.length : start + end.index];
}

/**
 * Classifies what is being built into one of the archetypes, or "generic" when nothing matches
 * (undefined only for text with nothing in it).
 *
 * Rule: every cue found scores its weight once; a cue inside a longer cue is ignored ("news feed"
 * is social, not content; "event streaming" is analytics, not video); cues in the head phrase —
 * the words naming the product before "for/with/that…" — score 2 more, so the primary noun wins:
 * "food-delivery app" is logistics, "payments for an online store" is fintech, "an online store
 * with payments" is ecommerce. Ties go to the cue mentioned first.
 */
export function detectArchetype(text: string): Archetype | undefined {
  const clean = lowerSameLength(normalizeText(stripMentions(text)));
  if (!/[\w\u00C0-\u024F]/u.test(clean)) return undefined;
  if (!ANY_CUE.test(clean)) return "generic";
  const hits: Hit[] = PATTERNS.flatMap(({ archetype, weight, pattern }) =>
    allMatches(pattern, clean).map((m) => ({ archetype, weight, start: m.index, end: m.index + m[0].length })),
  );
  const outer = hits.filter((hit) => !hits.some((other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
  const [headStart, headEnd] = headSpan(clean);
  const scores = new Map<Exclude<Archetype, "generic">, { score: number; first: number; cues: Set<string> }>();
  for (const hit of outer) {
    const entry = scores.get(hit.archetype) ?? { score: 0, first: hit.start, cues: new Set<string>() };
    const cue = clean.slice(hit.start, hit.end);
    if (!entry.cues.has(cue)) {
      entry.cues.add(cue);
      entry.score += hit.weight + (hit.start >= headStart && hit.end <= headEnd ? HEAD_BONUS : 0);
    }
    entry.first = Math.min(entry.first, hit.start);
    scores.set(hit.archetype, entry);
  }
  let best: { archetype: Archetype; score: number; first: number } = { archetype: "generic", score: 0, first: Infinity };
  for (const [archetype, { score, first }] of scores) {
    if (score > best.score || (score === best.score && first < best.first)) best = { archetype, score, first };
  }
  return best.archetype;
}
