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
