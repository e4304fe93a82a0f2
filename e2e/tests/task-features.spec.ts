import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { addTask, alertIn, apiAs, apiUrl, newUser, showCompleted, signUp, taskList } from "./helpers";

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const item = (page: import("@playwright/test").Page, title: string) => taskList(page).getByRole("listitem").filter({ hasText: title });

test.beforeEach(async ({ page }) => {
  await signUp(page, newUser("features"));
});

// The browser's clock is pinned to noon on 1 Dec 2026 where "today" matters, so no run falls on a midnight.
const NOON = new Date(2026, 11, 1, 12, 0);

test("quick add takes every field, and each shows on the task", async ({ page }) => {
  await page.clock.setFixedTime(NOON);
  await page.reload();
  await page.getByRole("button", { name: "More options" }).click();
  await page.getByLabel("New task").fill("Pay rent");
  await page.getByLabel("Description").fill("Transfer to the landlord");
  await page.getByLabel("Priority").first().selectOption("high");
  await page.getByLabel("Tags").fill("Home, bills");
  await page.getByLabel("Due date").fill("2026-12-01");
  await page.getByLabel("Time (empty: all day)").fill("17:00");
  await page.getByLabel("Repeats").selectOption("weekly");
  await page.getByLabel("New task").press("Enter");

  const rent = item(page, "Pay rent");
  await expect(rent).toContainText("Transfer to the landlord");
  await expect(rent).toContainText("High priority");
  await expect(rent).toContainText("Today 17:00");
  await expect(rent).toContainText("Every week");
  await expect(rent.getByRole("button", { name: "Show tasks tagged home" })).toBeVisible();
  await expect(rent.getByRole("button", { name: "Show tasks tagged bills" })).toBeVisible();

  const [stored] = (await (await apiAs(page)).list()).items;
  expect(stored).toMatchObject({ title: "Pay rent", priority: "high", tags: ["bills", "home"], recurrence: "weekly", due_at: expect.any(String), all_day: false });
});

test("a due date without a time is all-day, shown as the day alone", async ({ page }) => {
  await page.clock.setFixedTime(NOON);
  await page.reload();
  await page.getByRole("button", { name: "More options" }).click();
  await page.getByLabel("New task").fill("Send the card");
  await page.getByLabel("Due date").fill("2026-12-02");
  await page.getByLabel("New task").press("Enter");

  await expect(item(page, "Send the card").locator("time")).toHaveText("Tomorrow");
  const [stored] = (await (await apiAs(page)).list()).items;
  expect(stored).toMatchObject({ title: "Send the card", all_day: true, due_at: new Date(2026, 11, 2, 23, 59, 59).toISOString().replace(".000", "") });
});

test("quick add understands words, and a recognised part can be kept as words instead", async ({ page }) => {
  await page.clock.setFixedTime(NOON);
  await page.reload();
  const box = page.getByLabel("New task");
  await box.click();
  await box.fill("Pay rent tomorrow 9am every month !high #home");
  const parts = page.locator("#new-title-parts");
  await expect(parts).toContainText("Tomorrow 09:00");
  await expect(parts).toContainText("Every month");
  await expect(parts).toContainText("High priority");
  await expect(parts).toContainText("Title: Pay rent");

  // The same parts are marked inside the box, on the layer right under the input's text.
  const marks = page.locator(".quick-marks mark");
  await expect(marks).toHaveText(["tomorrow 9am", "every month", "!high", "#home"]);
  const input = (await box.boundingBox())!;
  const mark = (await marks.first().boundingBox())!;
  expect(mark.x).toBeGreaterThan(input.x);
  expect(mark.x + mark.width).toBeLessThan(input.x + input.width);
  expect(Math.abs(mark.y + mark.height / 2 - (input.y + input.height / 2))).toBeLessThan(4);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: 'Keep "!high" in the title' }).click();
  await expect(parts).toContainText("Title: Pay rent !high");
  await expect(parts).not.toContainText("High priority");
  await box.press("Enter");

  await expect(item(page, "Pay rent !high")).toContainText("Tomorrow 09:00");
  await expect(parts).toBeEmpty();
  const [stored] = (await (await apiAs(page)).list()).items;
  expect(stored).toMatchObject({
    title: "Pay rent !high",
    priority: "medium",
    tags: ["home"],
    recurrence: "monthly",
    recurrence_interval: 1,
    all_day: false,
    due_at: new Date(2026, 11, 2, 9, 0).toISOString().replace(".000", ""),
  });

  // Backspace right after a part first turns it back into words, and says so; the next one deletes.
  await box.fill("Call mom tomorrow");
  await expect(marks).toHaveText(["tomorrow"]);
  await box.press("End");
  await box.press("Backspace");
  await expect(box).toHaveValue("Call mom tomorrow");
  await expect(marks).toHaveCount(0);
  await expect(parts).toBeEmpty();
  await expect(page.getByRole("form", { name: "Add a task" }).getByRole("status")).toHaveText('"tomorrow" is title text again.');
  await box.press("Backspace");
  await expect(box).toHaveValue("Call mom tomorro");
});

