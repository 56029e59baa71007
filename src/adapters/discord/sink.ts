import { UnrecoverableError } from "bullmq";
import { registerSink } from "../../jobs/sinks.js";
import type { ReplySink } from "../../jobs/types.js";
import { countApiErrors, createRest } from "./client.js";
import { createDiscordSink } from "./rest-sink.js";

/**
 * Loaded by `archie worker` for its side effect: Discord's reply sink joins the worker's
 * registry, built on a REST-only client (the worker never opens a gateway connection) and the
 * worker's conversation store, where it keeps the threads it replied in followed.
 */

/** A worker deployed without Discord's variables fails Discord jobs at once, saying why, and keeps them for inspection. */
const unconfigured: ReplySink = {
  deliver: () => Promise.reject(new UnrecoverableError("Discord is not configured in this worker: set DISCORD_TOKEN and DISCORD_APPLICATION_ID")),
  notifyFailure: () => Promise.reject(new UnrecoverableError("Discord is not configured in this worker")),
};

registerSink("discord", (config, { metrics, store }) => {
  if (!config.discord) return unconfigured;
  const rest = createRest(config.discord);
  if (metrics) countApiErrors(rest, metrics);
  return createDiscordSink(rest, { applicationId: config.discord.applicationId, log: (line) => console.warn(`archie: ${line}`), store });
});
