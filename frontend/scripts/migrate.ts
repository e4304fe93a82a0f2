/** Creates or updates the Better Auth tables: the core ones, jwks, and the plugins' own (revocation, deviceCode). */
import nextEnv from "@next/env";
import { getMigrations } from "better-auth/db/migration";
import { authOptions, noTokens } from "../lib/auth-options";
import { parseEnv } from "../lib/env";

nextEnv.loadEnvConfig(process.cwd());
const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(authOptions(parseEnv(process.env), noTokens));
if (toBeCreated.length === 0 && toBeAdded.length === 0) {
  console.log("auth database: up to date");
} else {
  await runMigrations();
  console.log(`auth database: created ${toBeCreated.map((t) => t.table).join(", ") || "no tables"}, updated ${toBeAdded.length}`);
}
process.exit(0);
