/**
 * The one test client for a person's account over HTTP (e2e, conformance, reliability, bench): signs up
 * or in through Better Auth, keeps the session cookie, takes JWTs from /api/auth/token, calls the task
 * API with retries that never duplicate a write, and records every answer.
 */
import { randomUUID } from "node:crypto";
import { Agent, type Dispatcher, request } from "undici";

/** One pool of keep-alive connections for all virtual users, as a fleet of browsers behind one NAT would have. */
export const agent = new Agent({ connections: 256, keepAliveTimeout: 10_000, connect: { timeout: 3_000 } });

/** `cookies` holds the Set-Cookie headers; only sign-up needs them. */
export type Answer = { status: number; body: unknown; cookies: string[] };
export type Stats = { latencies: number[]; statuses: Map<number, number>; retries: number; networkErrors: number };

export function newStats(): Stats {
  return { latencies: [], statuses: new Map(), retries: 0, networkErrors: 0 };
}

const MAX_ATTEMPTS = 6;
const RETRY_STATUSES = new Set([502, 503, 504]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `via` sends it over other connections than the shared pool, e.g. from another source address. */
type Call = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; body?: unknown; headers?: Record<string, string>; via?: Dispatcher };

/** Sends one request once; a network failure becomes status 0. */
export async function send(base: string, call: Call, stats: Stats): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await request(`${base}${call.path}`, {
      method: call.method,
      dispatcher: call.via ?? agent,
      headers: { ...(call.body === undefined ? {} : { "content-type": "application/json" }), ...call.headers },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      headersTimeout: 15_000,
      bodyTimeout: 15_000,
    });
    const text = await response.body.text();
    stats.latencies.push(performance.now() - started);
    stats.statuses.set(response.statusCode, (stats.statuses.get(response.statusCode) ?? 0) + 1);
    const body = text && String(response.headers["content-type"]).includes("json") ? JSON.parse(text) : text;
    const setCookie = response.headers["set-cookie"] ?? [];
    return { status: response.statusCode, body, cookies: Array.isArray(setCookie) ? setCookie : [setCookie] };
  } catch {
    stats.networkErrors += 1;
    return { status: 0, body: null, cookies: [] };
  }
}

/**
 * Sends a request that is safe to repeat (GET, PUT, PATCH with absolute values, DELETE, or a POST
 * carrying an Idempotency-Key), repeating it while the answer says "try again", a bounded number of times.
 */
export async function sendWithRetries(base: string, call: Call, stats: Stats): Promise<Answer> {
  let answer: Answer = { status: 0, body: null, cookies: [] };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    answer = await send(base, call, stats);
    if (answer.status !== 0 && !RETRY_STATUSES.has(answer.status)) return answer;
    stats.retries += 1;
    await pause(100 * 2 ** attempt);
  }
  return answer;
}

/** Who signs up: what the sign-up form asks for. */
export type NewAccount = { email: string; password: string; name: string };

/** A person's account: the cookie Better Auth set at sign-up or sign-in and the JWT it issued for the API. */
export class Account {
  cookie = "";
  token = "";
  userId = "";

  constructor(
    readonly base: string,
    readonly email: string,
    readonly stats: Stats = newStats(),
  ) {}

  /** Signs up through Better Auth, as the sign-up form does; Better Auth signs the new user in. */
  async signUp(password = `pw-${randomUUID()}`, name = this.email.split("@")[0]): Promise<Answer> {
    // Sent once: a repeated sign-up would only be told that the account exists.
    return this.startSession("/api/auth/sign-up/email", { email: this.email, password, name });
  }

  /** Signs in again, replacing the cookie with the new session's. */
  async signIn(password: string): Promise<Answer> {
    return this.startSession("/api/auth/sign-in/email", { email: this.email, password });
  }

  /** Ends this session through Better Auth, as the sign-out button does. */
  async signOut(): Promise<Answer> {
    return this.web({ method: "POST", path: "/api/auth/sign-out", body: {} });
  }

  /** Mints a JWT the way the browser does, through /api/auth/token with the session cookie; answers it and keeps it. */
  async refreshToken(): Promise<string> {
    const answer = await sendWithRetries(this.base, { method: "GET", path: "/api/auth/token", headers: { cookie: this.cookie } }, this.stats);
    if (answer.status !== 200) throw new Error(`token: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.token = (answer.body as { token: string }).token;
    return this.token;
  }

  /** Calls Better Auth on the frontend once, with the session cookie and the Origin it trusts. */
  async web(call: Call): Promise<Answer> {
    // Better Auth refuses a state-changing request whose Origin it does not trust.
    return send(this.base, { ...call, headers: { origin: this.base, cookie: this.cookie, ...call.headers } }, this.stats);
  }

  /** Calls the task API with the bearer token; a 401 gets one fresh token and one more try. */
  async api(call: Call): Promise<Answer> {
    const withToken = () => ({ ...call, headers: { ...call.headers, authorization: `Bearer ${this.token}` } });
    const answer = await sendWithRetries(this.base, withToken(), this.stats);
    if (answer.status !== 401) return answer;
    await this.refreshToken();
    return sendWithRetries(this.base, withToken(), this.stats);
  }

  private async startSession(path: string, body: object): Promise<Answer> {
    const answer = await send(this.base, { method: "POST", path, body, headers: { origin: this.base } }, this.stats);
    if (answer.status === 200) {
      this.cookie = answer.cookies.map((cookie) => cookie.split(";")[0]).join("; ");
      this.userId = (answer.body as { user: { id: string } }).user.id;
    }
    return answer;
  }
}

/** A new account, signed up over HTTP and holding its first JWT; throws unless both succeed. */
export async function signedUpAccount(base: string, person: NewAccount, stats = newStats()): Promise<Account> {
  const account = new Account(base, person.email, stats);
  const answer = await account.signUp(person.password, person.name);
  if (answer.status !== 200) throw new Error(`sign-up: ${answer.status} ${JSON.stringify(answer.body)}`);
  await account.refreshToken();
  return account;
}
