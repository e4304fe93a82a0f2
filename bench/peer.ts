/**
 * `npm run bench:peer -- --peer <snapshot>`: our task list against a peer project's, side by side
 * on this machine, on PostgreSQL, in alternated rounds of one run (bench/alternate.ts).
 *
 * The peer is antosubash/nextjs-better-auth-fastapi (FastAPI, async SQLAlchemy + asyncpg), given as
 * the path of a bare git snapshot. Nothing of it is kept in this repository: its backend is exported
 * to a temporary folder at run time and runs from there, in a Python 3.12 venv of pinned packages
 * (PEER_PACKAGES) cached under bench/.peer-cache. Both sides verify the same EdDSA token against
 * the same JWKS, which this harness serves, as Better Auth's jwt() plugin would. Writes the
 * "## Peer comparison" section of bench/RESULTS.md.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Service, freePort, root } from "../e2e/stack.ts";
import { type Comparison, type Side, alternate, freshDatabase, pinning, prepareOurs, step, uvicorn } from "./alternate.ts";
import { writeSection } from "./results-file.ts";

const { values: options } = parseArgs({
  options: {
    peer: { type: "string" },
    rounds: { type: "string", default: "7" },
    seconds: { type: "string", default: "4" },
    connections: { type: "string", default: "32,1" },
  },
});
if (!options.peer) throw new Error("--peer <path of the bare git snapshot of antosubash/nextjs-better-auth-fastapi> is required");
const snapshot = path.resolve(options.peer);
const rounds = Number(options.rounds);
const seconds = Number(options.seconds);
const connectionCounts = options.connections.split(",").map(Number);
const pgAdminUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
const OWNER = "peer-owner";
const TASKS = 50;

/**
 * The peer's runtime packages, fully pinned (transitives included) and installed with --no-deps.
 * Chosen here, not read from its lock: where both backends use a package, ours's version, so the
 * framework is the same on both sides; for the rest the newest release. SQLAlchemy 2.1 connects
 * `postgresql://` (its Alembic and APScheduler URL) through psycopg 3, so that replaces the
 * psycopg2-binary its pyproject names; greenlet is SQLAlchemy's asyncio extra.
 */
const PEER_PACKAGES = [
  "aiofiles==25.1.0", "alembic==1.20.1", "annotated-doc==0.0.7", "annotated-types==0.8.0", "anyio==4.16.0", "APScheduler==3.11.3",
  "argon2-cffi==25.1.0", "argon2-cffi-bindings==26.2.0", "asyncpg==0.32.0", "certifi==2026.10.19.post1", "cffi==2.1.1", "click==8.5.1",
  "cryptography==50.0.2", "fastapi==0.165.0", "greenlet==3.5.6", "h11==0.16.0", "httpcore==1.0.9", "httptools==0.9.0", "httpx==0.29.0",
  "idna==3.20", "Mako==1.4.3", "MarkupSafe==3.0.4", "minio==7.2.20", "opentelemetry-api==1.45.2", "psycopg==3.3.9", "psycopg-binary==3.3.9",
  "pycparser==3.12", "pycryptodome==4.5.0", "pydantic==2.14.4", "pydantic_core==2.50.5", "PyJWT==2.15.1", "python-dotenv==1.2.4",
  "python-multipart==0.0.34", "SQLAlchemy==2.1.9", "sqlmodel==0.0.50", "starlette==1.10.0", "typing-inspection==0.4.5",
  "typing_extensions==4.16.0", "tzlocal==5.4.5", "urllib3==2.8.0", "uvicorn==0.54.0", "uvloop==0.23.0",
];
const ourPython = path.join(root, "backend/.venv/bin/python");

