/**
 * The task API as the CLI reaches it: the web app's own client (frontend/lib/api.ts, typed by the
 * generated OpenAPI types), with JWTs minted from the saved session instead of the browser's cookie.
 * Its token cache and its single retry on 401 are the web app's too.
 */
import { ApiError, ApiUnreachableError, createApiClient, SignedOutError } from "../../frontend/lib/api";
import { type AuthServer, authServer } from "./auth-server";
import type { Credentials } from "./credentials";
import { CliError, EXIT, notThisApp, RUN_LOGIN, unreachable } from "./errors";

export function apiFor(credentials: Credentials, auth: AuthServer = authServer(credentials.url), send: typeof fetch = fetch) {
  return createApiClient({ baseUrl: credentials.apiUrl, fetchToken: () => auth.mintJwt(credentials.sessionToken), fetch: send });
}

export type Api = ReturnType<typeof apiFor>;

/** The API's origin, as the JWT's audience names it: this app's tokens are for that API and no other. */
export function audienceOf(jwt: string): string | null {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { aud?: unknown };
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    return typeof aud === "string" && URL.canParse(aud) ? aud.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

/**
 * Words for what the API client threw. `taskId`: the task the command was about, so a 404 means "no such
 * task"; without one, a 404 means the address is not this app's API.
 */
export function explain(error: unknown, apiUrl: string, taskId?: number): unknown {
  if (error instanceof SignedOutError) return new CliError(`Your session has ended: it was signed out, revoked or has expired. ${RUN_LOGIN}`, EXIT.signedOut);
  if (error instanceof ApiUnreachableError) return unreachable(apiUrl, "task API");
  if (!(error instanceof ApiError)) return error;
  if (error.status === 401) return new CliError(`The task API refused your sign-in (${error.detail}). ${RUN_LOGIN}`, EXIT.signedOut);
  if (error.status === 404) return taskId === undefined ? notThisApp(apiUrl, "the task API answered 404") : new CliError(`No task ${taskId}.`, EXIT.notFound);
  if (error.status >= 500) return new CliError(`The task API is unavailable (${error.status}: ${error.detail}). Try again in a moment.`, EXIT.unreachable);
  return new CliError(error.detail, EXIT.failed);
}
