/** For unit tests: a real Better Auth on a migrated in-memory SQLite, at ORIGIN, with email and password on. */
import Database from "better-sqlite3";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";

export const ORIGIN = "http://tasks.test";
export const TEST_SECRET = "a-test-secret-of-at-least-32-characters";

export async function startTestAuth<Options extends BetterAuthOptions>(options: Options) {
  const full = {
    secret: TEST_SECRET,
    baseURL: ORIGIN,
    database: new Database(":memory:"),
    emailAndPassword: { enabled: true },
    ...options,
  };
  await (await getMigrations(full)).runMigrations();
  return betterAuth(full);
}

type CallInit = { method?: string; body?: object; headers?: Record<string, string> };

/**
 * One call to Better Auth's handler at `/api/auth{path}`, as a client makes it: a JSON body when given
 * (POST unless `method` says otherwise), only the headers named. Answers the status, the JSON body (null
 * when there is none) and the cookies set, as a browser would send them back.
 */
export async function callAuth<Body = Record<string, unknown> | null>(auth: { handler: (request: Request) => Promise<Response> }, path: string, init: CallInit = {}) {
  const headers = new Headers({ "content-type": "application/json", ...init.headers });
  const body = init.body ? JSON.stringify(init.body) : undefined;
  const response = await auth.handler(new Request(`${ORIGIN}/api/auth${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body }));
  const json: Body = await response.json().catch(() => null);
  return { status: response.status, body: json, cookie: response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ") };
}
