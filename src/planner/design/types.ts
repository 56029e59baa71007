import type { Component, CostCategory, Edge } from "../proposal.js";
import type { Load } from "../capacity.js";
import type { Resolved } from "../resolve.js";
import type { Shape } from "../shape/choose.js";

/** Which cost levers may act on a bill line. */
export type LeverTag = "compute" | "compute-async" | "database" | "cache" | "cdn" | "none";

/** One priced quantity: the cost model's unit of account, in USD before currency conversion. */
export interface BillLine {
  componentId: string;
  item: string;
  category: CostCategory;
  usdMonthly: number;
  basis: string;
  lever: LeverTag;
}

/** A capacity-limited resource: utilisation = load / capacity, used to rank bottlenecks. */
export interface Resource {
  id: string;
  componentId: string;
  title: string;
  load: number;
  capacity: number;
  unit: string;
  signal: string;
  fix: string;
}

export interface Setting {
  component: string;
  setting: string;
  value: string;
  why: string;
}

/** What each builder contributes to the design. */
export interface Part {
  components: Component[];
  bill: BillLine[];
  resources: Resource[];
  edges: Edge[];
  settings: Setting[];
}

export interface DesignOptions {
  /** CPU utilisation the tiers are sized for (0.6 leaves room for a lost AZ and spikes). */
  targetUtilisation: number;
  /** Read replicas the previous scale step already runs: growing never removes them. */
  minDbReplicas?: number;
  /** Database shards the previous scale step already runs: growing never merges them. */
  minDbShards?: number;
  /** Price the ladder's own choice instead of the platform, split or broker the user asked for. */
  ignoreUserChoices?: boolean;
}

export interface DesignContext {
  r: Resolved;
  load: Load;
  options: DesignOptions;
  /** Availability zones per region. */
  azs: number;
  /** Regions the regional tiers are repeated in. */
  regions: number;
  /** The rung's parts at this load, each set by a trigger. */
  shape: Shape;
}

/** The whole sized design at one load: components, their costs, their limits and their wiring. */
export interface Design extends Part {
  r: Resolved;
  load: Load;
  shape: Shape;
  /** App-tier deployments with their replica needs (for autoscaling). */
  deployments: Deployment[];
}

export interface Deployment {
  name: string;
  componentId: string;
  /** Requests (or connections, jobs) per second one replica serves at 100% CPU. */
  capacityPerReplica: number;
  /** The load this deployment carries at peak and on average. */
  peakLoad: number;
  avgLoad: number;
  replicas: number;
}

export function emptyPart(): Part {
  return { components: [], bill: [], resources: [], edges: [], settings: [] };
}

export function mergeParts(parts: Part[]): Part {
  const out = emptyPart();
  for (const p of parts) {
    out.components.push(...p.components);
    out.bill.push(...p.bill);
    out.resources.push(...p.resources);
    out.edges.push(...p.edges);
    out.settings.push(...p.settings);
  }
  return out;
}
