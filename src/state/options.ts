/** Checks a numeric setting up front so a typo fails at start-up with its name, not mid-conversation. */
export function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen <= 0) {
    throw new RangeError(`${name} must be a positive whole number, got ${String(value)}`);
  }
  return chosen;
}

/** Like positiveInteger but allows 0 (for "do not wait at all"). */
export function nonNegativeInteger(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < 0) {
    throw new RangeError(`${name} must be zero or a positive whole number, got ${String(value)}`);
  }
  return chosen;
}

export function assertEventId(eventId: string): void {
  if (typeof eventId !== "string" || eventId.length === 0) {
    throw new TypeError(`event id must be a non-empty string, got ${JSON.stringify(eventId)}`);
  }
}
