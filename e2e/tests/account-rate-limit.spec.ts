import { expect, test } from "@playwright/test";
import { ownStack, signIn } from "./account-steps";
import { terminal } from "./cli-steps";
import { alertIn, newUser, screenshot } from "./helpers";

// The shared stack turns rate limiting off so the suite can sign in at will; this one keeps it on.
const stack = ownStack("rate-limit", { AUTH_RATE_LIMIT: "on" });

test("too many sign-in attempts are refused with the wait in seconds", async ({ browser }) => {
  const page = await stack.newPage(browser);
  const stranger = { ...newUser("limited"), password: "a wrong guess each time" };
  for (let guess = 1; guess <= 5; guess += 1) {
    await signIn(page, stranger);
    await expect(alertIn(page)).toHaveText("That email and password don't match. Check them and try again.");
  }
  await signIn(page, stranger);
  await expect(alertIn(page)).toHaveText(/^Too many attempts, try again in (60|[1-5]?\d) s\.$/);
  await screenshot(page, "account/sign-in-rate-limited");
});

test("a terminal is told to wait once its address has asked for 10 sign-in codes in a minute", async () => {
  const cli = terminal();
  // Each `tasks login` asks for one code; the plain request is the same call, and quicker than ten logins.
  for (let code = 1; code <= 10; code += 1) {
    const response = await fetch(`${stack.webUrl()}/api/auth/device/code`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ client_id: "tasks-cli" }) });
    expect(response.status).toBe(200);
  }
  expect(await cli.run("login", "--url", stack.webUrl())).toMatchObject({ code: 1, stderr: expect.stringContaining("Too many sign-in attempts from this address") });
});
