import type { Proposal } from "../planner/proposal.js";

/**
 * "Why Kafka?": answers from the proposal itself (its stack reasoning, the component's purpose
 * and sizing, and any bottleneck it addresses), so the explanation never disagrees with it.
 */

const STOP = new Set(["the", "a", "an", "do", "we", "you", "need", "use", "using", "is", "there", "here", "this", "that", "for", "why", "what", "of", "in", "it", "our", "my", "your", "did", "pick", "choose", "chose", "and", "not", "instead", "design", "at", "all", "have"]);

export function keywords(subject: string): string[] {
  return subject
    .toLowerCase()
    .split(/[^a-z0-9.+#-]+/)
    .map((word) => word.replace(/^[.-]+|[.-]+$/g, ""))
    .filter((word) => word.length >= 2 && !STOP.has(word));
}

const mentions = (haystack: string, words: readonly string[]) => words.some((word) => haystack.toLowerCase().includes(word));

export interface Explanation {
  found: boolean;
  text: string;
}

export function explain(proposal: Proposal, subject: string): Explanation {
  const words = keywords(subject);
  const v = `v${proposal.version}`;
  if (words.length === 0) {
    return { found: false, text: `Which part should I explain? ${v} has: ${inventory(proposal)}.` };
  }
  const stack = proposal.stack.filter((s) => mentions(`${s.choice} ${s.layer}`, words));
  const components = proposal.components.filter((c) => mentions(`${c.name} ${c.id} ${c.type}`, words));
  const bottlenecks = proposal.bottlenecks.filter((b) => mentions(`${b.title} ${b.id} ${b.fix}`, words));
  if (stack.length + components.length === 0) {
    const alternativeOf = proposal.stack.find((s) => s.alternatives.some((alt) => mentions(alt, words)));
    if (alternativeOf) {
      return {
        found: true,
        text: `${v} does not use ${subject.trim()}: for ${alternativeOf.layer} it picks **${alternativeOf.choice}** because ${lower(alternativeOf.why)} (${subject.trim()} was considered as an alternative).`,
      };
    }
    return { found: false, text: `${v} has no ${subject.trim()}. Its parts are: ${inventory(proposal)}. Ask "why <one of these>?".` };
  }
  const lines: string[] = [];
  for (const s of stack.slice(0, 2)) {
    const alts = s.alternatives.length ? ` Alternatives considered: ${s.alternatives.join(", ")}.` : "";
    lines.push(`**${s.choice}** (${s.layer}): ${sentence(s.why)}${alts}`);
  }
  for (const c of components.slice(0, 3)) {
    const load = c.utilisation !== undefined ? `, ${Math.round(c.utilisation * 100)}% utilised at today's peak` : "";
    lines.push(`**${c.name}** — ${sentence(c.purpose)} Runs as ${c.count} × ${c.sizing}${load}.`);
  }
  for (const b of bottlenecks.slice(0, 2)) {
    lines.push(`It addresses bottleneck #${b.rank}, ${b.title} (${b.severity}): ${sentence(b.fix)}`);
  }
  return { found: true, text: lines.join("\n") };
}

function inventory(proposal: Proposal): string {
  return proposal.components.map((c) => c.name).join(", ");
}

const lower = (text: string) => (text ? text.charAt(0).toLowerCase() + text.slice(1) : text).replace(/\.$/, "");

/** Planner prose comes as fragments; joined into a paragraph each needs its full stop. */
const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};
