import { CLOUDFRONT_TIERS, INTERNET_EGRESS_TIERS, PRICES, tieredCostUsd } from "../prices.js";
import { HOURS_PER_MONTH, KB, SECONDS_PER_MONTH, ceilCount } from "../units.js";
import { KAFKA_INGRESS_MBPS_PER_BROKER, KAFKA_MESSAGES_PER_BROKER, hourlyBasis, monthlyUsd, num, pct, region, usd } from "./sizing.js";
import { emptyPart, type DesignContext, type Part } from "./types.js";

export function clientTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load } = ctx;
  part.components.push({
    id: "clients", name: r.profile.realtime?.protocol === "MQTT" ? "Devices" : "Web and mobile clients", type: "client", tier: "client",
    count: Math.max(1, Math.round(load.concurrentConnections)), managed: false,
    purpose: "browsers and apps (or devices) of the product's users", sizing: `${num(r.dau * load.factor)} daily users, ${num(load.concurrentConnections)} connected at peak`,
  });
  return part;
}

export function edgeTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, regions, shape } = ctx;
  const pf = region(r.priceFactor);
  if (shape.cdn && load.cdnEgressGbMonth > 0) {
    const bytesUsd = tieredCostUsd(load.cdnEgressGbMonth, CLOUDFRONT_TIERS) * r.priceFactor;
    const requestsUsd = (load.cdnRequestsPerMonth / 1e6) * PRICES["cloudfront.requests"].usd;
    part.components.push({ id: "cdn", name: "CDN", type: "cdn", tier: "edge", count: 1, managed: true, purpose: "static assets and media at the edge; origin shield in front of object storage", sizing: `CloudFront, ${num(load.cdnEgressGbMonth)} GB/month at a ${pct(r.profile.cdnHitRatio)} byte hit-ratio target` });
    part.bill.push(
      { componentId: "cdn", item: `CDN data transfer (${num(load.cdnEgressGbMonth)} GB)`, category: "network", lever: "cdn", usdMonthly: bytesUsd, basis: `${num(load.cdnEgressGbMonth)} GB at CloudFront's tiered rates from ${usd(CLOUDFRONT_TIERS[0]!.usdPerGb)}/GB${pf}` },
      { componentId: "cdn", item: `CDN requests (${num(load.cdnRequestsPerMonth / 1e6, 1)} M)`, category: "network", lever: "none", usdMonthly: requestsUsd, basis: `${num(load.cdnRequestsPerMonth / 1e6, 1)} M HTTPS requests × ${usd(PRICES["cloudfront.requests"].usd)} per million` },
    );
  }
  if (shape.waf) {
    const wafRules = 10;
    const wafUsd = regions * (PRICES["waf.acl"].usd + wafRules * PRICES["waf.rule"].usd) + (load.requestsPerMonth / 1e6) * PRICES["waf.requests"].usd;
    part.components.push({ id: "waf", name: "Web application firewall", type: "firewall", tier: "edge", count: regions, managed: true, purpose: "OWASP managed rules, IP reputation, rate-based rules per IP", sizing: `AWS WAF web ACL with ${wafRules} rules on the load balancer; ${num(load.requestsPerMonth / 1e6)} M requests/month` });
    part.bill.push({ componentId: "waf", item: "Web application firewall", category: "network", lever: "none", usdMonthly: wafUsd, basis: `${regions} × (${usd(PRICES["waf.acl"].usd)} ACL + ${wafRules} × ${usd(PRICES["waf.rule"].usd)} rules) + ${num(load.requestsPerMonth / 1e6)} M requests × ${usd(PRICES["waf.requests"].usd)}/M` });
  }

  // ALB bills the largest of four dimensions per hour; the average hour is priced.
  const avgPerRegion = load.avgRps / regions;
  const newConnLcu = avgPerRegion / 10 / 25;
  const activeConnLcu = load.concurrentConnections / regions / 3_000;
  const gbPerHourLcu = (avgPerRegion * r.responseKb * KB * 3_600) / 1e9;
  const rulesLcu = avgPerRegion / 1_000;
  const lcu = Math.max(newConnLcu, activeConnLcu, gbPerHourLcu, rulesLcu);
  const albUsd = regions * HOURS_PER_MONTH * (PRICES["alb.hour"].usd + lcu * PRICES["alb.lcu"].usd) * r.priceFactor;
  part.components.push({ id: "lb", name: "Load balancer", type: "load-balancer", tier: "edge", count: regions, managed: true, purpose: "TLS termination, health checks, spreads traffic across AZs", sizing: `Application Load Balancer across ${ctx.azs} AZs, ~${num(lcu, 1)} LCU on an average hour${r.profile.realtime && r.profile.realtime.protocol !== "WebSocket" ? `; a Network Load Balancer for ${r.profile.realtime.protocol}` : ""}` });
  part.bill.push({ componentId: "lb", item: `Load balancer (${regions} ALB${regions > 1 ? "s" : ""})`, category: "network", lever: "none", usdMonthly: albUsd, basis: `${regions} × ${HOURS_PER_MONTH} h × (${usd(PRICES["alb.hour"].usd)} + ${num(lcu, 2)} LCU × ${usd(PRICES["alb.lcu"].usd)})${pf}` });

  const egressUsd = tieredCostUsd(load.apiEgressGbMonth, INTERNET_EGRESS_TIERS) * r.priceFactor;
  part.bill.push({ componentId: "lb", item: `Internet egress from the origin (${num(load.apiEgressGbMonth)} GB)`, category: "network", lever: "none", usdMonthly: egressUsd, basis: `${num(load.apiEgressGbMonth)} GB of API responses at EC2's tiered rates from ${usd(INTERNET_EGRESS_TIERS[0]!.usdPerGb)}/GB${pf}` });

  if (!shape.nat) return part;
  // Outbound calls (payment providers, e-mail, image pulls): 2% of API egress plus 50 GB a month per region.
  const natGb = load.apiEgressGbMonth * 0.02 + 50 * regions;
  const natCount = ctx.azs * regions;
  const natUsd = monthlyUsd(natCount, PRICES["nat.hour"].usd, r.priceFactor) + natGb * PRICES["nat.gb"].usd * r.priceFactor;
  part.components.push({ id: "nat", name: "NAT gateways", type: "proxy", tier: "edge", count: natCount, managed: true, purpose: "outbound internet for private subnets (PSPs, e-mail, webhooks), one per AZ", sizing: `${natCount} NAT gateways, ~${num(natGb)} GB/month processed` });
  part.bill.push({ componentId: "nat", item: `NAT gateways (${natCount})`, category: "network", lever: "none", usdMonthly: natUsd, basis: `${hourlyBasis(natCount, "NAT gateway", PRICES["nat.hour"].usd, r.priceFactor)} + ${num(natGb)} GB × ${usd(PRICES["nat.gb"].usd)}${pf}` });
  return part;
}

