/**
 * The stage ladder's entry triggers: for each heavy element, the figure past which it is needed and
 * where that figure comes from. A planning figure without a published source says so.
 */
export interface Trigger {
  threshold: number;
  unit: string;
  source: string;
}

const PRIMER = "system-design-primer, solutions/system_design/scaling_aws";
const AWS_10M = 'AWS re:Invent "Scaling up to your first 10 million users"';

export const TRIGGERS = {
  /** Request-serving deployables (monolith, extracted hot paths) past which one ASG per service stops paying. */
  containerServices: { threshold: 2, unit: "deployables", source: `${AWS_10M}: autoscaling groups first, containers once several services deploy independently (planning figure)` },
  /** Kubernetes pays for its control plane and operators only with many services and many pods to bin-pack. */
  kubernetesServices: { threshold: 4, unit: "deployables", source: "planning figure: below ~4 services a managed container service (ECS) does the same with no cluster to run" },
  kubernetesTasks: { threshold: 60, unit: "tasks", source: "planning figure: bin-packing many small pods onto nodes saves more than the EKS control plane costs" },
  /** Splitting per domain only once the monolith's boundaries are proven and one team cannot own it. */
  servicesPerDomain: { threshold: 3_000, unit: "req/s at peak", source: `Martin Fowler, "MonolithFirst"; ${AWS_10M} (service-oriented design around 1 M users)` },
  /** A WebSocket gateway scales by open connections, not requests: extracted once it needs its own replicas. */
  realtimeGateway: { threshold: 5_000, unit: "connections at peak", source: "planning figure: half the ~10 k idle connections one vCPU holds, so the monolith's instances stop sharing them with requests" },
  /** Telemetry or event ingest with a different scaling shape than the API. */
  ingestExtraction: { threshold: 1_000, unit: "req/s at peak", source: "planning figure: ~4 vCPU of ingest, enough to scale it on its own" },
  /** Background jobs get their own tier once they need a vCPU of their own. */
  workerTier: { threshold: 0.5, unit: "vCPU of jobs at peak", source: "planning figure: below half a vCPU a worker process beside each app instance is enough" },
  cache: { threshold: 500, unit: "database reads/s at peak", source: `${PRIMER} (cache after tuning the database's own cache); planning figure` },
  pooler: { threshold: 300, unit: "database connections", source: "EDB: keep PostgreSQL connections below ~300 without PgBouncer (FACTS)" },
  searchCluster: { threshold: 100, unit: "search queries/s at peak", source: "planning figure: PostgreSQL full-text search (tsvector + GIN) serves ranked queries alongside OLTP below this" },
  /** The threshold is computed from the price table (see streamCrossoverEventsPerSecond). */
  eventStream: { threshold: 0, unit: "events/s at peak", source: "computed: where 3 MSK brokers cost less than SQS requests" },
  waf: { threshold: 100, unit: "M requests/month", source: "planning figure: below this an application rate limiter and the load balancer's security groups suffice" },
  nat: { threshold: 10, unit: "app instances or tasks", source: "planning figure: a fleet that size runs in private subnets with a fixed egress address" },
  cdn: { threshold: 50, unit: "GB/month of static and media bytes", source: `${PRIMER} (static content to S3 and CloudFront)` },
  multiAz: { threshold: 99.5, unit: "% availability target", source: "Amazon RDS SLA: 99.5% single-AZ, 99.95% Multi-AZ a month" },
  selfRunObservability: { threshold: 100, unit: "tasks", source: "planning figure: past ~100 tasks CloudWatch metrics and logs cost more than a Prometheus/Grafana/Loki node pool" },
  olap: { threshold: 1_000, unit: "rows/s at peak", source: "planning figure: below this, time-partitioned PostgreSQL tables hold the readings" },
  geoIndex: { threshold: 1_000, unit: "location updates/s at peak", source: "planning figure: below this PostGIS on the primary answers nearby-driver queries" },
  sharding: { threshold: 1, unit: "shards", source: "PlanetScale sharding guidance: shard when the primary stays write-bound after scaling up; system-design-primer (~400 writes/s may be tough for one SQL primary, before scaling up)" },
  /** The threshold is computed from the storage limit (see historyStoreTbPerYear). */
  historyStore: { threshold: 0, unit: "TB of history a year", source: "computed: a quarter of one RDS instance's 64 TiB a year, so history would fill a shard within four years; Discord's message store (Cassandra, then ScyllaDB: \"How Discord Stores Billions/Trillions of Messages\")" },
  readReplicas: { threshold: 0, unit: "replicas", source: `${PRIMER}: read replicas once one primary cannot serve the reads after scaling up and caching` },
  multiRegion: { threshold: 2, unit: "regions", source: "the regions the users asked for" },
} as const satisfies Record<string, Trigger>;
export type TriggerKey = keyof typeof TRIGGERS;

/** Burstable app instances are sized on their CPU baseline: t4g.small sustains 20% of its 2 vCPU. */
export const T4G_SMALL_BASELINE_VCPU = 0.4;
/** Database connections each app instance or task opens (its pool). */
export const CONNECTIONS_PER_INSTANCE = 10;
/** The largest class the planner scales the primary up to before adding read replicas. */
export const VERTICAL_LIMIT_CLASS = "db.r6g.2xlarge";

/** RDS for PostgreSQL and MySQL: one instance's storage is at most 64 TiB (RDS User Guide, "Amazon RDS DB instance storage"). */
export const RDS_MAX_STORAGE_GB = 65_536;
/** Append-only history past a quarter of an instance's storage limit a year leaves the relational database. */
export const HISTORY_STORE_TB_PER_YEAR = RDS_MAX_STORAGE_GB / 4 / 1_000;
/**
 * The working set memory must hold: the hot rows the last 7 of the hot set's 90 days touched (page
 * cache and shared_buffers; Redis the reads); older hot rows are a gp3 read on a miss. Planning figure.
 */
export const WORKING_SET_DAYS = 7;
export const HOT_SET_DAYS = 90;
export const WORKING_SET_FRACTION = WORKING_SET_DAYS / HOT_SET_DAYS;
/**
 * Scale a cache node up before adding shards past this many: fewer, larger shards mean fewer
 * failovers and cross-slot multi-key calls (ElastiCache best practices, "choosing your node size";
 * planning figure for "a handful").
 */
export const CACHE_SHARDS_BEFORE_SCALE_UP = 4;
/** ElastiCache cluster mode: at most 500 nodes (primaries and replicas) per cluster. */
export const CACHE_NODES_PER_CLUSTER = 500;
