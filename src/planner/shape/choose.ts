import type { Load } from "../capacity.js";
import { planDatabase, STORAGE_HEADROOM, type DatabasePlan } from "../design/database.js";
import { CONNECTIONS_PER_INSTANCE, HISTORY_STORE_TB_PER_YEAR, RDS_MAX_STORAGE_GB, TRIGGERS, WORKING_SET_FRACTION, type TriggerKey } from "../facts.js";
import { PRICES } from "../prices.js";
import type { Decision } from "../proposal.js";
import type { Resolved } from "../resolve.js";
import { RPS_PER_VCPU } from "../design/sizing.js";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, ceilCount, formatNumber, round } from "../units.js";

export type Platform = "vms" | "ecs" | "kubernetes";

/** Which rung's parts a design has at one load: every flag is set by a trigger in `decisions`. */
export interface Shape {
  platform: Platform;
  servicesPerDomain: boolean;
  /** A realtime tier of its own (a protocol the API cannot speak, or too many connections to share). */
  realtimeTier: boolean;
  /** Service ids split out of the monolith because their scaling shape differs (ingest). */
  extracted: string[];
  workerTier: boolean;
  cache: boolean;
  pooler: boolean;
  broker: "sqs" | "kafka";
  searchCluster: boolean;
  waf: boolean;
  nat: boolean;
  cdn: boolean;
  objectStorage: boolean;
  multiAz: boolean;
  olap: boolean;
  geo: boolean;
  /** Append-only history in a wide-column store instead of the relational database. */
  historyStore: boolean;
  selfRunObservability: boolean;
  /** Peak queries reaching the relational database, and its plan. */
  dbWrites: number;
  dbReads: number;
  db: DatabasePlan;
  /** App instances or tasks (2-vCPU units, N+1 per deployable), the figure platform triggers read. */
  tasks: number;
  decisions: Decision[];
}

/** What the user asked for that overrides the ladder; dropped to price the ladder's own choice. */
export interface ShapeOptions {
  target: number;
  minDbReplicas?: number;
  minDbShards?: number;
  ignoreUserChoices?: boolean;
}

/** Peak events/s past which an event stream costs less than queue requests: 3 MSK brokers vs SQS send+receive+delete. */
export function streamCrossoverEventsPerSecond(peakFactor: number): number {
  const brokersUsd = 3 * HOURS_PER_MONTH * PRICES["msk.kafka.m7g.large"].usd;
  const queueUsdPerEventPerSecond = (SECONDS_PER_MONTH * 3 * PRICES["sqs.requests"].usd) / 1e6;
  return (brokersUsd / queueUsdPerEventPerSecond) * peakFactor;
}

interface Measure {
  key: TriggerKey;
  element: string;
  metric: string;
  value: number;
  /** The threshold when it is not the trigger's own (computed ones). */
  threshold?: number;
  presentReason: string;
  absentReason: string;
  /** Where a computed threshold comes from. */
  source?: string;
}

