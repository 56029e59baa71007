import { Worker, type Job, type Processor, type WorkerOptions } from "bullmq";
import type { Semaphore } from "./semaphore.js";

/**
 * A partition's BullMQ worker that takes a job only while its process has a turn slot free, and
 * keeps that slot for as long as it has a job (BullMQ hands a worker the partition's next job as
 * it finishes one). A process therefore never holds a job it cannot start: were it to, that
 * partition would sit behind it while another process idled, and since each finished job fetches
 * its partition's next, the first process to start would keep the partitions it took.
 */
export class SlottedWorker extends Worker<unknown> {
  private slot: (() => void) | undefined;

  constructor(
    name: string,
    processor: Processor<unknown>,
    options: WorkerOptions,
    private readonly slots: Semaphore,
  ) {
    super(name, processor, options);
  }

  protected override async moveToActive(token: string, name?: string): Promise<Job<unknown>> {
    this.slot ??= await this.slots.acquire();
    try {
      // While this waited for a slot, close() may have begun; a closing worker takes nothing.
      // (BullMQ's own moveToActive also yields undefined when there is no job, whatever its type says.)
      const job = this.closing ? undefined : await super.moveToActive(token, name);
      if (!job) this.freeSlot();
      return job as Job<unknown>;
    } catch (error) {
      this.freeSlot();
      throw error;
    }
  }

  protected override async handleCompleted(...args: Parameters<Worker<unknown>["handleCompleted"]>): Promise<Job<unknown>> {
    return this.keepSlotIfNext(await super.handleCompleted(...args));
  }

  protected override async handleFailed(...args: Parameters<Worker<unknown>["handleFailed"]>): Promise<Job<unknown>> {
    return this.keepSlotIfNext(await super.handleFailed(...args));
  }

  /**
   * A finished job's result says whether BullMQ fetched the partition's next job for this worker.
   * If it did, the slot goes on to that job; if not, the worker is idle and gives the slot back.
   * (When finishing throws, the worker still holds the job, and the slot stays with it.)
   */
  private keepSlotIfNext(next: Job<unknown> | undefined): Job<unknown> {
    if (!next) this.freeSlot();
    return next as Job<unknown>;
  }

  private freeSlot(): void {
    this.slot?.();
    this.slot = undefined;
  }
}