test("inline edit changes any field, and an overdue task is marked", async ({ page }) => {
  const api = await apiAs(page);
  await api.create({ title: "File taxes", due_at: hoursFromNow(-30) });
  await page.reload();
  await expect(item(page, "File taxes")).toContainText(/Yesterday|days late/);
  await expect(taskList(page).getByRole("heading", { name: /^Overdue/ })).toBeVisible();

  await page.getByRole("button", { name: "Edit File taxes" }).click();
  const editor = page.getByRole("form", { name: "Edit File taxes" });
  await editor.getByLabel("Title", { exact: true }).fill("File taxes (extension)");
  await editor.getByLabel("Priority").selectOption("low");
  await editor.getByLabel("Due date").fill("");
  await editor.getByRole("button", { name: "Save" }).click();

  const edited = item(page, "File taxes (extension)");
  await expect(edited).toContainText("Low priority");
  await expect(edited).not.toContainText(/Yesterday|days late/);
  await expect(taskList(page).getByRole("heading", { name: /^No date/ })).toBeVisible();
  await expect.poll(async () => (await api.list()).items[0]).toMatchObject({ title: "File taxes (extension)", priority: "low", due_at: null });
});

test("completing a recurring task brings its next occurrence", async ({ page }) => {
  // A week ahead of the real date: the API schedules the next occurrence after its own clock's now.
  const today = new Date();
  const noonNextWeek = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7, 12, 0);
  await page.clock.setFixedTime(noonNextWeek);
  const api = await apiAs(page);
  const due = new Date(noonNextWeek.getFullYear(), noonNextWeek.getMonth(), noonNextWeek.getDate(), 17, 0);
  await api.create({ title: "Water plants", due_at: due.toISOString(), recurrence: "daily" });
  await page.reload();
  await page.getByRole("checkbox", { name: "Completed: Water plants" }).click();
  await showCompleted(page);
  await expect(taskList(page).getByRole("checkbox", { name: "Completed: Water plants" })).toHaveCount(2);
  await expect(taskList(page).getByRole("checkbox", { name: "Completed: Water plants", checked: true })).toHaveCount(1);
  await expect(item(page, "Water plants").filter({ hasText: "Tomorrow" })).toHaveCount(1);
});

