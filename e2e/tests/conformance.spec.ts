/**
 * Conformance against the real Better Auth: the project's own auth configuration, running in Next.js,
 * mints tokens and the API judges them. Each CI pass checks the mode it runs in (E2E_JWT_MODE), on
 * stacks of its own so it can hold the secret, count JWKS fetches and take the JWKS down.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createEmailVerificationToken } from "better-auth/api";
import { signJWT } from "better-auth/crypto";
import { type Account, signedUpAccount } from "../accounts";
import { DocumentProxy } from "../document-proxy";
import { freePort, type JwtMode, planStack, root, type Service, type StackPlan, startApi, startWeb } from "../stack";
import { newUser } from "./helpers";

const mode = (process.env.E2E_JWT_MODE ?? "shared-secret") as JwtMode;

async function me(apiUrl: string, token: string): Promise<{ status: number; body: { detail?: string; user_id?: string } }> {
  const response = await fetch(`${apiUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

function headerOf(token: string): { alg?: string; kid?: string } {
  return JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());
}

/** A second API beside the stack's own, expecting the same tokens but configured otherwise. */
async function startOtherApi(plan: StackPlan, name: string, env: Record<string, string>): Promise<Service> {
  return startApi(plan, { name: `${plan.name}-${name}-api`, port: await freePort(), env });
}

test.describe("shared-secret mode", () => {
  test.skip(mode !== "shared-secret", "runs in the shared-secret pass");
  test.describe.configure({ mode: "serial" });
  let plan: StackPlan;
  const services: Service[] = [];
  let account: Account;

  test.beforeAll(async () => {
    plan = await planStack({ name: "conformance-hs" });
    services.push(await startWeb(plan));
    services.push(await startApi(plan));
    account = await signedUpAccount(plan.webUrl, newUser("conformance"));
  });
  test.afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  });

  test("a token from /api/auth/token is HS256 and the API accepts it as the user who signed up", async () => {
    const token = await account.refreshToken();

    expect(headerOf(token)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(await me(plan.apiUrl, token)).toMatchObject({ status: 200, body: { user_id: account.userId } });
  });

  test("Better Auth's other HS256 tokens, signed with the same secret, are refused", async () => {
    const emailVerification = await createEmailVerificationToken(plan.secret, account.email, undefined, 3600, { userId: account.userId });
    const sessionData = (await account.web({ method: "GET", path: "/api/auth/get-session" })).body;
    const cookieCache = await signJWT(sessionData, plan.secret, 300);

    for (const token of [emailVerification, cookieCache]) {
      expect(await me(plan.apiUrl, token)).toEqual({ status: 401, body: { detail: "Invalid token: missing required claim: sub" } });
    }
  });

  test("an API whose JWT_SECRET differs from BETTER_AUTH_SECRET answers 401 and logs why", async () => {
    const mismatched = await startOtherApi(plan, "mismatched", { JWT_SECRET: randomBytes(32).toString("base64url") });
    services.push(mismatched);

    const answer = await me(mismatched.url, await account.refreshToken());

    expect(answer).toEqual({ status: 401, body: { detail: "Invalid token: signature does not match" } });
    await expect
      .poll(() => readFileSync(mismatched.log, "utf8"))
      .toContain("JWT_SECRET in backend/.env probably does not match BETTER_AUTH_SECRET in frontend/.env.local");
  });
});

test.describe("jwks mode", () => {
  test.skip(mode !== "jwks", "runs in the jwks pass");
  test.describe.configure({ mode: "serial" });
  let plan: StackPlan;
  let proxy: DocumentProxy;
  const services: Service[] = [];
  let account: Account;

  test.beforeAll(async () => {
    plan = await planStack({ jwtMode: "jwks", name: "conformance-jwks" });
    services.push(await startWeb(plan));
    // The API reaches the JWKS only through the proxy, which counts its fetches.
    proxy = await DocumentProxy.start(`${plan.webUrl}/api/auth/jwks`);
    services.push(await startApi(plan, { env: { JWKS_URL: proxy.url } }));
    await expect.poll(() => proxy.fetches, { message: "the API fetches the JWKS at startup" }).toBe(1);
    account = await signedUpAccount(plan.webUrl, newUser("conformance"));
  });
  test.afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await proxy?.close();
  });

  test("a token from /api/auth/token is EdDSA with a kid, and the API accepts it without refetching", async () => {
    const token = await account.refreshToken();

    expect(headerOf(token)).toEqual({ alg: "EdDSA", kid: expect.any(String) });
    expect(await me(plan.apiUrl, token)).toMatchObject({ status: 200, body: { user_id: account.userId } });
    expect(proxy.fetches).toBe(1);
  });

  test("after a key rotation, old tokens stay valid, new ones carry the new kid, and the API fetches the JWKS once", async () => {
    const [oldToken, unsentOldToken] = [await account.refreshToken(), await account.refreshToken()];
    expect(await me(plan.apiUrl, oldToken)).toMatchObject({ status: 200 });

    // Asynchronously: a blocked event loop would miss the server closing the idle keep-alive socket,
    // and the next request would be written into a connection that is already gone (ECONNRESET).
    const { stdout: rotated } = await promisify(execFile)("npm", ["--workspace", "frontend", "run", "--silent", "rotate-jwt-key"], { cwd: root, env: { ...process.env, ...plan.webEnv }, encoding: "utf8" });
    const newKid = /New signing key: (\S+)/.exec(rotated)?.[1];
    const newToken = await account.refreshToken();

    expect(headerOf(newToken).kid).toBe(newKid);
    expect(newKid).not.toBe(headerOf(oldToken).kid);
    expect(await me(plan.apiUrl, newToken)).toMatchObject({ status: 200, body: { user_id: account.userId } });
    expect(await me(plan.apiUrl, unsentOldToken)).toMatchObject({ status: 200, body: { user_id: account.userId } });
    expect(await me(plan.apiUrl, oldToken)).toMatchObject({ status: 200 });
    expect(proxy.fetches).toBe(2);
  });

  test("with the JWKS endpoint down, tokens still verify with the keys the API already has", async () => {
    const unsent = await account.refreshToken();
    proxy.down = true;

    expect(await me(plan.apiUrl, unsent)).toMatchObject({ status: 200, body: { user_id: account.userId } });
  });

  test("an API that never got the keys answers 503, not 401, while the JWKS endpoint is down", async () => {
    proxy.down = true;
    const cold = await startOtherApi(plan, "cold", { JWKS_URL: proxy.url });
    services.push(cold);

    expect(await me(cold.url, await account.refreshToken())).toEqual({ status: 503, body: { detail: "signing keys unavailable" } });
  });
});
