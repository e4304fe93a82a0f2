import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { linkFromEmail, ownStack, signIn } from "./account-steps";
import { alertIn, newUser, screenshot, submitSignUp } from "./helpers";

// Email verification is off on the shared stack.
const stack = ownStack("verification", { EMAIL_VERIFICATION: "on" });

test("a new account must confirm its email before it can sign in", async ({ browser }) => {
  const page = await stack.newPage(browser);
  const user = newUser("verify");
  await submitSignUp(page, user);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`We've sent a link to ${user.email}.`);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "account/sign-up-check-email");
  await linkFromEmail(stack.outboxDir(), user.email, "Confirm your email for Tasks");

  await signIn(page, user);
  await expect(alertIn(page)).toHaveText("Confirm your email address first: we've just sent you a new link. Open it, and you're in.");
  await screenshot(page, "account/sign-in-unverified");
  const link = await linkFromEmail(stack.outboxDir(), user.email, "Confirm your email for Tasks", 2);

  await page.goto(link);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
});

test("a broken confirmation link explains itself and points to sign-in", async ({ browser }) => {
  const page = await stack.newPage(browser);
  await page.goto("/api/auth/verify-email?token=not-a-token&callbackURL=%2Fverify-email");
  await expect(page).toHaveURL(/\/verify-email\?error=INVALID_TOKEN$/);
  await expect(page.getByRole("heading", { name: "This confirmation link doesn't work" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});
