import type { Load } from "../capacity.js";
import type { Resolved } from "../resolve.js";
import { chooseShape } from "../shape/choose.js";
import { appTier } from "./app-tier.js";
import { databaseTier } from "./database.js";
import { cacheTier, historyTier, objectStorageTier, olapTier, searchTier } from "./data-tier.js";
import { brokerTier, clientTier, edgeTier, monitoringTier } from "./edge-tier.js";
import { gpuTier, transcodingTier } from "./special-compute.js";
import { mergeParts, type Design, type DesignContext, type DesignOptions } from "./types.js";
import { wire } from "./wiring.js";

export type { BillLine, Deployment, Design, DesignOptions, LeverTag, Resource, Setting } from "./types.js";

export const DEFAULT_DESIGN_OPTIONS: DesignOptions = { targetUtilisation: 0.6 };

/**
 * Chooses the rung's parts for `load` from their triggers, then sizes each one; the same resolved
 * requirements at a higher load give the roadmap's phases, with the triggers re-evaluated.
 */
export function buildDesign(r: Resolved, load: Load, options: DesignOptions = DEFAULT_DESIGN_OPTIONS): Design {
  const shape = chooseShape(r, load, { target: options.targetUtilisation, minDbReplicas: options.minDbReplicas, minDbShards: options.minDbShards, ignoreUserChoices: options.ignoreUserChoices });
  const ctx: DesignContext = { r, load, options, azs: r.availability >= 99.95 ? 3 : 2, regions: r.areas.length, shape };
  const app = appTier(ctx);
  const pods = app.part.components.filter((c) => c.tier === "application" || c.tier === "async" || c.id === "pooler").reduce((n, c) => n + c.count, 0);
  const part = mergeParts([
    clientTier(ctx),
    edgeTier(ctx),
    app.part,
    gpuTier(ctx),
    transcodingTier(ctx),
    cacheTier(ctx),
    databaseTier(ctx),
    historyTier(ctx),
    searchTier(ctx),
    olapTier(ctx),
    objectStorageTier(ctx),
    brokerTier(ctx),
    monitoringTier(ctx, pods),
  ]);
  part.edges = wire(part.components, r.profile);
  return { ...part, r, load, shape, deployments: app.deployments };
}
