import { expect, test } from "@playwright/test";
import { ownStack, signIn } from "./account-steps";
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
