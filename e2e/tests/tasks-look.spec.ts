import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { apiAs, apiUrl, newUser, screenshot, signUp, taskList } from "./helpers";

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A list with one of everything the UI can show: priorities, tags, due states, repeats, a finished task. */
async function seedVariedTasks(page: Page) {
  const api = await apiAs(page);
  const done = await api.create({ title: "Book dentist appointment", tags: ["health"] });
  await page.request.patch(`${apiUrl()}/api/tasks/${done.id}/complete`, { headers: api.headers });
  await api.create({ title: "Renew passport", priority: "high", due_at: hoursFromNow(-20), tags: ["admin"] });
  await api.create({ title: "Pay rent", description: "Transfer before 5 pm", due_at: hoursFromNow(0.5), recurrence: "monthly", tags: ["home", "bills"] });
  await api.create({ title: "Read a chapter", priority: "low", due_at: hoursFromNow(50), recurrence: "daily", recurrence_interval: 2 });
  await page.reload();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(3);
  await page.getByRole("button", { name: "Completed · 1" }).click();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(4);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the task page has no serious accessibility problems (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await signUp(page, newUser(`look-${colorScheme}`));
    await seedVariedTasks(page);
    await page.getByText("Filters and sort").click();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, `tasks-${colorScheme}`);

    await page.getByRole("button", { name: "Edit Pay rent" }).click();
    await page.getByRole("button", { name: "More options" }).click();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, `tasks-editing-${colorScheme}`);

    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test("the theme toggle overrides the system and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await signUp(page, newUser("theme"));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  const theme = page.getByRole("button", { name: "Theme", exact: true });
  await theme.click();
  await page.getByRole("button", { name: "Dark" }).click();
  await expect.poll(background).not.toBe(light);
  await page.reload();
  await expect(theme).toHaveAttribute("title", "Theme: Dark");
  expect(await background()).not.toBe(light);
  await theme.click();
  await expect(page.getByRole("group", { name: "Choose a theme" }).getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /^Automatic/ }).click();
  await expect.poll(background).toBe(light);
});

test("the task page fits phones down to 360 px wide", async ({ page }) => {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page, newUser("mobile"));
  await seedVariedTasks(page);
  expect(await overflow()).toBe(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "tasks-mobile-375");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByText("Filters and sort").click();
  expect(await overflow()).toBe(0);
});
