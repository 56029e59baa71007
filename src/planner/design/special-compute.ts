import { PRICES } from "../prices.js";
import { ceilCount } from "../units.js";
import { hourlyBasis, monthlyUsd, num, pct, replicasFor } from "./sizing.js";
import { emptyPart, type DesignContext, type Part } from "./types.js";

/** GPU model servers (ML inference): one model replica per g5.xlarge (NVIDIA A10G, 24 GB). */
export function gpuTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load, options, regions } = ctx;
  const gpu = r.profile.gpu;
  if (!gpu) return part;
  const service = r.profile.services.find((s) => s.id === gpu.serviceId);
  const peak = (load.peakRps * (service?.share ?? 1)) / regions;
  const perRegion = replicasFor(peak, gpu.rpsPerGpu, options.targetUtilisation);
  const count = perRegion * regions;
  const utilisation = peak / (perRegion * gpu.rpsPerGpu);
  const price = PRICES["ec2.g5.xlarge"].usd;
  part.components.push({
    id: "gpu", name: "Model servers (GPU)", type: "server", tier: "application", count, managed: false, utilisation,
    purpose: "vLLM/Triton replicas with continuous batching; one model copy per GPU",
    sizing: `g5.xlarge (1 × A10G 24 GB), ~${gpu.rpsPerGpu} req/s each with batching; ${num(peak)} req/s at peak → ${pct(utilisation)} busy`,
  });
  part.resources.push({
    id: "gpu-throughput", componentId: "gpu", title: "GPU inference throughput", load: peak, capacity: perRegion * gpu.rpsPerGpu, unit: "req/s",
    signal: "GPU utilisation > 80% or queue wait > 500 ms (vllm:num_requests_waiting)", fix: "add GPU replicas; quantise (AWQ/INT8) or distil to raise req/s per GPU; cache repeated prompts",
  });
  part.bill.push({ componentId: "gpu", item: `Model servers (${count} × g5.xlarge)`, category: "compute", lever: "compute", usdMonthly: monthlyUsd(count, price, r.priceFactor), basis: hourlyBasis(count, "g5.xlarge", price, r.priceFactor) });
  return part;
}

/** Video transcoding: batch CPU work sized from hours uploaded per day, run on interruptible capacity. */
export function transcodingTier(ctx: DesignContext): Part {
  const part = emptyPart();
  const { r, load } = ctx;
  const video = r.profile.video;
  if (!video) return part;
  const vcpuHoursPerDay = load.uploadHoursPerDay * video.vcpuHoursPerContentHour;
  // Uploads cluster in the evening like views: size for the peak hour, at 80% because batch work can queue.
  const peakVcpu = (vcpuHoursPerDay / 24) * r.peakFactor;
  const count = Math.max(2, ceilCount(peakVcpu / (4 * 0.8)) + 1);
  const utilisation = peakVcpu / (count * 4);
  const price = PRICES["ec2.c7g.xlarge"].usd;
  part.components.push({
    id: "transcoders", name: "Transcoding workers", type: "worker", tier: "async", count, managed: false, utilisation,
    purpose: "FFmpeg jobs: HLS/DASH ladders (1080p → 240p) written to object storage",
    sizing: `c7g.xlarge (4 vCPU); ${num(load.uploadHoursPerDay, 1)} h uploaded/day × ${video.vcpuHoursPerContentHour} vCPU-h per hour → ${num(peakVcpu, 1)} vCPU at peak → ${pct(utilisation)} busy`,
  });
  part.resources.push({
    id: "transcoders-cpu", componentId: "transcoders", title: "Transcoding capacity", load: peakVcpu, capacity: count * 4, unit: "vCPU",
    signal: "transcode queue age > 15 min", fix: "scale the Spot fleet on queue age; use hardware encoders (VT1/MediaConvert) at 10x",
  });
  part.bill.push({ componentId: "transcoders", item: `Transcoding workers (${count} × c7g.xlarge)`, category: "compute", lever: "compute-async", usdMonthly: monthlyUsd(count, price, r.priceFactor), basis: hourlyBasis(count, "c7g.xlarge", price, r.priceFactor) });
  return part;
}
