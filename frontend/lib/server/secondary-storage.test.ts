import type { SecondaryStorage } from "better-auth";
import { describe, expect, it, vi } from "vitest";
import { degradeGracefully } from "./secondary-storage";

const broken = (): SecondaryStorage => {
  const fail = () => Promise.reject(new Error("connection refused"));
  return { get: fail, getAndDelete: fail, set: fail, delete: fail, increment: fail };
};

describe("degradeGracefully", () => {
  it("answers 'not here' for reads and drops writes while the store is down", async () => {
    const store = degradeGracefully(broken(), () => undefined);
    await expect(store.get("session")).resolves.toBeNull();
    await expect(store.set("session", "{}", 60)).resolves.toBeUndefined();
    await expect(store.delete("session")).resolves.toBeUndefined();
  });

  it("keeps counting rate limits locally, per window", async () => {
    let clock = 0;
    const store = degradeGracefully(broken(), () => undefined, () => clock);
    expect([await store.increment("ip", 60), await store.increment("ip", 60)]).toEqual([1, 2]);
    clock = 60_000;
    expect(await store.increment("ip", 60)).toBe(1);
  });

  it("logs once when the store goes away and once when it comes back", async () => {
    const log = vi.fn();
    let healthy = false;
    const flaky: SecondaryStorage = { ...broken(), get: () => (healthy ? "value" : Promise.reject(new Error("down"))) };
    const store = degradeGracefully(flaky, log);
    await store.get("a");
    await store.get("a");
    healthy = true;
    expect(await store.get("a")).toBe("value");
    expect(log.mock.calls.map(([message]) => String(message).split(":")[0])).toEqual([
      "Redis unavailable, falling back to the database and local rate limits",
      "Redis is back",
    ]);
  });
});
