/**
 * The edge where people sign in: no password in a URL before the page has hydrated, no way out to
 * another site through `next`, bounded names, emails and bodies, and auth answers that are never cached.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { logDir } from "../stack";
import { apiUrl, newUser, signOut, signUp, tokenOf } from "./helpers";

const webUrl = () => process.env.E2E_WEB_URL!;
const SECRET_PASSWORD = "never-in-a-url-9f3c2a";
const SECRET_EMAIL = "no-js-9f3c2a@example.test";

/** The page as it is before its script runs: whatever the browser does with a form is all there is. */
async function withoutScript(browser: import("@playwright/test").Browser) {
  const context = await browser.newContext({ baseURL: webUrl(), javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

async function submit(page: Page, fields: Record<string, string>, button: string) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  const sent = page.waitForRequest((request) => request.isNavigationRequest() && request.frame() === page.mainFrame());
  await page.getByRole("button", { name: button }).click();
  const request = await sent;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain(encodeURIComponent(SECRET_PASSWORD));
  expect(request.url()).not.toContain(SECRET_PASSWORD);
  expect(request.url()).not.toContain(encodeURIComponent(SECRET_EMAIL));
  await page.waitForLoadState();
  expect(page.url()).not.toContain(SECRET_PASSWORD);
}

test("every auth and account form, sent before its script runs, keeps the password out of the URL and the log", async ({ browser }) => {
  const { context, page } = await withoutScript(browser);
  await page.goto("/sign-in?next=/tasks");
  await submit(page, { Email: SECRET_EMAIL, Password: SECRET_PASSWORD }, "Sign in");
  await page.goto("/sign-up");
  await submit(page, { Name: "No Script", Email: SECRET_EMAIL, Password: SECRET_PASSWORD }, "Create account");
  await page.goto("/forgot-password");
  await submit(page, { Email: SECRET_EMAIL }, "Send reset link");
  await page.goto("/reset-password?token=from-the-email");
  await submit(page, { "New password": SECRET_PASSWORD }, "Set new password");

  // Signed in through the API (the same cookies as the page), the account page renders its forms on the server.
  const user = newUser("no-js");
  const signedUp = await context.request.post("/api/auth/sign-up/email", { data: user, headers: { origin: webUrl() } });
  expect(signedUp.status()).toBe(200);
  await page.goto("/account");
  const sections = (name: string) => page.getByRole("region", { name });
  await submit(page, { Name: "Renamed" }, "Save name");
  await page.goto("/account");
  await sections("Password").getByLabel("Current password").fill(SECRET_PASSWORD);
  await submit(page, { "New password": SECRET_PASSWORD }, "Change password");
  await page.goto("/account");
  await submit(page, { "Your password": SECRET_PASSWORD }, "Delete my account and tasks");
  await context.close();

  for (const file of ["e2e-web.log", "e2e-api.log"]) {
    const log = readFileSync(path.join(logDir, file), "utf8");
    expect(log, file).not.toContain(SECRET_PASSWORD);
    expect(log, file).not.toContain(SECRET_EMAIL);
  }
});

test("a `next` that points elsewhere is never followed after sign-in", async ({ browser }) => {
  const user = newUser("next");
  const page = await (await browser.newContext({ baseURL: webUrl() })).newPage();
  await signUp(page, user);
  await signOut(page);
  for (const next of ["/\\evil.example", "//evil.example", "/\t/evil.example", "https://evil.example/tasks", "/%5Cevil.example"]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(webUrl());
    // Signed in, the sign-in page itself sends the visitor on, through the same check.
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(`${webUrl()}/tasks`);
    await signOut(page);
  }
  await page.goto(`/sign-in?next=${encodeURIComponent("/account")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${webUrl()}/account`);
});

test("names and emails are bounded on the server, and the longest name still makes a token the API takes", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: webUrl(), extraHTTPHeaders: { origin: webUrl() } });
  // 100 characters of four UTF-8 bytes each: the heaviest name allowed.
  const longest = "🦊".repeat(100);
  const user = { ...newUser("long-name"), name: longest };
  expect((await api.post("/api/auth/sign-up/email", { data: user })).status()).toBe(200);
  const token = ((await (await api.get("/api/auth/token")).json()) as { token: string }).token;
  const me = await api.get(`${apiUrl()}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { name: string }).name).toBe(longest);

  const refused = async (path: string, data: object) => {
    const answer = await api.post(path, { data });
    return { status: answer.status(), code: ((await answer.json()) as { code?: string }).code };
  };
  expect(await refused("/api/auth/update-user", { name: `${longest}x` })).toEqual({ status: 400, code: "NAME_TOO_LONG" });
  expect(await refused("/api/auth/sign-up/email", { ...newUser("too-long"), name: "n".repeat(101) })).toEqual({ status: 400, code: "NAME_TOO_LONG" });
  const longEmail = `${"e".repeat(243)}@example.test`;
  expect(await refused("/api/auth/sign-up/email", { ...newUser("too-long"), email: longEmail })).toEqual({ status: 400, code: "EMAIL_TOO_LONG" });
  // 30 MB of name: refused before Better Auth reads it, and no account is made.
  const huge = { ...newUser("huge"), name: "n".repeat(30 * 1024 * 1024) };
  expect(await refused("/api/auth/sign-up/email", huge)).toEqual({ status: 413, code: "BODY_TOO_LARGE" });
  expect((await api.post("/api/auth/sign-in/email", { data: { email: huge.email, password: huge.password } })).status()).toBe(401);
  await api.dispose();
});

test("auth answers are never cached: the token least of all", async ({ page }) => {
  await signUp(page, newUser("no-store"));
  const answer = await page.request.get(`${webUrl()}/api/auth/token`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toBe("no-store");
  expect((await page.request.get(`${webUrl()}/api/auth/get-session`)).headers()["cache-control"]).toBe("no-store");
  expect(await tokenOf(page)).toMatch(/^ey/);
});
