import { usd } from "./design/sizing.js";
import { PRICES } from "./prices.js";
import type { Design } from "./design/index.js";
import type { Platform } from "./shape/choose.js";
import type { StackChoice } from "./proposal.js";
import type { Cloud } from "./requirements.js";
import type { Resolved } from "./resolve.js";

/** The managed service each cloud offers for a role, so a GCP or Azure user reads their own names. */
const SERVICES: Record<string, Record<Cloud, string>> = {
  kubernetes: { aws: "Amazon EKS", gcp: "Google Kubernetes Engine", azure: "Azure Kubernetes Service" },
  containers: { aws: "Amazon ECS on Fargate", gcp: "Cloud Run", azure: "Azure Container Apps" },
  monitoring: { aws: "Amazon CloudWatch (metrics, logs, alarms) and X-Ray", gcp: "Cloud Monitoring and Cloud Logging", azure: "Azure Monitor" },
  vms: { aws: "EC2 Auto Scaling groups", gcp: "Compute Engine managed instance groups", azure: "Virtual Machine Scale Sets" },
  postgresql: { aws: "Amazon RDS for PostgreSQL", gcp: "Cloud SQL for PostgreSQL", azure: "Azure Database for PostgreSQL" },
  mysql: { aws: "Amazon RDS for MySQL", gcp: "Cloud SQL for MySQL", azure: "Azure Database for MySQL" },
  redis: { aws: "Amazon ElastiCache (Redis OSS/Valkey)", gcp: "Memorystore for Redis", azure: "Azure Cache for Redis" },
  sqs: { aws: "Amazon SQS", gcp: "Cloud Pub/Sub", azure: "Azure Service Bus" },
  kafka: { aws: "Amazon MSK", gcp: "Managed Service for Apache Kafka", azure: "Event Hubs (Kafka API)" },
  cdn: { aws: "Amazon CloudFront", gcp: "Cloud CDN", azure: "Azure Front Door" },
  objects: { aws: "Amazon S3", gcp: "Cloud Storage", azure: "Blob Storage" },
  search: { aws: "Amazon OpenSearch Service", gcp: "Elastic Cloud on GCP", azure: "Elastic Cloud on Azure" },
  waf: { aws: "AWS WAF", gcp: "Cloud Armor", azure: "Azure WAF" },
  lb: { aws: "Application Load Balancer", gcp: "Cloud Load Balancing", azure: "Application Gateway" },
};

export function serviceName(role: keyof typeof SERVICES, cloud: Cloud): string {
  return SERVICES[role]![cloud];
}

