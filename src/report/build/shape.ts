import type { Decision, Proposal } from "../../planner/proposal.js";
import type { Section } from "../document.js";
import { formatNumber } from "../format.js";
import { escapeInline } from "../inline.js";
import { facts, section, table, titled } from "./blocks.js";

/** A one-word plural unit reads in the singular for exactly one ("1 region", "2 regions"). */
function unitFor(value: number, unit: string): string {
  return value === 1 && /^[a-z]+s$/.test(unit) ? unit.slice(0, -1) : unit;
}

/** "0.02 database reads/s at peak; trigger at 500": the figure a decision was made on, when it has one. */
function figure(d: Decision): string {
  if (d.value === undefined) return "—";
  const unit = d.unit === undefined ? "" : `${d.unit.startsWith("%") ? "" : " "}${escapeInline(unitFor(d.value, d.unit))}`;
  const threshold = d.threshold === undefined ? "" : `; trigger at ${formatNumber(d.threshold)}`;
  return `${formatNumber(d.value)}${unit}${threshold}`;
}

function who(d: Decision): string {
  return d.userChoice ? "your choice" : escapeInline(d.source);
}

/** The stage the design stands on, what put each heavy part there, and when each missing one arrives. */
export function shapeSection(proposal: Proposal): Section {
  const present = proposal.decisions.filter((d) => d.present);
  const absent = proposal.decisions.filter((d) => !d.present);
  return section(
    "why-this-shape",
    "Why this shape",
    [
      facts([
        ["Stage", `rung ${proposal.stage.rung}: ${escapeInline(proposal.stage.name)}`],
        ["Shape", escapeInline(proposal.stage.shape)],
      ]),
      ...titled(
        "There, and the trigger that put it there",
        table(
          [{ title: "Element" }, { title: "Why" }, { title: "Figure" }, { title: "Source" }],
          present.map((d) => [escapeInline(d.element), escapeInline(d.reason), figure(d), who(d)]),
        ),
      ),
      ...titled(
        "Not there yet, and when it will be",
        table(
          [{ title: "Element" }, { title: "Why not yet" }, { title: "Figure" }, { title: "Needed in" }, { title: "Source" }],
          absent.map((d) => [escapeInline(d.element), escapeInline(d.reason), figure(d), d.neededInPhase === undefined ? "not within 100x" : `the ${d.neededInPhase} phase`, who(d)]),
        ),
      ),
    ],
    "No decisions recorded.",
  );
}
