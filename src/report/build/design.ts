import type { Component, Proposal } from "../../planner/proposal.js";
import type { Block, Section } from "../document.js";
import { formatCount, formatPercent } from "../format.js";
import { codeSpan, escapeInline } from "../inline.js";
import { facts, list, section, table, titled } from "./blocks.js";
import { bottleneckTable, componentName } from "./shared.js";

/** The component table; the roadmap reuses it for each phase's component list. */
export function componentTable(components: Component[]): Block {
  return table(
    [
      { title: "Component" },
      { title: "Type" },
      { title: "Purpose" },
      { title: "Count", numeric: true },
      { title: "Sizing" },
      { title: "Utilisation at peak", numeric: true },
    ],
    components.map((c) => [
      escapeInline(c.name),
      c.type,
      escapeInline(c.purpose),
      formatCount(c.count),
      escapeInline(c.sizing),
      c.utilisation === undefined ? "—" : formatPercent(c.utilisation),
    ]),
  );
}

export function componentsSection(proposal: Proposal): Section {
  return section("components", "Components", [componentTable(proposal.components)], "No components.");
}

export function stackSection(proposal: Proposal): Section {
  return section(
    "stack",
    "Technology stack",
    [
      table(
        [{ title: "Layer" }, { title: "Choice" }, { title: "Why" }, { title: "Alternatives" }],
        proposal.stack.map((s) => [
          escapeInline(s.layer),
          escapeInline(s.choice),
          escapeInline(s.why),
          s.alternatives.length === 0 ? "—" : s.alternatives.map(escapeInline).join(", "),
        ]),
      ),
    ],
    "No technology choices.",
  );
}

export function discoverySection(proposal: Proposal): Section {
  const { mechanism, naming, steps } = proposal.discovery;
  return section(
    "discovery",
    "Service discovery",
    [
      facts([
        ["Mechanism", escapeInline(mechanism)],
        ["Naming", codeSpan(naming)],
      ]),
      ...titled("Registration and lookup", list(steps.map(escapeInline), true)),
    ],
    "No service discovery described.",
  );
}

export function environmentsSection(proposal: Proposal): Section {
  return section(
    "environments",
    "Environments",
    [
      table(
        [{ title: "Environment" }, { title: "Location" }, { title: "Components" }, { title: "Purpose" }],
        proposal.environments.map((e) => [
          e.name,
          escapeInline(e.location),
          e.components.map((id) => componentName(proposal, id)).join(", "),
          escapeInline(e.purpose),
        ]),
      ),
    ],
    "No environments.",
  );
}

export function bottlenecksSection(proposal: Proposal): Section {
  return section("bottlenecks", "Bottlenecks", [bottleneckTable(proposal.bottlenecks)], "No bottlenecks at today's peak.");
}

export function configurationSection(proposal: Proposal): Section {
  return section(
    "configuration",
    "Configuration",
    [
      table(
        [{ title: "Component" }, { title: "Setting" }, { title: "Value" }, { title: "Why" }],
        proposal.configuration.map((c) => [
          componentName(proposal, c.component),
          codeSpan(c.setting),
          codeSpan(c.value),
          escapeInline(c.why),
        ]),
      ),
    ],
    "No configuration values.",
  );
}
