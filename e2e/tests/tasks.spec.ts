import { expect, test } from "@playwright/test";
import { signIn } from "./account-steps";
import { addTask, alertIn, apiUrl, newUser, showCompleted, signOut, signUp, taskList, tokenOf } from "./helpers";

test("a user manages their own tasks, and the next user sees none of them", async ({ page, request }) => {
  const tasks = taskList(page);

  const userA = newUser("a");
  await signUp(page, userA);
  await expect(page.getByText("No tasks yet")).toBeVisible();
  await addTask(page, "Buy milk");
  await addTask(page, "Pay rent");

  await page.getByRole("button", { name: "Edit Buy milk" }).click();
  await page.getByLabel("Title").fill("Buy oat milk");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(tasks.getByText("Buy oat milk", { exact: true })).toBeVisible();

  // click, not check(): the box turns on a moment later, once the optimistic update renders.
  await page.getByRole("checkbox", { name: "Completed: Pay rent" }).click();
  // The agenda folds completed tasks away at its end.
  await showCompleted(page);
  await expect(page.getByRole("checkbox", { name: "Completed: Pay rent" })).toBeChecked();

  await page.getByRole("button", { name: "Delete Buy oat milk" }).click();
  await expect(tasks.getByText("Buy oat milk", { exact: true })).toHaveCount(0);

  await page.reload();
  await showCompleted(page);
  await expect(page.getByRole("checkbox", { name: "Completed: Pay rent" })).toBeChecked();
  await expect(tasks.getByRole("listitem")).toHaveCount(1);

  const tokenA = await tokenOf(page);
  const listA = await request.get(`${apiUrl()}/api/tasks`, { headers: { Authorization: `Bearer ${tokenA}` } });
  const [rent] = (await listA.json()).items as Array<{ id: number; title: string }>;
  expect(rent?.title).toBe("Pay rent");

  await signOut(page);
  // Signed out means signed out at the API too (the revocation feed), not only in the browser.
  await expect.poll(async () => (await request.get(`${apiUrl()}/api/tasks`, { headers: { Authorization: `Bearer ${tokenA}` } })).status()).toBe(401);

  await signUp(page, newUser("b"));
  await expect(page.getByText("No tasks yet")).toBeVisible();

  const asB = { headers: { Authorization: `Bearer ${await tokenOf(page)}` } };
  expect((await request.get(`${apiUrl()}/api/tasks/${rent!.id}`, asB)).status()).toBe(404);
  expect((await request.patch(`${apiUrl()}/api/tasks/${rent!.id}/complete`, asB)).status()).toBe(404);
  expect((await request.delete(`${apiUrl()}/api/tasks/${rent!.id}`, asB)).status()).toBe(404);
  await expect((await request.get(`${apiUrl()}/api/tasks`, asB)).json()).resolves.toMatchObject({ items: [], total: 0 });

  await signOut(page);
  await signIn(page, userA);
  await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
  const stillA = await request.get(`${apiUrl()}/api/tasks/${rent!.id}`, { headers: { Authorization: `Bearer ${await tokenOf(page)}` } });
  expect(await stillA.json()).toMatchObject({ title: "Pay rent", completed: true });
});

test("a signed-out visitor is sent to sign in and comes back to their tasks", async ({ page }) => {
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
  const user = newUser("returning");
  await signUp(page, user);
  await signOut(page);
  await page.goto("/tasks");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
});

test("the API refuses requests without a valid token", async ({ request }) => {
  const missing = await request.get(`${apiUrl()}/api/tasks`);
  expect(missing.status()).toBe(401);
  expect(missing.headers()["www-authenticate"]).toMatch(/^Bearer/);
  const forged = await request.get(`${apiUrl()}/api/tasks`, { headers: { Authorization: "Bearer not.a.token" } });
  expect(forged.status()).toBe(401);
});

test("when the task service is down the page says so and can retry", async ({ page }) => {
  await signUp(page, newUser("offline"));
  await page.route(`${apiUrl()}/**`, (route) => route.abort("connectionrefused"));
  // The first page comes with the HTML from the server; the next view is the browser's own call.
  await page.getByRole("button", { name: "Completed", exact: true }).click();
  await expect(alertIn(page)).toContainText("Can't reach the task service");
  await page.unroute(`${apiUrl()}/**`);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("Nothing completed yet")).toBeVisible();
});
