import type { ServiceSpec } from "../archetypes/index.js";
import { T4G_SMALL_BASELINE_VCPU } from "../facts.js";
import { PRICES } from "../prices.js";
import { HOURS_PER_MONTH, ceilCount } from "../units.js";
import {
  INGRESS_RPS_PER_VCPU,
  NODE_ALLOCATABLE_VCPU,
  POD_VCPU,
  RPS_PER_VCPU,
  VM_VCPU,
  hourlyBasis,
  monthlyUsd,
  num,
  pct,
  region,
  replicasFor,
  usd,
} from "./sizing.js";
import { emptyPart, type Deployment, type DesignContext, type Part } from "./types.js";

/** PgBouncer and ProxySQL are single-threaded proxies doing ~15 k queries/s per core. */
const POOLER_QPS_PER_VCPU = 15_000;

interface Workload {
  id: string;
  name: string;
  type: "server" | "gateway" | "worker" | "realtime" | "proxy";
  tier: "application" | "async" | "data";
  purpose: string;
  unit: string;
  capacityPerVcpu: number;
  peakLoad: number;
  avgLoad: number;
  async: boolean;
  signal: string;
  fix: string;
}

/** The workloads that run as replicas: the monolith (or services), extracted hot paths, gateway, pooler, workers. */
function workloads(ctx: DesignContext): Workload[] {
  const { r, load, regions, shape } = ctx;
  const p = r.profile;
  const perRegion = (n: number) => n / regions;
  const list: Workload[] = [];
  if (shape.platform === "kubernetes") {
    list.push({
      id: "ingress", name: "Ingress gateway", type: "gateway", tier: "application", purpose: "Envoy Gateway: routing, rate limits, retries and timeouts per route",
      unit: "req/s", capacityPerVcpu: INGRESS_RPS_PER_VCPU, peakLoad: perRegion(load.peakRps), avgLoad: perRegion(load.avgRps), async: false,
      signal: "envoy downstream_rq_active and CPU > 70% for 5 min", fix: "add ingress replicas (HPA on CPU); move TLS to the load balancer if not already",
    });
  }
  const service = (s: ServiceSpec): Workload => ({
    id: `svc-${s.id}`, name: s.name, type: "server", tier: "application", purpose: s.purpose, unit: "req/s",
    capacityPerVcpu: RPS_PER_VCPU * s.efficiency, peakLoad: perRegion(load.peakRps * s.share), avgLoad: perRegion(load.avgRps * s.share), async: false,
    signal: `${s.name} CPU > 70% or p95 > ${r.latencyP95Ms} ms for 5 min`,
    fix: "autoscaling adds replicas up to the maximum; profile the hottest endpoint and cache its reads",
  });
  const jobVcpuPeak = perRegion(load.peakWriteRps * p.async.eventsPerWrite * p.async.jobCpuSeconds);
  if (shape.servicesPerDomain) list.push(...p.services.map(service));
  else {
    const modules = p.services.filter((s) => !shape.extracted.includes(s.id));
    const share = modules.reduce((sum, s) => sum + s.share, 0);
    const cpuPerShare = modules.reduce((sum, s) => sum + s.share / s.efficiency, 0);
    const capacityPerVcpu = RPS_PER_VCPU * (share / cpuPerShare);
    // Jobs and connections the monolith also carries, as vCPU at peak.
    const jobs = shape.workerTier ? 0 : jobVcpuPeak;
    const connections = p.realtime && !shape.realtimeTier ? perRegion(load.concurrentConnections) / p.realtime.connectionsPerVcpu : 0;
    const extraPeak = (jobs + connections) * capacityPerVcpu;
    const extras = [jobs > 0 ? "a worker process on each instance runs the background jobs" : "", connections > 0 ? `holds the ${p.realtime!.protocol} connections` : ""].filter(Boolean);
    list.push({
      id: "svc-app", name: "Application (modular monolith)", type: "server", tier: "application", unit: "req/s", capacityPerVcpu,
      purpose: `one deployable, one module per domain: ${modules.map((s) => s.name.replace(/ service$/i, "").toLowerCase()).join(", ")}${extras.length > 0 ? `; ${extras.join("; ")}` : ""}`,
      peakLoad: perRegion(load.peakRps * share) + extraPeak, avgLoad: perRegion(load.avgRps * share) + extraPeak / r.peakFactor, async: false,
      signal: `application CPU > 70% or p95 > ${r.latencyP95Ms} ms for 5 min`, fix: "autoscaling adds instances; profile the hottest module; extract it when its scaling shape differs",
    });
    list.push(...p.services.filter((s) => shape.extracted.includes(s.id)).map(service));
  }
  if (p.realtime && shape.realtimeTier) {
    const rt = p.realtime;
    list.push({
      id: "realtime", name: rt.name, type: "realtime", tier: "application", purpose: rt.purpose, unit: "connections",
      capacityPerVcpu: rt.connectionsPerVcpu, peakLoad: perRegion(load.concurrentConnections), avgLoad: perRegion(load.concurrentConnections / r.peakFactor), async: false,
      signal: `open ${rt.protocol} connections per replica > ${num(rt.connectionsPerVcpu * 0.7)} or event-loop lag > 100 ms`,
      fix: "add replicas and drain connections gradually (reconnect with jittered backoff); shard by user id",
    });
  }
  if (shape.pooler) {
    const pooler = r.database === "mysql" ? "ProxySQL" : "PgBouncer";
    const queries = shape.dbWrites + shape.dbReads;
    list.push({
      id: "pooler", name: `${pooler} connection pooler`, type: "proxy", tier: "data", purpose: "multiplexes thousands of client connections onto a small server pool", unit: "queries/s",
      capacityPerVcpu: POOLER_QPS_PER_VCPU, peakLoad: perRegion(queries), avgLoad: perRegion(queries / r.peakFactor), async: false,
      signal: `${pooler} client wait time > 10 ms (cl_waiting > 0 for 1 min)`, fix: "add pooler replicas; raise the pool size only if the database has CPU to spare",
    });
  }
  if (shape.workerTier) {
    list.push({
      id: "workers", name: p.async.workerName, type: "worker", tier: "async", purpose: p.async.workerPurpose, unit: "vCPU",
      capacityPerVcpu: 1, peakLoad: jobVcpuPeak, avgLoad: jobVcpuPeak / r.peakFactor, async: true,
      signal: "queue depth growing for 10 min or oldest message age > 60 s", fix: "scale workers on queue depth; split slow job types onto their own queue",
    });
  }
  return list;
}

