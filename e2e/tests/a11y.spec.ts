import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { signIn } from "./account-steps";
import { newUser, screenshot, signUp } from "./helpers";

/** Each page in the state people first meet it, with the heading that says it has rendered. */
const signedOutPages: Array<{ name: string; path: string; heading: string }> = [
  { name: "landing", path: "/", heading: "Tasks" },
  { name: "sign-in", path: "/sign-in", heading: "Sign in" },
  { name: "sign-up", path: "/sign-up", heading: "Create your account" },
  { name: "forgot-password", path: "/forgot-password", heading: "Forgot your password?" },
  { name: "reset-password", path: "/reset-password?token=from-the-email", heading: "Choose a new password" },
  { name: "reset-password-bad-link", path: "/reset-password?error=INVALID_TOKEN", heading: "This reset link doesn't work" },
  { name: "verify-email-bad-link", path: "/verify-email?error=TOKEN_EXPIRED", heading: "This confirmation link doesn't work" },
];

async function check(page: Page, name: string) {
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, `account/${name}`);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test("the signed-out pages have no serious accessibility problems", async ({ page }) => {
      for (const { name, path, heading } of signedOutPages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
        await check(page, `${name}-${colorScheme}`);
      }
    });

    test("forms with their inline errors have no serious accessibility problems", async ({ page }) => {
      await page.goto("/sign-up");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
      await check(page, `sign-up-errors-${colorScheme}`);

      await page.goto("/sign-in");
      await page.getByLabel("Email").fill("nobody@example.test");
      await page.getByLabel("Password", { exact: true }).fill("not a real password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await check(page, `sign-in-error-${colorScheme}`);
    });

    test("the account page has no serious accessibility problems", async ({ browser, page }) => {
      const user = newUser(`a11y-${colorScheme}`);
      await signUp(page, user);
      // A second session, so the list shows a "Sign out" button too.
      const elsewhere = await (await browser.newContext()).newPage();
      await signIn(elsewhere, user);
      await expect(elsewhere).toHaveURL(/\/tasks$/);
      await page.goto("/account");
      await expect(page.getByRole("list", { name: "Active sessions" }).getByRole("button", { name: "Sign out" })).toBeVisible();
      await check(page, `account-${colorScheme}`);

      await page.getByRole("region", { name: "Password" }).getByRole("button", { name: "Change password" }).click();
      await page.getByRole("region", { name: "Delete account" }).getByRole("button", { name: "Delete my account and tasks" }).click();
      await expect(page.getByText("Enter your password to confirm.")).toBeVisible();
      await check(page, `account-errors-${colorScheme}`);
      await elsewhere.context().close();
    });
  });
}
