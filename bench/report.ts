/** Renders bench/RESULTS.md from one run's figures: the summary table against the targets, then the details. */
import type { PageLoad, TokenFetches } from "./browser.ts";
import { readFileSync } from "node:fs";
import { type Throughput, median } from "./load.ts";

type Rate = { me: number; anonymous: number; ratio: number; cpuMe: number; cpuAnonymous: number; cpuRatio: number };
type P50s = { list: number; search: number };
type Engine = { list: Throughput; scale: { small: P50s; large: P50s }; writes: Throughput & { stored: number; locked: boolean } };

export type Results = {
  command: string;
  quick: boolean;
  date: string;
  workers: string;
  sizes: { runs: number; seconds: number; latencyRequests: number; smallUsers: number; largeUsers: number; heavyTasks: number; pageLoads: number; writes: number; taxRounds: number; taxSeconds: number };
  machine: string[];
  versions: string[];
  placement: { server: string; load: string } | null;
  verifier?: string;
  authTax?: Record<string, Rate>;
  engines?: Record<string, Engine>;
  heavy?: P50s;
  explain?: string;
  chromium?: string;
  pageLoad?: PageLoad;
  tokenFetches?: TokenFetches;
  seconds?: number;
};

const n0 = (x: number) => Math.round(x).toLocaleString("en-US");
const ms = (x: number) => `${x.toFixed(2)} ms`;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** The verifier rows of bench/verifier.py's markdown table, by their first cell: [miss, hit] in µs. */
function verifierRow(table: string, name: string): [number, number] | null {
  const line = table.split("\n").find((row) => row.startsWith(`| ${name}`));
  if (!line) return null;
  const cells = line.split("|").map((cell) => Number.parseFloat(cell.trim()));
  return [cells[3], cells[4]];
}

function summary(r: Results): string[] {
  const rows: string[] = [];
  const add = (id: string, what: string, target: string, result: string, met: string) => rows.push(`| ${id} | ${what} | ${target} | ${result} | ${met} |`);
  const hs = r.verifier ? verifierRow(r.verifier, "better-auth-jwt (shared-secret)") : null;
  const ed = r.verifier ? verifierRow(r.verifier, "better-auth-jwt (jwks)") : null;
  const bridge = r.verifier ? verifierRow(r.verifier, "fastapi-better-auth-bridge") : null;
  if (hs && ed && bridge) {
    add("1", "µs per verification", "hit ≤ 5 µs; miss no slower than the bridge", `hit ${hs[1]} (HS256), ${ed[1]} (EdDSA); EdDSA miss ${ed[0]} vs bridge ${bridge[0]} (ratio ${(ed[0] / bridge[0]).toFixed(2)}); HS256 miss ${hs[0]}`, verdict(Math.max(hs[1], ed[1]) <= 5 && ed[0] <= bridge[0]));
  }
  for (const [mode, rate] of Object.entries(r.authTax ?? {})) {
    add("2", `auth tax, ${mode}`, "ratio ≥ 0.90", `/api/me ${n0(rate.me)} req/s vs unauthenticated ${n0(rate.anonymous)} req/s: ratio ${rate.ratio.toFixed(2)}. Server CPU per request ${rate.cpuMe.toFixed(0)} µs vs ${rate.cpuAnonymous.toFixed(0)} µs: ratio ${rate.cpuRatio.toFixed(2)}`, verdict(rate.ratio >= 0.9));
  }
  for (const [name, engine] of Object.entries(r.engines ?? {})) {
    const l = engine.list;
    add("3", `GET /api/tasks?limit=50, 32 connections, ${name}`, "0 errors", `${n0(l.rps)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms; ${l.failed} errors of ${n0(l.ok + l.failed)}`, verdict(l.failed === 0));
  }
  const large = r.sizes.largeUsers * 100;
  for (const [name, engine] of Object.entries(r.engines ?? {})) {
    const { small, large: big } = engine.scale;
    const list = big.list / small.list;
    const search = big.search / small.search;
    add("4", `scale, ${name}: p50 at 10 k vs ${n0(large)} rows`, "ratio ≤ 1.3", `list ${ms(small.list)} → ${ms(big.list)} (${list.toFixed(2)}); search ${ms(small.search)} → ${ms(big.search)} (${search.toFixed(2)})`, verdict(list <= 1.3 && search <= 1.3));
  }
  if (r.heavy) {
    add("5", `one user with ${n0(r.sizes.heavyTasks)} tasks, PostgreSQL, p50`, "≤ 20 ms list, ≤ 50 ms search", `list ${ms(r.heavy.list)}, search ${ms(r.heavy.search)}`, verdict(r.heavy.list <= 20 && r.heavy.search <= 50));
  }
  for (const [name, engine] of Object.entries(r.engines ?? {})) {
    const w = engine.writes;
    const intact = w.failed === 0 && w.stored === w.ok && !w.locked;
    add("6", `creates at 32 connections, ${name}`, "every write present; no lock errors", `${n0(w.rps)} creates/s, p50 ${w.p50} ms, p99 ${w.p99} ms; ${n0(w.ok)} acknowledged, ${n0(w.stored)} stored, ${w.failed} failed, "database is locked" ${w.locked ? "seen" : "never"}`, verdict(intact));
  }
  if (r.pageLoad) {
    const kb = r.pageLoad.jsGzipBytes / 1024;
    add("7", "first-load JS of /tasks (gzip); navigation → 50 tasks visible", "≤ 160 KB", `${kb.toFixed(1)} KB in ${r.pageLoad.scripts.length} scripts; median ${n0(median(r.pageLoad.msTo50Tasks))} ms over ${r.pageLoad.msTo50Tasks.length} cold loads`, verdict(kb <= 160));
  }
  if (r.tokenFetches) {
    const t = r.tokenFetches;
    add("8", "calls to /api/auth/token during ≥ 100 API calls", "exactly 1", `${t.tokenFetches} during ${t.apiCalls} API calls (${t.seconds.toFixed(1)} s)`, verdict(t.tokenFetches === 1));
  }
  return ["| # | what | target | result | verdict |", "|---|---|---|---|---|", ...rows];
}

