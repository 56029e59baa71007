import type { Archetype } from "../requirements.js";
import { booking, ecommerce, logistics, marketplace } from "./commerce.js";
import { chat, gaming, iot, social } from "./interactive.js";
import { internal } from "./internal.js";
import { analytics, content, fintech, generic, mlInference, saas, video } from "./platforms.js";
import type { ArchetypeProfile } from "./profile.js";

export type { ArchetypeProfile, ServiceSpec } from "./profile.js";

const PROFILES: Record<Archetype, ArchetypeProfile> = {
  ecommerce,
  marketplace,
  chat,
  social,
  video,
  analytics,
  iot,
  saas,
  fintech,
  gaming,
  content,
  "ml-inference": mlInference,
  logistics,
  booking,
  generic,
  internal,
};

export function profileFor(archetype: Archetype): ArchetypeProfile {
  return PROFILES[archetype];
}
