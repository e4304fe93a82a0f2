/**
 * Starts the whole product for a test run: FastAPI (uvicorn) and the built Next.js app, on free
 * loopback ports, with a fresh secret and throwaway SQLite databases. Returns how to reach and stop it.
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
/** The e2e build lives apart from `.next`, so tests never disturb a running `npm run dev`. */
const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";

export type JwtMode = "shared-secret" | "jwks";
export type StackOptions = { jwtMode?: JwtMode; name?: string };
export type Stack = { webUrl: string; apiUrl: string; secret: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `${name}.log`));
  // Its own process group, so stopping it also stops whatever it started (npm → next, etc.).
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
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
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}

/** Builds the frontend once per test run; the build carries no secret or URL, so every stack can share it. */
export function buildFrontend() {
  execFileSync("npx", ["next", "build"], { cwd: frontendDir, env: { ...process.env, NEXT_DIST_DIR: distDir }, stdio: "inherit" });
}

export async function startStack({ jwtMode = "shared-secret", name = "stack" }: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tasks-e2e-"));
  const [webPort, apiPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const secret = randomBytes(32).toString("base64url");

  const backendEnv = {
    JWT_MODE: jwtMode,
    JWT_SECRET: secret,
    JWT_ISSUER: webUrl,
    JWT_AUDIENCE: apiUrl,
    CORS_ORIGINS: webUrl,
    DATABASE_URL: `sqlite:///${path.join(dir, "tasks.db")}`,
  };
  const frontendEnv = {
    JWT_MODE: jwtMode,
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: webUrl,
    NEXT_PUBLIC_API_URL: apiUrl,
    DATABASE_URL: `file:${path.join(dir, "auth.db")}`,
    AUTH_RATE_LIMIT: "off",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  execFileSync(path.join(backendDir, ".venv/bin/alembic"), ["upgrade", "head"], { cwd: backendDir, env: { ...process.env, ...backendEnv }, stdio: "pipe" });
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { cwd: frontendDir, env: { ...process.env, ...frontendEnv }, stdio: "pipe" });

  const api = start(`${name}-api`, path.join(backendDir, ".venv/bin/uvicorn"), ["--factory", "app.main:create_app", "--host", "127.0.0.1", "--port", String(apiPort)], backendDir, backendEnv);
  const web = start(`${name}-web`, "npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(webPort)], frontendDir, frontendEnv);
  const stop = async () => {
    await Promise.all([stopProcess(api), stopProcess(web)]);
  };
  try {
    await Promise.all([waitFor(`${apiUrl}/health`, api, `${name}-api`), waitFor(`${webUrl}/sign-in`, web, `${name}-web`)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, secret, stop };
}
