import type { ArchetypeProfile } from "./profile.js";

/**
 * Tools a company builds for its own staff (HR portals, admin back offices, approval flows): a
 * head count of users, all of them in office hours, few requests and a small, precious dataset.
 */
export const internal: ArchetypeProfile = {
  archetype: "internal",
  label: "Internal tool",
  defaultDau: 300,
  dauOverMau: 0.6,
  requestsPerUserPerDay: 150,
  requestsReason: "an employee's page loads and form posts over a working day",
  readWriteRatio: 8,
  // Eight office hours carry the whole day's traffic: three times the 24-hour average.
  peakFactor: 3,
  growthPercentPerMonth: 2,
  latencyP95Ms: 500,
  availability: 99.5,
  sessionMinutesPerDay: 60,
  responseKb: 8,
  storedKbPerWrite: 1,
  objectKbPerWrite: 20,
  staticKbPerUserPerDay: 1_000,
  cdnHitRatio: 0.9,
  cacheHitRatio: 0.5,
  hotDataFraction: 0.3,
  services: [
    { id: "app", name: "Application API", purpose: "the tool's forms, workflows and approvals", share: 0.8, efficiency: 1 },
    { id: "identity", name: "SSO and roles", purpose: "sign-in through the company's identity provider, role checks", share: 0.1, efficiency: 1 },
    { id: "reporting", name: "Reporting service", purpose: "exports and reports for managers and auditors", share: 0.1, efficiency: 0.5 },
  ],
  async: { broker: "sqs", eventsPerWrite: 1, eventKb: 2, jobCpuSeconds: 0.1, workerName: "Job workers", workerPurpose: "e-mails, approvals reminders, exports and syncs with the HR or ERP system" },
  search: { readShare: 0.05, purpose: "search across employees, requests and documents" },
  shardingKey: "none needed: a company's own records fit one primary for years",
  hotData: "the signed-in employee's profile, permissions and open requests",
  degradation: ["pause exports and syncs before interactive pages slow down", "keep read-only access when the primary fails over"],
  chaos: ["fail the identity provider for ten minutes: signed-in sessions keep working"],
  stack: [
    { layer: "Identity", choice: "SSO through the company's identity provider (OIDC or SAML) with role-based access", alternatives: ["Okta", "Microsoft Entra ID", "Google Workspace"], why: "staff already have accounts; offboarding in one place removes access everywhere" },
  ],
};
