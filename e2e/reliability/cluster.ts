/**
 * Starts the scale-out topology on loopback: two FastAPI and two Next.js instances behind one nginx
 * origin, on PostgreSQL for both databases and Redis as Better Auth's secondary storage.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { logFiles } from "../log-scan";
import { buildFrontend, freePort, type JwtMode, launch, planStack, root, type Service, type StackPlan, startApi, startWeb } from "../stack";

export const POSTGRES = "postgresql://postgres@127.0.0.1:5432";
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export type ClusterOptions = {
  name: string;
  jwtMode?: JwtMode;
  /** Better Auth's rate limits; off for load, where every virtual user signs up from one address. */
  rateLimit?: "on" | "off";
  /** The two PostgreSQL databases, created afresh: each start begins with no users and no tasks. */
  databases: { tasks: string; auth: string };
  /** A fixed port for the public origin; a free one otherwise. */
  port?: number;
  /** The PostgreSQL server (no database) and the Redis server; the machine's own by default. */
  postgres?: string;
  redisUrl?: string;
};

export type Cluster = {
  url: string;
  plan: StackPlan;
  apis: Service[];
  webs: Service[];
  proxy: Service;
  /** Starts instance `index` of the API again on its port, e.g. after a fault test killed it. */
  restartApi: (index: number) => Promise<Service>;
  restartWeb: (index: number) => Promise<Service>;
  /** Every log the cluster wrote: each instance's and nginx's. */
  logs: () => string[];
  stop: () => Promise<void>;
};

/** Builds the frontend once per run, unless REUSE_BUILD=1 says the build in place is current (CI has just made it). */
export function ensureBuilt() {
  const distDir = process.env.E2E_DIST_DIR ?? ".next";
  const built = existsSync(path.join(root, "frontend", distDir, "BUILD_ID"));
  if (!built || process.env.REUSE_BUILD !== "1") buildFrontend();
}

async function recreateDatabases(server: string, names: string[]) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    for (const name of names) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}

function renderNginx(port: number, apiPorts: number[], webPorts: number[]): string {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "tasks-nginx-"));
  // nginx's workers run as an unprivileged user and write their temp files here.
  chmodSync(prefix, 0o755);
  const servers = (ports: number[]) => ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join("\n");
  const config = readFileSync(path.join(import.meta.dirname, "nginx.conf.template"), "utf8")
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{PORT}}", String(port))
    .replace("{{API_SERVERS}}", servers(apiPorts))
    .replace("{{WEB_SERVERS}}", servers(webPorts));
  const file = path.join(prefix, "nginx.conf");
  writeFileSync(file, config);
  execFileSync("nginx", ["-t", "-q", "-p", prefix, "-c", file, "-e", path.join(prefix, "error.log")], { stdio: "inherit" });
  return file;
}

export async function startCluster({ name, jwtMode = "shared-secret", rateLimit = "off", databases, port, postgres = POSTGRES, redisUrl = REDIS_URL }: ClusterOptions): Promise<Cluster> {
  await recreateDatabases(postgres, [databases.tasks, databases.auth]);
  const publicPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${publicPort}`;
  const base = await planStack({ jwtMode, name });
  const plan: StackPlan = {
    ...base,
    webUrl: url,
    apiUrl: url,
    apiEnv: { ...base.apiEnv, JWT_ISSUER: url, JWT_AUDIENCE: url, CORS_ORIGINS: url, DATABASE_URL: `${postgres}/${databases.tasks}` },
    // nginx, on loopback, is the one proxy the frontends believe; it overwrites X-Forwarded-For itself.
    webEnv: { ...base.webEnv, BETTER_AUTH_URL: url, NEXT_PUBLIC_API_URL: url, DATABASE_URL: `${postgres}/${databases.auth}`, REDIS_URL: redisUrl, AUTH_RATE_LIMIT: rateLimit, TRUSTED_PROXIES: "127.0.0.1" },
  };
  const apiPorts = [await freePort(), await freePort()];
  const webPorts = [await freePort(), await freePort()];
  const services: Service[] = [];
  const startedApi = (index: number) => startApi(plan, { name: `${name}-api-${index + 1}`, port: apiPorts[index]! });
  const startedWeb = (index: number) => startWeb(plan, { name: `${name}-web-${index + 1}`, port: webPorts[index]! });
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
  };
  try {
    // One after the other: each start migrates, and two migrations at once would race on the same DDL.
    const apis = [await startedApi(0), await startedApi(1)];
    services.push(...apis);
    const webs = [await startedWeb(0), await startedWeb(1)];
    services.push(...webs);
    const config = renderNginx(publicPort, apiPorts, webPorts);
    const prefix = path.dirname(config);
    const proxy = await launch(`${name}-nginx`, url, "/health", "nginx", ["-p", prefix, "-c", config, "-e", path.join(prefix, "error.log")], root, {});
    services.push(proxy);
    const restart = (list: Service[], start: (index: number) => Promise<Service>) => async (index: number) => {
      const service = await start(index);
      list[index] = service;
      services.push(service);
      return service;
    };
    const logs = () => [...new Set(services.map((service) => service.log)), ...logFiles(prefix)];
    return { url, plan, apis, webs, proxy, restartApi: restart(apis, startedApi), restartWeb: restart(webs, startedWeb), logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