/** What one replica is on each platform: its vCPU, its price and how it reads in a basis. */
interface Unit {
  label: string;
  vcpu: number;
  usdPerHour: number;
  basis: (count: number) => string;
}

function fargateTask(vcpu: number, gb: number, priceFactor: number): Unit {
  const perHour = vcpu * PRICES["fargate.vcpu"].usd + gb * PRICES["fargate.gb"].usd;
  const label = `Fargate task (${vcpu} vCPU, ${gb} GB)`;
  return {
    label, vcpu, usdPerHour: perHour,
    basis: (n) => `${n} × ${label} × ${HOURS_PER_MONTH} h × (${vcpu} × ${usd(PRICES["fargate.vcpu"].usd)} + ${gb} × ${usd(PRICES["fargate.gb"].usd)})/h${region(priceFactor)}`,
  };
}

function ec2(name: "t4g.small" | "c7g.large", vcpu: number, priceFactor: number): Unit {
  const price = PRICES[`ec2.${name}`].usd;
  return { label: name, vcpu, usdPerHour: price, basis: (n) => hourlyBasis(n, name, price, priceFactor) };
}

/**
 * The smallest unit that serves the workload with N+1: on VMs a burstable t4g.small (rated at its
 * CPU baseline) while two of them carry the peak, else c7g.large; on ECS a half-vCPU task while two
 * carry it, else 1 vCPU tasks; on Kubernetes 1 vCPU pods.
 */
function unitFor(ctx: DesignContext, w: Workload): Unit {
  const { platform } = ctx.shape;
  const pf = ctx.r.priceFactor;
  const fitsTwo = (vcpu: number) => replicasFor(w.peakLoad, w.capacityPerVcpu * vcpu, ctx.options.targetUtilisation) <= 2;
  if (platform === "kubernetes") return { label: `${POD_VCPU} vCPU pods`, vcpu: POD_VCPU, usdPerHour: 0, basis: () => "" };
  if (platform === "ecs") return fitsTwo(0.5) ? fargateTask(0.5, 1, pf) : fargateTask(1, 2, pf);
  if (fitsTwo(T4G_SMALL_BASELINE_VCPU)) return ec2("t4g.small", T4G_SMALL_BASELINE_VCPU, pf);
  return ec2("c7g.large", VM_VCPU, pf);
}