export function brokerTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load } = ctx;
  const a = r.profile.async;
  const eventsPeak = load.peakWriteRps * a.eventsPerWrite;
  const eventsAvg = load.writeRps * a.eventsPerWrite;
  if (ctx.shape.broker === "sqs") {
    const requests = eventsAvg * SECONDS_PER_MONTH * 3;
    part.components.push({ id: "queue", name: "Job queues", type: "queue", tier: "async", count: 1, managed: true, purpose: `${a.workerPurpose}; a dead-letter queue per queue`, sizing: `Amazon SQS standard queues, ${num(eventsPeak)} messages/s at peak` });
    part.bill.push({ componentId: "queue", item: `Job queues (${num(requests / 1e6)} M requests)`, category: "platform", lever: "none", usdMonthly: (requests / 1e6) * PRICES["sqs.requests"].usd, basis: `${num(eventsAvg, 1)} msg/s × ${num(SECONDS_PER_MONTH / 1e6, 3)} M s × 3 calls (send, receive, delete) × ${usd(PRICES["sqs.requests"].usd)}/M` });
    part.settings.push({ component: "Job queues", setting: "VisibilityTimeout, maxReceiveCount", value: `${Math.max(30, Math.ceil(a.jobCpuSeconds * 6))} s, 5 then dead-letter`, why: "6× the job time so a slow job is not handed out twice; poison messages park in the DLQ" });
    return part;
  }
  const mbps = (eventsPeak * a.eventKb * KB) / 1e6;
  const brokersNeeded = Math.max(mbps / (KAFKA_INGRESS_MBPS_PER_BROKER * ctx.options.targetUtilisation), eventsPeak / (KAFKA_MESSAGES_PER_BROKER * ctx.options.targetUtilisation));
  const brokers = Math.max(3, 3 * ceilCount(brokersNeeded / 3));
  const util = Math.max(mbps / (brokers * KAFKA_INGRESS_MBPS_PER_BROKER), eventsPeak / (brokers * KAFKA_MESSAGES_PER_BROKER));
  const retentionGb = Math.max(100, ceilCount(((eventsAvg * a.eventKb * KB) / 1e9) * 86_400 * 7 * 3));
  const partitions = Math.max(12, 6 * ceilCount(eventsPeak / 2_000 / 6));
  const price = PRICES["msk.kafka.m7g.large"].usd;
  part.components.push({ id: "broker", name: "Kafka", type: "message-broker", tier: "async", count: brokers, managed: true, utilisation: util, purpose: `event stream: ${a.workerPurpose}`, sizing: `Amazon MSK, ${brokers} × kafka.m7g.large across 3 AZs, replication factor 3, ${partitions} partitions; ${num(eventsPeak)} events/s (${num(mbps, 1)} MB/s) at peak → ${pct(util)}` });
  part.bill.push(
    { componentId: "broker", item: `Kafka brokers (${brokers} × kafka.m7g.large)`, category: "platform", lever: "none", usdMonthly: monthlyUsd(brokers, price, r.priceFactor), basis: hourlyBasis(brokers, "kafka.m7g.large", price, r.priceFactor) },
    { componentId: "broker", item: `Kafka storage (${num(retentionGb)} GB, 7 days × RF 3)`, category: "storage", lever: "none", usdMonthly: retentionGb * PRICES["msk.storage"].usd * r.priceFactor, basis: `${num(retentionGb)} GB × ${usd(PRICES["msk.storage"].usd)}/GB-month${region(r.priceFactor)}` },
  );
  part.resources.push({ id: "broker-throughput", componentId: "broker", title: "Kafka broker throughput", load: util, capacity: 1, unit: "fraction", signal: "broker CPU > 60% or consumer lag growing for 10 min", fix: "add brokers in threes and reassign partitions; compress with zstd" });
  part.settings.push({ component: "Kafka", setting: "partitions, min.insync.replicas, retention", value: `${partitions}, 2, 7 days`, why: "partitions ≥ peak events ÷ 2,000 per consumer; survive one broker loss without data loss" });
  return part;
}

