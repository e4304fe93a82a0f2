/**
 * The URLs `npm run dev` hands both services, so `PORT=3100 API_PORT=8100 npm run dev` just works: every
 * URL follows the ports unless the environment or an env file sets it, and a set value that contradicts
 * the ports in use is reported in one line. Prints `NAME=value` lines for scripts/dev.sh to export.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

type Vars = Record<string, string | undefined>;
export type DevUrlsInput = { env: Vars; webFiles: Vars; apiFiles: Vars; webPort: number; apiPort: number };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The port a URL points at, or null when it is not a loopback URL (a tunnel or a proxy may legitimately differ). */
function loopbackPort(value: string): number | null {
  try {
    const url = new URL(value);
    if (!LOOPBACK.has(url.hostname)) return null;
    return Number(url.port || (url.protocol === "https:" ? 443 : 80));
  } catch {
    return null;
  }
}

const originOf = (value: string) => {
  try {
    return new URL(value).origin;
  } catch {
    return value;
  }
};

export function devUrls({ env, webFiles, apiFiles, webPort, apiPort }: DevUrlsInput) {
  const values: Record<string, string> = {};
  const reports: string[] = [];
  // A blank value, as copied from .env.example, counts as not set, as it does for both services.
  const explicit = (name: string, files: Vars) => env[name] || files[name] || undefined;

  function follow(name: string, files: Vars, wanted: string, check: (value: string) => string | null) {
    const set = explicit(name, files);
    if (set === undefined) {
      values[name] = wanted;
      return wanted;
    }
    const problem = check(set);
    if (problem) reports.push(problem);
    return set;
  }

  const portCheck = (name: string, who: string, port: number) => (value: string) => {
    const points = loopbackPort(value);
    return points !== null && points !== port ? `${name} says :${points} but ${who} listens on :${port}` : null;
  };
  const sameAs = (name: string, other: string, expected: string) => (value: string) =>
    value === expected ? null : `${name} says ${value} but ${other} is ${expected}, so the API will refuse every token`;

  const webUrl = follow("BETTER_AUTH_URL", webFiles, `http://localhost:${webPort}`, portCheck("BETTER_AUTH_URL", "the frontend", webPort));
  const apiUrl = follow("NEXT_PUBLIC_API_URL", webFiles, `http://localhost:${apiPort}`, portCheck("NEXT_PUBLIC_API_URL", "the API", apiPort));
  // The API follows what the frontend really uses, explicit or not, since those become the tokens' iss and aud.
  follow("JWT_ISSUER", apiFiles, webUrl, sameAs("JWT_ISSUER", "the frontend's BETTER_AUTH_URL", webUrl));
  follow("JWT_AUDIENCE", apiFiles, apiUrl, sameAs("JWT_AUDIENCE", "the frontend's NEXT_PUBLIC_API_URL", apiUrl));
  follow("CORS_ORIGINS", apiFiles, originOf(webUrl), (value) =>
    value.split(",").map((origin) => origin.trim()).includes(originOf(webUrl)) ? null : `CORS_ORIGINS says ${value} but the frontend is ${originOf(webUrl)}, so the browser cannot call the API`,
  );
  return { values, reports };
}

function readEnvFiles(...files: string[]): Vars {
  // Later files win, as in Next.js: .env, then .env.development, then .env.local, then .env.development.local.
  return Object.assign({}, ...files.filter((file) => existsSync(file)).map((file) => parseEnv(readFileSync(file, "utf8"))));
}

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number between 1 and 65535, not ${process.env[name]}`);
    process.exit(2);
  }
  return value;
}

if (process.argv[1] === import.meta.filename) {
  const root = path.resolve(import.meta.dirname, "..");
  const web = path.join(root, "frontend");
  const { values, reports } = devUrls({
    env: process.env,
    webFiles: readEnvFiles(...[".env", ".env.development", ".env.local", ".env.development.local"].map((file) => path.join(web, file))),
    apiFiles: readEnvFiles(path.join(root, "backend/.env")),
    webPort: port("PORT", 3000),
    apiPort: port("API_PORT", 8000),
  });
  for (const report of reports) console.error(`warning: ${report}`);
  for (const [name, value] of Object.entries(values)) console.log(`${name}=${value}`);
}
