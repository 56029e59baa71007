import { PRICES } from "../prices.js";
import { ceilCount } from "../units.js";
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
  replicasFor,
} from "./sizing.js";
import { databaseLoad } from "./database.js";
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

/** The workloads that run as replicas on the container platform (or as VMs without one). */
function workloads(ctx: DesignContext): Workload[] {
  const { r, load, regions } = ctx;
  const p = r.profile;
  const perRegion = (n: number) => n / regions;
  const list: Workload[] = [];
  if (r.orchestration === "kubernetes") {
    list.push({
      id: "ingress", name: "Ingress gateway", type: "gateway", tier: "application", purpose: "Envoy Gateway: routing, rate limits, retries and timeouts per route",
      unit: "req/s", capacityPerVcpu: INGRESS_RPS_PER_VCPU, peakLoad: perRegion(load.peakRps), avgLoad: perRegion(load.avgRps), async: false,
      signal: "envoy downstream_rq_active and CPU > 70% for 5 min", fix: "add ingress replicas (HPA on CPU); move TLS to the load balancer if not already",
    });
  }
  for (const s of p.services) {
    list.push({
      id: `svc-${s.id}`, name: s.name, type: "server", tier: "application", purpose: s.purpose, unit: "req/s",
      capacityPerVcpu: RPS_PER_VCPU * s.efficiency, peakLoad: perRegion(load.peakRps * s.share), avgLoad: perRegion(load.avgRps * s.share), async: false,
      signal: `${s.name} CPU > 70% of requests or p95 > ${r.latencyP95Ms} ms for 5 min`,
      fix: "HPA adds replicas up to maxReplicas; profile the hottest endpoint and cache its reads",
    });
  }
  if (p.realtime) {
    const rt = p.realtime;
    list.push({
      id: "realtime", name: rt.name, type: "realtime", tier: "application", purpose: rt.purpose, unit: "connections",
      capacityPerVcpu: rt.connectionsPerVcpu, peakLoad: perRegion(load.concurrentConnections), avgLoad: perRegion(load.concurrentConnections / r.peakFactor), async: false,
      signal: `open ${rt.protocol} connections per replica > ${num(rt.connectionsPerVcpu * 0.7)} or event-loop lag > 100 ms`,
      fix: "add replicas and drain connections gradually (reconnect with jittered backoff); shard by user id",
    });
  }
  const db = databaseLoad(ctx);
  const pooler = r.database === "mysql" ? "ProxySQL" : "PgBouncer";
  list.push({
    id: "pooler", name: `${pooler} connection pooler`, type: "proxy", tier: "data", purpose: "multiplexes thousands of client connections onto a small server pool", unit: "queries/s",
    capacityPerVcpu: POOLER_QPS_PER_VCPU, peakLoad: perRegion(db.writes + db.reads), avgLoad: perRegion((db.writes + db.reads) / r.peakFactor), async: false,
    signal: `${pooler} client wait time > 10 ms (cl_waiting > 0 for 1 min)`, fix: "add pooler replicas; raise the pool size only if the database has CPU to spare",
  });
  const eventRate = load.peakWriteRps * p.async.eventsPerWrite;
  list.push({
    id: "workers", name: p.async.workerName, type: "worker", tier: "async", purpose: p.async.workerPurpose, unit: "vCPU",
    capacityPerVcpu: 1, peakLoad: perRegion(eventRate * p.async.jobCpuSeconds), avgLoad: perRegion((eventRate / r.peakFactor) * p.async.jobCpuSeconds), async: true,
    signal: "queue depth growing for 10 min or oldest message age > 60 s", fix: "scale workers on queue depth (KEDA); split slow job types onto their own queue",
  });
  return list;
}

/** Services, gateways, workers and realtime replicas, and the nodes (or VMs) they run on. */
export function appTier(ctx: DesignContext): { part: Part; deployments: Deployment[] } {
  const part = emptyPart();
  const deployments: Deployment[] = [];
  const { r, options, regions } = ctx;
  const k8s = r.orchestration === "kubernetes";
  const vcpu = k8s ? POD_VCPU : VM_VCPU;
  let onlineVcpu = 0;
  let asyncVcpu = 0;

  for (const w of workloads(ctx)) {
    const perReplica = w.capacityPerVcpu * vcpu;
    const perRegion = replicasFor(w.peakLoad, perReplica, options.targetUtilisation);
    const replicas = perRegion * regions;
    const utilisation = w.peakLoad / (perRegion * perReplica);
    const where = k8s ? `${vcpu} vCPU / ${vcpu * 2} GiB pods` : "c7g.large VMs";
    const loadText = w.unit === "vCPU" ? `${num(w.peakLoad, 1)} vCPU of jobs at peak` : `${num(w.peakLoad)} ${w.unit} at peak${regions > 1 ? " per region" : ""}`;
    part.components.push({
      id: w.id, name: w.name, type: w.type, tier: w.tier, purpose: w.purpose, count: replicas, managed: false, utilisation,
      sizing: `${where}, ${num(perReplica)} ${w.unit === "vCPU" ? "vCPU" : w.unit} each at 100%; ${loadText} → ${pct(utilisation)} CPU`,
    });
    part.resources.push({ id: `${w.id}-cpu`, componentId: w.id, title: `${w.name} CPU`, load: w.peakLoad, capacity: perRegion * perReplica, unit: w.unit, signal: w.signal, fix: w.fix });
    deployments.push({ name: w.id, componentId: w.id, capacityPerReplica: perReplica, peakLoad: w.peakLoad, avgLoad: w.avgLoad, replicas: perRegion });
    if (w.async) asyncVcpu += replicas * vcpu;
    else onlineVcpu += replicas * vcpu;
    if (!k8s) {
      const lever = w.async ? "compute-async" : "compute";
      part.bill.push({
        componentId: w.id, item: `${w.name} (${replicas} × c7g.large)`, category: "compute", lever,
        usdMonthly: monthlyUsd(replicas, PRICES["ec2.c7g.large"].usd, r.priceFactor), basis: hourlyBasis(replicas, "c7g.large", PRICES["ec2.c7g.large"].usd, r.priceFactor),
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
  const asyncNodes = Math.max(2 * regions, ceilCount(asyncVcpu / NODE_ALLOCATABLE_VCPU) + regions);
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
    { componentId: "k8s-nodes", item: `Kubernetes nodes, workers (${asyncNodes} × m7g.xlarge)`, category: "compute", lever: "compute-async", usdMonthly: monthlyUsd(asyncNodes, nodePrice, r.priceFactor), basis: hourlyBasis(asyncNodes, "m7g.xlarge", nodePrice, r.priceFactor) },
    { componentId: "k8s-nodes", item: `EKS control plane (${regions} cluster${regions > 1 ? "s" : ""})`, category: "platform", lever: "none", usdMonthly: monthlyUsd(regions, PRICES["eks.cluster"].usd, r.priceFactor), basis: hourlyBasis(regions, "EKS cluster", PRICES["eks.cluster"].usd, r.priceFactor) },
  );
  part.settings.push({
    component: "Kubernetes nodes", setting: "Cluster Autoscaler", value: `services group min ${online} max ${online * 3}; workers group min ${asyncNodes} max ${asyncNodes * 4}`,
    why: "nodes follow pods; the max leaves room for HPA bursts up to the load-test target",
  });
}
