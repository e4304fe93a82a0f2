import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { fixtureBody, THIRTY_TASKS } from "./fixture-tasks";
import { apiAs, newUser, signUp, taskList } from "./helpers";

/** Committed with the code, so a review sees the screen as it is at this commit. */
const SCREENS = path.join(import.meta.dirname, "..", "screenshots");

const SIZES = [
  { name: "desktop", width: 1280, height: 800, atLeast: 12 },
  { name: "phone", width: 390, height: 844, atLeast: 6 },
] as const;

/** Task rows wholly inside the first screen and not covered by anything (the phone's composer). */
function tasksAboveTheFold(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[aria-label="Tasks"] li[data-task-id]')];
    return rows.filter((row) => {
      const box = row.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) return false;
      const probe = (y: number) => row.contains(document.elementFromPoint(box.left + 8, y));
      return probe(box.top + 4) && probe(box.bottom - 4);
    }).length;
  });
}

for (const size of SIZES) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`30 tasks at ${size.width}×${size.height} (${colorScheme}): at least ${size.atLeast} above the fold`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme });
      await signUp(page, newUser(`screens-${size.name}-${colorScheme}`));
      const api = await apiAs(page);
      const now = new Date();
      for (const task of THIRTY_TASKS) await api.create(fixtureBody(task, now));
      await page.reload();
      await expect(taskList(page).getByRole("listitem")).toHaveCount(27);
      await expect(page.getByRole("button", { name: "Completed · 3" })).toBeVisible();

      const visible = await tasksAboveTheFold(page);
      test.info().annotations.push({ type: "above the fold", description: `${visible} tasks at ${size.width}×${size.height} ${colorScheme}` });
      console.log(`above the fold: ${visible} tasks at ${size.width}×${size.height} (${colorScheme})`);
      expect(visible).toBeGreaterThanOrEqual(size.atLeast);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: path.join(SCREENS, `tasks-${size.width}x${size.height}-${colorScheme}.png`) });
    });
  }
}

test("on a phone the views and tags are a menu: counts, keyboard, Escape, a click outside", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, newUser("phone-menu"));
  const api = await apiAs(page);
  const now = new Date();
  for (const task of THIRTY_TASKS) await api.create(fixtureBody(task, now));
  await page.reload();

  // No sidebar on a phone: one button, on the heading's line, names the view on screen.
  await expect(page.getByRole("navigation", { name: "Views" })).toBeHidden();
  const button = page.getByRole("button", { name: "View: To do" });
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await button.click();
  const menu = page.getByRole("menu", { name: "Views and tags" });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const toDo = menu.getByRole("menuitemradio", { name: "To do" });
  await expect(toDo).toHaveAttribute("aria-checked", "true");
  await expect(toDo).toBeFocused();
  // Each tag with its open tasks counted, in name order (the fixture's completed ones left out).
  const tags = menu.getByRole("group", { name: "Tags" }).getByRole("menuitemradio");
  const names = await tags.evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
  expect(names).toEqual(["#admin, 4 open", "#bills, 3 open", "#errands, 2 open", "#health, 3 open", "#home, 5 open", "#reading, 1 open", "#work, 5 open"]);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(SCREENS, "tasks-390x844-menu-light.png") });

  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  // From the keyboard alone: ArrowDown opens on the first item, End and Home jump, a letter finds a tag.
  await page.keyboard.press("ArrowDown");
  await expect(toDo).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitemradio", { name: "All" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitemradio", { name: "#work, 5 open" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(toDo).toBeFocused();
  await page.keyboard.press("h");
  await expect(menu.getByRole("menuitemradio", { name: "#health, 3 open" })).toBeFocused();
  await page.keyboard.press("h");
  await expect(menu.getByRole("menuitemradio", { name: "#home, 5 open" })).toBeFocused();
  // The list's own shortcuts stay out of the menu: j moves nothing there, and selects no task.
  await page.keyboard.press("j");
  await expect(page.locator("li[data-task-id].selected")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(page).toHaveURL(/[?&]tag=home(&|$)/);
  const home = page.getByRole("button", { name: "View: #home" });
  await expect(home).toBeFocused();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(5);

  // A click outside closes it too, and changes nothing.
  await home.click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { name: "Your tasks" }).click();
  await expect(menu).toBeHidden();
  await expect(page).toHaveURL(/[?&]tag=home(&|$)/);

  // Tab leaves the menu closed behind it.
  await home.press("Enter");
  await expect(menu).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(menu).toBeHidden();
});
