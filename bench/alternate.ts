/**
 * What the side-by-side harnesses share (bench/ab.ts: two commits of ours; bench/peer.ts: ours
 * against another project's backend): one uvicorn worker started the same way for every side, and
 * alternated autocannon rounds, so a burst of other work on the machine lands on both sides.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { type Service, freePort, launch, root } from "../e2e/stack.ts";
import { cpuSeconds } from "./cpu.ts";
import { type Request, median, throughput } from "./load.ts";
import { pinSelf, placement } from "./machine.ts";

export const step = (text: string) => console.log(`\n\x1b[1m==> ${text}\x1b[0m`);

/** The production flags: one worker, uvloop and httptools, no access log. */
export const UVICORN_FLAGS = ["--workers", "1", "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning"];

/** An empty PostgreSQL database `name` (dropped first if it exists), and its URL. */
export function freshDatabase(adminUrl: string, name: string): string {
  execFileSync("psql", [`${adminUrl}/postgres`, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, "-c", `CREATE DATABASE ${name}`], { stdio: "pipe" });
  return `${adminUrl}/${name}`;
}

/** Our database at `databaseUrl`, migrated with this checkout's alembic, filled by bench/seed.py (`--reset`). */
export function prepareOurs(databaseUrl: string, seed: { owner: string; users: number; tasks: number; tags: number }) {
  const backend = path.join(root, "backend");
  execFileSync(path.join(backend, ".venv/bin/alembic"), ["upgrade", "head"], { cwd: backend, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
  const args = ["--url", databaseUrl, "--owner", seed.owner, "--users", String(seed.users), "--tasks", String(seed.tasks), "--tags", String(seed.tags), "--reset"];
  const env = { ...process.env, PYTHONPATH: backend };
  console.log(execFileSync(path.join(backend, ".venv/bin/python"), [path.join(root, "bench/seed.py"), ...args], { env, encoding: "utf8" }).trim());
}

export type Uvicorn = { python: string; cwd: string; app: string; env: Record<string, string>; readyPath?: string };

const cores = placement();
/** `python -m uvicorn --factory <app>` on a free port with UVICORN_FLAGS, started on the server cores. */
export async function uvicorn(name: string, { python, cwd, app, env, readyPath = "/health" }: Uvicorn): Promise<Service> {
  const port = await freePort();
  const args = ["-m", "uvicorn", "--factory", app, "--host", "127.0.0.1", "--port", String(port), ...UVICORN_FLAGS];
  if (cores) pinSelf(cores.server);
  try {
    return await launch(name, `http://127.0.0.1:${port}`, readyPath, python, args, cwd, env);
  } finally {
    if (cores) pinSelf(cores.load);
  }
}

/** Where the servers and the load ran, for a report. */
export const pinning = () => (cores ? `servers pinned to CPU ${cores.server}, the load to CPU ${cores.load}` : "no CPU pinning (taskset unavailable)");

export type Side = { label: string; service: Service; request: Request };
export type Round = { rps: number; cpuUs: number };
export type Rounds = { rounds: number; seconds: number; connections: number };
export type Comparison = { case: string; a: string; b: string; rpsA: number; rpsB: number; ratio: number; ratios: number[]; cpuUsA: number; cpuUsB: number };

/** Alternated rounds (A B, then B A, …); each side's medians and the median of the per-round ratios A/B. */
export async function alternate(title: string, a: Side, b: Side, { rounds, seconds, connections }: Rounds): Promise<Comparison> {
  const cpu = new Map([a, b].map((side) => [side, cpuSeconds(side.service.url)]));
  const run = async (side: Side): Promise<Round> => {
    const read = cpu.get(side);
    const before = read?.() ?? 0;
    const result = await throughput(side.request, connections, seconds);
    if (result.failed > 0) throw new Error(`${side.label}: ${result.failed} failed requests on ${side.request.url}`);
    return { rps: result.rps, cpuUs: read ? ((read() - before) / result.ok) * 1e6 : Number.NaN };
  };
  for (const side of [a, b]) await throughput(side.request, connections, 1); // warm-up
  const results: { a: Round; b: Round }[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      const first = await run(a);
      results.push({ a: first, b: await run(b) });
    } else {
      const second = await run(b);
      results.push({ a: await run(a), b: second });
    }
  }
  const row = {
    case: title,
    a: a.label,
    b: b.label,
    rpsA: median(results.map((r) => r.a.rps)),
    rpsB: median(results.map((r) => r.b.rps)),
    ratio: median(results.map((r) => r.a.rps / r.b.rps)),
    ratios: results.map((r) => Number((r.a.rps / r.b.rps).toFixed(2))),
    cpuUsA: median(results.map((r) => r.a.cpuUs)),
    cpuUsB: median(results.map((r) => r.b.cpuUs)),
  };
  console.log(row);
  return row;
}
