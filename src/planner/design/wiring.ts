import type { Component, Edge } from "../proposal.js";
import type { ArchetypeProfile } from "../archetypes/index.js";

const UPLOAD_SERVICES = ["media", "uploads", "listings", "cms", "app", "api", "messaging"];

/** How requests and data flow between the components that exist in this design. */
export function wire(components: Component[], profile: ArchetypeProfile): Edge[] {
  const has = new Set(components.map((c) => c.id));
  const services = components.filter((c) => c.id.startsWith("svc-")).map((c) => c.id);
  const edges: Edge[] = [];
  const add = (from: string, to: string, label: string) => {
    if (has.has(from) && has.has(to)) edges.push({ from, to, label });
  };
  const front = has.has("ingress") ? "ingress" : undefined;
  const entry = has.has("waf") ? "waf" : "lb";
  const realtime = profile.realtime;

  add("clients", "cdn", "static assets, media");
  add("clients", entry, realtime?.protocol === "MQTT" ? "HTTPS API, MQTT over TLS" : "HTTPS");
  add("waf", "lb", "filtered requests");
  if (front) add("lb", front, "HTTP");
  add("lb", "realtime", realtime ? realtime.protocol : "");
  add("cdn", "object-storage", "origin fetch");
  for (const s of services) {
    if (front) add(front, s, `/${s.slice(4)}`);
    else add("lb", s, `/${s.slice(4)}`);
    add(s, "cache", "cache-aside");
    add(s, has.has("pooler") ? "pooler" : "db-primary", "SQL");
    add(s, has.has("broker") ? "broker" : "queue", has.has("broker") ? "events" : "jobs");
  }
  if (profile.search) for (const s of services) add(s, "search", "queries");
  if (profile.history) for (const s of services) add(s, "history", profile.history.what);
  add("pooler", "db-primary", "writes");
  add("pooler", "db-replicas", "reads");
  add("db-primary", "db-replicas", "replication");
  add("broker", "workers", "consume");
  add("queue", "workers", "consume");
  add("queue", "transcoders", "transcode jobs");
  add("transcoders", "object-storage", "renditions");
  add("workers", has.has("pooler") ? "pooler" : "db-primary", "SQL");
  add("workers", "search", "index updates");
  add("workers", "olap", "batched inserts");
  add(has.has("workers") ? "workers" : "svc-app", "nat", "webhooks, e-mail, PSP");
  add("broker", "realtime", "deliveries");
  add("realtime", "cache", "pub/sub routing");
  add("realtime", "broker", "telemetry");
  const upload = services.find((s) => UPLOAD_SERVICES.includes(s.slice(4))) ?? services[0];
  if (upload && (profile.objectKbPerWrite > 0 || profile.video)) add(upload, "object-storage", "signed uploads");
  if (profile.gpu) add(has.has(`svc-${profile.gpu.serviceId}`) ? `svc-${profile.gpu.serviceId}` : "svc-app", "gpu", "batched inference");
  add("svc-app", "olap", "queries");
  add("svc-app", "geo", "GEOSEARCH");
  for (const s of ["svc-query", "svc-dashboards"]) add(s, "olap", "queries");
  add("svc-tracking", "geo", "GEOADD");
  add("svc-dispatch", "geo", "GEOSEARCH");
  add("monitoring", "k8s-nodes", "metrics, logs, traces");
  if (!has.has("k8s-nodes") && services[0]) add(services[0], "monitoring", "metrics, logs, traces");
  return edges;
}
