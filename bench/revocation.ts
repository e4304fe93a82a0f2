/**
 * `npm run bench:revocation`: how long a revoked session's JWT keeps working at the API (issue 12).
 *
 * On the default stack (one API on SQLite) and on the 2 × 2 scale-out (nginx, PostgreSQL, Redis),
 * while a load of authenticated requests runs, sessions are revoked one by one, mixing sign-out,
 * revoke-session and account deletion. For each revoked token a prober asks the API every 10 ms
 * from the revoking response on, and records when the first 401 arrived and when each accepted
 * request was sent; it keeps asking for 1.5 s, so behind nginx both API instances are asked many
 * times. Reports p50/p99/max of the time to the first 401, the latest accepted request, and the
 * requests sent more than 1 s after the revocation that were still accepted.
 * `--quick`: a few revocations on the default stack only, to check that it works.
 * Writes the "## Revocation" section of bench/RESULTS.md (a full run only).
 */
import os from "node:os";
import { request } from "undici";
import { Account, agent } from "../e2e/accounts.ts";
import { ensureBuilt, startCluster } from "../e2e/reliability/cluster.ts";
import { planStack, type Service, startApi, startWeb } from "../e2e/stack.ts";
import { writeSection } from "./results-file.ts";

const quick = process.argv.includes("--quick");
const USERS_PER_KIND = quick ? 2 : 34;
const PROBE_EVERY_MS = 10;
const WATCH_MS = 1_500;
const LATE_MS = 1_000;
// The next revocation starts this long after the previous one, so probers overlap, as real users would.
const REVOCATION_SPACING_MS = 100;
const LOAD_CONNECTIONS = 16;
const PASSWORD = "correct horse battery staple";

type User = { email: string; sessions: Account[] };
type Kind = "sign-out" | "revoke-session" | "delete-account";
type Probe = { kind: Kind; firstRefusalMs: number | null; lastAcceptanceMs: number | null; lateAcceptances: number; otherStatuses: number };
type StackResult = { stack: string; probes: Probe[]; load: { requests: number; failed: number; rps: number } };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GET to the API, measured as it stands: no retries, no stats. */
async function call(url: string, headers: Record<string, string>) {
  const response = await request(url, { dispatcher: agent, headers });
  await response.body.text();
  return { status: response.statusCode };
}

/** Signs in (or up), keeps the cookie, and takes a JWT for it. */
async function newSession(web: string, email: string, signUp: boolean): Promise<Account> {
  const session = new Account(web, email);
  const answer = signUp ? await session.signUp(PASSWORD, "Bench") : await session.signIn(PASSWORD);
  if (answer.status !== 200) throw new Error(`${signUp ? "sign-up" : "sign-in"} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  await session.refreshToken();
  return session;
}

/** The session's own token, as revoke-session takes it: the cookie's value is "<session token>.<signature>", URL-encoded. */
const sessionTokenOf = (session: Account) => decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(session.cookie)![1]!).split(".")[0]!;

async function newUser(web: string, label: string, sessions: number): Promise<User> {
  const email = `bench-revoke-${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const all = [await newSession(web, email, true)];
  while (all.length < sessions) all.push(await newSession(web, email, false));
  return { email, sessions: all };
}

/** Asks the API with `jwt` from `since` on, for WATCH_MS. */
async function probe(api: string, jwt: string, kind: Kind, since: number): Promise<Probe> {
  const result: Probe = { kind, firstRefusalMs: null, lastAcceptanceMs: null, lateAcceptances: 0, otherStatuses: 0 };
  while (performance.now() - since < WATCH_MS) {
    const sent = performance.now() - since;
    const answer = await call(`${api}/api/me`, { authorization: `Bearer ${jwt}` });
    // A refusal counts when it arrives; an acceptance when it was asked for, since the API may have
    // decided it long before a busy machine delivered it.
    if (answer.status === 401) result.firstRefusalMs ??= performance.now() - since;
    else if (answer.status === 200) {
      result.lastAcceptanceMs = sent;
      if (sent > LATE_MS) result.lateAcceptances += 1;
    } else result.otherStatuses += 1;
    await pause(PROBE_EVERY_MS);
  }
  return result;
}

/** Authenticated reads by users who stay signed in, until `stop` resolves. */
async function load(api: string, jwts: string[], stopped: () => boolean) {
  const started = performance.now();
  let requests = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: LOAD_CONNECTIONS }, async (_, index) => {
      while (!stopped()) {
        const path = index % 2 ? "/api/me" : "/api/tasks?limit=20";
        const answer = await call(`${api}${path}`, { authorization: `Bearer ${jwts[index % jwts.length]}` });
        requests += 1;
        if (answer.status !== 200) failed += 1;
      }
    }),
  );
  return { requests, failed, rps: requests / ((performance.now() - started) / 1000) };
}

