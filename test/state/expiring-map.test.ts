import { describe, expect, it } from "vitest";
import { ExpiringMap } from "../../src/state/expiring-map.js";

describe("ExpiringMap", () => {
  it("forgets an entry at its time to live", () => {
    let now = 0;
    const map = new ExpiringMap<string>(() => now);
    map.set("a", "1", 100);
    now = 99;
    expect(map.get("a")).toBe("1");
    now = 100;
    expect(map.get("a")).toBeUndefined();
  });

  it("sweeps expired entries nobody reads again", () => {
    let now = 0;
    const map = new ExpiringMap<number>(() => now, 10);
    for (let i = 0; i < 9; i += 1) map.set(`old${i}`, i, 50);
    now = 60;
    expect(map.size).toBe(9);
    map.set("fresh", 1, 50);
    expect(map.size).toBe(1);
  });
});