/**
 * Observability scales with the system: CloudWatch metrics, logs and alarms while the fleet is small;
 * a self-run Prometheus/Grafana/Loki/Tempo node pool once managed per-metric pricing costs more.
 */
export function monitoringTier(ctx: DesignContext, podCount: number): Part {
  const part = emptyPart();
  const { r, load, regions, shape } = ctx;
  const logGb = (load.requestsPerMonth * 0.5 * KB) / 1e9;
  if (!shape.selfRunObservability) {
    // Ten metrics per task (CPU, memory, requests, errors, latency percentiles) plus three dashboards.
    const metrics = podCount * 10;
    const dashboards = 3;
    const usdMonthly = (logGb * PRICES["cloudwatch.logs.ingest"].usd + metrics * PRICES["cloudwatch.metric"].usd + dashboards * PRICES["cloudwatch.dashboard"].usd) * r.priceFactor;
    part.components.push({ id: "monitoring", name: "Managed monitoring", type: "monitoring", tier: "operations", count: 1, managed: true, purpose: "CloudWatch metrics, logs and alarms; X-Ray traces sampled at 5%", sizing: `${num(metrics)} metrics from ${num(podCount)} instances or tasks; ${num(logGb)} GB logs/month kept 30 days` });
    part.bill.push({ componentId: "monitoring", item: "Managed monitoring (CloudWatch)", category: "platform", lever: "none", usdMonthly, basis: `${num(logGb)} GB logs × ${usd(PRICES["cloudwatch.logs.ingest"].usd)}/GB + ${num(metrics)} metrics × ${usd(PRICES["cloudwatch.metric"].usd)} + ${dashboards} dashboards × ${usd(PRICES["cloudwatch.dashboard"].usd)}${region(r.priceFactor)}` });
    return part;
  }
  const nodes = Math.max(2, ceilCount(podCount / 150) + 1) * regions;
  const price = PRICES["ec2.m7g.large"].usd;
  part.components.push({ id: "monitoring", name: "Observability stack", type: "monitoring", tier: "operations", count: nodes, managed: false, purpose: "Prometheus (metrics), Grafana (dashboards, alerts), Loki (logs), Tempo (traces)", sizing: `${nodes} × m7g.large; ~${num(podCount)} pods scraped every 30 s; ${num(logGb)} GB logs/month kept 30 days in S3` });
  part.bill.push(
    { componentId: "monitoring", item: `Observability nodes (${nodes} × m7g.large)`, category: "platform", lever: "compute", usdMonthly: monthlyUsd(nodes, price, r.priceFactor), basis: hourlyBasis(nodes, "m7g.large", price, r.priceFactor) },
    { componentId: "monitoring", item: `Log storage (${num(logGb)} GB)`, category: "storage", lever: "none", usdMonthly: logGb * PRICES["s3.standard"].usd * r.priceFactor, basis: `${num(load.requestsPerMonth / 1e6)} M requests × 0.5 KB × ${usd(PRICES["s3.standard"].usd)}/GB-month${region(r.priceFactor)}` },
  );
  return part;
}
