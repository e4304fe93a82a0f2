/**
 * Creates or updates the Better Auth tables: the core ones, jwks, and the plugins' own (revocation, deviceCode).
 * Run with `tsx --conditions=react-server` (`npm run migrate`): the auth modules under lib/server are
 * server-only, and that condition resolves the `server-only` marker to an empty module outside Next.
 */
import nextEnv from "@next/env";
import { getMigrations } from "better-auth/db/migration";
import { authOptions, noTokens } from "../lib/server/auth-options";
import { parseEnv } from "../lib/server/env";

nextEnv.loadEnvConfig(process.cwd());
const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(authOptions(parseEnv(process.env), noTokens));
if (toBeCreated.length === 0 && toBeAdded.length === 0) {
  console.log("auth database: up to date");
} else {
  await runMigrations();
  console.log(`auth database: created ${toBeCreated.map((t) => t.table).join(", ") || "no tables"}, updated ${toBeAdded.length}`);
}
process.exit(0);
