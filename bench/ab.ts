/**
 * `npm run bench:ab -- --base <rev>`: the same case against this checkout and another commit, in
 * alternated rounds of one run, so a burst of other work on the machine lands on both; reports each
 * side's median req/s, the server CPU µs per request, and the median of the per-round ratios.
 *
 * Cases: `list` (GET /api/tasks?limit=50, 50 tasks with two tags each) and `me` (GET /api/me, also
 * against a bare FastAPI route serving the same JSON, bench/bare_api.py, and the bearer check moved into
 * an ASGI layer against the same bare route, bench/asgi_auth_app.py). Both servers read the
 * same database, on SQLite and on PostgreSQL. No frontend: the token is signed here with the
 * shared secret, exactly as Better Auth's HS256 `jwt.sign` would.
 */
import { createHmac, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Service, root } from "../e2e/stack.ts";
import { type Side, alternate, freshDatabase, prepareOurs, step, uvicorn } from "./alternate.ts";

const { values: options } = parseArgs({
  options: {
    base: { type: "string", default: "main" },
    engines: { type: "string", default: "sqlite,postgresql" },
    cases: { type: "string", default: "list,me" },
    rounds: { type: "string", default: "7" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "32" },
  },
});
const rounds = Number(options.rounds);
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const pgAdminUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
const python = path.join(root, "backend/.venv/bin/python");
const ISSUER = "http://localhost:3000";
const AUDIENCE = "http://localhost:8000";
const OWNER = "ab-owner";
const secret = randomBytes(32).toString("base64url");

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");
/** An HS256 access token for OWNER, valid for the whole run. */
function token(): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: OWNER, sid: "ab-session", iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3000 };
  const input = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/** The base commit's backend and verifier package, exported with `git archive` (no worktree, no checkout). */
function exportBase(rev: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-ab-"));
  const commit = execFileSync("git", ["rev-parse", "--short", rev], { cwd: root, encoding: "utf8" }).trim();
  // Older commits kept the verifier inside the backend, before packages/better-auth-jwt existed.
  const paths = ["backend", "packages/better-auth-jwt"].filter((p) => execFileSync("git", ["ls-tree", "--name-only", commit, p], { cwd: root, encoding: "utf8" }).trim());
  execFileSync("bash", ["-c", `git archive ${commit} ${paths.join(" ")} | tar -x -C ${dir}`], { cwd: root });
  console.log(`base ${rev} = ${commit}, exported to ${dir}`);
  return dir;
}

function database(engine: string, dir: string): string {
  if (engine === "sqlite") return `sqlite:///${path.join(dir, "ab.db")}`;
  return freshDatabase(pgAdminUrl, "bench_ab");
}

/** One uvicorn worker of `checkout`'s backend (bench/alternate.ts's flags), verifying HS256 tokens. */
function serve(name: string, checkout: string, app: string, databaseUrl: string): Promise<Service> {
  const env = {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: secret,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    JWT_REVOCATION_FEED: "false",
    PYTHONPATH: [path.join(checkout, "backend"), path.join(checkout, "packages/better-auth-jwt/src"), path.join(root, "bench")].join(":"),
  };
  return uvicorn(name, { python, cwd: path.join(checkout, "backend"), app, env });
}

const compare = (title: string, a: Side, b: Side) => alternate(title, a, b, { rounds, seconds, connections });

async function main() {
  const engines = options.engines.split(",");
  const cases = options.cases.split(",");
  const base = exportBase(options.base);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-ab-data-"));
  mkdirSync(dataDir, { recursive: true });
  const services: Service[] = [];
  const rows = [];
  const headers = { Authorization: `Bearer ${token()}` };
  try {
    for (const engine of engines) {
      step(`${engine}: one database, seeded once, read by both servers`);
      const databaseUrl = database(engine, dataDir);
      // This checkout's migrations for both: the API work changes no schema.
      prepareOurs(databaseUrl, { owner: OWNER, users: 100, tasks: 100, tags: 2 });
      const ours = await serve(`ab-ours-${engine}`, root, "app.main:create_app", databaseUrl);
      const theirs = await serve(`ab-base-${engine}`, base, "app.main:create_app", databaseUrl);
      services.push(ours, theirs);
      const side = (label: string, service: Service, route: string) => ({ label, service, request: { url: `${service.url}${route}`, headers } });
      if (cases.includes("list")) {
        step(`${engine}: GET /api/tasks?limit=50, this checkout against ${options.base}, ${connections} connections`);
        rows.push({ engine, ...(await compare("list", side("this", ours, "/api/tasks?limit=50"), side(options.base, theirs, "/api/tasks?limit=50"))) });
      }
      if (cases.includes("me")) {
        step(`${engine}: GET /api/me, this checkout against ${options.base}, ${connections} connections`);
        rows.push({ engine, ...(await compare("me", side("this", ours, "/api/me"), side(options.base, theirs, "/api/me"))) });
      }
      await Promise.all([ours.stop(), theirs.stop()]);
    }
    if (cases.includes("me")) {
      step(`GET /api/me against a bare FastAPI route serving the same JSON (bench/bare_api.py), ${connections} connections`);
      const databaseUrl = `sqlite:///${path.join(dataDir, "ab.db")}`;
      const ours = await serve("ab-ours-me", root, "app.main:create_app", databaseUrl);
      const bare = await serve("ab-bare", root, "bare_api:create_app", databaseUrl);
      services.push(ours, bare);
      const mine = await fetch(`${ours.url}/api/me`, { headers }).then((r) => r.text());
      const bareJson = await fetch(`${bare.url}/api/me`).then((r) => r.text());
      if (mine !== bareJson) throw new Error(`the bare route answers ${bareJson}, the app ${mine}`);
      const bareSide = { label: "bare FastAPI", service: bare, request: { url: `${bare.url}/api/me` } };
      rows.push({ engine: "none", ...(await compare("me vs bare", { label: "this /api/me", service: ours, request: { url: `${ours.url}/api/me`, headers } }, bareSide)) });
      // What taking the bearer check out of FastAPI's dependency injection would buy (bench/asgi_auth_app.py).
      step(`The same with /api/me's bearer check in an ASGI layer (bench/asgi_auth_app.py, a prototype), ${connections} connections`);
      const layered = await serve("ab-asgi-layer", root, "asgi_auth_app:create_app", databaseUrl);
      services.push(layered);
      const layeredJson = await fetch(`${layered.url}/bench/asgi-me`, { headers }).then((r) => r.text());
      if (layeredJson !== bareJson) throw new Error(`the ASGI-layer route answers ${layeredJson}, the bare one ${bareJson}`);
      rows.push({ engine: "none", ...(await compare("ASGI-layer me vs bare", { label: "ASGI-layer /api/me", service: layered, request: { url: `${layered.url}/bench/asgi-me`, headers } }, bareSide)) });
    }
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    rmSync(base, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  step(`Summary: ${rounds} alternated rounds of ${seconds} s, ${connections} connections, one uvicorn worker; ratio = median of per-round A/B`);
  console.log("| engine | case | A | B | A req/s | B req/s | ratio A/B | A CPU µs/req | B CPU µs/req |\n|---|---|---|---|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.engine} | ${r.case} | ${r.a} | ${r.b} | ${r.rpsA.toFixed(0)} | ${r.rpsB.toFixed(0)} | **${r.ratio.toFixed(2)}** | ${r.cpuUsA.toFixed(0)} | ${r.cpuUsB.toFixed(0)} |`);
}

await main();
