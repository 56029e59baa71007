import type { Compliance } from "../requirements.js";
import { allMatches } from "./matches.js";
import { type ParseState, negatedChoice } from "./state.js";

// Only regimes named outright: "patient records" or "card payments" alone do not decide
// that a regime applies, which is for the user (or the planner's assumptions) to say.
const REGIMES: Array<[RegExp, Compliance]> = [
  [/(?<![a-zA-Z\u00C0-\u024F])gdpr(?![a-zA-Z\u00C0-\u024F])/gu, "GDPR"],
  [/(?<![a-zA-Z\u00C0-\u024F])hipaa(?![a-zA-Z\u00C0-\u024F])/gu, "HIPAA"],
  [/(?<![a-zA-Z\u00C0-\u024F])pci(?:[- ]?dss)?(?![a-zA-Z\u00C0-\u024F])/gu, "PCI-DSS"],
  [/(?<![a-zA-Z\u00C0-\u024F])soc[- ]?(?:2|ii)(?![\w\u00C0-\u024F])/gu, "SOC 2"],
];
const NO_COMPLIANCE = /(?<![a-zA-Z\u00C0-\u024F])(?:no (?:compliance|regulatory) (?:requirements?|needs|constraints|regimes?)|no compliance|no regulations?|nothing regulatory)(?![a-zA-Z\u00C0-\u024F])/u;
const NOTHING = /^\s*(?:none|no|nope|nothing|n\/a|not really|not applicable|none needed|no requirements?)\s*[.!]?\s*$/u;

/**
 * Compliance regimes named in the text, minus those ruled out ("no HIPAA", "GDPR isn't needed").
 * "no compliance requirements" (or a bare "none" when Archie asked) gives an empty list; ruling out
 * one regime alone says nothing about the others, so it gives no list.
 */
export function readCompliance(state: ParseState): Compliance[] | undefined {
  const named: Array<{ index: number; regime: Compliance }> = [];
  const ruledOut = new Set<Compliance>();
  for (const [pattern, regime] of REGIMES) {
    for (const match of allMatches(pattern, state.text)) {
      if (negatedChoice(state.text, match.index, match.index + match[0].length)) ruledOut.add(regime);
      else named.push({ index: match.index, regime });
    }
  }
  // In the order the user named them.
  const regimes = [...new Set(named.sort((a, b) => a.index - b.index).map((n) => n.regime))].filter((regime) => !ruledOut.has(regime));
  if (regimes.length > 0) return regimes;
  const saysNone = NO_COMPLIANCE.test(state.text) || (state.expecting === "compliance" && NOTHING.test(state.text));
  return saysNone ? [] : undefined;
}

type Choice<V> = { pattern: RegExp; value: V; whenRuledOut?: V };

function readChoice<V>(state: ParseState, choices: Array<Choice<V>>): V | undefined {
  let chosen: { index: number; value: V } | undefined;
  for (const { pattern, value, whenRuledOut } of choices) {
    for (const match of allMatches(pattern, state.text)) {
      const ruledOut = negatedChoice(state.text, match.index, match.index + match[0].length);
      const picked = ruledOut ? whenRuledOut : value;
      // The last choice stated wins: "AWS… actually, GCP" is GCP.
      if (picked !== undefined && (chosen === undefined || match.index >= chosen.index)) chosen = { index: match.index, value: picked };
    }
  }
  return chosen?.value;
}

const CLOUDS: Array<Choice<"aws" | "gcp" | "azure">> = [
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:aws|amazon web services|ec2|eks|(?:on|use|using|host\w*(?: on| with)?|deploy\w* (?:on|to)|run\w* on) amazon(?![a-zA-Z\u00C0-\u024F-]|\slike))(?![\w\u00C0-\u024F])/gu, value: "aws" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:gcp|google cloud(?: platform)?|gke|(?:on|use|using|host\w*(?: on| with)?|deploy\w* (?:on|to)|run\w* on) google(?![a-zA-Z\u00C0-\u024F-]|\slike))(?![\w\u00C0-\u024F])/gu, value: "gcp" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:azure|aks|microsoft cloud)(?![\w\u00C0-\u024F])/gu, value: "azure" },
];
const DATABASES: Array<Choice<"postgresql" | "mysql">> = [
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:postgres(?:ql)?|psql|aurora postgres(?:ql)?)(?![a-zA-Z\u00C0-\u024F])/gu, value: "postgresql" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:mysql|aurora mysql)(?![a-zA-Z\u00C0-\u024F])/gu, value: "mysql" },
];
// Ruling Kubernetes out ("drop Kubernetes", "no k8s", "without kubernetes") means plain VMs.
const ORCHESTRATIONS: Array<Choice<"kubernetes" | "vms" | "ecs">> = [
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:kubernetes|k8s|k3s|eks|gke|aks|kube)(?![\w\u00C0-\u024F])/gu, value: "kubernetes", whenRuledOut: "vms" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:vms?|virtual machines?|plain (?:servers|instances)|ec2 instances|bare metal|autoscaling groups?|asgs?)(?![a-zA-Z\u00C0-\u024F])/gu, value: "vms" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:ecs|fargate|elastic container service)(?![a-zA-Z\u00C0-\u024F])/gu, value: "ecs" },
];
// "microservices please", "a service per domain"; "keep it a monolith", "no microservices".
const SPLITS: Array<Choice<"monolith" | "microservices">> = [
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:micro-?services?|a service per (?:domain|team)|one service per (?:domain|team)|service-oriented)(?![a-zA-Z\u00C0-\u024F])/gu, value: "microservices", whenRuledOut: "monolith" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:(?:modular )?monolith(?:ic)?|a single (?:service|deployable|app))(?![a-zA-Z\u00C0-\u024F])/gu, value: "monolith", whenRuledOut: "microservices" },
];
// "we already run Kafka", "use Kafka", "MSK"; "use SQS", "a simple queue".
const BROKERS: Array<Choice<"kafka" | "queue">> = [
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:kafka|msk|redpanda)(?![a-zA-Z\u00C0-\u024F])/gu, value: "kafka", whenRuledOut: "queue" },
  { pattern: /(?<![a-zA-Z\u00C0-\u024F])(?:sqs|rabbitmq|a (?:simple |managed )?(?:job )?queue)(?![a-zA-Z\u00C0-\u024F])/gu, value: "queue" },
];

/** The cloud provider asked for: AWS/Amazon, GCP/Google Cloud or Azure. */
export function readCloud(state: ParseState): "aws" | "gcp" | "azure" | undefined {
  return readChoice(state, CLOUDS);
}

/** The database engine asked for: "use MySQL", "on Postgres", "switch from Postgres to MySQL". */
export function readDatabase(state: ParseState): "postgresql" | "mysql" | undefined {
  return readChoice(state, DATABASES);
}

/** Kubernetes ("on EKS", "k8s"), VMs ("drop Kubernetes", "plain VMs") or ECS ("on Fargate"). */
export function readOrchestration(state: ParseState): "kubernetes" | "vms" | "ecs" | undefined {
  return readChoice(state, ORCHESTRATIONS);
}

/** A service per domain ("microservices please") or one deployable ("keep it a monolith"). */
export function readServiceSplit(state: ParseState): "monolith" | "microservices" | undefined {
  return readChoice(state, SPLITS);
}

/** The event stream the team runs ("we already run Kafka") or a managed queue ("use SQS"). */
export function readBroker(state: ParseState): "kafka" | "queue" | undefined {
  return readChoice(state, BROKERS);
}
