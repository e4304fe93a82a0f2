import { describe, expect, it, vi } from "vitest";
import { type QueryPolicy, QueryStore } from "./queries";

/** A promise the test settles by hand, to hold a fetch open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

function storeAt(clock: { now: number }, retry: QueryPolicy["retry"] = () => false) {
  return new QueryStore<string>({ staleMs: 30_000, retry, sleep: async () => {} }, () => clock.now);
}

describe("QueryStore", () => {
  it("checks data that came in the HTML again as soon as someone reads it", async () => {
    const store = storeAt({ now: 1_000_000 });
    expect(store.get("k", "from the HTML").data).toBe("from the HTML");
    const load = vi.fn(async () => "fresh");
    store.observe("k", load);
    expect(store.get("k").fetching).toBe("all");
    await vi.waitFor(() => expect(store.get("k").data).toBe("fresh"));
    expect(load).toHaveBeenCalledWith("from the HTML");
  });

  it("does not fetch again while the data is fresh, and does once it is stale", async () => {
    const clock = { now: 1_000_000 };
    const store = storeAt(clock);
    const load = vi.fn(async () => "data");
    await store.fetch("k", load);
    store.observe("k", load)();
    expect(load).toHaveBeenCalledTimes(1);
    clock.now += 30_000;
    store.observe("k", load);
    store.refetchStale();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("ignores the answer of a fetch a newer one superseded", async () => {
    const store = storeAt({ now: 1 });
    const old = deferred<string>();
    const first = store.fetch("k", () => old.promise);
    await store.fetch("k", async () => "new");
    old.resolve("old");
    await first;
    expect(store.get("k")).toMatchObject({ data: "new", fetching: null });
  });

  it("ignores the answer, or the failure, of a cancelled fetch", async () => {
    const store = storeAt({ now: 1 }, () => true);
    const pending = deferred<string>();
    const fetch = store.fetch("k", () => pending.promise);
    store.cancel();
    expect(store.get("k").fetching).toBeNull();
    pending.reject(new Error("signed out"));
    await fetch;
    expect(store.get("k").data).toBeUndefined();
    expect(store.get("k").error).toBeUndefined();
  });

  it("retries while the policy says so, then keeps the old data beside the error", async () => {
    const store = storeAt({ now: 1 }, (failures: number) => failures < 2);
    store.put("k", "old");
    const load = vi.fn(async () => Promise.reject(new Error("down")));
    await store.fetch("k", load);
    expect(load).toHaveBeenCalledTimes(3);
    expect(store.get("k")).toMatchObject({ data: "old", error: new Error("down"), fetching: null });
  });

  it("refetches the observed entries on invalidation and marks the others stale", async () => {
    const clock = { now: 1_000_000 };
    const store = storeAt(clock);
    store.put("seen", "a");
    store.put("unseen", "b");
    const load = vi.fn(async () => "a2");
    store.observe("seen", load);
    await store.invalidate();
    expect(store.get("seen").data).toBe("a2");
    const later = vi.fn(async () => "b2");
    store.observe("unseen", later);
    expect(later).toHaveBeenCalledOnce();
  });

  it("edits every entry at once and puts them back", () => {
    const store = storeAt({ now: 1 });
    store.put("a", "x");
    store.put("b", "y");
    store.get("empty");
    const undo = store.edit((data) => `${data}!`);
    expect([store.get("a").data, store.get("b").data, store.get("empty").data]).toEqual(["x!", "y!", undefined]);
    undo();
    expect([store.get("a").data, store.get("b").data]).toEqual(["x", "y"]);
  });

  it("tells a key's subscribers of each change, and keeps the entry the same object until then", () => {
    const store = storeAt({ now: 1 });
    const listener = vi.fn();
    const stop = store.subscribe("k", listener);
    const before = store.get("k");
    expect(store.get("k")).toBe(before);
    store.put("k", "v");
    expect(listener).toHaveBeenCalledOnce();
    stop();
    store.put("k", "w");
    expect(listener).toHaveBeenCalledOnce();
  });
});
