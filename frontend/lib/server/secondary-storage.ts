import "server-only";
/**
 * Better Auth's shared store across frontend instances: Redis through @better-auth/redis-storage,
 * made to degrade instead of fail while Redis is down (see README, "Running two of everything").
 */
import { redisStorage } from "@better-auth/redis-storage";
import type { SecondaryStorage } from "better-auth";
import { Redis } from "ioredis";

type Log = (message: string) => void;

/**
 * Wraps a store so that an outage costs sharing, not availability. Sessions are also kept in the
 * database, so a failed read answers "not here" and Better Auth looks there; failed writes are
 * dropped; rate-limit counts fall back to this instance's memory, so limits still hold, per instance.
 */
export function degradeGracefully(store: SecondaryStorage, log: Log, now = Date.now): SecondaryStorage {
  const local = new Map<string, { count: number; expiresAt: number }>();
  let down = false;
  const failed = (error: unknown) => {
    if (!down) log(`Redis unavailable, falling back to the database and local rate limits: ${(error as Error).message}`);
    down = true;
  };
  const recovered = () => {
    if (down) log("Redis is back: sessions and rate limits are shared again.");
    down = false;
  };
  async function guarded<T>(call: () => Promise<T> | T, fallback: () => T): Promise<T> {
    try {
      const result = await call();
      recovered();
      return result;
    } catch (error) {
      failed(error);
      return fallback();
    }
  }
  const countLocally = (key: string, ttlSeconds: number) => {
    const entry = local.get(key);
    const fresh = !entry || entry.expiresAt <= now();
    const next = fresh ? { count: 1, expiresAt: now() + ttlSeconds * 1000 } : { ...entry, count: entry.count + 1 };
    local.set(key, next);
    return next.count;
  };
  return {
    get: (key) => guarded(() => store.get(key), () => null),
    getAndDelete: (key) => guarded(() => store.getAndDelete(key), () => null),
    set: (key, value, ttl) => guarded(() => store.set(key, value, ttl), () => undefined),
    delete: (key) => guarded(() => store.delete(key), () => undefined),
    increment: (key, ttl) => guarded(() => store.increment(key, ttl), () => countLocally(key, ttl)),
  };
}

/**
 * The Redis-backed store for REDIS_URL. Commands wait for the connection (so the first ones after a
 * start are not counted locally) but give up after half a second, so an outage costs little time.
 */
export function createSecondaryStorage(redisUrl: string, log: Log = console.warn): SecondaryStorage {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 1_000 });
  // Without a listener ioredis reports every reconnect attempt as an unhandled error.
  client.on("error", () => undefined);
  return degradeGracefully(redisStorage({ client, keyPrefix: "tasks-auth:" }), log);
}