/** The snapshot's HEAD backend, exported with `git archive` into a temporary folder, and its commit. */
function exportPeer(): { dir: string; commit: string } {
  let commit: string;
  try {
    commit = execFileSync("git", ["--git-dir", snapshot, "rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    throw new Error(`--peer ${snapshot} is not a git directory with a HEAD commit`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-peer-"));
  execFileSync("bash", ["-c", `git --git-dir "$0" archive HEAD backend | tar -x -C "$1"`, snapshot, dir]);
  if (!existsSync(path.join(dir, "backend/core/app.py"))) throw new Error(`the snapshot's backend/ has no core/app.py: not the expected peer (${snapshot})`);
  console.log(`peer ${commit}, exported to ${dir}`);
  return { dir, commit };
}

/** A Python 3.12 (the peer needs >= 3.12): BENCH_PEER_PYTHON, python3.12 on PATH, or a pyenv 3.12. */
function python312(): string {
  const pyenv = path.join(process.env.PYENV_ROOT ?? path.join(os.homedir(), ".pyenv"), "versions");
  const installed = existsSync(pyenv) ? readdirSync(pyenv).filter((v) => v.startsWith("3.12")).map((v) => path.join(pyenv, v, "bin/python3.12")) : [];
  const candidates = [process.env.BENCH_PEER_PYTHON, "python3.12", ...installed].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ["-c", "import sys; assert sys.version_info[:2] == (3, 12)"], { stdio: "ignore" });
      return candidate;
    } catch {
      // not there, or not 3.12
    }
  }
  throw new Error(`no Python 3.12 found (tried ${candidates.join(", ")}); set BENCH_PEER_PYTHON to one`);
}

