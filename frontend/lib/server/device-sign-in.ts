import "server-only";
/**
 * Sign-in for clients without a browser (RFC 8628 device authorization), on the same JWT path as the
 * web app: the client gets a Better Auth session and trades it for JWTs at /api/auth/token.
 *
 * Three Better Auth plugins work together here:
 * - `deviceAuthorization()` runs the flow, for the clients in DEVICE_CLIENTS only;
 * - `bearer({ requireSignature: true })` lets that session be sent as `Authorization: Bearer`. Only the
 *   signed form of the token counts, as with the session cookie, so a session token read from the auth
 *   database or from Redis is not enough to act as its user without the secret as well;
 * - `deviceRequests` below hands the client that signed form, and records where each request came from,
 *   so the person approving it can tell their own terminal from someone else's.
 */
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getIP } from "better-auth/api";
import { makeSignature } from "better-auth/crypto";
import { bearer, deviceAuthorization } from "better-auth/plugins";

/** The clients that may start a device sign-in, by client_id, with the name the approval page shows. */
export const DEVICE_CLIENTS: Record<string, string> = { "tasks-cli": "Tasks command-line app" };

/** The user-agent as given by the client: long enough for any real one, too short to fill the table. */
const AGENT_MAX = 256;

type DeviceCodeRow = { id: string; userCode: string; requestedFromIp?: string | null; requestedByAgent?: string | null; createdAt?: Date };
type Returned = Record<string, unknown> | null | undefined;

/** The bearer plugin accepts exactly what a session cookie holds: `token.signature`, URL-encoded. */
export async function signedSessionToken(token: string, secret: string): Promise<string> {
  return encodeURIComponent(`${token}.${await makeSignature(token, secret)}`);
}

/** The plugin's own normalisation of a typed code ("abcd-efgh" is ABCDEFGH), so the lookup finds the same row. */
const normalizeUserCode = (code: string) => code.replace(/[^a-zA-Z0-9]/g, "").toUpperCase();

const deviceRequests = {
  id: "device-requests",
  schema: {
    deviceCode: {
      fields: {
        requestedFromIp: { type: "string", required: false },
        requestedByAgent: { type: "string", required: false },
      },
    },
  },
  hooks: {
    after: [
      {
        matcher: (context) => context.path === "/device/code",
        handler: createAuthMiddleware(async (ctx) => {
          const returned = ctx.context.returned as Returned;
          if (typeof returned?.device_code !== "string") return;
          const headers = ctx.request?.headers;
          await ctx.context.adapter.update({
            model: "deviceCode",
            where: [{ field: "deviceCode", value: returned.device_code }],
            update: {
              requestedFromIp: headers ? getIP(headers, ctx.context.options) : null,
              requestedByAgent: headers?.get("user-agent")?.slice(0, AGENT_MAX) ?? null,
            },
          });
        }),
      },
      {
        // The plugin answers with the reviewer-only fields (client_id) only to the person who claimed the
        // code; the request's origin is shown on the same terms.
        matcher: (context) => context.path === "/device",
        handler: createAuthMiddleware(async (ctx) => {
          const returned = ctx.context.returned as Returned;
          if (typeof returned?.client_id !== "string" || typeof returned.user_code !== "string") return;
          const row = (await ctx.context.adapter.findOne({
            model: "deviceCode",
            where: [{ field: "userCode", value: normalizeUserCode(returned.user_code) }],
          })) as DeviceCodeRow | null;
          return ctx.json({
            ...returned,
            client_name: DEVICE_CLIENTS[returned.client_id] ?? returned.client_id,
            requested_from_ip: row?.requestedFromIp ?? null,
            requested_by_agent: row?.requestedByAgent ?? null,
          });
        }),
      },
      {
        matcher: (context) => context.path === "/device/token",
        handler: createAuthMiddleware(async (ctx) => {
          const returned = ctx.context.returned as Returned;
          if (typeof returned?.access_token !== "string") return;
          return ctx.json({ ...returned, access_token: await signedSessionToken(returned.access_token, ctx.context.secret) });
        }),
      },
    ],
  },
} satisfies BetterAuthPlugin;

/** `lifetimeSeconds`: how long a code may wait for approval; RFC 8628 suggests minutes, not hours. */
export function deviceSignIn({ lifetimeSeconds }: { lifetimeSeconds: number }) {
  return [
    deviceAuthorization({
      expiresIn: `${lifetimeSeconds}s`,
      interval: "5s",
      validateClient: (clientId) => Object.hasOwn(DEVICE_CLIENTS, clientId),
    }),
    bearer({ requireSignature: true }),
    deviceRequests,
  ];
}
