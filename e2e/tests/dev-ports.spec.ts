/**
 * `PORT=… API_PORT=… npm run dev` on ports other than the defaults: every URL follows the ports, so a
 * person can sign up and keep a task list with nothing else configured. Its data goes to a throwaway
 * DATA_DIR, and its build to its own folder, so a developer's own dev server and data are untouched.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, launch, root, type Service } from "../stack";
import { linkFromEmail } from "./account-steps";
import { newUser, signOut, submitSignUp, taskList } from "./helpers";

let dev: Service | undefined;
test.afterAll(async () => {
  await dev?.stop();
});

test("npm run dev on other ports serves a working sign-up and task list", async ({ browser }) => {
  // next dev compiles each page on its first visit.
  test.setTimeout(300_000);
  const [webPort, apiPort] = [await freePort(), await freePort()];
  const secret = randomBytes(32).toString("base64url");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tasks-dev-"));
  dev = await launch(
    "dev-ports",
    `http://localhost:${webPort}`,
    "/sign-in",
    "npm",
    ["run", "dev"],
    root,
    {
      PORT: String(webPort),
      API_PORT: String(apiPort),
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: secret,
      JWT_SECRET: secret,
      JWT_MODE: process.env.E2E_JWT_MODE ?? "shared-secret",
      NEXT_DIST_DIR: ".next-e2e-dev",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    180_000,
  );
  // Each route compiles on its first request, so every step may take a while.
  const slow = expect.configure({ timeout: 90_000 });
  const context = await browser.newContext({ baseURL: dev.url });
  const page = await context.newPage();
  const user = newUser("dev-ports");
  await submitSignUp(page, user);
  await slow(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
  await page.getByLabel("New task").fill("Works on any port");
  await page.getByLabel("New task").press("Enter");
  const task = taskList(page).getByText("Works on any port", { exact: true });
  await slow(task).toBeVisible();
  await page.reload();
  await slow(task).toBeVisible();

  // next dev logs every request's URL, but never one carrying a token that signs someone in.
  await signOut(page);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const link = await linkFromEmail(path.join(dataDir, "outbox"), user.email, "Reset your Tasks password");
  await page.goto(link);
  await slow(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const token = new URL(page.url()).searchParams.get("token")!;
  expect(token.length).toBeGreaterThan(10);
  expect(readFileSync(dev.log, "utf8")).not.toContain(token);
  await context.close();
});
