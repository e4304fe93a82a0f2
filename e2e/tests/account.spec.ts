import { expect, type Page, test } from "@playwright/test";
import { linkFromEmail, sharedOutbox, signIn } from "./account-steps";
import { addTask, alertIn, apiAs, apiUrl, newUser, screenshot, signOut, signUp, subjectOf, tasksInDatabase } from "./helpers";

test("the landing page says what the app is, and signed-in people go straight to their tasks", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
  await expect(page.getByText("A to-do list that is yours alone")).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goBack();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signUp(page, newUser("landing"));
  await page.goto("/");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/tasks$/);
});

test("a signed-out visitor asking for /account signs in and gets there", async ({ page }) => {
  const user = newUser("return-account");
  await signUp(page, user);
  await signOut(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a user renames themselves and changes their password, then signs in with the new one", async ({ page }) => {
  const user = newUser("profile");
  await signUp(page, user);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(`You sign in as ${user.email}.`)).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Ada Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Ada Renamed")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Renamed");

  const password = page.getByRole("region", { name: "Password" });
  await password.getByLabel("Current password").fill("not my password");
  await password.getByLabel("New password").fill("a brand new passphrase");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toHaveText("That isn't your current password.");

  await password.getByLabel("Current password").fill(user.password);
  await password.getByLabel("New password").fill("short");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await password.getByLabel("New password").fill("a brand new passphrase");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("status")).toHaveText("Password changed. Your other devices are signed out.");
  await expect(password.getByLabel("Current password")).toHaveValue("");

  await page.goto("/tasks");
  await signOut(page);
  await signIn(page, user);
  await expect(alertIn(page)).toHaveText("That email and password don't match. Check them and try again.");
  await signIn(page, { email: user.email, password: "a brand new passphrase" });
  await expect(page).toHaveURL(/\/tasks$/);
});

test("a forgotten password is reset through the emailed link, which works only once", async ({ page }) => {
  const user = newUser("forgot");
  await signUp(page, user);
  await signOut(page);

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    `If an account exists for ${user.email}, we've sent it a link to reset the password. Check your email.`,
  );
  await screenshot(page, "account/forgot-password-sent");

  const link = await linkFromEmail(sharedOutbox(), user.email, "Reset your Tasks password");
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("my remembered passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill("my remembered passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks$/);

  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link doesn't work" })).toBeVisible();
});

test("signing out another session from the account page ends it at its next step", async ({ browser, page: laptop }) => {
  const user = newUser("sessions");
  // Separate browser contexts share no cookies: to the server they are separate devices.
  const [phone, tablet] = await Promise.all([1, 2].map(async () => (await browser.newContext()).newPage()));
  await signUp(laptop, user);
  for (const other of [phone, tablet]) {
    await signIn(other, user);
    await expect(other).toHaveURL(/\/tasks$/);
  }

  await laptop.goto("/account");
  const sessions = laptop.getByRole("list", { name: "Active sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  await expect(sessions.getByRole("listitem").filter({ hasText: "This device" })).toHaveCount(1);
  await screenshot(laptop, "account/account-sessions");

  await sessions.getByRole("button", { name: "Sign out" }).first().click();
  await expect(laptop.getByRole("region", { name: "Where you're signed in" }).getByRole("status")).toContainText("Signed out");
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  const stillIn = async (page: Page) => {
    await page.goto("/tasks");
    return !/\/sign-in/.test(page.url());
  };
  expect([await stillIn(phone), await stillIn(tablet)].sort()).toEqual([false, true]);

  await laptop.getByRole("button", { name: "Sign out all other devices" }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  expect([await stillIn(phone), await stillIn(tablet), await stillIn(laptop)]).toEqual([false, false, true]);
  await Promise.all([phone.context().close(), tablet.context().close()]);
});

test("deleting the account needs the password, deletes every task and lands signed out on the landing page", async ({ page }) => {
  const user = newUser("delete");
  await signUp(page, user);
  await addTask(page, "Water the plants");
  const api = await apiAs(page);
  await api.create({ title: "File taxes" });
  expect((await api.list()).total).toBe(2);
  const userId = subjectOf(api.headers.Authorization.slice("Bearer ".length));
  expect(tasksInDatabase(userId)).toBe(2);

  await page.goto("/account");
  const danger = page.getByRole("region", { name: "Delete account" });
  await danger.getByLabel("Your password").fill("not my password");
  await danger.getByRole("button", { name: "Delete my account and tasks" }).click();
  await expect(danger.getByRole("alert")).toHaveText("That isn't your current password.");
  expect((await api.list()).total).toBe(2);

  await danger.getByLabel("Your password").fill(user.password);
  await danger.getByRole("button", { name: "Delete my account and tasks" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("status")).toHaveText("Your account and all of its tasks have been deleted.");
  await screenshot(page, "account/landing-after-delete");

  // The account's old token is refused at once (the revocation feed), so it can write nothing more,
  // and nothing it wrote is left.
  await expect.poll(async () => (await page.request.get(`${apiUrl()}/api/tasks`, { headers: api.headers })).status()).toBe(401);
  expect(tasksInDatabase(userId)).toBe(0);
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, user);
  await expect(alertIn(page)).toHaveText("That email and password don't match. Check them and try again.");
});