/** Broken behaviour, as opposed to slowness: failed requests, lost writes, a lock, extra token fetches. */
export function defects(r: Results): string[] {
  const found: string[] = [];
  for (const [name, engine] of Object.entries(r.engines ?? {})) {
    if (engine.list.failed > 0) found.push(`${name}: ${engine.list.failed} list requests failed`);
    const w = engine.writes;
    if (w.failed > 0 || w.stored !== w.ok) found.push(`${name}: ${w.failed} creates failed, ${w.stored} of ${w.ok} acknowledged stored`);
    if (w.locked) found.push(`${name}: "database is locked" in the API log`);
  }
  if (r.tokenFetches && r.tokenFetches.tokenFetches !== 1) found.push(`${r.tokenFetches.tokenFetches} token fetches instead of 1`);
  return found;
}

export function render(r: Results): string {
  const s = r.sizes;
  return [
    `# Benchmark results${r.quick ? " (quick mode: small sizes, short runs; a smoke test, not figures to quote)" : ""}`,
    "",
    `Command: \`${r.command}\` · date: ${r.date} · took ${r.seconds?.toFixed(0)} s`,
    "",
    ...r.machine.map((line) => `- ${line}`),
    ...r.versions.map((line) => `- ${line}`),
    `- Chromium ${r.chromium ?? "not run"}`,
    r.placement
      ? `- Placement (taskset): servers (uvicorn ×${r.workers} worker(s), next start) on CPU ${r.placement.server}; load generator (autocannon, in the harness's Node process) and Chromium on CPU ${r.placement.load}. PostgreSQL is a system service and was not pinned: its backends run on either core.`
      : "- Placement: taskset unavailable, nothing pinned.",
    `- Method: throughput is the median of ${s.runs} autocannon runs of ${s.seconds} s at 32 connections. The auth tax alternates the two routes in ${s.taxRounds} rounds of ${s.taxSeconds} s each and quotes the median of the per-round ratios, in req/s and in the server's CPU µs per request (from /proc, which other work on the machine does not inflate). Latency p50s for scale are the median of ${s.latencyRequests} sequential requests on one keep-alive connection, timed in the harness at µs resolution.`,
    "",
    "## Summary",
    "",
    ...summary(r),
    "",
    "## 1. Token verification",
    "",
    r.verifier ?? "not run",
    "",
    "## 7. Scripts /tasks loads (first load, cold cache), gzip",
    "",
    ...(r.pageLoad ? ["| script | KB gzip |", "|---|---:|", ...r.pageLoad.scripts.map((script) => `| ${script.path} | ${(script.gzipBytes / 1024).toFixed(1)} |`)] : ["not run"]),
    "",
    "## 4, 5. Query plans on PostgreSQL (the heavy user's list and search, exactly as crud.list_tasks issues them)",
    "",
    "```",
    r.explain?.trim() ?? "not run (no PostgreSQL)",
    "```",
    "",
    readFileSync(new URL("ANALYSIS.md", import.meta.url), "utf8"),
  ].join("\n");
}
