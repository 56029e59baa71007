import { describe, expect, it } from "vitest";
import { ConfigError, loadJobsConfig } from "../../src/config.js";

describe("the worker's configuration", () => {
  it("requires REDIS_URL, saying why", () => {
    expect(() => loadJobsConfig({})).toThrow(ConfigError);
    expect(() => loadJobsConfig({})).toThrow(/^REDIS_URL is required here: the worker and the platform processes share their job queue through Redis/);
  });

  it("has defaults, and reads each variable", () => {
    expect(loadJobsConfig({ REDIS_URL: "redis://127.0.0.1:6379" })).toEqual({
      redisUrl: "redis://127.0.0.1:6379",
      queuePrefix: "archie-jobs",
      partitions: 16,
      concurrency: 8,
      attempts: 5,
      backoffMs: 1000,
      opsPort: 9464,
      opsPortSource: "default",
      shutdownGraceMs: 25_000,
      logLevel: "info",
      limits: { userPerMinute: 20, workspacePerMinute: 300, maxActiveThreads: 200 },
    });
    expect(loadJobsConfig({ REDIS_URL: "redis://r:6379", WORKER_CONCURRENCY: "32", JOB_PARTITIONS: "64", LOG_LEVEL: "debug" })).toMatchObject({ concurrency: 32, partitions: 64, logLevel: "debug" });
  });

  it("serves the ops endpoints on OPS_PORT, else on the PORT a process manager assigns each process", () => {
    expect(loadJobsConfig({ REDIS_URL: "redis://r:6379", PORT: "5100" })).toMatchObject({ opsPort: 5100, opsPortSource: "PORT" });
    expect(loadJobsConfig({ REDIS_URL: "redis://r:6379", PORT: "5100", OPS_PORT: "9500" })).toMatchObject({ opsPort: 9500, opsPortSource: "OPS_PORT" });
    expect(loadJobsConfig({ REDIS_URL: "redis://r:6379", PORT: "5100", OPS_PORT: "0" })).toMatchObject({ opsPort: 0, opsPortSource: "OPS_PORT" });
  });

  it("reads the shutdown grace period", () => {
    expect(loadJobsConfig({ REDIS_URL: "redis://r:6379", SHUTDOWN_GRACE_MS: "8000" }).shutdownGraceMs).toBe(8_000);
    expect(() => loadJobsConfig({ REDIS_URL: "redis://r:6379", SHUTDOWN_GRACE_MS: "soon" })).toThrow(/SHUTDOWN_GRACE_MS must be a whole number/);
  });

  it("names every bad variable", () => {
    expect(() => loadJobsConfig({ REDIS_URL: "redis://r:6379", WORKER_CONCURRENCY: "lots", OPS_PORT: "70000", LOG_LEVEL: "loud", JOB_QUEUE_PREFIX: "a:b" })).toThrow(
      /JOB_QUEUE_PREFIX may hold only.*WORKER_CONCURRENCY must be a whole number.*OPS_PORT .*LOG_LEVEL must be one of/,
    );
  });
});