export function chooseShape(r: Resolved, load: Load, options: ShapeOptions): Shape {
  const p = r.profile;
  const regions = r.areas.length;
  const choices = options.ignoreUserChoices ? {} : { orchestration: r.orchestration, serviceSplit: r.serviceSplit, broker: r.broker };
  const decisions: Decision[] = [];
  const fmt = (v: number) => round(v, Math.abs(v) < 100 ? 2 : 0);
  const n = (v: number) => formatNumber(fmt(v), 2);

  /** Present when value ≥ threshold (or when forced); the decision says which. */
  const measure = (m: Measure, forced?: { reason: string; source: string; userChoice?: boolean }): boolean => {
    const t = TRIGGERS[m.key];
    const threshold = m.threshold ?? t.threshold;
    const byLoad = m.value >= threshold;
    const present = forced !== undefined || byLoad;
    const figures = { metric: m.metric, value: fmt(m.value), threshold: fmt(threshold), unit: t.unit };
    if (forced) decisions.push({ element: m.element, present: true, reason: forced.reason, ...figures, source: forced.source, ...(forced.userChoice ? { userChoice: true } : {}) });
    else decisions.push({ element: m.element, present, reason: present ? m.presentReason : m.absentReason, ...figures, source: m.source ?? t.source });
    return present;
  };
  const notApplicable = (element: string, reason: string) => decisions.push({ element, present: false, reason, source: "the domain's profile" });

  const peakPerRegion = load.peakRps / regions;
  const userServices = choices.serviceSplit === "microservices";
  const userMonolith = choices.serviceSplit === "monolith";
  const servicesPerDomain = userMonolith
    ? (decisions.push({ element: "Services per domain", present: false, reason: "your choice: one modular monolith", userChoice: true, source: "your request" }), false)
    : measure(
        { key: "servicesPerDomain", element: "Services per domain", metric: "peak requests per region", value: peakPerRegion, presentReason: `${n(peakPerRegion)} req/s at peak: the modular monolith's boundaries are proven and split into ${p.services.length} services`, absentReason: `a modular monolith serves ${n(peakPerRegion)} req/s; split per domain past ${n(TRIGGERS.servicesPerDomain.threshold)} req/s` },
        userServices ? { reason: `your choice: ${p.services.length} services, one per domain`, source: "your request", userChoice: true } : undefined,
      );

  let realtimeTier = false;
  if (p.realtime) {
    const connections = load.concurrentConnections / regions;
    const protocolForces = p.realtime.protocol !== "WebSocket";
    realtimeTier = measure(
      { key: "realtimeGateway", element: p.realtime.name, metric: "open connections at peak", value: connections, presentReason: `${n(connections)} open connections at peak need replicas of their own, scaled by connections rather than requests`, absentReason: `${n(connections)} connections at peak are held by the app instances; a gateway of its own past ${n(TRIGGERS.realtimeGateway.threshold)}` },
      protocolForces ? { reason: `devices and clients speak ${p.realtime.protocol}, which the HTTP API does not serve`, source: "the domain's protocol" } : servicesPerDomain ? { reason: "one of the services per domain", source: TRIGGERS.servicesPerDomain.source } : undefined,
    );
  } else notApplicable("Realtime gateway", "no persistent connections in this product");

  const extracted: string[] = [];
  for (const s of p.services.filter((x) => x.streamWrites)) {
    const rps = peakPerRegion * s.share;
    if (measure({ key: "ingestExtraction", element: `${s.name} (extracted hot path)`, metric: "ingest requests at peak", value: rps, presentReason: `${n(rps)} ingest req/s at peak scale separately from the API`, absentReason: `${n(rps)} ingest req/s run inside the monolith; extracted past ${n(TRIGGERS.ingestExtraction.threshold)} req/s` }, servicesPerDomain ? { reason: "one of the services per domain", source: TRIGGERS.servicesPerDomain.source } : undefined)) extracted.push(s.id);
  }

  const eventsPeak = load.peakWriteRps * p.async.eventsPerWrite;
  const asyncVcpu = (eventsPeak * p.async.jobCpuSeconds) / regions;
  const workerTier = measure(
    { key: "workerTier", element: "Worker tier", metric: "job CPU at peak", value: asyncVcpu, presentReason: `${n(asyncVcpu)} vCPU of background jobs at peak run on workers of their own`, absentReason: `${n(asyncVcpu)} vCPU of jobs run as a worker process on the app instances; a tier of its own past ${n(TRIGGERS.workerTier.threshold)} vCPU` },
    servicesPerDomain ? { reason: "services per domain consume their jobs on a worker tier", source: TRIGGERS.servicesPerDomain.source } : undefined,
  );

  // Deployables and tasks: the figures the platform triggers read.
  const serving = (servicesPerDomain ? p.services.length : 1 + extracted.length) + (realtimeTier ? 1 : 0) + (p.gpu ? 1 : 0);
  const appVcpu = peakPerRegion / RPS_PER_VCPU + (p.realtime && realtimeTier ? load.concurrentConnections / regions / p.realtime.connectionsPerVcpu : 0) + asyncVcpu;
  const deployables = serving + (workerTier ? 1 : 0);
  const tasks = ceilCount(appVcpu / (2 * options.target)) + deployables;

  let platform: Platform;
  const asked = choices.orchestration;
  const askedK8s = asked === "kubernetes" ? { reason: "your choice: Kubernetes (EKS)", source: "your request", userChoice: true } : undefined;
  const k8sByLoad = serving >= TRIGGERS.kubernetesServices.threshold && tasks >= TRIGGERS.kubernetesTasks.threshold;
  if (asked === "vms" || asked === "ecs") {
    decisions.push({ element: "Kubernetes", present: false, reason: `your choice: ${asked === "vms" ? "VMs in Auto Scaling groups" : "ECS on Fargate"}`, userChoice: true, source: "your request", metric: "app tasks", value: tasks, threshold: TRIGGERS.kubernetesTasks.threshold, unit: TRIGGERS.kubernetesTasks.unit });
    platform = asked;
  } else if (askedK8s || k8sByLoad) {
    measure({ key: "kubernetesTasks", element: "Kubernetes", metric: "app tasks", value: tasks, presentReason: `${serving} services and ${tasks} tasks: bin-packing pods onto nodes pays for the control plane`, absentReason: "" }, askedK8s);
    platform = "kubernetes";
  } else {
    decisions.push({ element: "Kubernetes", present: false, reason: `${serving} service${serving === 1 ? "" : "s"} and ${tasks} tasks: no cluster to run yet; needed past ${n(TRIGGERS.kubernetesServices.threshold)} services and ${n(TRIGGERS.kubernetesTasks.threshold)} tasks`, metric: "app tasks", value: tasks, threshold: TRIGGERS.kubernetesTasks.threshold, unit: TRIGGERS.kubernetesTasks.unit, source: TRIGGERS.kubernetesTasks.source });
    platform = serving >= TRIGGERS.containerServices.threshold ? "ecs" : "vms";
  }
  if (platform !== "kubernetes") {
    const forced = asked === "ecs" ? { reason: "your choice: ECS on Fargate", source: "your request", userChoice: true } : undefined;
    if (asked === "vms") decisions.push({ element: "Managed containers (ECS Fargate)", present: false, reason: "your choice: VMs in Auto Scaling groups", userChoice: true, source: "your request", metric: "request-serving deployables", value: serving, threshold: TRIGGERS.containerServices.threshold, unit: TRIGGERS.containerServices.unit });
    else measure({ key: "containerServices", element: "Managed containers (ECS Fargate)", metric: "request-serving deployables", value: serving, presentReason: `${serving} deployables release and scale independently: one ECS service each`, absentReason: `one deployable: VMs in an Auto Scaling group behind the load balancer; containers past ${n(TRIGGERS.containerServices.threshold)} deployables` }, forced);
  } else decisions.push({ element: "Managed containers (ECS Fargate)", present: false, reason: "Kubernetes runs the containers", source: TRIGGERS.kubernetesTasks.source });

  // Data tier: reads reach the database unless a cache (or a search cluster) absorbs them.
  const searchQps = p.search ? (load.peakReadRps * p.search.readShare) / regions : 0;
  const searchCluster = p.search
    ? measure({ key: "searchCluster", element: "Search cluster", metric: "search queries at peak", value: searchQps, presentReason: `${n(searchQps)} search queries/s at peak: ${p.search.purpose} on a cluster of its own`, absentReason: `${n(searchQps)} search queries/s: PostgreSQL full-text search (tsvector + GIN) on the primary; a cluster past ${n(TRIGGERS.searchCluster.threshold)}/s` })
    : (notApplicable("Search cluster", "no search feature in this product's profile"), false);
  const readsUncached = load.peakReadRps * (1 - (searchCluster ? (p.search?.readShare ?? 0) : 0));
  const cache = measure(
    { key: "cache", element: "Cache tier (Redis)", metric: "database reads at peak without a cache", value: readsUncached / regions, presentReason: `${n(readsUncached / regions)} reads/s at peak: cache-aside cuts what reaches the database by ${Math.round(p.cacheHitRatio * 100)}%`, absentReason: `${n(readsUncached / regions)} reads/s at peak are served by the database's own buffer cache; Redis past ${n(TRIGGERS.cache.threshold)}/s` },
    realtimeTier && p.realtime?.protocol === "WebSocket" ? { reason: "the realtime gateway's replicas route messages through Redis pub/sub", source: "the realtime gateway" } : undefined,
  );

  const geoOps = p.geo ? load.peakStreamWriteRps / regions : 0;
  const geo = p.geo
    ? measure({ key: "geoIndex", element: "Geo index (Redis)", metric: "location updates at peak", value: geoOps, presentReason: `${n(geoOps)} location updates/s at peak: an in-memory geo index`, absentReason: `${n(geoOps)} location updates/s: PostGIS on the primary; a Redis geo index past ${n(TRIGGERS.geoIndex.threshold)}/s` })
    : false;
  const olapRows = p.olap ? load.peakStreamWriteRps : 0;
  const olap = p.olap
    ? measure({ key: "olap", element: "Analytics store (ClickHouse)", metric: "rows inserted at peak", value: olapRows, presentReason: `${n(olapRows)} rows/s at peak: a columnar store for ${p.olap.purpose}`, absentReason: `${n(olapRows)} rows/s: time-partitioned PostgreSQL tables; ClickHouse past ${n(TRIGGERS.olap.threshold)} rows/s` })
    : (notApplicable("Analytics store", "no event or time-series analytics in this product's profile"), false);

  // Stream writes land on the primary when no specialised store takes them.
  const streamOnPrimary = p.olap ? !olap : p.geo ? !geo : true;
  const relationalGb = load.databaseGbYear1 + (p.olap && !olap ? load.streamStoreGbYear1 : 0);
  // Append-only history (messages, events) moves to a wide-column store once it would fill shards.
  const historyTb = p.history ? (load.databaseGbYear1 * p.history.writeShare) / 1_000 : 0;
  const historyStore = p.history
    ? measure({ key: "historyStore", element: "History store (DynamoDB)", metric: `${p.history.what} stored in year one`, value: historyTb, threshold: HISTORY_STORE_TB_PER_YEAR, presentReason: `${n(historyTb)} TB of ${p.history.what} in year one would fill a ${n(RDS_MAX_STORAGE_GB / 1_000)} TB RDS instance within four years: they go to a wide-column table keyed by ${p.history.key}; the relational database keeps accounts and metadata`, absentReason: `${n(historyTb)} TB of ${p.history.what} in year one stay in the relational database; a wide-column history store past ${n(HISTORY_STORE_TB_PER_YEAR)} TB a year` })
    : (notApplicable("History store", "no append-only history large enough to leave the relational database in this product's profile"), false);
  const keptShare = historyStore && p.history ? 1 - p.history.writeShare : 1;
  const dbWrites = (load.peakDbWriteRps + (streamOnPrimary ? load.peakStreamWriteRps : 0)) * keptShare;
  const dbReads = readsUncached * (cache ? 1 - p.cacheHitRatio : 1) * keptShare;
  const dataGb = relationalGb * keptShare;
  const workingSetGb = load.hotDataGb * WORKING_SET_FRACTION * keptShare;
  // One set of primaries serves every region (other regions read through cross-region replicas or the cache).
  const db = planDatabase(dbWrites, dbReads, dataGb, workingSetGb, options.target, options.minDbReplicas, options.minDbShards);

  const connections = tasks * CONNECTIONS_PER_INSTANCE;
  const replicasPresent = db.replicasPerShard > 0;
  const pooler = measure(
    { key: "pooler", element: "Connection pooler (PgBouncer)", metric: "database connections from the app", value: connections, presentReason: `${n(connections)} connections from ${tasks} tasks: the pooler multiplexes them onto a small server pool`, absentReason: `${n(connections)} connections fit the database directly (max_connections ${db.cls.maxConnections}); a pooler past ${n(TRIGGERS.pooler.threshold)}` },
    replicasPresent || db.shards > 1 ? { reason: "routes reads to the replicas and writes to the primaries", source: TRIGGERS.readReplicas.source } : undefined,
  );
  decisions.push(
    replicasPresent
      ? { element: "Read replicas", present: true, reason: `${n(db.readsPerShard)} reads/s per shard after the cache exceed what one ${db.cls.name} serves beside the writes`, metric: "reads per shard at peak", value: fmt(db.readsPerShard), threshold: fmt(db.cls.readQps * options.target), unit: "reads/s", source: TRIGGERS.readReplicas.source }
      : { element: "Read replicas", present: false, reason: `the ${db.cls.name} primary serves ${n(db.readsPerShard)} reads/s beside the writes at ${Math.round(db.primaryUtilisation * 100)}%; scale it up before adding replicas`, metric: "primary utilisation at peak", value: round(db.primaryUtilisation * 100, 1), threshold: Math.round(options.target * 100), unit: "% of the primary", source: TRIGGERS.readReplicas.source },
  );
  decisions.push(
    db.shards > 1
      ? db.writeBoundShards < db.shards && db.storageBoundShards < db.shards
        ? { element: "Sharding", present: true, reason: `the ${db.shards} shards by ${p.shardingKey.split(" (")[0]} an earlier step split the data into stay: ${n(dbWrites)} writes/s and ${n(dataGb)} GB would now fit fewer, but merging shards back is a migration nothing pays for`, metric: "shards kept from the previous step", value: db.shards, threshold: TRIGGERS.sharding.threshold, unit: TRIGGERS.sharding.unit, source: TRIGGERS.sharding.source }
        : db.writeBoundShards >= db.storageBoundShards
        ? { element: "Sharding", present: true, reason: `${n(dbWrites)} writes/s at peak exceed the largest primary at the target: ${db.shards} shards by ${p.shardingKey.split(" (")[0]}`, metric: "writes at peak", value: fmt(dbWrites), threshold: fmt(db.largestWriteTps * options.target), unit: "writes/s", source: TRIGGERS.sharding.source }
        : { element: "Sharding", present: true, reason: `${n(dataGb)} GB in year one (${n(dataGb * STORAGE_HEADROOM)} GB with 30% free) exceed one instance's ${n(RDS_MAX_STORAGE_GB)} GB: ${db.shards} shards by ${p.shardingKey.split(" (")[0]}`, metric: "storage in year one with 30% free", value: fmt(dataGb * STORAGE_HEADROOM), threshold: RDS_MAX_STORAGE_GB, unit: "GB", source: "RDS User Guide: 64 TiB per PostgreSQL or MySQL instance" }
      : { element: "Sharding", present: false, reason: `${n(dbWrites)} writes/s and ${n(dataGb)} GB fit one ${db.cls.name} primary; shard by ${p.shardingKey.split(" (")[0]} past ${n(db.largestWriteTps * options.target)} writes/s or ${n(RDS_MAX_STORAGE_GB / STORAGE_HEADROOM)} GB (64 TiB with 30% free)`, metric: "writes at peak", value: fmt(dbWrites), threshold: fmt(db.largestWriteTps * options.target), unit: "writes/s", source: TRIGGERS.sharding.source },
  );

  const crossover = streamCrossoverEventsPerSecond(r.peakFactor);
  const kafkaAsked = choices.broker === "kafka" ? { reason: "your choice: the Kafka you already run", source: "your request", userChoice: true } : undefined;
  let broker: "sqs" | "kafka";
  if (choices.broker === "queue") {
    decisions.push({ element: "Event stream (Kafka)", present: false, reason: "your choice: a managed queue", userChoice: true, metric: "events at peak", value: fmt(eventsPeak), threshold: fmt(crossover), unit: "events/s", source: "your request" });
    broker = "sqs";
  } else {
    const source = `computed: 3 × kafka.m7g.large at $${PRICES["msk.kafka.m7g.large"].usd}/h against SQS at $${PRICES["sqs.requests"].usd} per million requests, × the ${round(r.peakFactor, 2)}x peak factor`;
    const stream = measure(
      { key: "eventStream", element: "Event stream (Kafka)", metric: "events at peak", value: eventsPeak, threshold: crossover, source, presentReason: `${n(eventsPeak)} events/s at peak: a partitioned stream costs less than queue requests past ${n(crossover)}/s and keeps order per key`, absentReason: `${n(eventsPeak)} events/s fit a managed queue (SQS); a stream pays off past about ${n(crossover)} events/s (3 brokers against send, receive and delete requests)` },
      kafkaAsked,
    );
    broker = stream ? "kafka" : "sqs";
  }

  const requestsM = load.requestsPerMonth / 1e6;
  const pci = r.compliance.includes("PCI-DSS");
  const waf = measure(
    { key: "waf", element: "Web application firewall", metric: "requests a month", value: requestsM, presentReason: `${n(requestsM)} M requests a month: managed rules and rate-based blocking at the edge`, absentReason: `${n(requestsM)} M requests a month: an application rate limiter is enough; a WAF past ${n(TRIGGERS.waf.threshold)} M` },
    pci ? { reason: "PCI DSS 6.4: public web applications are protected by a WAF", source: "PCI DSS v4.0 requirement 6.4.2" } : undefined,
  );
  const privateSubnets = r.compliance.find((c) => c === "PCI-DSS" || c === "HIPAA");
  const nat = measure(
    { key: "nat", element: "NAT gateways", metric: "app instances or tasks", value: tasks, presentReason: `${tasks} tasks run in private subnets with a fixed egress address`, absentReason: `${tasks} tasks run in public subnets whose security groups admit only the load balancer; the database stays private; NAT past ${n(TRIGGERS.nat.threshold)} tasks` },
    privateSubnets ? { reason: `${privateSubnets} segmentation: application servers in private subnets`, source: privateSubnets === "PCI-DSS" ? "PCI DSS v4.0 requirement 1.4" : "HIPAA Security Rule §164.312 (access control), AWS HIPAA reference architecture" } : platform === "kubernetes" ? { reason: "EKS nodes run in private subnets", source: "Amazon EKS best practices guide" } : undefined,
  );
  const cdn = measure(
    { key: "cdn", element: "CDN", metric: "static and media bytes a month", value: load.cdnEgressGbMonth, presentReason: `${n(load.cdnEgressGbMonth)} GB a month of static and media bytes are served from the edge`, absentReason: `${n(load.cdnEgressGbMonth)} GB a month of static files are served by the app with long cache headers; a CDN past ${n(TRIGGERS.cdn.threshold)} GB` },
    p.video ? { reason: "video segments are served from the edge", source: TRIGGERS.cdn.source } : undefined,
  );
  const objectStorage = p.objectKbPerWrite > 0 || p.video !== undefined || cdn;
  decisions.push({ element: "Object storage", present: objectStorage, reason: objectStorage ? (p.objectKbPerWrite > 0 || p.video ? "users upload files: kept in S3, served through signed URLs" : "the CDN's origin for static assets") : "no uploads or media: backups are kept by the managed database", source: TRIGGERS.cdn.source });

  // At the SLA itself a single-AZ instance is not enough: the load balancer and instances in series with it take a little more.
  const multiAz = r.availability >= TRIGGERS.multiAz.threshold;
  decisions.push({ element: "Multi-AZ database", present: multiAz, reason: multiAz ? `the ${r.availability}% target is not below the ${n(TRIGGERS.multiAz.threshold)}% a single-AZ instance is promised, and the tiers in series with it take a little more: a synchronous standby in a second AZ` : `the ${r.availability}% target is below the ${n(TRIGGERS.multiAz.threshold)}% a single-AZ instance is promised, with the tiers in series with it: one instance with point-in-time backups`, metric: "availability target", value: r.availability, threshold: TRIGGERS.multiAz.threshold, unit: TRIGGERS.multiAz.unit, source: TRIGGERS.multiAz.source });
  if (r.compliance.includes("GDPR")) {
    const outside = r.areas.filter((a) => a !== "eu");
    decisions.push({ element: "EU data residency", present: true, reason: outside.length === 0 ? `GDPR: personal data stays in ${r.regionNames.join(" and ")}` : `GDPR: EU users' personal data stays in the EU region; the ${outside.join(", ")} region holds only its own users' data`, source: "GDPR Chapter V (transfers of personal data to third countries)" });
  }
  decisions.push({ element: "Multi-region", present: regions > 1, reason: regions > 1 ? `users in ${r.regionNames.join(" and ")}: the regional tiers run in each` : "one region serves the users asked for; a second when users on another continent or a regional outage target need it", metric: "regions", value: regions, threshold: TRIGGERS.multiRegion.threshold, unit: TRIGGERS.multiRegion.unit, source: TRIGGERS.multiRegion.source });

  const selfRunObservability = measure({ key: "selfRunObservability", element: "Self-run observability (Prometheus, Grafana, Loki)", metric: "app tasks", value: tasks, presentReason: `${tasks} tasks: a Prometheus/Grafana/Loki node pool costs less than per-metric and per-GB managed pricing`, absentReason: `${tasks} tasks: CloudWatch metrics, logs and alarms (managed); a self-run stack past ${n(TRIGGERS.selfRunObservability.threshold)} tasks` });

  return { platform, servicesPerDomain, realtimeTier, extracted, workerTier, cache, pooler, broker, searchCluster, waf, nat, cdn, objectStorage, multiAz, olap, geo, historyStore, selfRunObservability, dbWrites, dbReads, db, tasks, decisions };
}
