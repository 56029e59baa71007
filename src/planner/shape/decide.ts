import type { Design } from "../design/index.js";
import { PHASES } from "../roadmap.js";
import type { Decision } from "../proposal.js";

/** Today's decisions, each absent element marked with the first phase whose re-planned design has it. */
export function withPhases(today: Design, phases: Design[]): Decision[] {
  return today.shape.decisions.map((d) => {
    if (d.present) return { ...d };
    const index = phases.findIndex((p) => p.shape.decisions.some((x) => x.element === d.element && x.present));
    return index === -1 ? { ...d } : { ...d, neededInPhase: PHASES[index]!.scale };
  });
}

/** A user's choice says what the ladder would have chosen and what the choices cost against it. */
export function withChoiceCosts(decisions: Decision[], ladder: Design, extra: string): Decision[] {
  return decisions.map((d) => {
    if (!d.userChoice) return d;
    const own = ladder.shape.decisions.find((x) => x.element === d.element);
    const ladderSays = own === undefined ? "" : own.present === d.present ? "; the ladder would choose the same here" : `; the ladder would ${own.present ? "include it" : "leave it out"} here (${own.reason})`;
    return { ...d, reason: `${d.reason}${ladderSays}; ${extra}` };
  });
}
