import type { Proposal } from "../../planner/proposal.js";
import type { Section } from "../document.js";
import { formatAvailability, formatMinutes } from "../format.js";
import { escapeInline } from "../inline.js";
import { facts, list, section, table, titled } from "./blocks.js";
import { alertTable, availabilityTarget, sloTable } from "./shared.js";

export function reliabilitySection(proposal: Proposal): Section {
  const r = proposal.reliability;
  const target = availabilityTarget(proposal);
  return section(
    "reliability",
    "Reliability",
    [
      facts([
        ["Computed availability", `${formatAvailability(r.computedAvailabilityPercent)} (serial availability of the request path)`],
        ["Target", target ?? "not stated"],
        ["Recovery point objective", formatMinutes(r.backups.rpoMinutes)],
        ["Recovery time objective", formatMinutes(r.backups.rtoMinutes)],
        ["Backups", escapeInline(r.backups.plan)],
      ]),
      ...titled("SLOs", sloTable(r.slos)),
      ...titled("Practices", list(r.practices.map(escapeInline))),
      ...titled("Alerts", alertTable(r.alerts)),
    ],
    "No reliability plan.",
  );
}

export function securitySection(proposal: Proposal): Section {
  const s = proposal.security;
  return section(
    "security",
    "Security",
    [
      ...titled(
        "Controls",
        table(
          [{ title: "Regime" }, { title: "Control" }],
          s.controls.map((c) => [escapeInline(c.regime), escapeInline(c.control)]),
        ),
      ),
      ...titled("SLOs", sloTable(s.slos)),
      ...titled("Alerts", alertTable(s.alerts)),
    ],
    "No security controls listed.",
  );
}

export function observabilitySection(proposal: Proposal): Section {
  const o = proposal.observability;
  return section(
    "observability",
    "Observability",
    [
      ...titled("SLIs", list(o.slis.map(escapeInline))),
      ...titled("SLOs", sloTable(o.slos)),
      ...titled("Dashboards", list(o.dashboards.map(escapeInline))),
      ...titled("Alerts", alertTable(o.alerts)),
    ],
    "No observability plan.",
  );
}
