/** What the fault tests share: a cluster on private data servers, load around a fault, and the checks after it. */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { type IncomingMessage, request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { type Account, signedUpAccount } from "../accounts";
import { assertNoLeaks } from "../log-scan";
import { freePort, type JwtMode } from "../stack";
import { type Cluster, startCluster } from "./cluster";
import { type LoadRun, runLoad, verify } from "./load";
import { figures, printFigures } from "./report";
import { type DataServer, privatePostgres, privateRedis } from "./servers";

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Rig = { cluster: Cluster; postgres: DataServer; redis: DataServer; stop: () => Promise<void> };

/** A cluster whose PostgreSQL and Redis belong to this test file alone, so stopping them disturbs nobody. */
export async function startRig(name: string, jwtMode: JwtMode, rateLimit: "on" | "off"): Promise<Rig> {
  const postgres = await privatePostgres(await freePort());
  const redis = privateRedis(await freePort());
  await postgres.start();
  await redis.start();
  const cluster = await startCluster({ name, jwtMode, rateLimit, databases: { tasks: "tasks", auth: "auth" }, postgres: postgres.url, redisUrl: redis.url });
  const stop = async () => {
    await cluster.stop();
    assertNoLeaks(cluster.logs(), [cluster.plan.secret]);
    await Promise.allSettled([postgres.stop(), redis.stop()]);
    postgres.remove();
    redis.remove();
  };
  return { cluster, postgres, redis, stop };
}

/** One rig for a whole spec file, its tests run in order: started before the first, stopped after the last. */
export function rigForFile(name: string, jwtMode: JwtMode, rateLimit: "on" | "off"): () => Rig {
  let rig: Rig | undefined;
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(180_000);
    rig = await startRig(name, jwtMode, rateLimit);
  });
  test.afterAll(async () => {
    await rig?.stop();
  });
  return () => rig!;
}

/** Runs a few virtual users for `seconds` while `fault` happens, then checks every acknowledged write. */
export async function loadThrough(rig: Rig, title: string, seconds: number, fault: () => Promise<void>): Promise<LoadRun> {
  const run = await runLoad({ url: rig.cluster.url, users: 8, durationMs: seconds * 1000, maxOpsPerUser: 20_000 }, fault);
  const check = await verify(run, `${rig.postgres.url}/tasks`);
  const result = figures(run, check);
  printFigures(title, result);
  const problems = [...run.signUpFailures, ...run.users.flatMap((user) => user.mismatches), ...check.problems];
  expect(problems, "every operation eventually succeeded and the database matches every model").toEqual([]);
  expect(result.crossUserRows).toBe(0);
  return run;
}

/** Waits until a signalled service's process has exited; answers the signal that ended it, if one did. */
export async function exited(service: { child: ChildProcess }): Promise<NodeJS.Signals | null> {
  const { child } = service;
  if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  return child.signalCode;
}

/** A user signed up through the proxy and holding a JWT; `password` signs it in again. */
export async function signedUp(url: string, label: string): Promise<{ account: Account; password: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const password = `pw-${randomUUID()}`;
  return { account: await signedUpAccount(url, { email, password, name: email.split("@")[0]! }), password };
}

/**
 * POSTs a JSON body with `Expect: 100-continue` and runs `meanwhile` (e.g. a SIGTERM) between the server's
 * `100 Continue` and the body. The server sends that interim answer only once it has parsed the headers
 * (Node) or the app asks for the body (uvicorn), so the request is certainly begun when the signal lands,
 * on a busy machine as on an idle one: no fixed wait to guess.
 */
export async function postAfterContinue(url: string, body: unknown, headers: Record<string, string>, meanwhile: () => Promise<void>) {
  const text = JSON.stringify(body);
  const outgoing = httpRequest(url, {
    method: "POST",
    agent: false,
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), expect: "100-continue", ...headers },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.once("response", resolve);
    outgoing.once("error", reject);
  });
  outgoing.once("continue", () => {
    meanwhile().then(() => outgoing.end(text), (error: unknown) => outgoing.destroy(error as Error));
  });
  outgoing.flushHeaders();
  const response = await answered;
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
}
