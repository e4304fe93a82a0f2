/**
 * Faults injected while virtual users work: an API instance killed, each service sent SIGTERM,
 * Redis stopped, PostgreSQL restarted. After each, every acknowledged write must be in the database.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { newStats, send } from "../accounts";
import { exited, loadThrough, pause, postAfterContinue, rigForFile, signedUp } from "./fault-helpers";

const rigged = rigForFile("faults", "shared-secret", "off");

test("an API instance killed with -9 under load: the proxy fails over, no acknowledged write is lost", async () => {
  const rig = rigged();
  await loadThrough(rig, "kill -9 of API instance 1 under load", 20, async () => {
    await pause(5_000);
    process.kill(rig.cluster.apis[0]!.child.pid!, "SIGKILL");
    await pause(5_000);
    await rig.cluster.restartApi(0);
  });
});

test("SIGTERM: an API instance answers the request it has begun, then exits cleanly", async () => {
  const rig = rigged();
  const { account } = await signedUp(rig.cluster.url, "drain-api");
  await loadThrough(rig, "SIGTERM to API instance 1 under load", 15, async () => {
    await pause(4_000);
    const api = rig.cluster.apis[0]!;
    const answer = await postAfterContinue(`${api.url}/api/tasks`, { title: "begun before SIGTERM" }, { authorization: `Bearer ${account.token}` }, async () => {
      api.child.kill("SIGTERM");
    });
    expect(answer.status).toBe(201);
    // uvicorn re-raises the SIGTERM once it has drained, so that its parent sees why it stopped.
    expect(await exited(api)).toBe("SIGTERM");
    await rig.cluster.restartApi(0);
  });
  const list = await account.api({ method: "GET", path: "/api/tasks" });
  expect((list.body as { items: { title: string }[] }).items.map((task) => task.title)).toEqual(["begun before SIGTERM"]);
});

test("SIGTERM: a Next.js instance answers the sign-up it has begun, then exits", async () => {
  const rig = rigged();
  const web = rig.cluster.webs[0]!;
  const body = { email: `drain-web-${Date.now()}@example.test`, password: "a-long-password-1", name: "Drain" };
  const answer = await postAfterContinue(`${web.url}/api/auth/sign-up/email`, body, { origin: rig.cluster.url }, async () => {
    process.kill(-web.child.pid!, "SIGTERM");
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  await exited(web);
  await rig.cluster.restartWeb(0);
});

test("Redis stopped: sign-up, sign-in and sessions fall back to PostgreSQL, nothing crashes, sharing resumes", async () => {
  const rig = rigged();
  const url = rig.cluster.url;
  const before = await signedUp(url, "before-redis-outage");
  await rig.redis.stop();
  try {
    const during = await signedUp(url, "during-redis-outage");
    // A session made before the outage is still found, in PostgreSQL.
    await before.account.refreshToken();
    const signIn = await send(url, { method: "POST", path: "/api/auth/sign-in/email", body: { email: during.account.email, password: during.password }, headers: { origin: url } }, newStats());
    expect(signIn.status).toBe(200);
    expect((await during.account.api({ method: "POST", path: "/api/tasks", body: { title: "made without Redis" } })).status).toBe(201);
  } finally {
    await rig.redis.start();
  }
  for (const web of rig.cluster.webs) expect(web.child.exitCode, "no frontend crashed").toBeNull();
  // ioredis reconnects with a backoff of up to 2 s; after that new sessions are shared through Redis again.
  await expect
    .poll(async () => {
      await signedUp(url, "after-redis-outage");
      const { stdout } = await promisify(execFile)("redis-cli", ["-u", rig.redis.url, "--scan", "--pattern", "tasks-auth:*"]);
      return stdout.trim().length > 0;
    }, { timeout: 15_000, intervals: [1_000] })
    .toBe(true);
});

test("PostgreSQL restarted under load: 503 with a clear body meanwhile, /health says why, recovery without restarting the API", async () => {
  const rig = rigged();
  const { account } = await signedUp(rig.cluster.url, "postgres-restart");
  const url = rig.cluster.url;
  await loadThrough(rig, "PostgreSQL restart under load", 20, async () => {
    await pause(4_000);
    await rig.postgres.stop();
    const health = await send(url, { method: "GET", path: "/health" }, newStats());
    expect(health).toMatchObject({ status: 503, body: { detail: "database unavailable" } });
    const tasks = await send(url, { method: "GET", path: "/api/tasks", headers: { authorization: `Bearer ${account.token}` } }, newStats());
    expect(tasks).toMatchObject({ status: 503, body: { detail: "database unavailable" } });
    await pause(1_500);
    await rig.postgres.start();
    await expect.poll(async () => (await send(url, { method: "GET", path: "/health" }, newStats())).status, { timeout: 15_000 }).toBe(200);
  });
  for (const service of [...rig.cluster.apis, ...rig.cluster.webs]) expect(service.child.exitCode, "no instance was restarted").toBeNull();
});
