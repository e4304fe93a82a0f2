/**
 * `npm run bench`: starts the product in production mode on free ports with throwaway databases,
 * seeds data, runs every measurement of issue 6 and writes bench/RESULTS.md. `--quick` uses small
 * sizes and short runs, for CI; it checks that everything works, not how fast.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Account } from "../e2e/accounts.ts";
import { type Service, buildFrontend, freePort, planStack, root, startApi, startWeb } from "../e2e/stack.ts";
import { countTokenFetches, launchBrowser, measurePageLoad } from "./browser.ts";
import { cpuSeconds } from "./cpu.ts";
import { signUp } from "./people.ts";
import { type Request, median, medianThroughput, sequentialP50, throughput } from "./load.ts";
import { machine, pinSelf, placement, versions } from "./machine.ts";
import { type Results, defects, render } from "./report.ts";

const quick = process.argv.includes("--quick");
const sizes = quick
  ? { runs: 3, seconds: 1, latencyRequests: 100, smallUsers: 100, largeUsers: 1_000, heavyTasks: 10_000, pageLoads: 3, writes: 500, taxRounds: 3, taxSeconds: 1 }
  : { runs: 5, seconds: 10, latencyRequests: 1_000, smallUsers: 100, largeUsers: 10_000, heavyTasks: 100_000, pageLoads: 10, writes: 10_000, taxRounds: 15, taxSeconds: 2 };
const TASKS_PER_USER = 100;
const CONNECTIONS = 32;
const SEARCH = "rent";
const workers = process.env.BENCH_WORKERS ?? "1";
const pgAdminUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
const python = path.join(root, "backend/.venv/bin/python");
const pythonEnv = { ...process.env, PYTHONPATH: [path.join(root, "backend"), path.join(root, "bench/.bridge")].join(":") };
const services: Service[] = [];

const step = (text: string) => console.log(`\n\x1b[1m==> ${text}\x1b[0m`);
const py = (script: string, args: string[]) => execFileSync(python, [path.join(root, "bench", script), ...args], { env: pythonEnv, encoding: "utf8" });

/** `next build` appends its dist dir to tsconfig.json's include list; put the list back as committed. */
function buildWithCleanTsconfig() {
  const file = path.join(root, "frontend/tsconfig.json");
  try {
    buildFrontend();
  } finally {
    const config = JSON.parse(readFileSync(file, "utf8")) as { include: string[] };
    config.include = ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts", ".next/dev/types/**/*.ts"];
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  }
}

