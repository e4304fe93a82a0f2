/**
 * The `tasks` CLI against the real stack: it signs in through the device flow, approved in Chromium by the
 * same user at /device, then works on that user's tasks and nobody else's. Also: denial, expiry, and a
 * session signed out from the account page. Mode-dependent: .ci/run runs it again in jwks mode.
 */
import { statSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { ownStack } from "./account-steps";
import { terminal } from "./cli-steps";
import { apiAs, newUser, screenshot, signOut, signUp, taskList } from "./helpers";

type Task = { id: number; title: string; completed: boolean; priority: string; tags: string[]; due_at: string | null };
type TaskPage = { items: Task[]; total: number };

/** At /device: types the code shown by the terminal, checks who asks, then approves or denies. */
async function answerAtDevice(page: Page, code: string, approve: boolean, { audit = false } = {}) {
  await page.goto("/device");
  await page.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  const request = page.getByRole("region", { name: "Tasks command-line app wants to sign in as you" });
  await expect(request.getByText(code)).toBeVisible();
  await expect(request.getByText("Tasks CLI on Linux")).toBeVisible();
  await expect(request.getByText("127.0.0.1")).toBeVisible();
  if (audit) {
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "device/approve");
  }
  await request.getByRole("button", { name: approve ? "Approve" : "Deny" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(approve ? /^Approved\./ : /^Denied\./);
}

test("a terminal signs in at /device as the browser's user, and works on that user's tasks alone", async ({ browser, page }) => {
  const user = newUser("cli");
  const other = newUser("cli-other");
  const otherPage = await (await browser.newContext()).newPage();
  await Promise.all([signUp(page, user), signUp(otherPage, other)]);
  const theirs = await (await apiAs(otherPage)).create({ title: "Someone else's secret" });

  const cli = terminal();
  const login = cli.login(process.env.E2E_WEB_URL!);
  await answerAtDevice(page, await login.userCode, true, { audit: true });
  const signedIn = await login.done;
  expect(signedIn.code, signedIn.stderr).toBe(0);
  expect(signedIn.stdout).toContain(`Signed in as ${user.name} (${user.email})`);
  expect(statSync(cli.credentials).mode & 0o777).toBe(0o600);

  const milk = await cli.json<Task>("add", "Buy", "oat", "milk", "--priority", "high", "--tag", "home,errands", "--due", "2030-01-15");
  expect(milk).toMatchObject({ title: "Buy oat milk", priority: "high", tags: ["errands", "home"], completed: false });
  await cli.json<Task>("add", "Call the plumber");
  const listed = await cli.json<TaskPage>("ls");
  expect(listed.items.map((task) => task.title).sort()).toEqual(["Buy oat milk", "Call the plumber"]);
  expect((await cli.json<TaskPage>("ls", "--priority", "high", "--tag", "home")).items.map((task) => task.title)).toEqual(["Buy oat milk"]);
  expect((await cli.json<TaskPage>("ls", "--search", "PLUMBER")).items.map((task) => task.title)).toEqual(["Call the plumber"]);
  const human = await cli.run("ls", "--sort", "title", "--order", "asc");
  expect(human.stdout).toMatch(/^\[ \] +\d+  Buy oat milk  !high  due .*#errands  #home\n\[ \] +\d+  Call the plumber\n$/);

  expect((await cli.json<Task>("done", String(milk.id))).completed).toBe(true);
  expect((await cli.json<TaskPage>("ls", "--status", "completed")).items.map((task) => task.id)).toEqual([milk.id]);
  expect((await cli.json<Task>("undo", String(milk.id))).completed).toBe(false);
  expect((await cli.json<Task>("edit", String(milk.id), "--title", "Buy oat milk and bread", "--due", "none"))).toMatchObject({ title: "Buy oat milk and bread", due_at: null });

  // Another user's task is not there, whichever way the CLI asks for it.
  expect((await cli.run("show", String(theirs.id))).stderr).toContain(`No task ${theirs.id}.`);
  expect((await cli.run("done", String(theirs.id))).code).toBe(4);
  expect((await cli.run("rm", String(theirs.id))).code).toBe(4);
  expect(JSON.stringify(await cli.json<TaskPage>("ls", "--status", "all", "--limit", "100"))).not.toContain("Someone else's secret");

  expect((await cli.run("rm", String(milk.id))).stdout).toBe(`Deleted task ${milk.id}.\n`);
  expect((await cli.run("show", String(milk.id))).code).toBe(4);

  // The same tasks in the web app, and the terminal among the account's sessions.
  await page.goto("/tasks");
  await expect(taskList(page).getByText("Call the plumber", { exact: true })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Active sessions" }).getByRole("listitem").filter({ hasText: "Tasks CLI on Linux" })).toHaveCount(1);

  const out = await cli.run("logout");
  expect(out).toMatchObject({ code: 0, stdout: expect.stringContaining("Signed out.") });
  expect(() => statSync(cli.credentials)).toThrow();
  expect(await cli.run("ls")).toMatchObject({ code: 3, stderr: expect.stringContaining("Not signed in. Run `tasks login`") });
  await page.reload();
  await expect(page.getByRole("list", { name: "Active sessions" }).getByRole("listitem").filter({ hasText: "Tasks CLI" })).toHaveCount(0);
  await otherPage.context().close();
});

test("a denied sign-in saves nothing, and a session signed out from the account page makes the CLI say to log in", async ({ page }) => {
  const user = newUser("cli-deny");
  await signUp(page, user);
  const cli = terminal();

  const denied = cli.login(process.env.E2E_WEB_URL!);
  await answerAtDevice(page, await denied.userCode, false);
  expect(await denied.done).toMatchObject({ code: 6, stderr: expect.stringContaining("Sign-in denied") });
  expect(() => statSync(cli.credentials)).toThrow();

  const approved = cli.login(process.env.E2E_WEB_URL!);
  await answerAtDevice(page, await approved.userCode, true);
  expect((await approved.done).code).toBe(0);
  await cli.json("add", "Water the plants");

  await page.goto("/account");
  const terminalSession = page.getByRole("list", { name: "Active sessions" }).getByRole("listitem").filter({ hasText: "Tasks CLI on Linux" });
  await terminalSession.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("region", { name: "Where you're signed in" }).getByRole("status")).toContainText("Signed out Tasks CLI on Linux");
  expect(await cli.run("ls")).toMatchObject({ code: 3, stderr: expect.stringMatching(/session has ended.*Run `tasks login`/) });
});

test.describe("a code nobody approves", () => {
  const stack = ownStack("cli-expiry", { DEVICE_CODE_LIFETIME_SECONDS: "5" });

  test("expires: the CLI says so, and /device no longer knows the code", async ({ browser }) => {
    const cli = terminal();
    const login = cli.login(stack.webUrl());
    const code = await login.userCode;
    expect(await login.done).toMatchObject({ code: 6, stderr: expect.stringContaining("The code expired") });

    // The link from the terminal, opened signed out: sign-in first, then back to /device with the code.
    const page = await stack.newPage(browser);
    const user = newUser("cli-expiry");
    await signUp(page, user);
    await signOut(page);
    await page.goto(`/device?user_code=${code}`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/device\\?user_code=${code}$`));
    await expect(page.getByLabel("Code", { exact: true })).toHaveValue(code);
    await page.getByRole("button", { name: "Continue" }).click();
    // Better Auth deletes an expired code once its terminal has been told, so it is simply unknown now.
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code doesn't match a sign-in request. Check it against your terminal and try again.");
    await page.context().close();
  });
});

test("the CLI names the problem when the address is not a Tasks app or nothing answers", async () => {
  const cli = terminal();
  // The API answers JSON, but has no device sign-in: not this app's frontend.
  const wrong = await cli.run("login", "--url", process.env.E2E_API_URL!);
  expect(wrong).toMatchObject({ code: 5, stderr: expect.stringContaining("does not look like a Tasks server") });
  const down = await cli.run("login", "--url", "http://127.0.0.1:9");
  expect(down).toMatchObject({ code: 5, stderr: expect.stringContaining("Can't reach the sign-in service at http://127.0.0.1:9") });
});
