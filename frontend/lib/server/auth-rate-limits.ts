import "server-only";
/** Better Auth's per-IP request budgets for the endpoints that guess passwords, create accounts, send email or sign terminals in. */

/** Paths are relative to /api/auth; `window` is in seconds. Everything else keeps Better Auth's defaults. */
export const AUTH_RATE_LIMITS = {
  // Each call checks a password: a few honest typos a minute, far too few to guess one.
  "/sign-in/email": { window: 60, max: 5 },
  "/change-password": { window: 60, max: 5 },
  "/delete-user": { window: 60, max: 5 },
  // A household or an office may share one address, but nobody creates more than a few accounts an hour.
  "/sign-up/email": { window: 3600, max: 5 },
  // Each of these sends an email: keep the app from being used to flood someone's inbox.
  "/request-password-reset": { window: 900, max: 3 },
  "/send-verification-email": { window: 900, max: 3 },
  // The token is unguessable; this only caps pointless retries.
  "/reset-password": { window: 600, max: 10 },
  // Device sign-in (lib/device-sign-in.ts). Each new code is a database row; a few terminals at once at most.
  "/device/code": { window: 60, max: 10 },
  // A terminal polls every 5 s (12 a minute); room for two or three waiting at once behind one address.
  "/device/token": { window: 60, max: 40 },
  // Looking a code up claims it for the signed-in person: keep guessing someone else's code hopeless.
  "/device": { window: 60, max: 10 },
  "/device/approve": { window: 60, max: 10 },
  "/device/deny": { window: 60, max: 10 },
  // The API follows the revocation feed four times a second, from one address, for as long as it runs.
  // Better Auth's window only restarts after `window` seconds without a request, so any budget would run
  // out for such a follower (the default one after 25 s), and sign-out would stop reaching the API.
  "/revocations": false,
} as const;
