import { expect, test } from "@playwright/test";
import { apiAs, newUser, signUp, taskList } from "./helpers";

// A browser in Berlin: the form sends its zone, and the repeat keeps 09:00 there across DST.
test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

const BERLIN = "Europe/Berlin";
const offsetOf = (at: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: BERLIN, timeZoneName: "longOffset" }).format(at).split(" ").pop();
const berlinWall = (iso: string) => new Intl.DateTimeFormat("sv-SE", { timeZone: BERLIN, dateStyle: "short", timeStyle: "short" }).format(new Date(iso));

/** The next Berlin day (as YYYY-MM-DD) whose UTC offset differs from the day before: a DST change. */
function nextDstChange(): { before: string; after: string } {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  for (let i = 1; i <= 400; i += 1) {
    const previous = new Date(day.getTime() + (i - 1) * 86_400_000);
    const next = new Date(day.getTime() + i * 86_400_000);
    if (i > 1 && offsetOf(previous) !== offsetOf(next)) {
      return { before: berlinWall(previous.toISOString()).slice(0, 10), after: berlinWall(next.toISOString()).slice(0, 10) };
    }
  }
  throw new Error("no DST change within 400 days");
}

test("a daily task due the day before a DST change comes back at 09:00 Berlin time", async ({ page }) => {
  await signUp(page, newUser("berlin"));
  const { before, after } = nextDstChange();

  await page.getByRole("button", { name: "More options" }).click();
  await page.getByLabel("New task").fill("Morning run");
  await page.getByLabel("Due date").fill(before);
  await page.getByLabel("Time (empty: all day)").fill("09:00");
  await page.getByLabel("Repeats").selectOption("daily");
  await page.getByLabel("New task").press("Enter");
  await expect(taskList(page).getByRole("checkbox", { name: "Completed: Morning run" })).toHaveCount(1);

  await page.getByRole("checkbox", { name: "Completed: Morning run" }).click();
  await expect(taskList(page).getByRole("checkbox", { name: "Completed: Morning run", checked: false })).toHaveCount(1);

  const items = (await (await apiAs(page)).list("?status=pending")).items;
  expect(items).toHaveLength(1);
  const next = items[0]!;
  expect(next).toMatchObject({ time_zone: BERLIN, recurrence: "daily" });
  expect(berlinWall(next.due_at as string)).toBe(`${after} 09:00`);
  // The page shows the same local time, on the new side of the change.
  const pending = taskList(page).getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: "Completed: Morning run", checked: false }) });
  await expect(pending).toContainText("09:00");
});
