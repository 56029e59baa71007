import { randomUUID } from "node:crypto";

interface Holder {
  token: string;
  /** The turn holding it, when named: a later run of the same turn takes the lock over. */
  owner: string | undefined;
  expiresAt: number;
  expiryTimer: NodeJS.Timeout;
}

interface Waiter {
  owner: string | undefined;
  grant: (token: string) => void;
  fail: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  holder: Holder | undefined;
  /** First come, first served: a released lock goes straight to the oldest waiter. */
  waiters: Waiter[];
}

/**
 * In-process per-name locks with a FIFO of waiters and a time to live per hold, so a turn that
 * never finishes cannot block its thread for longer than `lockTtlMs`.
 */
export class LockTable {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly now: () => number,
    private readonly lockTtlMs: number,
  ) {}

  /**
   * Resolves with a token once the lock is held; rejects with `busy()` after `waitMs`. A hold by
   * the same `owner` is taken over at once (that earlier run was abandoned).
   */
  acquire(name: string, waitMs: number, busy: () => Error, owner?: string): Promise<string> {
    const existing = this.slots.get(name);
    if (existing !== undefined) this.expireIfDue(name, existing);
    // A slot stays in the map only while someone holds it, so no slot means free.
    const slot = this.slots.get(name);
    if (slot === undefined) {
      const fresh: Slot = { holder: undefined, waiters: [] };
      this.slots.set(name, fresh);
      return Promise.resolve(this.grant(name, fresh, owner));
    }
    if (owner !== undefined && slot.holder?.owner === owner) {
      clearTimeout(slot.holder.expiryTimer);
      return Promise.resolve(this.grant(name, slot, owner));
    }
    if (waitMs === 0) {
      return Promise.reject(busy());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        owner,
        grant: resolve,
        fail: reject,
        timer: setTimeout(() => {
          slot.waiters = slot.waiters.filter((w) => w !== waiter);
          reject(busy());
        }, waitMs),
      };
      slot.waiters.push(waiter);
    });
  }

  /** True while `token` holds the lock and its hold has not expired. */
  holds(name: string, token: string): boolean {
    const holder = this.slots.get(name)?.holder;
    return holder !== undefined && holder.token === token && holder.expiresAt > this.now();
  }

  /** Releases the lock if `token` still holds it; a stale token changes nothing. */
  release(name: string, token: string): void {
    const slot = this.slots.get(name);
    if (slot?.holder?.token === token) this.passOn(name, slot);
  }

  /** Fails every waiter and forgets every hold. */
  close(error: Error): void {
    for (const slot of this.slots.values()) {
      if (slot.holder) clearTimeout(slot.holder.expiryTimer);
      for (const waiter of slot.waiters) {
        clearTimeout(waiter.timer);
        waiter.fail(error);
      }
    }
    this.slots.clear();
  }

  private grant(name: string, slot: Slot, owner: string | undefined): string {
    const token = randomUUID();
    const expiryTimer = setTimeout(() => this.onExpiry(name, token), this.lockTtlMs);
    // An abandoned hold must not keep the process alive; waiters keep their own timers.
    expiryTimer.unref();
    slot.holder = { token, owner, expiresAt: this.now() + this.lockTtlMs, expiryTimer };
    return token;
  }

  private onExpiry(name: string, token: string): void {
    const slot = this.slots.get(name);
    const holder = slot?.holder;
    if (slot === undefined || holder?.token !== token) return;
    const remaining = holder.expiresAt - this.now();
    if (remaining <= 0) {
      this.passOn(name, slot);
    } else {
      // The injected clock runs behind the timer: look again when it says the hold is due.
      holder.expiryTimer = setTimeout(() => this.onExpiry(name, token), remaining);
      holder.expiryTimer.unref();
    }
  }

  private expireIfDue(name: string, slot: Slot): void {
    if (slot.holder !== undefined && slot.holder.expiresAt <= this.now()) this.passOn(name, slot);
  }

  /** Ends the current hold and hands the lock to the oldest waiter, or frees the slot. */
  private passOn(name: string, slot: Slot): void {
    if (slot.holder) clearTimeout(slot.holder.expiryTimer);
    slot.holder = undefined;
    const next = slot.waiters.shift();
    if (next === undefined) {
      this.slots.delete(name);
      return;
    }
    clearTimeout(next.timer);
    next.grant(this.grant(name, slot, next.owner));
  }
}
