/** The single door to the task API: it alone knows about bearer tokens, their cache and the retry on 401. */

export type Task = {
  id: number;
  user_id: string;
  title: string;
  description: string;
  completed: boolean;
  created_at: string;
  updated_at: string;
};

export type TaskPage = { items: Task[]; total: number; limit: number; offset: number };
export type TaskInput = { title: string; description?: string };
export type TaskReplacement = { title: string; description: string; completed: boolean };

/** The API answered with an error status; `detail` is its `{"detail": ...}` body, made readable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

/** The API could not be reached at all (down, wrong URL, CORS refused, offline). */
export class ApiUnreachableError extends Error {
  constructor(readonly baseUrl: string) {
    super(`Can't reach the task service at ${baseUrl}.`);
    this.name = "ApiUnreachableError";
  }
}

/** Fetches a fresh JWT for the signed-in user, or null when nobody is signed in. */
export type TokenSource = () => Promise<string | null>;

type Options = { baseUrl: string; fetchToken: TokenSource; fetch?: typeof fetch; now?: () => number };

/** Tokens are reused until this long before they expire, so a request never leaves with a dying one. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

function expiryOf(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof claims.exp === "number" ? claims.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function readableDetail(body: unknown, status: number): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item: { loc?: unknown[]; msg?: string }) => `${(item.loc ?? []).slice(1).join(".")}: ${item.msg ?? "invalid"}`)
      .join("; ");
  }
  return `The task service answered ${status}.`;
}

export function createApiClient({ baseUrl, fetchToken, fetch: send = fetch, now = Date.now }: Options) {
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string | null> | null = null;

  /** One token request at a time: concurrent callers share it instead of each minting their own. */
  function token(fresh: boolean): Promise<string | null> {
    if (!fresh && cached && now() < cached.expiresAt - TOKEN_REFRESH_MARGIN_MS) return Promise.resolve(cached.token);
    pending ??= fetchToken()
      .then((value) => {
        cached = value ? { token: value, expiresAt: expiryOf(value) } : null;
        return value;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  async function call(method: string, path: string, body: unknown, bearer: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      return await send(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiUnreachableError(baseUrl);
    }
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response = await call(method, path, body, await token(false));
    if (response.status === 401) {
      // The cached token may have been revoked or signed with an old secret: mint one more, try once more.
      response = await call(method, path, body, await token(true));
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, readableDetail(payload, response.status));
    return payload as T;
  }

  return {
    baseUrl,
    /** Forgets the cached token, e.g. when the user signs out. */
    forgetToken() {
      cached = null;
    },
    me: () => request<{ user_id: string; email?: string; name?: string }>("GET", "/api/me"),
    tasks: {
      list: (limit = 100, offset = 0) => request<TaskPage>("GET", `/api/tasks?limit=${limit}&offset=${offset}`),
      create: (input: TaskInput) => request<Task>("POST", "/api/tasks", input),
      replace: (id: number, task: TaskReplacement) => request<Task>("PUT", `/api/tasks/${id}`, task),
      toggle: (id: number) => request<Task>("PATCH", `/api/tasks/${id}/complete`),
      remove: (id: number) => request<void>("DELETE", `/api/tasks/${id}`),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Mints the signed-in user's JWT through Better Auth's `/api/auth/token`; null when signed out. */
export async function fetchSessionToken(): Promise<string | null> {
  const { authClient } = await import("./auth-client");
  const result = await authClient.token().catch(() => {
    throw new Error("Can't reach the sign-in service to get a token. Check your connection and try again.");
  });
  if (result.error) {
    if (result.error.status === 401) return null;
    throw new Error(`The sign-in service could not issue a token (${result.error.status}).`);
  }
  return result.data.token;
}
