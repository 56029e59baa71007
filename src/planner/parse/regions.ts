import { allMatches } from "./matches.js";
import type { ParseState } from "./state.js";

/** Every area Archie deploys to when the user says "global" or "worldwide". */
export const GLOBAL_AREAS = ["us", "eu", "ap"] as const;

// Cloud region ids are kept as written: AWS ("eu-west-1") and Google Cloud ("europe-west1").
const REGION_ID = /(?<![\w\u00C0-\u024F-])(?:(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d{1,2}|(?:europe|us|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d{1,2})(?![\w\u00C0-\u024F-])/giu;

// Countries and cities map to the area a cloud serves them from: India → "ap" (the user named a
// country, not a region id; "ap-south-1" is Archie's choice to make), the UK → "eu" (AWS eu-west-2).
// Checked in this order, so "South America" is read before "America".
const AREAS: Array<[RegExp, string]> = [
  [/(?<![a-zA-Z\u00C0-\u024F])(?:south america(?:ns?)?|latin america(?:ns?)?|latam|brazil|argentina|chile|colombia|peru|são paulo|sao paulo)(?![a-zA-Z\u00C0-\u024F])/giu, "sa"],
  [/(?<![a-zA-Z\u00C0-\u024F])(?:eu|e\.u\.|europe|european|eea|emea|germany|france|netherlands|ireland|spain|italy|poland|sweden|uk|u\.k\.|united kingdom|britain|london|frankfurt|paris|dublin|amsterdam|stockholm)(?![a-zA-Z\u00C0-\u024F])/giu, "eu"],
  // "US" only in capitals: "us" is also a pronoun ("help us design…").
  [/(?<![a-zA-Z\u00C0-\u024F])(?:U\.S\.(?:A\.)?|US(?!\$))(?![a-zA-Z\u00C0-\u024F])/gu, "us"],
  [/(?<![a-zA-Z\u00C0-\u024F])(?:usa|united states|north america|americas?|americans?|canada|virginia|ohio|oregon|california)(?![a-zA-Z\u00C0-\u024F])/giu, "us"],
  [/(?<![a-zA-Z\u00C0-\u024F])(?:apac|asia|asia[- ]pacific|asian|india|japan|singapore|australia|korea|indonesia|southeast asia|hong kong|tokyo|mumbai|sydney|new zealand|oceania)(?![a-zA-Z\u00C0-\u024F])/giu, "ap"],
];
const GLOBAL = /(?<![a-zA-Z\u00C0-\u024F])(?:global|globally|worldwide|world-wide|everywhere|all over the world|around the world|international|internationally|multiple continents)(?![a-zA-Z\u00C0-\u024F])/giu;
const EXCLUDED_BEFORE = /(?:(?<![a-zA-Z\u00C0-\u024F])(?:not|no|except|excluding|outside(?: of)?|without|other than|besides|nor)(?:\s(?:in|from|for|the|any))*\s?|non-)$/iu;
const ONLY = /^(?:-only|\sonly)(?![a-zA-Z\u00C0-\u024F])/iu;
const ONLY_BEFORE = /(?<![a-zA-Z\u00C0-\u024F])only\s(?:in\s|for\s|within\s)?(?:the\s)?$/iu;

type Mention = { index: number; end: number; areas: readonly string[]; only: boolean };

/**
 * Regions in the order they are mentioned: cloud region ids as written, areas "us", "eu", "ap",
 * "sa", and "global" as all of us/eu/ap. "EU-only" or "only in the EU" keeps just those areas;
 * "not in the EU" or "outside Europe" leaves an area out.
 */
export function readRegions(state: ParseState): string[] | undefined {
  const mentions: Mention[] = [];
  const excluded = new Set<string>();
  const taken = (start: number, end: number) => mentions.some((m) => start < m.end && m.index < end);
  const add = (match: RegExpExecArray, areas: readonly string[]) => {
    const end = match.index + match[0].length;
    if (taken(match.index, end)) return;
    const before = state.cased.slice(Math.max(0, match.index - 30), match.index);
    if (EXCLUDED_BEFORE.test(before)) {
      areas.forEach((area) => excluded.add(area));
      mentions.push({ index: match.index, end, areas: [], only: false });
      return;
    }
    const only = ONLY.test(state.cased.slice(end, end + 6)) || ONLY_BEFORE.test(before);
    mentions.push({ index: match.index, end, areas, only });
  };
  for (const match of allMatches(REGION_ID, state.cased)) add(match, [match[0].toLowerCase()]);
  for (const [pattern, area] of AREAS) for (const match of allMatches(pattern, state.cased)) add(match, [area]);
  for (const match of allMatches(GLOBAL, state.cased)) add(match, GLOBAL_AREAS);
  mentions.sort((a, b) => a.index - b.index);
  const onlyMentions = mentions.filter((m) => m.only);
  const chosen = (onlyMentions.length > 0 ? onlyMentions : mentions).flatMap((m) => m.areas);
  const regions = [...new Set(chosen)].filter((area) => !excluded.has(area)).slice(0, 10);
  return regions.length > 0 ? regions : undefined;
}