/** Every revocation, one after the other; each revoked token gets its own prober. */
async function revokeAll(web: string, api: string): Promise<Probe[]> {
  const users: Record<Kind, User[]> = { "sign-out": [], "revoke-session": [], "delete-account": [] };
  for (let index = 0; index < USERS_PER_KIND; index += 1) {
    users["sign-out"].push(await newUser(web, "out", 2));
    users["revoke-session"].push(await newUser(web, "rs", 3));
    users["delete-account"].push(await newUser(web, "del", 2));
  }
  const probes: Promise<Probe>[] = [];
  const revoked = (jwt: string, kind: Kind) => probes.push(probe(api, jwt, kind, performance.now()));
  const expectOk = (what: string, status: number) => {
    if (status !== 200) throw new Error(`${what} answered ${status}`);
  };
  for (let index = 0; index < USERS_PER_KIND; index += 1) {
    for (const session of users["sign-out"][index]!.sessions) {
      expectOk("sign-out", (await session.signOut()).status);
      revoked(session.token, "sign-out");
      await pause(REVOCATION_SPACING_MS);
    }
    const [keeper, ...others] = users["revoke-session"][index]!.sessions;
    for (const session of others) {
      const body = { token: sessionTokenOf(session) };
      expectOk("revoke-session", (await keeper!.web({ method: "POST", path: "/api/auth/revoke-session", body })).status);
      revoked(session.token, "revoke-session");
      await pause(REVOCATION_SPACING_MS);
    }
    const doomed = users["delete-account"][index]!;
    const body = { password: PASSWORD };
    expectOk("delete-user", (await doomed.sessions[0]!.web({ method: "POST", path: "/api/auth/delete-user", body })).status);
    for (const session of doomed.sessions) revoked(session.token, "delete-account");
    await pause(REVOCATION_SPACING_MS);
  }
  return Promise.all(probes);
}

async function measure(stack: string, web: string, api: string): Promise<StackResult> {
  const steady = await Promise.all(Array.from({ length: 4 }, (_, index) => newUser(web, `load${index}`, 1)));
  let done = false;
  const running = load(api, steady.map((user) => user.sessions[0]!.token), () => done);
  let probes: Probe[];
  try {
    probes = await revokeAll(web, api);
  } finally {
    done = true;
  }
  return { stack, probes, load: await running };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "n/a");

function row(result: StackResult): string {
  const refused = result.probes.map((probe) => probe.firstRefusalMs).filter((value): value is number => value !== null);
  const lastAccepted = result.probes.map((probe) => probe.lastAcceptanceMs ?? 0);
  const never = result.probes.length - refused.length;
  const late = result.probes.reduce((sum, probe) => sum + probe.lateAcceptances, 0);
  const other = result.probes.reduce((sum, probe) => sum + probe.otherStatuses, 0);
  return `| ${result.stack} | ${result.probes.length} | ${ms(percentile(refused, 50))} | ${ms(percentile(refused, 99))} | ${ms(Math.max(...refused))} | ${ms(Math.max(...lastAccepted))} | ${late} | ${never} | ${other} | ${Math.round(result.load.rps)} req/s, ${result.load.failed} failed |`;
}

function report(results: StackResult[]): string {
  const kinds = results[0]!.probes.reduce<Record<string, number>>((count, probe) => ({ ...count, [probe.kind]: (count[probe.kind] ?? 0) + 1 }), {});
  return [
    "## Revocation (issue 12): from the revoking response to the API's refusal",
    "",
    `Command: \`npm run bench:revocation\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${os.loadavg()[0]!.toFixed(1)} at the end. Revoked tokens per stack: ${Object.entries(kinds)
      .map(([kind, count]) => `${count} by ${kind}`)
      .join(", ")}; one every ${REVOCATION_SPACING_MS} ms, each probed every ${PROBE_EVERY_MS} ms for ${WATCH_MS / 1000} s, while ${LOAD_CONNECTIONS} connections of signed-in users read tasks.`,
    "",
    "| stack | revoked tokens | first 401 arrived, p50 | p99 | max | latest accepted request sent, max | sent > 1 s after and accepted | never refused | other answers | background load |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map(row),
    "",
  ].join("\n");
}

ensureBuilt();
const results: StackResult[] = [];
const stops: (() => Promise<void>)[] = [];
const started = (service: Service) => stops.push(service.stop);
try {
  console.log("==> Default stack: one API on SQLite, one Next.js");
  const plan = await planStack({ name: "bench-revocation" });
  started(await startWeb(plan));
  started(await startApi(plan));
  results.push(await measure("default (1 API, SQLite)", plan.webUrl, plan.apiUrl));
  if (!quick) {
    console.log("==> Scale-out: 2 API + 2 Next.js behind nginx, PostgreSQL, Redis");
    const cluster = await startCluster({ name: "bench-revocation", databases: { tasks: "tasks_revocation", auth: "auth_revocation" } });
    stops.push(cluster.stop);
    results.push(await measure("scale-out (2 × 2, nginx)", cluster.url, cluster.url));
  }
} finally {
  await Promise.all(stops.map((stop) => stop()));
  await agent.close();
}
const section = report(results);
console.log(`\n${section}`);
if (!quick) writeSection("## Revocation", section);
const failures = results.flatMap((result) => result.probes.filter((probe) => probe.firstRefusalMs === null || probe.otherStatuses > 0));
if (failures.length) {
  console.error(`${failures.length} revoked tokens were never refused, or met another answer than 200 or 401`);
  process.exit(1);
}
