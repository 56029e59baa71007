import type { Phase, Proposal } from "../../planner/proposal.js";
import { formatCount, formatMilliseconds, formatMinutes, formatPercent, formatRps } from "../format.js";
import { k6Filename } from "./plan.js";

/** Fewest VUs worth pre-allocating; below this k6's own start-up dominates. */
const MIN_PREALLOCATED_VUS = 10;
/** maxVUs over the Little's-law estimate, so the arrival rate holds while tail latency grows. */
const LATENCY_HEADROOM = 4;
/** The gate starts at a tenth of its target so caches and autoscalers warm up as real growth would. */
const START_FRACTION = 0.1;
/** Readiness polling before the gate: a rollout still in progress gets this long to settle. */
const READINESS_ATTEMPTS = 10;
const READINESS_WAIT_SECONDS = 3;

/** Comment text on one line: JavaScript also ends a line comment at U+2028 and U+2029. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]+/g, " ");
}

/** k6 durations: whole minutes as "15m", anything else in seconds. */
function duration(minutes: number): string {
  return Number.isInteger(minutes) ? `${minutes}m` : `${Math.round(minutes * 60)}s`;
}

interface VirtualUsers {
  inFlight: number;
  preAllocated: number;
  max: number;
}

/** Little's law: requests in flight = arrival rate × time each one takes (the p95 threshold). */
function virtualUsers(targetRps: number, p95Ms: number): VirtualUsers {
  const inFlight = Math.ceil((targetRps * p95Ms) / 1000);
  const preAllocated = Math.max(MIN_PREALLOCATED_VUS, inFlight);
  return { inFlight, preAllocated, max: Math.max(preAllocated, inFlight * LATENCY_HEADROOM) };
}

/** The share of requests that are writes, from the proposal's capacity split. */
function writeShare(proposal: Proposal): number {
  const { readRps, writeRps } = proposal.capacity;
  const total = readRps + writeRps;
  return total === 0 ? 0 : writeRps / total;
}

/** Chaos experiments spread evenly through the soak, one at a time, as minutes from the start. */
function chaosSchedule(phase: Phase): string[] {
  const { chaos, rampMinutes, soakMinutes } = phase.loadTest;
  return chaos.map((experiment, i) => {
    const minute = Math.round(rampMinutes + (soakMinutes * (i + 1)) / (chaos.length + 1));
    return `//   minute ${minute}: ${commentText(experiment)}`;
  });
}

function header(proposal: Proposal, phase: Phase, vus: VirtualUsers, share: number): string[] {
  const t = phase.loadTest;
  const file = k6Filename(phase.scale);
  const chaos = chaosSchedule(phase);
  return [
    `// k6 load-test gate for the ${phase.scale} phase of ${commentText(proposal.title)} (proposal v${proposal.version}).`,
    `// Ramps to ${formatRps(t.targetRps)} over ${formatMinutes(t.rampMinutes)}, holds it for ${formatMinutes(t.soakMinutes)}, ramps down.`,
    `// Passes when p95 latency stays under ${formatMilliseconds(t.thresholds.p95Ms)} and fewer than ${formatPercent(t.thresholds.errorRate)} of requests fail;`,
    "// k6 exits non-zero when a threshold fails, and stops early once the error rate is breached.",
    "//",
    `// Run: k6 run -e BASE_URL=https://staging.example.com ${file}`,
    "//",
    "// Environment:",
    "//   BASE_URL     (required) origin under test, e.g. https://staging.example.com",
    "//   READ_PATH    path read with GET (default /), e.g. a product page",
    "//   WRITE_PATH   path written with POST (default /), e.g. the order endpoint",
    "//   WRITE_BODY   JSON body for writes (default {})",
    "//   HEALTH_PATH  path polled until it answers 2xx before the load starts (default READ_PATH)",
    "//   AUTH_TOKEN   optional bearer token sent with every request",
    "//",
    `// Mix: ${formatPercent(1 - share)} reads, ${formatPercent(share)} writes (the proposal's ${formatRps(proposal.capacity.readRps)} reads to ${formatRps(proposal.capacity.writeRps)} writes).`,
    `// Virtual users (Little's law): ${formatRps(t.targetRps)} × ${t.thresholds.p95Ms / 1000} s = ${formatCount(vus.inFlight)} in flight;`,
    `// ${formatCount(vus.preAllocated)} pre-allocated, up to ${formatCount(vus.max)} so the arrival rate holds if tail latency grows.`,
    ...(chaos.length === 0
      ? []
      : ["//", "// Chaos, during the soak, one at a time (let the system recover before the next):", ...chaos]),
  ];
}

