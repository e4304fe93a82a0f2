/**
 * The single door to the task API. Requests are typed by the client generated from the backend's
 * OpenAPI document; this module alone knows about bearer tokens, their cache and the retry on 401.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api";

export type Task = components["schemas"]["TaskPublic"];
export type TaskPage = components["schemas"]["TasksPublic"];
export type TaskCreate = components["schemas"]["TaskCreate"];
export type TaskPatch = components["schemas"]["TaskPatch"];
export type TaskQuery = NonNullable<paths["/api/tasks"]["get"]["parameters"]["query"]>;
/** A tag with how many of the caller's tasks carry it: `open` (not completed) and `total`. */
export type TagCount = components["schemas"]["TagCount"];

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

/** Nobody is signed in any more (Better Auth issued no token), so the request was never sent. */
export class SignedOutError extends Error {
  constructor() {
    super("You are signed out. Sign in again to continue.");
    this.name = "SignedOutError";
  }
}

/** Fetches a fresh JWT for the signed-in user, or null when nobody is signed in. */
export type TokenSource = () => Promise<string | null>;

type Options = {
  baseUrl: string;
  fetchToken: TokenSource;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** Tokens are reused until this long before they expire, so a request never leaves with a dying one. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/**
 * Pauses before each repeat of a request that met a failing-over API: 3 tries within a second. Short,
 * because the query layer retries outages of reads on its own and a person should hear of a real one.
 */
export const RETRY_DELAYS_MS = [200, 800];
/** Answers that mean "this instance or its database is briefly away", not "your request is wrong". */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/**
 * Only requests that land in the same state however often they arrive are repeated: reads, PUT,
 * DELETE, and creates carrying an Idempotency-Key. PATCH is not, because toggling completion is one.
 */
function safeToRepeat(request: Request): boolean {
  return ["GET", "HEAD", "PUT", "DELETE"].includes(request.method) || request.headers.has("Idempotency-Key");
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function expiryOf(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof claims.exp === "number" ? claims.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** A `fetch` that adds the bearer token, keeps it until shortly before expiry, and retries a 401 once. */
export function createAuthorizedFetch({ baseUrl, fetchToken, fetch: send = fetch, now = Date.now, sleep = wait }: Options) {
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

  async function attempt(request: Request, bearer: string | null): Promise<Response> {
    if (bearer === null) throw new SignedOutError();
    request.headers.set("Authorization", `Bearer ${bearer}`);
    try {
      return await send(request);
    } catch {
      throw new ApiUnreachableError(baseUrl);
    }
  }

  async function authorized(request: Request): Promise<Response> {
    const spare = request.clone();
    const response = await attempt(request, await token(false));
    // The cached token may have expired early or been signed with an old secret: mint one more, try once more.
    // A 401 after that, with a fresh token in hand, is the API refusing this deployment's tokens.
    return response.status === 401 ? attempt(spare, await token(true)) : response;
  }

  return {
    /** Sends with the bearer token; repeats a request that is safe to repeat while the API is briefly away. */
    async fetch(request: Request): Promise<Response> {
      if (!safeToRepeat(request)) return authorized(request);
      for (const delay of RETRY_DELAYS_MS) {
        try {
          const response = await authorized(request.clone());
          if (!TRANSIENT_STATUSES.has(response.status)) return response;
        } catch (error) {
          if (!(error instanceof ApiUnreachableError)) throw error;
        }
        await sleep(delay);
      }
      return authorized(request);
    },
    /** Forgets the cached token, e.g. when the user signs out. */
    forgetToken() {
      cached = null;
    },
  };
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

/** openapi-fetch reports failures as values; the UI's query layer wants them thrown. */
async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, readableDetail(error, response.status));
  return data as T;
}

export function createApiClient(options: Options) {
  const authorized = createAuthorizedFetch(options);
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: authorized.fetch });
  const task = (id: number) => ({ params: { path: { task_id: id } } });
  return {
    baseUrl: options.baseUrl,
    forgetToken: authorized.forgetToken,
    me: () => unwrap(client.GET("/api/me")),
    tasks: {
      list: (query: TaskQuery = {}) => unwrap(client.GET("/api/tasks", { params: { query } })),
      get: (id: number) => unwrap(client.GET("/api/tasks/{task_id}", task(id))),
      // One key per create, kept across its retries: the API makes the task at most once.
      create: (body: TaskCreate) =>
        unwrap(client.POST("/api/tasks", { body, params: { header: { "Idempotency-Key": crypto.randomUUID() } } })),
      update: (id: number, body: TaskPatch) => unwrap(client.PATCH("/api/tasks/{task_id}", { ...task(id), body })),
      toggle: (id: number) => unwrap(client.PATCH("/api/tasks/{task_id}/complete", task(id))),
      remove: (id: number) => unwrap(client.DELETE("/api/tasks/{task_id}", task(id))),
      clearCompleted: () => unwrap(client.DELETE("/api/tasks/completed")),
      /** Deletes every task of the caller; account deletion calls it before removing the user. */
      removeAll: () => unwrap(client.DELETE("/api/me/tasks")),
    },
    /** Every tag of the caller's tasks with its exact counts, sorted by name. */
    tags: { list: () => unwrap(client.GET("/api/tags")).then((answer) => answer.items) },
    reminders: {
      settings: () => unwrap(client.GET("/api/me/reminders")),
      save: (emailReminders: boolean) =>
        unwrap(client.PUT("/api/me/reminders", { body: { email_reminders: emailReminders } })),
      /** Asked before an open tab shows a reminder: `show` is false when its email (or another tab) has it. */
      claimForTab: (id: number, remindAt: string) =>
        unwrap(client.POST("/api/tasks/{task_id}/reminder/shown", { ...task(id), body: { remind_at: remindAt } })),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
