import type { Compliance } from "../requirements.js";
import { type ParseState, negatedChoice } from "./state.js";

// Only regimes named outright: "patient records" or "card payments" alone do not decide
// that a regime applies, which is for the user (or the planner's assumptions) to say.
const REGIMES: Array<[RegExp, Compliance]> = [
  [/(?<![\p{L}])gdpr(?![\p{L}])/gu, "GDPR"],
  [/(?<![\p{L}])hipaa(?![\p{L}])/gu, "HIPAA"],
  [/(?<![\p{L}])pci(?:[- ]?dss)?(?![\p{L}])/gu, "PCI-DSS"],
  [/(?<![\p{L}])soc[- ]?(?:2|ii)(?![\p{L}\p{N}])/gu, "SOC 2"],
];
const NO_COMPLIANCE = /(?<![\p{L}])(?:no (?:compliance|regulatory) (?:requirements?|needs|constraints|regimes?)|no compliance|no regulations?|nothing regulatory)(?![\p{L}])/u;
const NOTHING = /^\s*(?:none|no|nope|nothing|n\/a|not really|not applicable|none needed|no requirements?)\s*[.!]?\s*$/u;

/**
 * Compliance regimes named in the text, minus those ruled out ("no HIPAA", "GDPR isn't needed").
 * "no compliance requirements" (or a bare "none" when Archie asked) gives an empty list; ruling out
 * one regime alone says nothing about the others, so it gives no list.
 */
export function readCompliance(state: ParseState): Compliance[] | undefined {
  const named = new Set<Compliance>();
  const ruledOut = new Set<Compliance>();
  for (const [pattern, regime] of REGIMES) {
    for (const match of state.text.matchAll(pattern)) {
      (negatedChoice(state.text, match.index, match.index + match[0].length) ? ruledOut : named).add(regime);
    }
  }
  const regimes = [...named].filter((regime) => !ruledOut.has(regime));
  if (regimes.length > 0) return regimes;
  const saysNone = NO_COMPLIANCE.test(state.text) || (state.expecting === "compliance" && NOTHING.test(state.text));
  return saysNone ? [] : undefined;
}

type Choice<V> = { pattern: RegExp; value: V; whenRuledOut?: V };

function readChoice<V>(state: ParseState, choices: Array<Choice<V>>): V | undefined {
  let chosen: { index: number; value: V } | undefined;
  for (const { pattern, value, whenRuledOut } of choices) {
    for (const match of state.text.matchAll(pattern)) {
      const ruledOut = negatedChoice(state.text, match.index, match.index + match[0].length);
      const picked = ruledOut ? whenRuledOut : value;
      // The last choice stated wins: "AWS… actually, GCP" is GCP.
      if (picked !== undefined && (chosen === undefined || match.index >= chosen.index)) chosen = { index: match.index, value: picked };
    }
  }
  return chosen?.value;
}

const CLOUDS: Array<Choice<"aws" | "gcp" | "azure">> = [
  { pattern: /(?<![\p{L}])(?:aws|amazon web services|ec2|eks|(?:on|use|using|host\w*(?: on| with)?|deploy\w* (?:on|to)|run\w* on) amazon(?![\p{L}-]|\slike))(?![\p{L}\p{N}])/gu, value: "aws" },
  { pattern: /(?<![\p{L}])(?:gcp|google cloud(?: platform)?|gke|(?:on|use|using|host\w*(?: on| with)?|deploy\w* (?:on|to)|run\w* on) google(?![\p{L}-]|\slike))(?![\p{L}\p{N}])/gu, value: "gcp" },
  { pattern: /(?<![\p{L}])(?:azure|aks|microsoft cloud)(?![\p{L}\p{N}])/gu, value: "azure" },
];
const DATABASES: Array<Choice<"postgresql" | "mysql">> = [
  { pattern: /(?<![\p{L}])(?:postgres(?:ql)?|psql|aurora postgres(?:ql)?)(?![\p{L}])/gu, value: "postgresql" },
  { pattern: /(?<![\p{L}])(?:mysql|aurora mysql)(?![\p{L}])/gu, value: "mysql" },
];
// Ruling Kubernetes out ("drop Kubernetes", "no k8s", "without kubernetes") means plain VMs.
const ORCHESTRATIONS: Array<Choice<"kubernetes" | "vms">> = [
  { pattern: /(?<![\p{L}])(?:kubernetes|k8s|k3s|eks|gke|aks|kube)(?![\p{L}\p{N}])/gu, value: "kubernetes", whenRuledOut: "vms" },
  { pattern: /(?<![\p{L}])(?:vms?|virtual machines?|plain (?:servers|instances)|ec2 instances|bare metal|autoscaling groups?|asgs?)(?![\p{L}])/gu, value: "vms" },
];

/** The cloud provider asked for: AWS/Amazon, GCP/Google Cloud or Azure. */
export function readCloud(state: ParseState): "aws" | "gcp" | "azure" | undefined {
  return readChoice(state, CLOUDS);
}

/** The database engine asked for: "use MySQL", "on Postgres", "switch from Postgres to MySQL". */
export function readDatabase(state: ParseState): "postgresql" | "mysql" | undefined {
  return readChoice(state, DATABASES);
}

/** Kubernetes ("on EKS", "k8s") or VMs ("drop Kubernetes", "plain VMs"). */
export function readOrchestration(state: ParseState): "kubernetes" | "vms" | undefined {
  return readChoice(state, ORCHESTRATIONS);
}
