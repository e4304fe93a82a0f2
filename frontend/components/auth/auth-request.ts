/** Runs one Better Auth client call and turns every way it can fail into a sentence for the form. */
import { type AuthFailure, describeAuthError, UNREACHABLE } from "./auth-errors";

/** What each call gets to pass on to Better Auth's fetch: a hook that reads the rate limiter's wait. */
export type RetryAfterHook = { onError: (context: { response: Response }) => void };

export type AuthResult<T> = { data: T; error: null } | { data: null; error: NonNullable<AuthFailure> };
export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

/** Words for a failure; the /device page passes its own for the device endpoints' RFC 8628 errors. */
export type Describe = (error: NonNullable<AuthFailure>, retryAfterSeconds: number | null) => string;

export async function attempt<T>(call: (fetchOptions: RetryAfterHook) => Promise<AuthResult<T>>, describe: Describe = describeAuthError): Promise<Outcome<T>> {
  let retryAfter: number | null = null;
  const fetchOptions: RetryAfterHook = {
    onError: ({ response }) => {
      // Better Auth's rate limiter says how long to wait in this header, in seconds.
      const header = response.headers.get("X-Retry-After");
      retryAfter = header === null ? null : Number(header);
    },
  };
  try {
    const result = await call(fetchOptions);
    return result.error ? { ok: false, message: describe(result.error, retryAfter) } : { ok: true, data: result.data };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}
