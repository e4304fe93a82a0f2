/**
 * Finds the Chromium the end-to-end tests drive, and installs one when the machine has none, so a fresh
 * clone's `npm test` never meets "executable doesn't exist". The chain, first match wins:
 *   1. CHROMIUM_PATH, when set (it must exist);
 *   2. the browser Playwright manages itself (`npx playwright install` put it there);
 *   3. a system Chromium or Chrome, on PATH or at its usual place on Linux and macOS;
 *   4. `npx playwright install chromium`, bounded in time, for machines that reach Playwright's downloads;
 *   5. as root on Debian or Ubuntu, `apt-get install -y chromium`.
 * Otherwise it stops with one message naming what was tried and the command that fixes it.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

export type Browser = { path: string; why: string };

/** What the chain needs from the machine; tests hand in a pretend one. */
export type Machine = {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** `ID` and `ID_LIKE` of /etc/os-release, lowercased; empty off Linux. */
  distro: string;
  executable: (file: string) => boolean;
  playwrightBrowser: () => string | null;
  /** Runs a command to completion within `timeoutMs`; true when it exited 0. */
  run: (command: string, args: string[], timeoutMs: number) => boolean;
};

export class NoBrowserError extends Error {
  constructor(tried: string[], fix: string) {
    super(
      [
        "No Chromium for the end-to-end tests, so none of them was started. Tried, in order:",
        ...tried.map((step) => `  - ${step}`),
        `Fix it with:  ${fix}`,
        "(or point CHROMIUM_PATH at a Chromium or Chrome you have, then run npm test again)",
      ].join("\n"),
    );
    this.name = "NoBrowserError";
  }
}

const ON_PATH = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const USUAL_PLACES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
};
/** A download of about 170 MB; a machine that cannot reach it usually fails within seconds. */
export const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 5 * 60_000;
const APT_TIMEOUT_MS = 10 * 60_000;

/** The browsers already on the machine, without installing anything; null when there is none. */
export function findBrowser(machine: Machine, tried: string[] = []): Browser | null {
  const chosen = machine.env.CHROMIUM_PATH;
  if (chosen) {
    if (!machine.executable(chosen)) throw new Error(`CHROMIUM_PATH is set to ${chosen}, but no executable is there. Fix the path or unset CHROMIUM_PATH.`);
    return { path: chosen, why: "CHROMIUM_PATH names it" };
  }
  const managed = machine.playwrightBrowser();
  tried.push(`the browser Playwright manages (${managed ?? "none known"})`);
  if (managed && machine.executable(managed)) return { path: managed, why: "Playwright installed it" };
  const searchPath = (machine.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of ON_PATH) {
    const found = searchPath.map((dir) => path.join(dir, name)).find(machine.executable);
    if (found) return { path: found, why: `\`${name}\` is on PATH` };
  }
  tried.push(`${ON_PATH.join(", ")} on PATH`);
  const usual = USUAL_PLACES[machine.platform] ?? [];
  const placed = usual.find(machine.executable);
  if (placed) return { path: placed, why: "it is installed at its usual place" };
  if (usual.length > 0) tried.push(`the usual places: ${usual.join(", ")}`);
  return null;
}

const isDebianLike = (machine: Machine) => machine.platform === "linux" && /\b(debian|ubuntu)\b/.test(machine.distro);

/** The one command a person runs to get a browser on this kind of machine. */
function fixFor(machine: Machine): string {
  if (isDebianLike(machine)) return `${machine.isRoot ? "" : "sudo "}apt-get install -y chromium`;
  if (machine.platform === "darwin") return "brew install --cask google-chrome";
  return "npx playwright install --with-deps chromium";
}

/** A browser to test with: one already there, else one installed now. Throws NoBrowserError when neither works. */
export function provisionBrowser(machine: Machine, log: (line: string) => void = () => {}): Browser {
  const tried: string[] = [];
  const present = findBrowser(machine, tried);
  if (present) return present;

  log("No Chromium found; asking Playwright to download one (npx playwright install chromium)…");
  const downloaded = machine.run("npx", ["playwright", "install", "chromium"], PLAYWRIGHT_INSTALL_TIMEOUT_MS);
  tried.push(`npx playwright install chromium (${downloaded ? "finished" : "failed or timed out"})`);
  const managed = machine.playwrightBrowser();
  if (downloaded && managed && machine.executable(managed)) return { path: managed, why: "Playwright downloaded it just now" };

  if (isDebianLike(machine) && machine.isRoot) {
    log("Installing Debian's chromium package (apt-get install -y chromium)…");
    const env = "DEBIAN_FRONTEND=noninteractive";
    const installed =
      machine.run("env", [env, "apt-get", "update", "-qq"], APT_TIMEOUT_MS) &&
      machine.run("env", [env, "apt-get", "install", "-y", "-qq", "chromium"], APT_TIMEOUT_MS);
    tried.push(`apt-get install -y chromium (${installed ? "finished" : "failed"})`);
    const system = installed ? findBrowser(machine) : null;
    if (system) return { path: system.path, why: "apt-get installed it just now" };
  } else {
    tried.push(`apt-get install -y chromium (skipped: ${isDebianLike(machine) ? "not root" : "not Debian or Ubuntu"})`);
  }
  throw new NoBrowserError(tried, fixFor(machine));
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function distro(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return [...release.matchAll(/^(?:ID|ID_LIKE)=(.*)$/gm)].map((match) => match[1].replace(/"/g, "").toLowerCase()).join(" ");
  } catch {
    return "";
  }
}

/** This machine, for real. */
export function thisMachine(): Machine {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    distro: distro(),
    executable,
    playwrightBrowser: () => {
      try {
        return chromium.executablePath();
      } catch {
        return null;
      }
    },
    run: (command, args, timeoutMs) => {
      const result = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 });
      if (result.status === 0) return true;
      // Installers are chatty; the last lines are the ones that say why it failed.
      const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? `\n${result.error.message}` : ""}`.trim();
      console.log(output.split("\n").slice(-8).map((line) => `    ${line}`).join("\n"));
      return false;
    },
  };
}