/** Services, gateways, workers and realtime replicas, and the instances, tasks or nodes they run on. */
export function appTier(ctx: DesignContext): { part: Part; deployments: Deployment[] } {
  const part = emptyPart();
  const deployments: Deployment[] = [];
  const { r, options, regions } = ctx;
  const k8s = ctx.shape.platform === "kubernetes";
  let onlineVcpu = 0;
  let asyncVcpu = 0;

  for (const w of workloads(ctx)) {
    const unit = unitFor(ctx, w);
    const perReplica = w.capacityPerVcpu * unit.vcpu;
    const perRegion = replicasFor(w.peakLoad, perReplica, options.targetUtilisation);
    const replicas = perRegion * regions;
    const utilisation = w.peakLoad / (perRegion * perReplica);
    const burst = unit.label === "t4g.small" ? " (burstable: rated at its 20% CPU baseline)" : "";
    const loadText = w.unit === "vCPU" ? `${num(w.peakLoad, 1)} vCPU of jobs at peak` : `${num(w.peakLoad)} ${w.unit} at peak${regions > 1 ? " per region" : ""}`;
    part.components.push({
      id: w.id, name: w.name, type: w.type, tier: w.tier, purpose: w.purpose, count: replicas, managed: false, utilisation, instanceClass: unit.label,
      sizing: `${unit.label}${burst}, ${num(perReplica)} ${w.unit === "vCPU" ? "vCPU" : w.unit} each at 100%; ${loadText} → ${pct(utilisation)} CPU`,
    });
    part.resources.push({ id: `${w.id}-cpu`, componentId: w.id, title: `${w.name} CPU`, load: w.peakLoad, capacity: perRegion * perReplica, unit: w.unit, signal: w.signal, fix: w.fix });
    deployments.push({ name: w.id, componentId: w.id, capacityPerReplica: perReplica, peakLoad: w.peakLoad, avgLoad: w.avgLoad, replicas: perRegion });
    if (w.async) asyncVcpu += replicas * unit.vcpu;
    else onlineVcpu += replicas * unit.vcpu;
    if (!k8s) {
      part.bill.push({
        componentId: w.id, item: `${w.name} (${replicas} × ${unit.label})`, category: "compute", lever: w.async ? "compute-async" : "compute",
        usdMonthly: monthlyUsd(replicas, unit.usdPerHour, r.priceFactor), basis: unit.basis(replicas),
      });
    }
  }
  if (k8s) nodePools(ctx, part, onlineVcpu, asyncVcpu);
  return { part, deployments };
}

/** Two node groups: on-demand for request-serving pods, a separate (Spot-eligible) one for async workers. */
function nodePools(ctx: DesignContext, part: Part, onlineVcpu: number, asyncVcpu: number) {
  const { r, regions, azs } = ctx;
  const nodePrice = PRICES["ec2.m7g.xlarge"].usd;
  const online = Math.max(azs * regions, ceilCount(onlineVcpu / NODE_ALLOCATABLE_VCPU) + regions);
  const asyncNodes = asyncVcpu > 0 ? Math.max(2 * regions, ceilCount(asyncVcpu / NODE_ALLOCATABLE_VCPU) + regions) : 0;
  const total = online + asyncNodes;
  // Allocation, not load: the Cluster Autoscaler follows pods, so this is reported but not ranked as a bottleneck.
  const utilisation = (onlineVcpu + asyncVcpu) / (total * NODE_ALLOCATABLE_VCPU);
  part.components.push({
    id: "k8s-nodes", name: "Kubernetes nodes", type: "other", tier: "operations", count: total, managed: false, utilisation,
    purpose: `EKS managed node groups: ${online} for services, ${asyncNodes} for async workers (N+1 across ${azs} AZs)`,
    sizing: `m7g.xlarge (4 vCPU, 16 GiB; ${NODE_ALLOCATABLE_VCPU} vCPU allocatable); ${num(onlineVcpu + asyncVcpu)} vCPU of pod requests → ${pct(utilisation)} allocated`,
  });
  part.bill.push(
    { componentId: "k8s-nodes", item: `Kubernetes nodes, services (${online} × m7g.xlarge)`, category: "compute", lever: "compute", usdMonthly: monthlyUsd(online, nodePrice, r.priceFactor), basis: hourlyBasis(online, "m7g.xlarge", nodePrice, r.priceFactor) },
    { componentId: "k8s-nodes", item: `EKS control plane (${regions} cluster${regions > 1 ? "s" : ""})`, category: "platform", lever: "none", usdMonthly: monthlyUsd(regions, PRICES["eks.cluster"].usd, r.priceFactor), basis: hourlyBasis(regions, "EKS cluster", PRICES["eks.cluster"].usd, r.priceFactor) },
  );
  if (asyncNodes > 0) {
    part.bill.push({ componentId: "k8s-nodes", item: `Kubernetes nodes, workers (${asyncNodes} × m7g.xlarge)`, category: "compute", lever: "compute-async", usdMonthly: monthlyUsd(asyncNodes, nodePrice, r.priceFactor), basis: hourlyBasis(asyncNodes, "m7g.xlarge", nodePrice, r.priceFactor) });
  }
  part.settings.push({
    component: "Kubernetes nodes", setting: "Cluster Autoscaler", value: `services group min ${online} max ${online * 3}; workers group min ${asyncNodes} max ${asyncNodes * 4}`,
    why: "nodes follow pods; the max leaves room for HPA bursts up to the load-test target",
  });
}
