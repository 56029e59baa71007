import type { RequirementField, Requirements } from "./requirements.js";

/** Short human wording of requirement values, for "Got it — …" lines and tool results. */

const LABELS: Partial<Record<RequirementField, string>> = {
  dau: "daily active users",
  mau: "monthly active users",
  concurrentUsers: "concurrent users",
  avgRps: "average RPS",
  peakRps: "peak RPS",
  readWriteRatio: "read:write ratio",
  peakFactor: "peak factor",
  growthPercentPerMonth: "monthly growth",
  latencyP95Ms: "p95 latency target",
  ordersPerDay: "orders per day",
  videoHoursWatchedPerDay: "video hours watched per day",
  writeRps: "writes/s",
  readRps: "reads/s",
  writesPerUserPerDay: "writes per user a day",
  readsPerUserPerDay: "reads per user a day",
};

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };

export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  const scaled = (n: number, suffix: string) => `${Number((value / n).toFixed(n === 1 ? 0 : 1))}${suffix}`;
  if (abs >= 1e9) return scaled(1e9, "B");
  if (abs >= 1e6) return scaled(1e6, "M");
  if (abs >= 1e3) return scaled(1e3, "k");
  return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Number(value.toFixed(2)));
}

export function fieldLabel(field: string): string {
  return LABELS[field as RequirementField] ?? field.replace(/([A-Z])/g, " $1").toLowerCase();
}

export function describeValue<F extends RequirementField>(field: F, value: Requirements[F]): string {
  if (value === undefined) return fieldLabel(field);
  switch (field) {
    case "domain":
      return String(value);
    case "archetype":
      return `${String(value)} workload`;
    case "budget": {
      const budget = value as NonNullable<Requirements["budget"]>;
      return `budget ${SYMBOLS[budget.currency] ?? ""}${compactNumber(budget.amount)}${SYMBOLS[budget.currency] ? "" : ` ${budget.currency}`}/month`;
    }
    case "growthPercentPerMonth":
      return `+${String(value)}%/month growth`;
    case "peakFactor":
      return `peaks at ${String(value)}x average`;
    case "availability":
      return `${String(value)}% availability`;
    case "latencyP95Ms":
      return `p95 under ${String(value)} ms`;
    case "regions":
      return `regions: ${(value as string[]).join(", ")}`;
    case "compliance":
      return (value as string[]).length ? `compliance: ${(value as string[]).join(", ")}` : "no compliance regime";
    case "cloud":
      return `on ${String(value).toUpperCase()}`;
    case "database":
      return `database: ${value === "mysql" ? "MySQL" : "PostgreSQL"}`;
    case "orchestration":
      return value === "vms" ? "no Kubernetes (plain VMs)" : value === "ecs" ? "on ECS Fargate" : "on Kubernetes";
    case "serviceSplit":
      return value === "microservices" ? "a service per domain" : "one modular monolith";
    case "broker":
      return value === "kafka" ? "Kafka as the event stream" : "a managed queue";
    case "notes":
      return "your notes";
    case "storedKbPerWrite":
      return `${String(value)} KB stored per write`;
    case "objectKbPerWrite":
      return `${String(value)} KB uploaded per write`;
    case "retentionDays":
      return `data kept ${String(value)} days`;
    case "readWriteRatio":
      return `${String(value)}:1 reads to writes`;
    default:
      return typeof value === "number" ? `${compactNumber(value)} ${fieldLabel(field)}` : `${fieldLabel(field)}: ${String(value)}`;
  }
}

/** "50k daily active users, budget $2k/month" for the fields given, in their order. */
export function describeFields(requirements: Requirements, fields: readonly RequirementField[]): string {
  return fields
    .filter((field) => field !== "archetype" || requirements.domain === undefined)
    .map((field) => describeValue(field, requirements[field]))
    .join(", ");
}
