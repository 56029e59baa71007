import { FILLER } from "./numbers.js";
import { type ParseState, eachQuantity, negatedBefore, rx } from "./state.js";

/**
 * Sizes per item ("each paste is about 1.27 KB", "uploads are about 5 MB", "1 KB of content per
 * write", "10 KB per tweet") and how long data is kept ("keep 90 days of tracks").
 */

const WORD_END = String.raw`(?![a-zA-Z\u00C0-\u024F])`;
// A bare "b" is left out: "221B Baker Street", "5b" (billion) are not sizes.
const UNIT = String.raw`(?<unit>bytes?|kb|kib|kilobytes?|mb|mib|megabytes?|gb|gib|gigabytes?)${WORD_END}`;
const KB_PER: Record<string, number> = { byte: 0.001, bytes: 0.001, kb: 1, kib: 1.024, kilobyte: 1, kilobytes: 1, mb: 1e3, mib: 1048.576, megabyte: 1e3, megabytes: 1e3, gb: 1e6, gib: 1073741.824, gigabyte: 1e6, gigabytes: 1e6 };
const ITEM = String.raw`(?<item>[a-z][a-z-]*(?:\s[a-z][a-z-]*)?)`;
const SIZE_VERB = String.raw`(?:is|are|weighs|weigh|averages|average|takes|take|comes to|come to|runs|run|is roughly|is about)`;
const SIZES = [
  // "each paste is about 1.27 KB", "an average stored page is 500 KB", "uploads are about 5 MB"
  rx(String.raw`(?<![a-zA-Z\u00C0-\u024F])(?:(?:each|every|an?|the|one|a single|per)\s)?(?:(?:average|typical|avg|stored|single|new|mean)\s)*${ITEM}\s${SIZE_VERB}(?:\son average)?${FILLER}{n}\s?${UNIT}`),
  // "1 KB of content per write", "10 KB per tweet", "50 bytes per transaction"
  rx(String.raw`{n}\s?${UNIT}(?:\s(?:of\s)?(?:content|data|text|payload|metadata|storage))?\s(?:per|each|a|an|for each|for every|for one)\s${ITEM}`),
  // "5 MB uploads", "500 KB pages", "2 KB messages"
  rx(String.raw`{n}\s?${UNIT}\s(?:average\s|typical\s)?(?<item>uploads?|files?|photos?|images?|videos?|attachments?|documents?|pages?|pastes?|messages?|posts?|tweets?|records?|rows?|events?|entries|payloads?)${WORD_END}`),
];
// Kept in object storage: media, files and whole pages. Everything else is a row in the database.
const OBJECT_ITEM = /(?:^|\s)(?:uploads?|files?|photos?|images?|pictures?|pics?|videos?|clips?|attachments?|documents?|docs?|pdfs?|pages?|web ?pages?|html|recordings?|songs?|audio|tracks?|blobs?|assets?|media|avatars?|scans?|backups?|archives?|objects?|screenshots?|thumbnails?)$/u;
// Sizes of other things: memory, budgets, whole databases ("the database is 2 GB", "5 GB of RAM").
const NOT_AN_ITEM = /(?:^|\s)(?:ram|memory|disk|ssd|budget|cache|heap|limit|quota|bandwidth|month|day|second|year|hour|user|users|requests?|responses?|database|db|storage|total|data|dataset|table|volume|index|cap|it|that|this)$/u;

/** The item's first noun when two words were caught ("paste is" → "paste", "stored page" → "page"). */
function itemOf(match: RegExpExecArray): string | undefined {
  const raw = match.groups?.["item"];
  if (raw === undefined) return undefined;
  return raw.replace(/\s(?:is|are)$/u, "").trim();
}

export function readSizes(state: ParseState): void {
  for (const pattern of SIZES) {
    eachQuantity(state, pattern, (value, match) => {
      const item = itemOf(match);
      const unit = match.groups?.["unit"] ?? "";
      const factor = KB_PER[unit];
      if (item === undefined || factor === undefined || NOT_AN_ITEM.test(item)) return false;
      const toKb = (n: number) => Number((n * factor).toPrecision(6));
      const field = OBJECT_ITEM.test(item) ? "objectKbPerWrite" : "storedKbPerWrite";
      state.findings.push({ field, value: toKb(value), index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: toKb });
      return true;
    });
  }
}

const DAYS_IN: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const SPAN = String.raw`{n}[\s-](?<span>days?|weeks?|months?|years?)${WORD_END}`;
const RETENTION = [
  rx(String.raw`(?:keep|keeps|keeping|kept|retain|retains|retaining|retained|store|stores|storing|hold|holds|holding)\s(?:only\s)?(?:the\s)?(?:last\s|latest\s|past\s)?(?:up to\s)?${SPAN}`),
  rx(String.raw`(?:kept|retained|stored|held|keep (?:it|them|data|everything)|retain (?:it|them|data|everything))\s(?:for\s)(?:up to\s|only\s)?${SPAN}`),
  rx(String.raw`(?:delete[ds]?|purge[ds]?|expire[ds]?|drop(?:ped)?|discard(?:ed)?)\s(?:[a-z]+\s){0,2}?after\s${SPAN}`),
  rx(String.raw`${SPAN}\s(?:of\s)?(?:retention|ttl|history|data retention)`),
  rx(String.raw`(?:retention|ttl)(?:\speriod)?(?:\sof|\sis|:)?${FILLER}${SPAN}`),
];

/** How long data is kept, in days. */
export function readRetention(state: ParseState): void {
  for (const pattern of RETENTION) {
    eachQuantity(state, pattern, (value, match) => {
      const span = (match.groups?.["span"] ?? "").replace(/s$/u, "");
      const days = DAYS_IN[span];
      if (days === undefined) return false;
      const toDays = (n: number) => Number((n * days).toPrecision(6));
      state.findings.push({ field: "retentionDays", value: toDays(value), index: match.index, negated: negatedBefore(state.text, match.index), weak: false, withAmount: toDays });
      return true;
    });
  }
}
