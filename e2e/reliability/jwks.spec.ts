/** In jwks mode with both frontends down the API keeps verifying on its cached keys; rate limits are shared through Redis. */
import { randomInt } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { Agent, request } from "undici";
import { newStats, send } from "../accounts";
import { rigForFile, signedUp } from "./fault-helpers";

const rigged = rigForFile("jwks", "jwks", "on");

test("both frontends stopped: the API keeps verifying EdDSA tokens with the keys it cached", async () => {
  const rig = rigged();
  const users = [await signedUp(rig.cluster.url, "jwks-a"), await signedUp(rig.cluster.url, "jwks-b")];
  // The first call makes each API instance fetch the JWKS.
  for (const { account } of users) {
    for (let i = 0; i < 4; i += 1) expect((await account.api({ method: "GET", path: "/api/tasks" })).status).toBe(200);
  }
  await Promise.all(rig.cluster.webs.map((web) => web.stop()));
  const jwks = await send(rig.cluster.url, { method: "GET", path: "/api/auth/jwks" }, newStats());
  expect(jwks.status, "the JWKS is really gone").toBe(502);
  for (const { account } of users) {
    for (let i = 0; i < 4; i += 1) {
      const created = await account.api({ method: "POST", path: "/api/tasks", body: { title: `while the frontends are down ${i}` } });
      expect(created.status).toBe(201);
    }
  }
  await rig.cluster.restartWeb(0);
  await rig.cluster.restartWeb(1);
});

test("a rate limit reached on one frontend holds on the other: both count in Redis", async () => {
  const rig = rigged();
  // A client address of its own, sent straight to each instance as nginx would forward it.
  const client = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const web = rig.cluster.webs[attempt % 2]!;
    const body = { email: "nobody@example.test", password: "not-the-password" };
    const answer = await send(web.url, { method: "POST", path: "/api/auth/sign-in/email", body, headers: { origin: rig.cluster.url, "x-forwarded-for": client } }, newStats());
    statuses.push(answer.status);
  }
  // The limit is 5 sign-ins a minute per address: three went to each instance, and the sixth is refused.
  expect(statuses.slice(0, 5)).not.toContain(429);
  expect(statuses[5]).toBe(429);
});

test("through nginx, two real clients are limited apart, and a forged X-Forwarded-For moves neither", async () => {
  const rig = rigged();
  // Two machines, as nginx sees them: loopback has every 127.x address, so each client binds its own.
  const [first, second] = ["127.0.0.2", "127.0.0.3"].map((localAddress) => new Agent({ localAddress }));
  const signIn = async (via: Agent, forged: string) => {
    const body = { email: "nobody@example.test", password: "not-the-password" };
    const headers = { origin: rig.cluster.url, "x-forwarded-for": forged };
    return (await send(rig.cluster.url, { method: "POST", path: "/api/auth/sign-in/email", body, headers, via }, newStats())).status;
  };
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) statuses.push(await signIn(first!, `203.0.113.${attempt + 1}`));
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  expect(await signIn(first!, "127.0.0.3")).toBe(429);
  expect(await signIn(second!, "127.0.0.2")).toBe(401);
  await Promise.all([first!.close(), second!.close()]);
});

test("through nginx, a page of tasks is gzip-compressed for a client that asks, and plain otherwise", async () => {
  const rig = rigged();
  const { account } = await signedUp(rig.cluster.url, "gzip");
  // Ten tasks make a page of several KB, over the proxy's 1 KB threshold.
  for (let i = 0; i < 10; i += 1) {
    expect((await account.api({ method: "POST", path: "/api/tasks", body: { title: `compressed ${i}`, description: "x".repeat(200) } })).status).toBe(201);
  }
  const authorization = `Bearer ${await account.refreshToken()}`;
  const list = (headers: Record<string, string>) => request(`${rig.cluster.url}/api/tasks?limit=50`, { headers: { authorization, ...headers } });
  const gzipped = await list({ "accept-encoding": "gzip" });
  const plain = await list({});
  const plainBody = await plain.body.text();

  expect(gzipped.statusCode).toBe(200);
  expect(gzipped.headers["content-encoding"]).toBe("gzip");
  expect(String(gzipped.headers.vary)).toContain("Accept-Encoding");
  expect(JSON.parse(gunzipSync(Buffer.from(await gzipped.body.arrayBuffer())).toString("utf8"))).toEqual(JSON.parse(plainBody));
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect((JSON.parse(plainBody) as { total: number }).total).toBe(10);
});
