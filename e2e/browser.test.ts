/** The browser chain on pretend machines: each step in its turn, and one clear stop when nothing works. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Machine, NoBrowserError, provisionBrowser } from "./browser";

const MANAGED = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

/** A Debian machine with no browser at all, where every install fails; `changes` says what differs. */
function machine(changes: Partial<Machine> & { files?: string[]; installs?: Record<string, string[]> } = {}) {
  const files = new Set(changes.files ?? []);
  const commands: string[] = [];
  const fake: Machine = {
    env: { PATH: "/usr/local/bin:/usr/bin" },
    platform: "linux",
    isRoot: true,
    distro: "debian",
    executable: (file) => files.has(file),
    playwrightBrowser: () => MANAGED,
    run: (command, args) => {
      const line = [command, ...args].join(" ");
      commands.push(line);
      const added = Object.entries(changes.installs ?? {}).find(([pattern]) => line.includes(pattern));
      for (const file of added?.[1] ?? []) files.add(file);
      return added !== undefined;
    },
    ...changes,
  };
  return { fake, commands };
}

describe("provisionBrowser", () => {
  it("takes CHROMIUM_PATH first, and installs nothing", () => {
    const { fake, commands } = machine({ env: { CHROMIUM_PATH: "/opt/chrome/chrome", PATH: "/usr/bin" }, files: ["/opt/chrome/chrome", "/usr/bin/chromium"] });
    assert.deepEqual(provisionBrowser(fake), { path: "/opt/chrome/chrome", why: "CHROMIUM_PATH names it" });
    assert.deepEqual(commands, []);
  });

  it("refuses a CHROMIUM_PATH that does not exist, naming it", () => {
    const { fake } = machine({ env: { CHROMIUM_PATH: "/nowhere/chrome" }, files: ["/usr/bin/chromium"] });
    assert.throws(() => provisionBrowser(fake), /CHROMIUM_PATH is set to \/nowhere\/chrome/);
  });

  it("prefers the browser Playwright manages over a system one", () => {
    const { fake } = machine({ files: [MANAGED, "/usr/bin/chromium"] });
    assert.equal(provisionBrowser(fake).path, MANAGED);
  });

  it("finds a system browser on PATH, then at its usual place", () => {
    assert.deepEqual(provisionBrowser(machine({ files: ["/usr/local/bin/google-chrome"] }).fake), {
      path: "/usr/local/bin/google-chrome",
      why: "`google-chrome` is on PATH",
    });
    const mac = machine({ platform: "darwin", distro: "", env: { PATH: "/usr/bin" }, files: ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"] });
    assert.equal(provisionBrowser(mac.fake).why, "it is installed at its usual place");
  });

  it("downloads through Playwright when nothing is installed", () => {
    const { fake, commands } = machine({ installs: { "playwright install chromium": [MANAGED] } });
    assert.deepEqual(provisionBrowser(fake), { path: MANAGED, why: "Playwright downloaded it just now" });
    assert.deepEqual(commands, ["npx playwright install chromium"]);
  });

  it("falls back to apt-get as root on Debian when the download fails", () => {
    const { fake, commands } = machine({ installs: { "apt-get update": [], "apt-get install": ["/usr/bin/chromium"] } });
    assert.deepEqual(provisionBrowser(fake), { path: "/usr/bin/chromium", why: "apt-get installed it just now" });
    assert.equal(commands.length, 3);
  });

  it("stops with one message listing every step and the fix when nothing works", () => {
    const { fake } = machine();
    assert.throws(
      () => provisionBrowser(fake),
      (error: unknown) => {
        assert.ok(error instanceof NoBrowserError);
        assert.match(error.message, /none of them was started/);
        assert.match(error.message, /npx playwright install chromium \(failed or timed out\)/);
        assert.match(error.message, /apt-get install -y chromium \(failed\)/);
        assert.match(error.message, /Fix it with: {2}apt-get install -y chromium/);
        return true;
      },
    );
  });

  it("never runs apt-get without root, and tells the user to sudo it", () => {
    const { fake, commands } = machine({ isRoot: false });
    assert.throws(() => provisionBrowser(fake), /skipped: not root[\s\S]*sudo apt-get install -y chromium/);
    assert.deepEqual(commands, ["npx playwright install chromium"]);
  });

  it("suggests Playwright's own installer off Debian and macOS", () => {
    const { fake } = machine({ distro: "fedora" });
    assert.throws(() => provisionBrowser(fake), /not Debian or Ubuntu[\s\S]*npx playwright install --with-deps chromium/);
  });
});
