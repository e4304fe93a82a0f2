/** What the benchmark ran on: the machine, the versions of everything measured, and which cores did what. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../e2e/stack.ts";

const python = path.join(root, "backend/.venv/bin/python");

function quiet(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unavailable";
  }
}

const npmVersion = (name: string) => (JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

export function machine(): string[] {
  const cpus = os.cpus();
  return [`${cpus.length} cores, ${cpus[0]?.model ?? "unknown CPU"}`, `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`, `${os.type()} ${os.release()}`, `load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`];
}

export function versions(databaseUrl: string | null): string[] {
  const packages = ["fastapi", "starlette", "uvicorn", "uvloop", "httptools", "pydantic", "SQLAlchemy", "sqlmodel", "psycopg", "PyJWT", "cryptography"];
  const script = `import importlib.metadata as m, platform; print("Python " + platform.python_version() + ", " + ", ".join(p + " " + m.version(p) for p in ${JSON.stringify(packages)}))`;
  return [
    `Node.js ${process.version}; next ${npmVersion("next")}, better-auth ${npmVersion("better-auth")}, react ${npmVersion("react")}, autocannon ${npmVersion("autocannon")}, @playwright/test ${npmVersion("@playwright/test")}`,
    quiet(python, ["-c", script]),
    `SQLite ${quiet(python, ["-c", "import sqlite3; print(sqlite3.sqlite_version)"])}`,
    `PostgreSQL ${databaseUrl ? quiet("psql", [databaseUrl, "-Atc", "show server_version"]) : "not used"}`,
  ];
}

/** Cores for the servers and for the load generator: the first half and the second half, unless set. */
export function placement(): { server: string; load: string } | null {
  if (quiet("taskset", ["-p", String(process.pid)]) === "unavailable") return null;
  const count = os.cpus().length;
  const half = Math.max(1, Math.floor(count / 2));
  const span = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);
  return {
    server: process.env.BENCH_SERVER_CPUS ?? span(0, half - 1),
    load: process.env.BENCH_LOAD_CPUS ?? (count > 1 ? span(half, count - 1) : "0"),
  };
}

/** Moves this process (every thread) to `cpus`; children started afterwards inherit the mask. */
export function pinSelf(cpus: string) {
  execFileSync("taskset", ["-a", "-p", "-c", cpus, String(process.pid)], { stdio: "ignore" });
}
