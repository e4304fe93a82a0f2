import "server-only";
/** The Better Auth configuration shared by the Next.js server, the migration script and the conformance tests. */
import type { BetterAuthOptions } from "better-auth";
import { APIError } from "better-auth/api";
import { jwt } from "better-auth/plugins";
import { SignJWT } from "jose";
import { passwordResetEmail, verificationEmail } from "./account-emails";
import { PASSWORD_MAX, PASSWORD_MIN, userFieldProblem } from "../auth-limits";
import { AUTH_RATE_LIMITS } from "./auth-rate-limits";
import { openDatabase } from "./database";
import { deleteTasksFirst, type MintToken } from "./delete-account";
import { deviceSignIn } from "./device-sign-in";
import type { Env } from "./env";
import { createMailer } from "./mailer";
import { createRevocationFeed } from "./revocation-feed";
import { createSecondaryStorage } from "./secondary-storage";
import { isHttps } from "../security-headers";

/** JWTs last 15 minutes; a revoked session's token is refused well before that (lib/revocation-feed.ts). */
export const TOKEN_LIFETIME_SECONDS = 15 * 60;
/** Revocations stay published for a token's lifetime, the API's 30 s of clock leeway, and a margin. */
const REVOCATIONS_KEPT_SECONDS = TOKEN_LIFETIME_SECONDS + 60;

function jwtPlugin(env: Env) {
  const claims = {
    issuer: env.BETTER_AUTH_URL,
    audience: env.NEXT_PUBLIC_API_URL,
    expirationTime: `${TOKEN_LIFETIME_SECONDS}s`,
    // The API needs the id (`sub`, added by the plugin), a name to show, and the session's id (`sid`) to
    // notice its revocation; never the session's token, which is a credential of its own.
    definePayload: ({ user, session }: { user: { email: string; name: string }; session: { id: string } }) => ({ email: user.email, name: user.name, sid: session.id }),
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

/** Refuses a user row whose name or email is over the limits, whichever endpoint writes it. */
async function withinLimits(user: { name?: unknown; email?: unknown }) {
  const problem = userFieldProblem(user);
  if (problem) throw new APIError("BAD_REQUEST", problem);
}

/** Verification links sent at sign-up and on a refused sign-in alike land on the page that explains a bad link. */
function verifyPageLink(url: string): string {
  const link = new URL(url);
  link.searchParams.set("callbackURL", "/verify-email");
  return link.href;
}

/** For scripts (migrations, key rotation) that build the options but serve no requests. */
export const noTokens: MintToken = () => Promise.reject(new Error("This process serves no requests and mints no tokens."));

/** `mintToken` is the built instance's `api.getToken`, which account deletion needs; scripts that never delete pass `noTokens`. */
export function authOptions(env: Env, mintToken: MintToken) {
  const send = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.OUTBOX_DIR });
  const verifyEmails = env.EMAIL_VERIFICATION === "on";
  const revocations = createRevocationFeed({ keepSeconds: REVOCATIONS_KEPT_SECONDS });
  return {
    appName: "Tasks",
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.BETTER_AUTH_URL,
    database: openDatabase(env.DATABASE_URL),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      requireEmailVerification: verifyEmails,
      sendResetPassword: ({ user, url }) => send(passwordResetEmail(user, url)),
      // Whoever needed a reset may not be the only one who knew the old password: sign every device out.
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: revocations.onPasswordReset,
    },
    emailVerification: {
      sendOnSignUp: verifyEmails,
      sendOnSignIn: verifyEmails,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }) => send(verificationEmail(user, verifyPageLink(url))),
    },
    user: { deleteUser: { enabled: true, beforeDelete: deleteTasksFirst(env.NEXT_PUBLIC_API_URL, mintToken) } },
    databaseHooks: { user: { create: { before: withinLimits }, update: { before: withinLimits } } },
    rateLimit: { enabled: env.AUTH_RATE_LIMIT === "on", customRules: AUTH_RATE_LIMITS },
    // Only this app's own origin may post to the auth endpoints; named here rather than inferred.
    trustedOrigins: [new URL(env.BETTER_AUTH_URL).origin],
    advanced: {
      useSecureCookies: isHttps(env.BETTER_AUTH_URL),
      // server.ts rewrites this header to the one address it trusts (the socket, or a TRUSTED_PROXIES hop),
      // so rate limits and session addresses cannot be chosen by the client.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    ...(env.REDIS_URL && {
      secondaryStorage: createSecondaryStorage(env.REDIS_URL),
      // Kept in the database too, so sign-in and session checks survive a Redis outage.
      session: { storeSessionInDatabase: true },
    }),
    plugins: [jwtPlugin(env), revocations.plugin, ...deviceSignIn({ lifetimeSeconds: env.DEVICE_CODE_LIFETIME_SECONDS })],
  } satisfies BetterAuthOptions;
}
