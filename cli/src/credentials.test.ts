import assert from "node:assert/strict";
import { chmod, mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, it } from "node:test";
import { configDir, credentialsFile } from "./credentials";
import { CliError, EXIT } from "./errors";

const saved = { url: "http://localhost:3000", apiUrl: "http://localhost:8000", sessionToken: "token.signature" };
const mode = async (file: string) => (await stat(file)).mode & 0o777;

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), "tasks-cli-")), "tasks");
});

describe("configDir", () => {
  const home = "/home/ada";
  it("follows XDG_CONFIG_HOME, else the platform's own place", () => {
    assert.equal(configDir({ env: { XDG_CONFIG_HOME: "/xdg" }, platform: "linux", home }), "/xdg/tasks");
    assert.equal(configDir({ env: {}, platform: "linux", home }), "/home/ada/.config/tasks");
    assert.equal(configDir({ env: {}, platform: "darwin", home }), "/home/ada/Library/Application Support/tasks");
    assert.equal(configDir({ env: { APPDATA: "C:\\Users\\ada\\AppData\\Roaming" }, platform: "win32", home }), path.join("C:\\Users\\ada\\AppData\\Roaming", "tasks"));
  });
});

describe("credentialsFile", { skip: process.platform === "win32" && "POSIX modes" }, () => {
  it("writes a file only its user can read, in a directory only its user can enter", async () => {
    const store = credentialsFile(dir);
    await store.write(saved);
    assert.equal(await mode(store.file), 0o600);
    assert.equal(await mode(dir), 0o700);
    assert.deepEqual(await store.read(), saved);
  });

  it("keeps 0600 whatever the umask, and tightens a directory someone loosened", async () => {
    const previous = process.umask(0o000);
    try {
      const store = credentialsFile(dir);
      await store.write(saved);
      await chmod(dir, 0o755);
      await store.write({ ...saved, sessionToken: "newer.signature" });
      assert.equal(await mode(store.file), 0o600);
      assert.equal(await mode(dir), 0o700);
      assert.equal((await store.read())?.sessionToken, "newer.signature");
    } finally {
      process.umask(previous);
    }
  });

  it("replaces a loosened file by a new 0600 one instead of writing into it, and leaves no temporary file", async () => {
    const store = credentialsFile(dir);
    await store.write(saved);
    await chmod(store.file, 0o644);
    await store.write(saved);
    assert.equal(await mode(store.file), 0o600);
    assert.deepEqual(await readdir(dir), ["credentials.json"]);
  });

  it("refuses a session others could have read", async () => {
    const store = credentialsFile(dir);
    await store.write(saved);
    await chmod(store.file, 0o640);
    await assert.rejects(store.read(), (error) => error instanceof CliError && error.exitCode === EXIT.signedOut && /read by other users/.test(error.message));
  });

  it("reads nothing when signed out, refuses a file it does not understand, and deletes on logout", async () => {
    const store = credentialsFile(dir);
    assert.equal(await store.read(), null);
    await store.write(saved);
    await writeFile(store.file, "{not json", { mode: 0o600 });
    await assert.rejects(store.read(), (error) => error instanceof CliError && /tasks login/.test(error.message));
    await store.remove();
    assert.equal(await store.read(), null);
    await store.remove();
  });
});
