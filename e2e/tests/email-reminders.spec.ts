import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { sharedOutbox } from "./account-steps";
import { apiAs, apiUrl, newUser, signUp } from "./helpers";

test("the account page turns reminder emails off, and the choice stays", async ({ page }) => {
  await signUp(page, newUser("reminder-emails"));
  await page.goto("/account");
  const emails = page.getByRole("switch", { name: "Email me my reminders" });
  await expect(emails).toBeChecked();

  await emails.click();
  await expect(emails).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Email me my reminders" })).not.toBeChecked();

  const { headers } = await apiAs(page);
  const stored = await page.request.get(`${apiUrl()}/api/me/reminders`, { headers });
  expect(await stored.json()).toEqual({ email_reminders: false });
});

const inSeconds = (seconds: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000).toISOString();

async function remindersTo(to: string, subject: string) {
  const dir = sharedOutbox();
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith(".json"));
  const emails = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(dir, file), "utf8")) as { to: string; subject: string }));
  return emails.filter((email) => email.to === to && email.subject === subject);
}

test("with no tab open, a reminder arrives by email at its time", async ({ page }) => {
  const user = newUser("reminder-mail");
  await signUp(page, user);
  const api = await apiAs(page);
  await api.create({ title: "Call the dentist", due_at: inSeconds(3600), remind_at: inSeconds(3) });
  await page.goto("about:blank");

  await expect.poll(async () => (await remindersTo(user.email, "Reminder: Call the dentist")).length, { timeout: 20_000 }).toBe(1);
});

test("a reminder an open tab showed is not emailed as well", async ({ page }) => {
  const user = newUser("reminder-tab");
  await signUp(page, user);
  const api = await apiAs(page);
  await api.create({ title: "Stretch", due_at: inSeconds(3600), remind_at: inSeconds(4) });
  await page.reload();

  await expect(page.getByRole("alert").filter({ hasText: "Reminder: Stretch" })).toBeVisible({ timeout: 20_000 });
  // The sender polls every second: give it several rounds to (wrongly) email it too.
  await page.waitForTimeout(4_000);
  expect(await remindersTo(user.email, "Reminder: Stretch")).toHaveLength(0);
});
