/**
 * Starts the whole product for a test run: FastAPI (uvicorn) and the built Next.js app, on free
 * loopback ports, with a fresh secret and throwaway SQLite databases. Returns how to reach and stop it.
 * Conformance tests use the pieces too: plan a stack, start its services one by one, or start a second,
 * differently configured API beside the first.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const logDir = path.join(root, "e2e/artifacts/logs");
const backendDir = path.join(root, "backend");
const frontendDir = path.join(root, "frontend");
/**
 * `next build` output. The default `.next` sits beside `next dev`'s own `.next/dev`, so a test run
 * never disturbs a running dev server; E2E_DIST_DIR gives concurrent test runs a folder each.
 */
const distDir = process.env.E2E_DIST_DIR ?? ".next";

type Env = Record<string, string>;
export type JwtMode = "shared-secret" | "jwks";
/** `frontendEnv` adds to or overrides the frontend's environment, e.g. `{ EMAIL_VERIFICATION: "on" }`. */
export type StackOptions = { jwtMode?: JwtMode; name?: string; frontendEnv?: Env };
/** Everything a stack's services need, decided before any of them starts. */
export type StackPlan = { name: string; webUrl: string; apiUrl: string; secret: string; outboxDir: string; webEnv: Env; apiEnv: Env };
/** One running server: where it listens, where it logs, how to stop it; `child` lets fault tests signal it. */
export type Service = { url: string; log: string; child: ChildProcess; stop: () => Promise<void> };
/** `outboxDir` holds the emails the frontend "sent": one JSON file each (frontend/lib/server/mailer.ts). */
export type Stack = { webUrl: string; apiUrl: string; secret: string; outboxDir: string; tasksDatabase: string; stop: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function spawnLogged(name: string, command: string, args: string[], cwd: string, env: Env): { child: ChildProcess; log: string } {
  mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `${name}.log`);
  const out = createWriteStream(log);
  // Its own process group, so stopping it also stops whatever it started (npm → next, etc.).
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return { child, log };
}

async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see e2e/artifacts/logs/${name}.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000}s; see e2e/artifacts/logs/${name}.log`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}

/** Spawns a server and waits until `readyPath` answers; a server that never does is stopped again. */
export async function launch(name: string, url: string, readyPath: string, command: string, args: string[], cwd: string, env: Env, timeoutMs?: number): Promise<Service> {
  const { child, log } = spawnLogged(name, command, args, cwd, env);
  const stop = () => stopProcess(child);
  try {
    await waitFor(`${url}${readyPath}`, child, name, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, log, child, stop };
}

/** Builds the frontend once per test run; the build carries no secret or URL, so every stack can share it. */
export function buildFrontend() {
  execFileSync("npx", ["next", "build"], { cwd: frontendDir, env: { ...process.env, NEXT_DIST_DIR: distDir }, stdio: "inherit" });
}

export async function planStack({ jwtMode = "shared-secret", name = "stack", frontendEnv = {} }: StackOptions = {}): Promise<StackPlan> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tasks-e2e-"));
  const [webPort, apiPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const secret = randomBytes(32).toString("base64url");
  const outboxDir = path.join(dir, "outbox");
  const apiEnv = {
    JWT_MODE: jwtMode,
    JWT_SECRET: secret,
    JWT_ISSUER: webUrl,
    JWT_AUDIENCE: apiUrl,
    CORS_ORIGINS: webUrl,
    DATABASE_URL: `sqlite:///${path.join(dir, "tasks.db")}`,
    // The API emails reminders into the same outbox as the frontend's emails.
    OUTBOX_DIR: outboxDir,
  };
  const webEnv = {
    JWT_MODE: jwtMode,
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: webUrl,
    NEXT_PUBLIC_API_URL: apiUrl,
    DATABASE_URL: `file:${path.join(dir, "auth.db")}`,
    AUTH_RATE_LIMIT: "off",
    OUTBOX_DIR: outboxDir,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    ...frontendEnv,
  };
  return { name, webUrl, apiUrl, secret, outboxDir: webEnv.OUTBOX_DIR, webEnv, apiEnv };
}

/**
 * Migrates the task database and starts FastAPI. With `port` and `env`, a second API runs beside the
 * first with other settings (a wrong secret, an unreachable JWKS) while still expecting the same tokens.
 * `app` names another app factory, e.g. the benchmark's, which adds routes to the same API.
 */
export async function startApi(plan: StackPlan, { name = `${plan.name}-api`, port = Number(new URL(plan.apiUrl).port), env = {}, app = "app.main:create_app" }: { name?: string; port?: number; env?: Env; app?: string } = {}): Promise<Service> {
  const apiEnv = { ...plan.apiEnv, ...env };
  execFileSync(path.join(backendDir, ".venv/bin/alembic"), ["upgrade", "head"], { cwd: backendDir, env: { ...process.env, ...apiEnv }, stdio: "pipe" });
  const args = ["--factory", app, "--host", "127.0.0.1", "--port", String(port)];
  return launch(name, `http://127.0.0.1:${port}`, "/health", path.join(backendDir, ".venv/bin/uvicorn"), args, backendDir, apiEnv);
}

/** Migrates the auth database and starts the built Next.js app (frontend/server.ts); with `port`, another instance beside the first. */
export async function startWeb(plan: StackPlan, { name = `${plan.name}-web`, port = Number(new URL(plan.webUrl).port) }: { name?: string; port?: number } = {}): Promise<Service> {
  // As `npm run migrate` does: the auth modules are server-only, which the react-server condition allows outside Next.
  // server.ts is never started that way (React would resolve to its server build).
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/migrate.ts"], { cwd: frontendDir, env: { ...process.env, ...plan.webEnv }, stdio: "pipe" });
  // As `npm start` does: one process, so a signal reaches the server itself (frontend/server.ts says why).
  const args = ["--import", "tsx", "server.ts", "--hostname", "127.0.0.1", "--port", String(port)];
  return launch(name, `http://127.0.0.1:${port}`, "/sign-in", process.execPath, args, frontendDir, plan.webEnv);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const plan = await planStack(options);
  const started = await Promise.allSettled([startApi(plan), startWeb(plan)]);
  const services = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
  };
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const { webUrl, apiUrl, secret, outboxDir } = plan;
  return { webUrl, apiUrl, secret, outboxDir, tasksDatabase: plan.apiEnv.DATABASE_URL!.replace(/^sqlite:\/\/\//, ""), stop };
}
