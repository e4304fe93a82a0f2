/** For unit tests: a real Better Auth on a migrated in-memory SQLite, at ORIGIN, with email and password on. */
import Database from "better-sqlite3";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";

export const ORIGIN = "http://tasks.test";

export async function startTestAuth<Options extends BetterAuthOptions>(options: Options) {
  const full = {
    secret: "a-test-secret-of-at-least-32-characters",
    baseURL: ORIGIN,
    database: new Database(":memory:"),
    emailAndPassword: { enabled: true },
    ...options,
  };
  await (await getMigrations(full)).runMigrations();
  return betterAuth(full);
}
