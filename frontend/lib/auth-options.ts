/** The Better Auth configuration shared by the Next.js server, the migration script and the conformance tests. */
import type { BetterAuthOptions } from "better-auth";
import { jwt } from "better-auth/plugins";
import { SignJWT } from "jose";
import { openDatabase } from "./database";
import type { Env } from "./env";

/** JWTs last 15 minutes: the longest a signed-out session's token can still reach the API. */
export const TOKEN_LIFETIME = "15m";

function jwtPlugin(env: Env) {
  const claims = {
    issuer: env.BETTER_AUTH_URL,
    audience: env.NEXT_PUBLIC_API_URL,
    expirationTime: TOKEN_LIFETIME,
    // The API needs the id (`sub`, added by the plugin) and a name to show, not the whole user row.
    definePayload: ({ user }: { user: { email: string; name: string } }) => ({ email: user.email, name: user.name }),
  };
  if (env.JWT_MODE === "jwks") {
    return jwt({ jwks: { keyPairConfig: { alg: "EdDSA", crv: "Ed25519" } }, jwt: claims, disableSettingJwtHeader: true });
  }
  // The plugin only signs asymmetrically; HS256 with the shared secret goes through its `sign` hook,
  // which better-auth accepts only together with `remoteUrl` and `keyPairConfig.alg`. No JWKS is
  // published in this mode, so the URL merely names where one would live.
  const key = new TextEncoder().encode(env.BETTER_AUTH_SECRET);
  return jwt({
    jwks: { remoteUrl: `${env.BETTER_AUTH_URL}/api/auth/jwks`, keyPairConfig: { alg: "EdDSA" } },
    jwt: {
      ...claims,
      sign: (payload) => new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(key),
    },
    disableSettingJwtHeader: true,
  });
}

export function authOptions(env: Env) {
  return {
    appName: "Tasks",
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.BETTER_AUTH_URL,
    database: openDatabase(env.DATABASE_URL),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    rateLimit: { enabled: env.AUTH_RATE_LIMIT === "on" },
    plugins: [jwtPlugin(env)],
  } satisfies BetterAuthOptions;
}
