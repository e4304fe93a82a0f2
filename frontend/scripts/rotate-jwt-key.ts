/**
 * Rotates the JWT signing key in jwks mode: creates a new Ed25519 key, which Better Auth signs with
 * from then on. Older keys stay published at /api/auth/jwks, so the tokens they signed still verify.
 * Run with `tsx --conditions=react-server` (`npm run rotate-jwt-key`): the auth modules under lib/server are
 * server-only, and that condition resolves the `server-only` marker to an empty module outside Next.
 */
import nextEnv from "@next/env";
import { betterAuth } from "better-auth";
import { createJwk } from "better-auth/plugins";
import { authOptions, noTokens } from "../lib/server/auth-options";
import { parseEnv } from "../lib/server/env";

nextEnv.loadEnvConfig(process.cwd());
const env = parseEnv(process.env);
if (env.JWT_MODE !== "jwks") {
  console.error("JWT_MODE is not jwks: tokens are signed with BETTER_AUTH_SECRET. To rotate that, see the README.");
  process.exit(1);
}
const auth = betterAuth(authOptions(env, noTokens));
// The same plugin options the server runs with, so the key gets the same algorithm and curve.
const plugin = auth.options.plugins.find((candidate) => candidate.id === "jwt");
// createJwk reads only the adapter and the secret from its endpoint context.
const context = { context: await auth.$context } as Parameters<typeof createJwk>[0];
const key = await createJwk(context, plugin?.options);
console.log(`New signing key: ${key.id}`);
process.exit(0);
