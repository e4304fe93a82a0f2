/**
 * Private PostgreSQL and Redis servers on free loopback ports, for the fault tests that stop and
 * restart them: the machine's shared servers are never touched.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type DataServer = { url: string; start: () => Promise<void>; stop: () => Promise<void>; remove: () => void };

async function asPostgres(command: string, args: string[]) {
  // PostgreSQL refuses to run as root; on machines where the tests run as root, drop to its user.
  const root = process.getuid?.() === 0;
  await run(root ? "runuser" : command, root ? ["-u", "postgres", "--", command, ...args] : args);
}

/** A throwaway cluster with trust auth and no fsync: fast to create, to stop and to start again. */
export async function privatePostgres(port: number): Promise<DataServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tasks-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  await asPostgres(path.join(PG_BIN, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(PG_BIN, "pg_ctl"), ["-D", data, "-w", "-t", "30", ...args]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}`,
    start: () => pgCtl("-l", path.join(dir, "postgres.log"), "-o", options, "start"),
    // "fast": open connections are cut, as in a crash or a failover, rather than waited for.
    stop: () => pgCtl("-m", "fast", "stop"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function privateRedis(port: number): DataServer {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tasks-redis-"));
  const cli = (...args: string[]) => run("redis-cli", ["-p", String(port), ...args]);
  return {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      await run("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes", "--dir", dir, "--logfile", path.join(dir, "redis.log")]);
      for (let i = 0; i < 50; i += 1) {
        if ((await cli("ping").catch(() => ({ stdout: "" }))).stdout.trim() === "PONG") return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`redis-server did not start on port ${port}; see ${dir}/redis.log`);
    },
    stop: async () => {
      await cli("shutdown", "nosave").catch(() => undefined);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