/** A fresh PostgreSQL database for this run, or null (and the PostgreSQL figures are skipped) when there is no server. */
function freshPostgres(): string | null {
  try {
    execFileSync("psql", [`${pgAdminUrl}/postgres`, "-qc", "DROP DATABASE IF EXISTS bench WITH (FORCE)", "-c", "CREATE DATABASE bench"], { stdio: "pipe" });
    return `${pgAdminUrl}/bench`;
  } catch (error) {
    console.warn(`PostgreSQL unavailable, its figures are skipped: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

const cores = placement();
/** Starts servers on the server cores (they inherit this process's mask at spawn); load runs elsewhere. */
async function onServerCores<T extends Service>(start: () => Promise<T>): Promise<T> {
  if (cores) pinSelf(cores.server);
  try {
    const service = await start();
    services.push(service);
    return service;
  } finally {
    if (cores) pinSelf(cores.load);
  }
}

// A fresh token per measurement: a long full run outlives one 15-minute token.
const bearer = async (account: Account) => ({ Authorization: `Bearer ${await account.refreshToken()}` });

/**
 * Auth tax: /api/me against its unauthenticated twin, alternating in short rounds so a burst of other
 * work lands on both; besides req/s, the server's CPU µs per request, which such bursts do not move.
 */
async function authTax(apiUrl: string, account: Account) {
  const me: Request = { url: `${apiUrl}/api/me`, headers: await bearer(account) };
  const anonymous: Request = { url: `${apiUrl}/bench/me` };
  const cpu = cpuSeconds(apiUrl);
  const run = async (request: Request) => {
    const before = cpu?.() ?? 0;
    const result = await throughput(request, CONNECTIONS, sizes.taxSeconds);
    return { rps: result.rps, cpuUs: cpu ? ((cpu() - before) / (result.ok + result.failed)) * 1e6 : Number.NaN };
  };
  await throughput(me, CONNECTIONS, 1); // warms the token cache and the workers
  const rounds: { me: { rps: number; cpuUs: number }; anonymous: { rps: number; cpuUs: number } }[] = [];
  for (let i = 0; i < sizes.taxRounds; i++) rounds.push({ me: await run(me), anonymous: await run(anonymous) });
  return {
    me: median(rounds.map((r) => r.me.rps)),
    anonymous: median(rounds.map((r) => r.anonymous.rps)),
    ratio: median(rounds.map((r) => r.me.rps / r.anonymous.rps)),
    cpuMe: median(rounds.map((r) => r.me.cpuUs)),
    cpuAnonymous: median(rounds.map((r) => r.anonymous.cpuUs)),
    cpuRatio: median(rounds.map((r) => r.anonymous.cpuUs / r.me.cpuUs)),
  };
}

async function listAndSearchP50(apiUrl: string, account: Account) {
  const headers = await bearer(account);
  return {
    list: await sequentialP50(`${apiUrl}/api/tasks?limit=50`, headers, sizes.latencyRequests),
    search: await sequentialP50(`${apiUrl}/api/tasks?limit=50&q=${SEARCH}`, headers, sizes.latencyRequests),
  };
}

async function totalOf(apiUrl: string, account: Account): Promise<number> {
  const response = await fetch(`${apiUrl}/api/tasks?limit=1`, { headers: await bearer(account) });
  return ((await response.json()) as { total: number }).total;
}

/**
 * A fixed number of creates at 32 connections (a timed run would cut requests off mid-flight), then
 * checks that every acknowledged create is stored and that none met a lock.
 */
async function writes(api: Service, account: Account) {
  const before = await totalOf(api.url, account);
  const create: Request = { url: `${api.url}/api/tasks`, method: "POST", headers: { ...(await bearer(account)), "Content-Type": "application/json" }, body: JSON.stringify({ title: "Bench write", tags: ["bench"] }) };
  const result = await throughput(create, CONNECTIONS, 0, sizes.writes);
  const stored = (await totalOf(api.url, account)) - before;
  const locked = readFileSync(api.log, "utf8").includes("database is locked");
  return { ...result, stored, locked };
}

/** Measurements 3, 4 and 6 on one engine, growing its table from 10 k rows to the large size. */
async function engine(api: Service, databaseUrl: string, owner: Account) {
  const seed = (args: string[]) => console.log(py("seed.py", ["--url", databaseUrl, "--owner", owner.userId, "--tasks", String(TASKS_PER_USER), ...args]).trim());
  seed(["--users", String(sizes.smallUsers), "--reset"]);
  const list = await medianThroughput({ url: `${api.url}/api/tasks?limit=50`, headers: await bearer(owner) }, CONNECTIONS, sizes.seconds, sizes.runs);
  const small = await listAndSearchP50(api.url, owner);
  seed(["--users", String(sizes.largeUsers - sizes.smallUsers), "--first-user", String(sizes.smallUsers)]);
  const large = await listAndSearchP50(api.url, owner);
  return { list, scale: { small, large }, writes: await writes(api, owner) };
}

async function main() {
  const started = Date.now();
  const command = `npm run bench${quick ? " -- --quick" : ""}${workers !== "1" ? ` (BENCH_WORKERS=${workers})` : ""}`;
  const results: Results = { command, quick, sizes, workers, machine: machine(), versions: [], placement: cores, date: new Date().toISOString() };

  step("Measurement 1: token verification, µs per call (bench/verifier.py)");
  results.verifier = py("verifier.py", quick ? ["--quick"] : []).trim();
  console.log(results.verifier);

  step("Building the frontend for production (next build)");
  buildWithCleanTsconfig();
  const databaseUrl = freshPostgres();
  results.versions = versions(databaseUrl);

  step(`Starting the services in production mode (uvicorn: ${workers} worker(s), uvloop, httptools; next start)`);
  const apiEnv = { UVICORN_WORKERS: workers, UVICORN_LOOP: "uvloop", UVICORN_HTTP: "httptools", UVICORN_ACCESS_LOG: "false", UVICORN_LOG_LEVEL: "warning", PYTHONPATH: path.join(root, "bench") };
  const app = "api_app:create_app";
  const plan = await planStack({ name: "bench" });
  const jwksPlan = await planStack({ name: "bench-jwks", jwtMode: "jwks" });
  const [web, jwksWeb] = [await onServerCores(() => startWeb(plan)), await onServerCores(() => startWeb(jwksPlan))];
  const sqliteApi = await onServerCores(() => startApi(plan, { app, env: apiEnv }));
  const jwksApi = await onServerCores(() => startApi(jwksPlan, { app, env: apiEnv }));
  const pgApi = databaseUrl ? await onServerCores(async () => startApi(plan, { name: "bench-api-pg", port: await freePort(), app, env: { ...apiEnv, DATABASE_URL: databaseUrl } })) : null;
  const [owner, heavy, viewer, jwksOwner] = [await signUp(web.url, "owner"), await signUp(web.url, "heavy"), await signUp(web.url, "viewer"), await signUp(jwksWeb.url, "jwks")];

  step("Measurement 2: auth tax, GET /api/me against an unauthenticated route of the same shape");
  results.authTax = { "shared-secret": await authTax(sqliteApi.url, owner), jwks: await authTax(jwksApi.url, jwksOwner) };
  console.log(results.authTax);

  step("Measurements 3, 4, 6 on SQLite");
  results.engines = { SQLite: await engine(sqliteApi, plan.apiEnv.DATABASE_URL, owner) };
  console.log(results.engines.SQLite);
  if (pgApi && databaseUrl) {
    step("Measurements 3, 4, 6 on PostgreSQL");
    results.engines.PostgreSQL = await engine(pgApi, databaseUrl, owner);
    console.log(results.engines.PostgreSQL);

    step(`Measurement 5: one user with ${sizes.heavyTasks} tasks on PostgreSQL`);
    console.log(py("seed.py", ["--url", databaseUrl, "--owner", heavy.userId, "--users", "1", "--tasks", String(sizes.heavyTasks)]).trim());
    results.heavy = await listAndSearchP50(pgApi.url, heavy);
    results.explain = py("explain.py", ["--url", databaseUrl, "--user", heavy.userId, "--q", SEARCH]);
    console.log(results.heavy);
  }

  step("Measurements 7 and 8 in headless Chromium");
  const headers = { ...(await bearer(viewer)), "Content-Type": "application/json" };
  for (let n = 0; n < 60; n++) await fetch(`${sqliteApi.url}/api/tasks`, { method: "POST", headers, body: JSON.stringify({ title: `Page load ${n}` }) });
  const browser = await launchBrowser();
  try {
    results.chromium = browser.version();
    results.pageLoad = await measurePageLoad(browser, web.url, viewer, sizes.pageLoads);
    results.tokenFetches = await countTokenFetches(browser, web.url, sqliteApi.url, await signUp(web.url, "tokens"), 100);
  } finally {
    await browser.close();
  }
  console.log(results.pageLoad, results.tokenFetches);

  results.seconds = (Date.now() - started) / 1000;
  const out = quick ? "bench/RESULTS-quick.md" : "bench/RESULTS.md";
  writeFileSync(path.join(root, out), render(results) + recordedSections(path.join(root, out)));
  step(`Wrote ${out} in ${results.seconds.toFixed(0)} s`);
  // CI runs the quick mode: it fails on broken behaviour, never on a timing.
  const found = defects(results);
  for (const defect of found) console.error(`defect: ${defect}`);
  if (found.length > 0) process.exitCode = 1;
}

try {
  await main();
} finally {
  await Promise.all(services.map((service) => service.stop()));
}

/**
 * The figures of the full soak (`npm run soak`, "## Soak"), of the revocation case
 * (`npm run bench:revocation`, "## Revocation"), of the A/B runs (`npm run bench:ab`, "## A/B"), of
 * the peer comparison (`npm run bench:peer`, "## Peer comparison") and
 * of the first task (`npm run bench:first-task`, "## First task") close the file; a benchmark run
 * keeps them.
 */
function recordedSections(file: string): string {
  try {
    const text = readFileSync(file, "utf8");
    const found = ["\n## Soak", "\n## Revocation", "\n## A/B", "\n## Peer comparison", "\n## First task"].map((heading) => text.indexOf(heading)).filter((at) => at !== -1);
    return found.length ? text.slice(Math.min(...found)) : "";
  } catch {
    return "";
  }
}