export function buildStack(r: Resolved, design: Design): StackChoice[] {
  const has = (id: string) => design.components.some((c) => c.id === id);
  const c = r.cloud;
  const shape = design.shape;
  const db = r.database;
  const platform: Record<Platform, StackChoice> = {
    kubernetes: { layer: "Container platform", choice: `${serviceName("kubernetes", c)} with HPA and Cluster Autoscaler`, alternatives: ["Amazon ECS on Fargate", "VMs in Auto Scaling groups"], why: "many services and pods: one way to deploy, scale and observe them; HPA manifests ship with the roadmap" },
    ecs: { layer: "Container platform", choice: `${serviceName("containers", c)} with service autoscaling`, alternatives: ["Kubernetes", "VMs in Auto Scaling groups"], why: "a few deployables released independently, with no cluster or nodes to operate" },
    vms: { layer: "Compute platform", choice: `${serviceName("vms", c)} with target-tracking scaling`, alternatives: ["Amazon ECS on Fargate", "Kubernetes"], why: "one deployable: an Auto Scaling group behind the load balancer, nothing else to operate" },
  };
  const stack: StackChoice[] = [
    { layer: shape.servicesPerDomain ? "API services" : "Application", choice: "TypeScript on Node.js 20 with Fastify", alternatives: ["Go (net/http, chi)", "Kotlin with Spring Boot"], why: `${shape.servicesPerDomain ? "one language across services and workers" : "a modular monolith: one module per domain with enforced boundaries, so a module can be extracted when its trigger fires"}; Fastify does ~4x Express per core on the fastify benchmarks` },
    platform[shape.platform],
    { layer: "Instances", choice: "Graviton (arm64): t4g while small, then c7g, m7g, r7g", alternatives: ["x86: t3, m6i, c6i"], why: `m7g.large is ${usd(PRICES["ec2.m7g.large"].usd)}/h against ${usd(PRICES["ec2.m6i.large"].usd)}/h for m6i.large (${Math.round((1 - PRICES["ec2.m7g.large"].usd / PRICES["ec2.m6i.large"].usd) * 100)}% less) for the same vCPU and memory; Node.js, Go and the managed engines run natively on arm64` },
    { layer: "Database", choice: `${serviceName(db, c)}, ${shape.multiAz ? "Multi-AZ" : "single-AZ"}`, alternatives: db === "postgresql" ? ["Amazon Aurora PostgreSQL", "MySQL", "CockroachDB"] : ["Amazon Aurora MySQL", "PostgreSQL", "Vitess (PlanetScale)"], why: db === "postgresql" ? "ACID transactions, rich indexes, JSONB and full-text search; managed backups and failover" : "as requested: mature replication and a sharding path with Vitess" },
  ];
  if (shape.pooler) stack.push({ layer: "Connection pooling", choice: db === "postgresql" ? "PgBouncer (transaction mode)" : "ProxySQL", alternatives: ["RDS Proxy"], why: `${shape.tasks} tasks share a small pool of server connections` });
  if (shape.cache) stack.push({ layer: "Cache", choice: `${serviceName("redis", c)}`, alternatives: ["Memcached", "DragonflyDB"], why: "cache-aside reads, sessions, rate-limit counters and pub/sub in one engine" });
  stack.push(
    shape.broker === "kafka"
      ? { layer: "Event stream", choice: serviceName("kafka", c), alternatives: ["Amazon Kinesis", "Redpanda", "NATS JetStream"], why: "ordered, replayable partitions keyed by entity; consumers scale by partition" }
      : { layer: "Job queue", choice: `${serviceName("sqs", c)} with dead-letter queues`, alternatives: ["RabbitMQ", "BullMQ on Redis"], why: "no brokers to run; at-least-once delivery with idempotent consumers" },
    { layer: "Load balancing and edge", choice: [serviceName("lb", c), has("waf") ? serviceName("waf", c) : "", has("cdn") ? serviceName("cdn", c) : ""].filter(Boolean).join(" + "), alternatives: ["NGINX on VMs", "Cloudflare"], why: `managed, multi-AZ, TLS at the edge${has("waf") ? "; WAF rate-based rules stop floods before they reach the app" : ""}` },
  );
  if (has("object-storage")) stack.push({ layer: "Object storage", choice: serviceName("objects", c), alternatives: ["Cloudflare R2"], why: "11 nines durability, lifecycle tiers, signed uploads straight from clients" });
  if (has("search")) stack.push({ layer: "Search", choice: serviceName("search", c), alternatives: ["Typesense", "Meilisearch", "PostgreSQL full-text"], why: `${r.profile.search?.purpose ?? "search"}; kept in sync from the event stream` });
  stack.push(
    shape.selfRunObservability
      ? { layer: "Observability", choice: "OpenTelemetry → Prometheus, Grafana, Loki, Tempo", alternatives: ["Datadog", "Grafana Cloud", "CloudWatch"], why: "open standards; metrics, logs and traces joined by trace id; at this many tasks cheaper than per-metric pricing" }
      : { layer: "Observability", choice: `OpenTelemetry → ${serviceName("monitoring", c)}`, alternatives: ["Grafana Cloud", "Datadog", "self-run Prometheus and Grafana"], why: "nothing to run while the fleet is small; OpenTelemetry keeps the move to a self-run stack open" },
    { layer: "Delivery", choice: shape.platform === "kubernetes" ? "GitHub Actions + Argo CD (GitOps), canary via Argo Rollouts" : "GitHub Actions + CodeDeploy blue/green", alternatives: ["GitLab CI", "Spinnaker"], why: "every change is a reviewed commit; canaries catch regressions on 5% of traffic" },
    { layer: "Infrastructure as code", choice: "Terraform (OpenTofu)", alternatives: ["AWS CDK", "Pulumi"], why: "the environments are identical by construction and reviewed like code" },
  );
  for (const s of r.profile.stack) stack.push({ ...s, alternatives: [...s.alternatives] });
  return stack;
}

export function discovery(platform: Platform): { mechanism: string; naming: string; steps: string[] } {
  if (platform === "kubernetes") {
    return {
      mechanism: "Kubernetes Services resolved by CoreDNS; the load balancer reaches the ingress gateway, which routes by path to Services",
      naming: "<service>.<namespace>.svc.cluster.local:8080 inside the cluster; api.<domain>/<service>/… outside",
      steps: [
        "a pod starts and passes its readiness probe (/readyz checks its database and cache connections)",
        "the Service's EndpointSlice gains the pod's IP; kube-proxy and the gateway pick it up within seconds",
        "callers resolve the Service name via CoreDNS and connect through keep-alive pools",
        "on shutdown the pod fails readiness first, drains for 20 s, then exits (preStop hook)",
      ],
    };
  }
  return {
    mechanism: "load balancer target groups per service; AWS Cloud Map for service-to-service names",
    naming: "<service>.internal.<domain>:8080 (Cloud Map private DNS); api.<domain>/<service>/… outside",
    steps: [
      "an instance boots from the launch template and registers in its target group and Cloud Map",
      "health checks on /readyz must pass twice before it receives traffic",
      "callers resolve the private DNS name; records carry a 10 s TTL",
      "scale-in deregisters the instance with a 30 s connection draining delay",
    ],
  };
}
