import "server-only";
/** Reads the signed-in user's active sessions on the server, in the shape the account page shows. */
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { getAuth } from "@/lib/server/auth";
import { describeDevice } from "@/components/account/describe-device";

export type ActiveSession = { token: string; device: string; ipAddress: string | null; createdAt: string; current: boolean };

/**
 * Null when Better Auth wants a recent sign-in before it lists sessions (its `freshAge`, one day by
 * default): a stolen, long-lived cookie should not be enough to see where else the owner is signed in.
 */
export async function activeSessions(currentToken: string): Promise<ActiveSession[] | null> {
  try {
    const sessions = await getAuth().api.listSessions({ headers: await headers() });
    return sessions
      .map((session) => ({
        token: session.token,
        device: describeDevice(session.userAgent),
        ipAddress: session.ipAddress ?? null,
        createdAt: new Date(session.createdAt).toISOString(),
        current: session.token === currentToken,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt));
  } catch (error) {
    if (error instanceof APIError && error.body?.code === "SESSION_NOT_FRESH") return null;
    throw error;
  }
}