/** The peer's venv, made once per PEER_PACKAGES list: a changed list gets a new folder. */
function peerVenv(): string {
  const digest = createHash("sha256").update(PEER_PACKAGES.join("\n")).digest("hex").slice(0, 12);
  const venv = path.join(root, "bench/.peer-cache", `venv-${digest}`);
  const python = path.join(venv, "bin/python");
  if (existsSync(path.join(venv, ".complete"))) return python;
  step(`Installing the peer's packages into ${path.relative(root, venv)}`);
  rmSync(venv, { recursive: true, force: true });
  execFileSync(python312(), ["-m", "venv", venv], { stdio: "inherit" });
  execFileSync(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", ...PEER_PACKAGES], { stdio: ["ignore", "inherit", "inherit"] });
  execFileSync("touch", [path.join(venv, ".complete")]);
  return python;
}

/** An Ed25519 key, its JWKS as Better Auth publishes it, and a token minted with it. */
function signer() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const kid = randomBytes(16).toString("hex");
  const { x } = publicKey.export({ format: "jwk" });
  const jwks = JSON.stringify({ keys: [{ kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA" }] });
  const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  /** A token for OWNER from `issuer` to `audience`, valid for the whole run (under our 1 h lifetime cap). */
  const token = (issuer: string, audience: string) => {
    const now = Math.floor(Date.now() / 1000);
    const input = `${b64url({ alg: "EdDSA", kid, typ: "JWT" })}.${b64url({ sub: OWNER, sid: "peer-session", iss: issuer, aud: audience, iat: now, exp: now + 3000 })}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey).toString("base64url")}`;
  };
  return { jwks, token };
}

/** Better Auth's JWKS endpoint, `GET /api/auth/jwks`, on a free loopback port; its base URL. */
async function serveJwks(jwks: string): Promise<{ url: string; close: () => void }> {
  const port = await freePort();
  const server = http.createServer((request, response) => {
    const found = request.method === "GET" && request.url === "/api/auth/jwks";
    response.writeHead(found ? 200 : 404, { "content-type": "application/json" });
    response.end(found ? jwks : '{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/**
 * The peer's database: migrated with its own Alembic (schema `api`), then 50 tasks for OWNER with
 * the titles bench/seed.py gives ours and, like ours, an empty description. `status` holds the enum
 * member's name: that is what SQLAlchemy's non-native Enum of its model writes and reads.
 */
function preparePeer(databaseUrl: string, python: string, backend: string, env: Record<string, string>) {
  execFileSync(python, ["-m", "alembic", "upgrade", "head"], { cwd: backend, env: { ...process.env, ...env }, stdio: "pipe" });
  const insert = `INSERT INTO api.tasks (id, title, description, status, user_id, created_at, updated_at)
    SELECT gen_random_uuid(), 'Task ' || n || ' ' || (ARRAY['buy milk','pay rent','call mom','fix bike','read book'])[n % 5 + 1], '',
           'PENDING', '${OWNER}', now() - n * interval '1 second', now() - n * interval '1 second'
    FROM generate_series(0, ${TASKS - 1}) AS n`;
  execFileSync("psql", [databaseUrl, "-qc", insert], { stdio: "pipe" });
  console.log(`peer: ${TASKS} tasks for ${OWNER}`);
}

const SHARED = ["fastapi", "starlette", "pydantic", "SQLAlchemy", "uvicorn", "uvloop", "httptools", "PyJWT", "cryptography"];
/** The Python and the shared packages' versions in a venv, as one line for the report. */
function versionsIn(python: string): string {
  const script = `import importlib.metadata as m, platform; print("Python " + platform.python_version() + ", " + ", ".join(p + " " + m.version(p) for p in ${JSON.stringify(SHARED)}))`;
  return execFileSync(python, ["-c", script], { encoding: "utf8" }).trim();
}

type Page = { bytes: number; fields: string[] };
/** Fails unless the side answers 200 with a page of exactly TASKS items; its size and item fields. */
async function checkPage(side: Side): Promise<Page> {
  const response = await fetch(side.request.url!, { headers: side.request.headers as Record<string, string> });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${side.label}: GET ${side.request.url} answered ${response.status}: ${text.slice(0, 300)}`);
  const items = (JSON.parse(text) as { items?: Record<string, unknown>[] }).items;
  if (!Array.isArray(items) || items.length !== TASKS) throw new Error(`${side.label}: expected ${TASKS} items, got ${Array.isArray(items) ? items.length : "no items array"}`);
  return { bytes: Buffer.byteLength(text), fields: Object.keys(items[0]) };
}

async function main() {
  const peer = exportPeer();
  const peerPython = peerVenv();
  const peerBackend = path.join(peer.dir, "backend");
  const { jwks, token } = signer();
  const auth = await serveJwks(jwks);
  const services: Service[] = [];
  try {
    step("PostgreSQL: one database each, 50 tasks for one user");
    const oursDb = freshDatabase(pgAdminUrl, "peer_ours");
    prepareOurs(oursDb, { owner: OWNER, users: 1, tasks: TASKS, tags: 2 });
    const theirsDb = freshDatabase(pgAdminUrl, "peer_theirs");
    const peerEnv = {
      DATABASE_URL: theirsDb.replace(/^postgresql:/, "postgresql+asyncpg:"),
      DB_SCHEMA: "api",
      // Its issuer, audience and JWKS all derive from this one URL.
      BETTER_AUTH_URL: auth.url,
      CORS_ORIGINS: auth.url,
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "WARNING",
      PYTHONPATH: [peerBackend, path.join(root, "bench")].join(":"),
    };
    preparePeer(theirsDb, peerPython, peerBackend, peerEnv);

    step("Starting both backends, each verifying EdDSA tokens from the harness's JWKS");
    const ours = await uvicorn("peer-ours", {
      python: ourPython,
      cwd: path.join(root, "backend"),
      app: "app.main:create_app",
      env: { DATABASE_URL: oursDb, JWT_MODE: "jwks", JWT_ISSUER: auth.url, JWT_AUDIENCE: auth.url, JWKS_URL: `${auth.url}/api/auth/jwks`, JWT_REVOCATION_FEED: "false" },
    });
    services.push(ours);
    const theirs = await uvicorn("peer-theirs", { python: peerPython, cwd: peerBackend, app: "peer_app:create_app", env: peerEnv });
    services.push(theirs);
    const headers = { Authorization: `Bearer ${token(auth.url, auth.url)}` };
    const oursSide: Side = { label: "ours", service: ours, request: { url: `${ours.url}/api/tasks?limit=${TASKS}`, headers } };
    const theirsSide: Side = { label: "peer", service: theirs, request: { url: `${theirs.url}/tasks?page_size=${TASKS}`, headers } };
    const pages = { ours: await checkPage(oursSide), theirs: await checkPage(theirsSide) };
    console.log(pages);

    const rows: Comparison[] = [];
    for (const connections of connectionCounts) {
      step(`The page of ${TASKS} tasks, ours against the peer's, ${connections} connection(s), ${rounds} alternated rounds of ${seconds} s`);
      rows.push(await alternate(`${connections}`, oursSide, theirsSide, { rounds, seconds, connections }));
    }
    const section = report(rows, pages, peer.commit, { ours: versionsIn(ourPython), theirs: versionsIn(peerPython) });
    console.log(`\n${section}`);
    writeSection("## Peer comparison", section);
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    auth.close();
    rmSync(peer.dir, { recursive: true, force: true });
  }
}

const thousands = (value: number) => Math.round(value).toLocaleString("en-US");

function report(rows: Comparison[], pages: { ours: Page; theirs: Page }, peerCommit: string, versions: { ours: string; theirs: string }): string {
  const ours = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const table = rows.map(
    (r) =>
      `| ${r.case} | ${thousands(r.rpsA)} | ${thousands(r.rpsB)} | **${r.ratio.toFixed(2)}** | ${Math.min(...r.ratios).toFixed(2)} to ${Math.max(...r.ratios).toFixed(2)} | ${thousands(r.cpuUsA)} | ${thousands(r.cpuUsB)} | ${(r.cpuUsB / r.cpuUsA).toFixed(2)} |`,
  );
  return `## Peer comparison

Command: \`npm run bench:peer -- --peer <snapshot> --rounds ${rounds} --seconds ${seconds}\` (bench/peer.ts), ${when} UTC,
ours at ${ours}, the peer antosubash/nextjs-better-auth-fastapi at ${peerCommit}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} at the end.
Our \`GET /api/tasks?limit=${TASKS}\` against its \`GET /tasks?page_size=${TASKS}\`, each on its own PostgreSQL database
holding ${TASKS} tasks of one user. One uvicorn worker each, \`--loop uvloop --http httptools --no-access-log\`, ${pinning()}.
Each round runs ours then the peer's (or the reverse, alternately); the ratio is the median of the per-round ratios;
CPU is the server's user + system time per answered request, from /proc.

| connections | ours req/s | peer req/s | ratio ours/peer (median of rounds) | rounds | ours CPU µs/req | peer CPU µs/req | CPU ratio peer/ours |
|---:|---:|---:|---:|---|---:|---:|---:|
${table.join("\n")}

How the comparison is made fair:
- **Same work per request:** a page of ${TASKS} tasks plus the total count, read from PostgreSQL, serialised to JSON.
  Ours returns ${pages.ours.bytes.toLocaleString("en-US")} bytes, each task with ${pages.ours.fields.length} fields (${pages.ours.fields.join(", ")}),
  two tags on every task (bench/seed.py \`--tags 2\`); the peer returns ${pages.theirs.bytes.toLocaleString("en-US")} bytes, each task with
  ${pages.theirs.fields.length} fields (${pages.theirs.fields.join(", ")}); it has no tags. Same titles; empty descriptions on both.
- **Same auth:** both verify one EdDSA (Ed25519) token, \`iss\` = \`aud\` = the harness's URL, against the JWKS the harness serves at
  \`/api/auth/jwks\`, as Better Auth's jwt() plugin publishes it. Ours runs in \`JWT_MODE=jwks\` and caches a verified token (a
  digest-keyed cache), so it checks the signature once; the peer fetches the JWKS once (cached 1 h) and checks the signature
  on every request, in a middleware.
- **Same framework and server:** the peer's venv pins the packages both use to our versions (it needs Python >= 3.12).
  Ours: ${versions.ours}. Peer: ${versions.theirs}.
- **Logging:** no access log on either; the peer at \`LOG_LEVEL=WARNING\` (its middlewares log every request at INFO otherwise).
- **Rate limit off:** the peer's in-memory rate limiter (60 requests a minute per IP by default) is off, \`RATE_LIMIT_ENABLED=false\`;
  ours has none on this route.
- **MinIO:** the peer's startup checks a MinIO bucket and fails without MinIO, which is not used by the task list; bench/peer_app.py
  replaces that one step in memory before building the app. Its other startup work (schema check, APScheduler on PostgreSQL)
  runs as shipped, and so does our reminder sender.
- Nothing of the peer is kept in this repository: its backend is exported from the snapshot to a temporary folder for the run.
`;
}

await main();
