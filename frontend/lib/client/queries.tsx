/**
 * The signed-in pages' read cache: one entry per query key, shared by every component that reads it.
 *
 * It replaces TanStack Query, whose ~12 KB gzipped were most of what kept /tasks over issue 13's 150 KB of first-load
 * JS. It keeps what the pages used: data from the HTML, checked again once the page runs; a stale time; refetching when
 * the tab or the network comes back; retries by a policy; one fetch per key, a newer one superseding it; cancelling at
 * sign-out and before an optimistic edit; edits across every entry that can be put back; invalidation after writes.
 * The price: entries are never collected (sign-in and sign-out are full page loads that drop them), no devtools, no
 * paused queries while offline, no structural sharing, and the code is ours to keep.
 */
import { createContext, type ReactNode, use, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

/** What an entry is fetching: all of its data again, or "more" of it (the next page of a list). */
type Entry<T> = { data?: T; error?: unknown; fetching: "all" | "more" | null; updatedAt: number };
/** Fetches an entry's data, given what it holds now (a list refetches as many pages as it has). */
export type Load<T> = (current: T | undefined) => Promise<T>;
export type QueryPolicy = { staleMs: number; retry: (failures: number, error: unknown) => boolean; sleep?: (ms: number) => Promise<void> };

type Slot<T> = { entry: Entry<T>; run: number; listeners: Set<() => void>; observers: number; load?: Load<T> };

// TanStack Query's default back-off: 1 s, 2 s, 4 s… up to 30 s.
const retryDelayMs = (failures: number) => Math.min(1000 * 2 ** failures, 30_000);
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The entries of one kind of data, keyed by a string (the query's parameters, serialised). */
export class QueryStore<T> {
  readonly #slots = new Map<string, Slot<T>>();

  constructor(private readonly policy: QueryPolicy, private readonly now = Date.now) {}

  #slot(key: string, initial?: T): Slot<T> {
    let slot = this.#slots.get(key);
    // Seeded data counts as fetched long ago, so its first reader checks it again.
    if (!slot) this.#slots.set(key, (slot = { entry: { data: initial, fetching: null, updatedAt: 0 }, run: 0, listeners: new Set(), observers: 0 }));
    return slot;
  }

  #set(slot: Slot<T>, change: Partial<Entry<T>>) {
    slot.entry = { ...slot.entry, ...change };
    slot.listeners.forEach((listener) => listener());
  }

  /** The entry for `key`, created with `initial` if it has none; the same object until it changes. */
  get(key: string, initial?: T): Entry<T> {
    return this.#slot(key, initial).entry;
  }

  subscribe(key: string, listener: () => void): () => void {
    const { listeners } = this.#slot(key);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Runs `load` for `key`, superseding what it was fetching, retrying as the policy says. Never rejects. */
  async fetch(key: string, load: Load<T>, kind: "all" | "more" = "all"): Promise<void> {
    const slot = this.#slot(key);
    const run = ++slot.run;
    this.#set(slot, { fetching: kind });
    for (let failures = 0; ; failures++) {
      try {
        const data = await load(slot.entry.data);
        if (run === slot.run) this.#set(slot, { data, error: undefined, fetching: null, updatedAt: this.now() });
        return;
      } catch (error) {
        if (run !== slot.run) return;
        // A failed refetch keeps the data it had: the page shows it with the error.
        if (!this.policy.retry(failures, error)) return this.#set(slot, { error, fetching: null });
        await (this.policy.sleep ?? wait)(retryDelayMs(failures));
        if (run !== slot.run) return;
      }
    }
  }

  #refetchIfStale(key: string, slot: Slot<T>) {
    if (slot.observers > 0 && slot.load && !slot.entry.fetching && this.now() - slot.entry.updatedAt >= this.policy.staleMs) void this.fetch(key, slot.load);
  }

  /** A mounted reader of `key`: fetched now if stale, and again on invalidation. Returns the way to stop. */
  observe(key: string, load: Load<T>): () => void {
    const slot = this.#slot(key);
    slot.observers++;
    slot.load = load;
    this.#refetchIfStale(key, slot);
    return () => void slot.observers--;
  }

  /** Refetches every observed entry that is stale and not on its way already (the tab came back). */
  refetchStale() {
    for (const [key, slot] of this.#slots) this.#refetchIfStale(key, slot);
  }

  /** Marks every entry stale and refetches the observed ones, superseding fetches begun before a write. */
  invalidate(): Promise<void> {
    const refetches: Array<Promise<void>> = [];
    for (const [key, slot] of this.#slots) {
      slot.entry = { ...slot.entry, updatedAt: 0 };
      if (slot.observers > 0 && slot.load) refetches.push(this.fetch(key, slot.load));
    }
    return Promise.all(refetches).then(() => undefined);
  }

  /** Drops what every entry is fetching: its answer, when it comes, is ignored. */
  cancel() {
    for (const slot of this.#slots.values()) {
      slot.run++;
      if (slot.entry.fetching) this.#set(slot, { fetching: null });
    }
  }

  /** Sets `key`'s data as fresh, e.g. from the answer to a write. */
  put(key: string, data: T) {
    this.#set(this.#slot(key), { data, error: undefined, updatedAt: this.now() });
  }

  /** Applies `edit` to every entry's data at once (an optimistic write); returns what puts them back. */
  edit(edit: (data: T) => T): () => void {
    const before = [...this.#slots.values()].map((slot) => [slot, slot.entry.data] as const);
    for (const [slot, data] of before) if (data !== undefined) this.#set(slot, { data: edit(data) });
    return () => before.forEach(([slot, data]) => this.#set(slot, { data }));
  }
}

type Cache = { policy: QueryPolicy; stores: Set<Pick<QueryStore<unknown>, "cancel" | "refetchStale">> };
const CacheContext = createContext<Cache | null>(null);

function useCache(): Cache {
  const cache = use(CacheContext);
  if (!cache) throw new Error("queries need a <QueryProvider>");
  return cache;
}

/** Holds the policy and the stores of one signed-in user; refetches stale data when the tab or the network comes back. */
export function QueryProvider({ policy, children }: { policy: QueryPolicy; children: ReactNode }) {
  const [cache] = useState<Cache>(() => ({ policy, stores: new Set() }));
  useEffect(() => {
    const refetch = () => document.visibilityState === "visible" && cache.stores.forEach((store) => store.refetchStale());
    document.addEventListener("visibilitychange", refetch);
    window.addEventListener("online", refetch);
    return () => {
      document.removeEventListener("visibilitychange", refetch);
      window.removeEventListener("online", refetch);
    };
  }, [cache]);
  return <CacheContext value={cache}>{children}</CacheContext>;
}

/** A store for one kind of data, living as long as the component that creates it. */
export function useQueryStore<T>(): QueryStore<T> {
  const cache = useCache();
  const [store] = useState(() => new QueryStore<T>(cache.policy));
  useEffect(() => {
    cache.stores.add(store);
    return () => void cache.stores.delete(store);
  }, [cache, store]);
  return store;
}

/** Cancels every store's fetches, e.g. before signing out, so none meets the ended session. */
export function useCancelQueries(): () => void {
  const cache = useCache();
  return useCallback(() => cache.stores.forEach((store) => store.cancel()), [cache]);
}

type ReadOptions<T> = { initialData?: T; enabled?: boolean; keepPrevious?: boolean };

/**
 * Reads `key` from `store`, fetching it with `load` while mounted and enabled. With `keepPrevious`, the
 * last data shown stays while a new key's first fetch is on its way, instead of a flash of nothing.
 */
export function useQuery<T>(store: QueryStore<T>, key: string, load: Load<T>, { initialData, enabled = true, keepPrevious = false }: ReadOptions<T> = {}) {
  const entry = useSyncExternalStore(
    useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]),
    () => store.get(key, initialData),
    () => store.get(key, initialData),
  );
  // The latest `load` (it closes over the render's props) without observing again on every render.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => (enabled ? store.observe(key, (current) => loadRef.current(current)) : undefined), [store, key, enabled]);

  const [previous, setPrevious] = useState(entry.data);
  if (keepPrevious && entry.data !== undefined && entry.data !== previous) setPrevious(entry.data);
  const data = entry.data ?? (keepPrevious && entry.error === undefined ? previous : undefined);
  return {
    data,
    error: entry.error,
    isError: entry.error !== undefined,
    isPending: data === undefined && entry.error === undefined,
    fetching: entry.fetching,
    refetch: () => store.fetch(key, loadRef.current),
  };
}
