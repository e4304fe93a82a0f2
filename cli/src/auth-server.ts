/**
 * The CLI's calls to the frontend's Better Auth (/api/auth/*): the device sign-in (RFC 8628), JWTs for
 * the API, and signing out. Every credential travels in a header or a body, never in a URL.
 */
import os from "node:os";
import { CliError, EXIT, notThisApp, unreachable } from "./errors";
import { version } from "./version";

/** Must be in the frontend's allow-list (frontend/lib/server/device-sign-in.ts). */
export const CLIENT_ID = "tasks-cli";
const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

const SYSTEMS: Partial<Record<NodeJS.Platform, string>> = { linux: "Linux", darwin: "Macintosh", win32: "Windows" };
/** Shown on /device and in the account page's session list ("Tasks CLI on Linux"). */
export const USER_AGENT = `tasks-cli/${version} (${SYSTEMS[process.platform] ?? process.platform} ${process.arch}; Node.js ${process.version})`;

/** RFC 8628 §3.2, as Better Auth answers it. */
export type DeviceCode = {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  expires_in: number;
  interval?: number;
};

/** RFC 8628 §3.5: a token, or one of its error codes. `unreachable`: no answer, or a 5xx. */
export type PollAnswer = { accessToken: string } | { error: string; description?: string };

type Answer = { status: number; body: Record<string, unknown> | null };

export function authServer(url: string, send: typeof fetch = fetch) {
  async function call(path: string, init: { body?: object; bearer?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: "application/json" };
    if (init.body) headers["content-type"] = "application/json";
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    let response: Response;
    try {
      response = await send(`${url}/api/auth${path}`, { method: init.body ? "POST" : "GET", headers, body: init.body && JSON.stringify(init.body) });
    } catch {
      throw unreachable(url, "sign-in service");
    }
    const text = await response.text();
    try {
      const body = JSON.parse(text) as unknown;
      return { status: response.status, body: typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null };
    } catch {
      if (response.status >= 500) return { status: response.status, body: null };
      throw notThisApp(url, `${path} answered ${response.status} without JSON`);
    }
  }

  return {
    url,

    async requestDeviceCode(): Promise<DeviceCode> {
      const { status, body } = await call("/device/code", { body: { client_id: CLIENT_ID } });
      if (status === 404) throw notThisApp(url, "it has no device sign-in");
      if (status === 429) throw new CliError("Too many sign-in attempts from this address. Wait a minute and try again.", EXIT.failed);
      if (status !== 200 || typeof body?.device_code !== "string" || typeof body.user_code !== "string" || typeof body.verification_uri !== "string") {
        throw new CliError(`The sign-in service refused to start a sign-in (${status}${body?.error ? `, ${String(body.error)}` : ""}).`, EXIT.failed);
      }
      return body as unknown as DeviceCode;
    },

    async pollToken(deviceCode: string): Promise<PollAnswer> {
      let answer: Answer;
      try {
        answer = await call("/device/token", { body: { grant_type: DEVICE_GRANT, device_code: deviceCode, client_id: CLIENT_ID } });
      } catch (error) {
        if (error instanceof CliError && error.exitCode === EXIT.unreachable) return { error: "unreachable" };
        throw error;
      }
      const { status, body } = answer;
      if (status === 200 && typeof body?.access_token === "string") return { accessToken: body.access_token };
      if (status >= 500 || status === 429) return { error: "unreachable" };
      return { error: typeof body?.error === "string" ? body.error : `http_${status}`, description: typeof body?.error_description === "string" ? body.error_description : undefined };
    },

    /** A JWT for the API, or null when the session is over (signed out, revoked, expired). */
    async mintJwt(sessionToken: string): Promise<string | null> {
      const { status, body } = await call("/token", { bearer: sessionToken });
      if (status === 401) return null;
      if (status === 404) throw notThisApp(url, "it issues no tokens at /api/auth/token");
      if (status !== 200) throw new CliError(`The sign-in service could not issue a token (${status}). Try again in a moment.`, EXIT.unreachable);
      if (typeof body?.token !== "string") throw notThisApp(url, "/api/auth/token answered without a token");
      return body.token;
    },

    /** Ends the session at Better Auth; a session already over counts as signed out. */
    async signOut(sessionToken: string): Promise<void> {
      const { status } = await call("/sign-out", { body: {}, bearer: sessionToken });
      if (status !== 200 && status !== 401) throw new CliError(`The sign-in service could not sign this session out (${status}).`, EXIT.failed);
    },
  };
}

export type AuthServer = ReturnType<typeof authServer>;
