// k6 load-test gate for the 2x phase of Architecture for food-delivery app (proposal v1).
// Ramps to 1,806 RPS over 10 min, holds it for 30 min, ramps down.
// Passes when p95 latency stays under 300 ms and fewer than 0.5% of requests fail;
// k6 exits non-zero when a threshold fails, and stops early once the error rate is breached.
//
// Run: k6 run -e BASE_URL=https://staging.example.com k6-2x.js
//
// Environment:
//   BASE_URL     (required) origin under test, e.g. https://staging.example.com
//   READ_PATH    path read with GET (default /), e.g. a product page
//   WRITE_PATH   path written with POST (default /), e.g. the order endpoint
//   WRITE_BODY   JSON body for writes (default {})
//   HEALTH_PATH  path polled until it answers 2xx before the load starts (default READ_PATH)
//   AUTH_TOKEN   optional bearer token sent with every request
//
// Mix: 23% reads, 77% writes (the proposal's 53.4 RPS reads to 178 RPS writes).
// Virtual users (Little's law): 1,806 RPS × 0.3 s = 542 in flight;
// 542 pre-allocated, up to 2,168 so the arrival rate holds if tail latency grows.
//
// Chaos, during the soak, one at a time (let the system recover before the next):
//   minute 18: kill one svc-tracking task every 5 minutes during the soak
//   minute 25: fail over the database primary (reboot with failover) at the middle of the soak
//   minute 33: drop one AZ's tracking gateways: clients must reconnect to the others within 10 s
import http from 'k6/http';
import { check, sleep } from 'k6';

if (!__ENV.BASE_URL) {
  throw new Error("set BASE_URL, e.g. k6 run -e BASE_URL=https://staging.example.com k6-2x.js");
}
const BASE_URL = __ENV.BASE_URL.replace(/\/+$/, '');
const READ_PATH = __ENV.READ_PATH || '/';
const WRITE_PATH = __ENV.WRITE_PATH || '/';
const WRITE_BODY = __ENV.WRITE_BODY || '{}';
const HEALTH_PATH = __ENV.HEALTH_PATH || READ_PATH;
const HEADERS = __ENV.AUTH_TOKEN
  ? { 'Content-Type': 'application/json', Authorization: `Bearer ${__ENV.AUTH_TOKEN}` }
  : { 'Content-Type': 'application/json' };
const WRITE_SHARE = 0.769224;

export const options = {
  discardResponseBodies: true,
  scenarios: {
    gate_2x: {
      executor: 'ramping-arrival-rate',
      startRate: 181,
      timeUnit: '1s',
      preAllocatedVUs: 542,
      maxVUs: 2168,
      stages: [
        { target: 1806, duration: '10m' },
        { target: 1806, duration: '30m' },
        { target: 0, duration: '10m' },
      ],
    },
  },
  thresholds: {
    http_req_duration: ['p(95)<300'],
    http_req_failed: [{ threshold: 'rate<0.005', abortOnFail: true, delayAbortEval: '1m' }],
  },
};

// Waits for the target to be ready. Non-2xx answers while waiting are marked expected so a
// rollout that is still settling does not count against the gate's error rate.
export function setup() {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const res = http.get(`${BASE_URL}${HEALTH_PATH}`, {
      headers: HEADERS,
      tags: { name: 'readiness' },
      responseCallback: http.expectedStatuses({ min: 100, max: 599 }),
    });
    if (res.status >= 200 && res.status < 300) return;
    sleep(3);
  }
  throw new Error(`${BASE_URL}${HEALTH_PATH} did not answer 2xx after 10 attempts`);
}

export default function () {
  if (Math.random() < WRITE_SHARE) {
    const res = http.post(`${BASE_URL}${WRITE_PATH}`, WRITE_BODY, { headers: HEADERS, tags: { name: 'write' } });
    check(res, { 'write answered 2xx': (r) => r.status >= 200 && r.status < 300 });
  } else {
    const res = http.get(`${BASE_URL}${READ_PATH}`, { headers: HEADERS, tags: { name: 'read' } });
    check(res, { 'read answered 2xx': (r) => r.status >= 200 && r.status < 300 });
  }
}
