/** Finds secrets and tokens in server logs: no log line may carry the signing secret, a JWT or a bearer header. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// A JWT's header and payload are base64url JSON objects, so both start with "eyJ".
const TOKEN_PATTERNS = [/eyJ[\w-]{8,}\.eyJ[\w-]{8,}\./, /Bearer\s+[\w-]{8,}/i, /session_token=[\w.%-]{8,}/];

/** The `.log` files in a folder and its subfolders. */
export function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? logFiles(full) : name.endsWith(".log") ? [full] : [];
  });
}

/** Every `file:line` that contains one of the secrets or anything shaped like a token. */
export function findLeaks(files: string[], secrets: string[]): string[] {
  const leaks: string[] = [];
  for (const file of files) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        const secret = secrets.find((value) => value && line.includes(value));
        const token = TOKEN_PATTERNS.find((pattern) => pattern.test(line));
        if (secret || token) leaks.push(`${file}:${index + 1}: ${secret ? "the secret" : `a token (${token})`}`);
      });
  }
  return leaks;
}

/** Throws when any log leaks; called after each run, once its servers have stopped and flushed. */
export function assertNoLeaks(files: string[], secrets: string[]) {
  const leaks = findLeaks(files, secrets);
  if (leaks.length) throw new Error(`Secrets or tokens found in logs:\n${leaks.slice(0, 20).join("\n")}`);
}