test("filters, search and sort live in the URL: reload and back keep the view", async ({ page }) => {
  const api = await apiAs(page);
  await api.create({ title: "Alpha report", priority: "high", tags: ["work"] });
  const beta = await api.create({ title: "Beta groceries", tags: ["home"] });
  await api.create({ title: "Gamma call", priority: "low", tags: ["work"] });
  await page.request.patch(`${apiUrl()}/api/tasks/${beta.id}/complete`, { headers: api.headers });
  await page.reload();
  // The agenda shows the two open tasks; "All" shows the three.
  await expect(taskList(page).getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "All", exact: true }).click();
  await expect(page).toHaveURL(/status=all/);
  await expect(taskList(page).getByRole("listitem")).toHaveCount(3);

  await page.getByRole("button", { name: "Completed", exact: true }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(taskList(page).getByRole("listitem")).toHaveCount(1);
  await page.reload();
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Beta groceries/]);
  await page.goBack();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(3);

  await page.getByLabel("Search tasks").fill("ALPHA");
  await expect(page).toHaveURL(/q=ALPHA/);
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Alpha report/]);
  await page.getByLabel("Search tasks").fill("");
  await expect(taskList(page).getByRole("listitem")).toHaveCount(3);

  await item(page, "Gamma call").getByRole("button", { name: "Show tasks tagged work" }).click();
  await expect(page).toHaveURL(/tag=work/);
  await expect(taskList(page).getByRole("listitem")).toHaveCount(2);

  await page.getByText("Filters and sort").click();
  await page.getByLabel("Sort by").selectOption("title");
  await page.getByLabel("Order").selectOption("asc");
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Alpha report/, /Gamma call/]);
  await page.getByLabel("Order").selectOption("desc");
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Gamma call/, /Alpha report/]);

  const shared = page.url();
  await page.goto("/tasks");
  await page.goto(shared);
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Gamma call/, /Alpha report/]);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(3);
});

test("delete offers undo, and the task is gone for good once the toast closes", async ({ page }) => {
  await addTask(page, "Keep me");
  await addTask(page, "Lose me");
  const api = await apiAs(page);

  await page.getByRole("button", { name: "Delete Keep me" }).click();
  await expect(item(page, "Keep me")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(item(page, "Keep me")).toBeVisible();

  await page.getByRole("button", { name: "Delete Lose me" }).click();
  await expect(item(page, "Lose me")).toHaveCount(0);
  await expect.poll(async () => (await api.list()).items.map((t) => t.title), { timeout: 10_000 }).toEqual(["Keep me"]);
  await page.reload();
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Keep me/]);
});

test("clear completed removes only the finished tasks", async ({ page }) => {
  await addTask(page, "Done already");
  await addTask(page, "Still open");
  await page.getByRole("checkbox", { name: "Completed: Done already" }).click();
  await showCompleted(page);
  await expect(page.getByRole("checkbox", { name: "Completed: Done already" })).toBeChecked();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Clear completed" }).click();
  await expect(taskList(page).getByRole("listitem")).toHaveText([/Still open/]);
  expect((await (await apiAs(page)).list()).items.map((t) => t.title)).toEqual(["Still open"]);
});

test("a change the API refuses is rolled back with a message", async ({ page }) => {
  await addTask(page, "Fragile");
  await page.route(`${apiUrl()}/api/tasks/*/complete`, (route) => route.abort("connectionrefused"));
  await page.getByRole("checkbox", { name: "Completed: Fragile" }).click();
  await expect(alertIn(page).or(page.getByRole("alert").filter({ hasText: "undone" }))).toContainText("Your change was undone");
  await expect(page.getByRole("checkbox", { name: "Completed: Fragile" })).not.toBeChecked();
});

