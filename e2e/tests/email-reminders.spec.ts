import { expect, test } from "@playwright/test";
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
