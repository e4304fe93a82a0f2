/**
 * Signed out means signed out: a JWT captured before sign-out, "sign out all other devices" or account
 * deletion is refused by the API within a second, in either signing mode; and the API keeps that promise
 * across a restart, and says what it does while the revocation feed is unreachable.
 */
import { type Browser, expect, test } from "@playwright/test";
import { signedUpAccount } from "../accounts";
import { DocumentProxy } from "../document-proxy";
import { freePort, type JwtMode, planStack, type Service, type StackPlan, startApi, startWeb } from "../stack";
import { apiUrl, newUser, signUp, tokenOf } from "./helpers";

const mode = (process.env.E2E_JWT_MODE ?? "shared-secret") as JwtMode;
const SECOND = 1_000;

const meStatus = async (api: string, token: string) => (await fetch(`${api}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status;

/** Milliseconds from `since` until the API first refuses `token`; fails once `limit` has passed. */
async function refusedAfter(api: string, token: string, since: number, limit = SECOND): Promise<number> {
  for (;;) {
    const status = await meStatus(api, token);
    const elapsed = Date.now() - since;
    if (status === 401) return elapsed;
    expect(status, "a revoked token is either accepted still or refused, nothing else").toBe(200);
    expect(elapsed, "refused within the limit").toBeLessThanOrEqual(limit);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function secondDevice(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
  return page;
}

test.describe("in the browser", () => {
  test("signing out stops the token taken before it within a second", async ({ page }) => {
    await signUp(page, newUser("revoke-sign-out"));
    const token = await tokenOf(page);
    expect(await meStatus(apiUrl(), token)).toBe(200);
    const signedOut = page.waitForResponse((response) => response.url().endsWith("/api/auth/sign-out"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await signedOut;
    expect(await refusedAfter(apiUrl(), token, Date.now())).toBeLessThanOrEqual(SECOND);
  });

  test("signing out all other devices stops their tokens, and only theirs", async ({ browser, page }) => {
    const user = newUser("revoke-others");
    await signUp(page, user);
    const other = await secondDevice(browser, user.email, user.password);
    const [mine, theirs] = [await tokenOf(page), await tokenOf(other)];
    await page.goto("/account");
    const revoked = page.waitForResponse((response) => response.url().endsWith("/api/auth/revoke-other-sessions"));
    await page.getByRole("button", { name: "Sign out all other devices" }).click();
    await revoked;
    expect(await refusedAfter(apiUrl(), theirs, Date.now())).toBeLessThanOrEqual(SECOND);
    expect(await meStatus(apiUrl(), mine)).toBe(200);
  });

  test("deleting the account stops its tokens, and they can create nothing after", async ({ page }) => {
    const user = newUser("revoke-delete");
    await signUp(page, user);
    const token = await tokenOf(page);
    await page.goto("/account");
    await page.getByRole("region", { name: "Delete account" }).getByLabel("Your password").fill(user.password);
    const deleted = page.waitForResponse((response) => response.url().endsWith("/api/auth/delete-user"));
    await page.getByRole("button", { name: "Delete my account and tasks" }).click();
    expect((await deleted).status()).toBe(200);
    expect(await refusedAfter(apiUrl(), token, Date.now())).toBeLessThanOrEqual(SECOND);
    const created = await fetch(`${apiUrl()}/api/tasks`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: '{"title":"orphan"}' });
    expect(created.status).toBe(401);
  });
});

test.describe("faults", () => {
  test.describe.configure({ mode: "serial" });
  let plan: StackPlan;
  const services: Service[] = [];
  let feed: DocumentProxy;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    plan = await planStack({ name: "revocation", jwtMode: mode });
    services.push(await startWeb(plan));
    feed = await DocumentProxy.start(`${plan.webUrl}/api/auth/revocations`);
  });
  test.afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await feed?.close();
  });

  /** An API of this stack's on a port of its own, following the feed through the proxy. */
  async function api(env: Record<string, string> = {}): Promise<Service> {
    const started = await startApi(plan, { name: `revocation-api-${services.length}`, port: await freePort(), env: { JWT_REVOCATION_URL: feed.url, ...env } });
    services.push(started);
    return started;
  }

  const account = () => signedUpAccount(plan.webUrl, newUser("revocation-fault"));

  test("an API restarted right after a revocation still refuses the token", async () => {
    const first = await api();
    const person = await account();
    expect(await meStatus(first.url, person.token)).toBe(200);
    expect((await person.signOut()).status).toBe(200);
    await first.stop();
    // Started afresh, it has seen nothing yet: it must load the feed before it answers.
    const restarted = await startApi(plan, { name: "revocation-api-restarted", port: Number(new URL(first.url).port), env: { JWT_REVOCATION_URL: feed.url } });
    services.push(restarted);
    expect(await meStatus(restarted.url, person.token)).toBe(401);
  });

  test("with the feed unreachable, the default keeps serving and /health says the feed is stale", async () => {
    const serving = await api({ JWT_REVOCATION_STALE_AFTER_SECONDS: "1" });
    const { token } = await account();
    expect(await meStatus(serving.url, token)).toBe(200);
    feed.down = true;
    try {
      await expect.poll(async () => (await (await fetch(`${serving.url}/health`)).json()).revocations?.state, { timeout: 10 * SECOND }).toBe("stale");
      expect((await fetch(`${serving.url}/health`)).status).toBe(200);
      expect(await meStatus(serving.url, token)).toBe(200);
    } finally {
      feed.down = false;
    }
    await expect.poll(async () => (await (await fetch(`${serving.url}/health`)).json()).revocations?.state, { timeout: 10 * SECOND }).toBe("current");
  });

  test("with JWT_WHEN_REVOCATIONS_STALE=refuse, a stale feed answers 503 until it is back", async () => {
    const strict = await api({ JWT_REVOCATION_STALE_AFTER_SECONDS: "1", JWT_WHEN_REVOCATIONS_STALE: "refuse" });
    const { token } = await account();
    expect(await meStatus(strict.url, token)).toBe(200);
    feed.down = true;
    try {
      await expect.poll(() => meStatus(strict.url, token), { timeout: 10 * SECOND }).toBe(503);
      const answer = await fetch(`${strict.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await answer.json()).toEqual({ detail: "revocation feed unavailable" });
      expect((await fetch(`${strict.url}/health`)).status).toBe(503);
    } finally {
      feed.down = false;
    }
    await expect.poll(() => meStatus(strict.url, token), { timeout: 10 * SECOND }).toBe(200);
  });
});
