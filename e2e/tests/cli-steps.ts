/** Runs the `tasks` CLI (cli/) as a person would in a terminal, each test with its own config directory. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../stack";

const BIN = path.join(root, "cli/bin/tasks.js");

export type CliResult = { code: number; stdout: string; stderr: string };

/** A terminal of its own: its own XDG config directory, so its saved sign-in is its alone. */
export function terminal() {
  const configHome = mkdtempSync(path.join(os.tmpdir(), "tasks-cli-e2e-"));
  // Plain text: no colours (Playwright's workers set FORCE_COLOR), as in a pipe.
  const { FORCE_COLOR: _force, ...inherited } = process.env;
  const env = { ...inherited, XDG_CONFIG_HOME: configHome, NO_COLOR: "1" };

  function run(...args: string[]): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(process.execPath, [BIN, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** `tasks login`, left running: the code it prints, and how it ended once someone approved or denied. */
  function login(url: string) {
    const child: ChildProcess = spawn(process.execPath, [BIN, "login", "--url", url], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const userCode = new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (chunk) => {
        stdout += chunk;
        const found = stdout.match(/enter the code ([A-Z0-9]{4}-[A-Z0-9]{4})/);
        if (found) resolve(found[1]!);
      });
      child.once("exit", () => reject(new Error(`tasks login ended before printing a code:\n${stdout}\n${stderr}`)));
    });
    const done = new Promise<CliResult>((resolve) => child.once("exit", (code) => resolve({ code: code ?? -1, stdout, stderr })));
    return { userCode, done };
  }

  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, "--json");
    if (result.code !== 0) throw new Error(`tasks ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  };

  return { configHome, credentials: path.join(configHome, "tasks", "credentials.json"), run, login, json };
}