/** A runnable k6 script for one roadmap phase's load-test gate (open model, ramping arrival rate). */
export function k6Script(proposal: Proposal, phase: Phase): string {
  const t = phase.loadTest;
  const vus = virtualUsers(t.targetRps, t.thresholds.p95Ms);
  const share = writeShare(proposal);
  const target = Math.ceil(t.targetRps);
  const usage = `set BASE_URL, e.g. k6 run -e BASE_URL=https://staging.example.com ${k6Filename(phase.scale)}`;
  return `${[
    ...header(proposal, phase, vus, share),
    "import http from 'k6/http';",
    "import { check, sleep } from 'k6';",
    "",
    "if (!__ENV.BASE_URL) {",
    `  throw new Error(${JSON.stringify(usage)});`,
    "}",
    "const BASE_URL = __ENV.BASE_URL.replace(/\\/+$/, '');",
    "const READ_PATH = __ENV.READ_PATH || '/';",
    "const WRITE_PATH = __ENV.WRITE_PATH || '/';",
    "const WRITE_BODY = __ENV.WRITE_BODY || '{}';",
    "const HEALTH_PATH = __ENV.HEALTH_PATH || READ_PATH;",
    "const HEADERS = __ENV.AUTH_TOKEN",
    "  ? { 'Content-Type': 'application/json', Authorization: `Bearer ${__ENV.AUTH_TOKEN}` }",
    "  : { 'Content-Type': 'application/json' };",
    `const WRITE_SHARE = ${Number(share.toFixed(6))};`,
    "",
    "export const options = {",
    "  discardResponseBodies: true,",
    "  scenarios: {",
    `    gate_${phase.scale}: {`,
    "      executor: 'ramping-arrival-rate',",
    `      startRate: ${Math.max(1, Math.ceil(target * START_FRACTION))},`,
    "      timeUnit: '1s',",
    `      preAllocatedVUs: ${vus.preAllocated},`,
    `      maxVUs: ${vus.max},`,
    "      stages: [",
    `        { target: ${target}, duration: '${duration(t.rampMinutes)}' },`,
    `        { target: ${target}, duration: '${duration(t.soakMinutes)}' },`,
    `        { target: 0, duration: '${duration(t.rampMinutes)}' },`,
    "      ],",
    "    },",
    "  },",
    "  thresholds: {",
    `    http_req_duration: ['p(95)<${t.thresholds.p95Ms}'],`,
    `    http_req_failed: [{ threshold: 'rate<${t.thresholds.errorRate}', abortOnFail: true, delayAbortEval: '1m' }],`,
    "  },",
    "};",
    "",
    "// Waits for the target to be ready. Non-2xx answers while waiting are marked expected so a",
    "// rollout that is still settling does not count against the gate's error rate.",
    "export function setup() {",
    `  for (let attempt = 1; attempt <= ${READINESS_ATTEMPTS}; attempt++) {`,
    "    const res = http.get(`${BASE_URL}${HEALTH_PATH}`, {",
    "      headers: HEADERS,",
    "      tags: { name: 'readiness' },",
    "      responseCallback: http.expectedStatuses({ min: 100, max: 599 }),",
    "    });",
    "    if (res.status >= 200 && res.status < 300) return;",
    `    sleep(${READINESS_WAIT_SECONDS});`,
    "  }",
    `  throw new Error(\`\${BASE_URL}\${HEALTH_PATH} did not answer 2xx after ${READINESS_ATTEMPTS} attempts\`);`,
    "}",
    "",
    "export default function () {",
    "  if (Math.random() < WRITE_SHARE) {",
    "    const res = http.post(`${BASE_URL}${WRITE_PATH}`, WRITE_BODY, { headers: HEADERS, tags: { name: 'write' } });",
    "    check(res, { 'write answered 2xx': (r) => r.status >= 200 && r.status < 300 });",
    "  } else {",
    "    const res = http.get(`${BASE_URL}${READ_PATH}`, { headers: HEADERS, tags: { name: 'read' } });",
    "    check(res, { 'read answered 2xx': (r) => r.status >= 200 && r.status < 300 });",
    "  }",
    "}",
  ].join("\n")}\n`;
}