test("keyboard: n, /, j/k, x, e, Delete and ? all work", async ({ page }) => {
  await page.keyboard.press("n");
  await expect(page.getByLabel("New task")).toBeFocused();
  await page.keyboard.type("First by keyboard");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Second by keyboard");
  await page.keyboard.press("Enter");
  await expect(taskList(page).getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("New task").blur();

  await page.keyboard.press("/");
  await expect(page.getByLabel("Search tasks")).toBeFocused();
  await page.getByLabel("Search tasks").blur();

  // The agenda lists undated tasks in the order they were added.
  await page.keyboard.press("j");
  await expect(taskList(page).locator('[aria-current="true"]')).toContainText("First by keyboard");
  await page.keyboard.press("j");
  await expect(taskList(page).locator('[aria-current="true"]')).toContainText("Second by keyboard");
  await page.keyboard.press("k");
  await expect(taskList(page).locator('[aria-current="true"]')).toContainText("First by keyboard");

  await page.keyboard.press("x");
  // The agenda folds the completed task away and the selection moves on to the next one.
  await expect(taskList(page).locator('[aria-current="true"]')).toContainText("Second by keyboard");
  await expect(page.getByRole("button", { name: "Completed · 1" })).toBeVisible();

  await page.keyboard.press("e");
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Second by keyboard");
  await page.keyboard.press("Escape");

  await page.keyboard.press("Delete");
  await expect(item(page, "Second by keyboard")).toHaveCount(0);
  await showCompleted(page);
  await expect(page.getByRole("checkbox", { name: "Completed: First by keyboard" })).toBeChecked();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});

test("a long list loads more on request", async ({ page }) => {
  const api = await apiAs(page);
  for (let i = 1; i <= 53; i++) await api.create({ title: `Task ${String(i).padStart(2, "0")}` });
  await page.reload();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(50);
  await page.getByRole("button", { name: "Load more (3 more)" }).click();
  await expect(taskList(page).getByRole("listitem")).toHaveCount(53);
});

test("a reminder that comes due while the app is open shows a banner", async ({ page }) => {
  const api = await apiAs(page);
  await api.create({ title: "Call the bank", due_at: hoursFromNow(1), remind_at: new Date(Date.now() + 3_000).toISOString() });
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Reminder: Call the bank" })).toBeVisible({ timeout: 15_000 });
});

const refuseTokens = (page: import("@playwright/test").Page) =>
  page.route(`${apiUrl()}/api/tasks**`, (route) => route.fulfill({ status: 401, json: { detail: "Invalid token" }, headers: { "WWW-Authenticate": "Bearer" } }));

test("an API that refuses even a fresh token is explained, not looped through sign-in", async ({ page }) => {
  await refuseTokens(page);
  // The first page comes with the HTML from the server; the next view is the browser's own call.
  await page.getByRole("button", { name: "Completed", exact: true }).click();
  await expect(alertIn(page)).toContainText("did not accept your sign-in");
  await expect(page).toHaveURL(/\/tasks\?status=completed$/);
});

test("a session that ended sends the user to sign in, then back to the same view", async ({ page, context }) => {
  const user = newUser("expired");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signUp(page, user);
  // A settled page: no refresh from the sign-up, nor the page's own check of what came in the HTML,
  // still in flight when the session disappears (that check would go to sign in from /tasks).
  await page.reload();
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await context.clearCookies();
  await refuseTokens(page);
  await page.getByRole("button", { name: "Completed", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dcompleted$/);
  await page.unrouteAll();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks\?status=completed$/);
});

test("the tag list counts every open task, not the first page, from the first HTML on, and follows changes", async ({ page }) => {
  const api = await apiAs(page);
  // More open tasks than a page holds (50): the counts come from GET /api/tags, not from the page.
  for (let n = 1; n <= 55; n++) await api.create({ title: `Chore ${n}`, tags: ["chores"] });
  await api.create({ title: "Chore done", tags: ["chores"], completed: true });
  await api.create({ title: "Old errand", tags: ["archive"], completed: true });

  const html = await (await page.request.get("/tasks")).text();
  expect(html).toContain('aria-label="#chores, 55 open"');

  await page.reload();
  const views = page.getByRole("navigation", { name: "Views" });
  await expect(views.getByRole("button", { name: "#chores, 55 open" })).toBeVisible();
  // A tag left only on completed tasks is not listed.
  await expect(views.getByRole("button", { name: /^#archive/ })).toHaveCount(0);

  await taskList(page).getByLabel("Completed: Chore 1", { exact: true }).click();
  await expect(views.getByRole("button", { name: "#chores, 54 open" })).toBeVisible();
  await page.getByLabel("New task").fill("Chore 56 #chores #garden");
  await page.getByLabel("New task").press("Enter");
  await expect(views.getByRole("button", { name: "#chores, 55 open" })).toBeVisible();
  await expect(views.getByRole("button", { name: "#garden, 1 open" })).toBeVisible();
});
