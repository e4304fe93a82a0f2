import { expect, test } from "@playwright/test";
import { alertIn, newUser, signOut, signUp } from "./helpers";

test("sign-in and sign-up explain each mistake inline", async ({ page }) => {
  const user = newUser("forms");
  await signUp(page, user);
  await signOut(page);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertIn(page)).toHaveText("That email and password don't match. Check them and try again.");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("another long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(alertIn(page)).toHaveText("An account with this email already exists. Sign in instead.");

  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
});

test("sign-in says so when the server cannot be reached", async ({ page }) => {
  await page.goto("/sign-in");
  await page.route("**/api/auth/sign-in/email", (route) => route.abort("connectionrefused"));
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertIn(page)).toHaveText("Can't reach the sign-in service. Check your connection and try again.");
});
