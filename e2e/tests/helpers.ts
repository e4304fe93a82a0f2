/** What a person does in the browser, as reusable steps, and a way to read the API the page talks to. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { root } from "../stack";

export const apiUrl = () => process.env.E2E_API_URL!;

let counter = 0;
export function newUser(label: string) {
  counter += 1;
  const id = `${label}-${Date.now()}-${counter}`;
  return { name: `User ${label}`, email: `${id}@example.test`, password: "correct horse battery" };
}

type NewUser = { name: string; email: string; password: string };

/** Fills in and sends the sign-up form; where it leads depends on the stack's settings. */
export async function submitSignUp(page: Page, user: NewUser) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signUp(page: Page, user: NewUser) {
  await submitSignUp(page, user);
  await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
}

/** Every task on screen: the agenda's day groups, or the one list of the other views. */
export const taskList = (page: Page) => page.getByRole("region", { name: "Tasks" });

/** Opens the agenda's folded "Completed · N" section. */
export async function showCompleted(page: Page) {
  await page.getByRole("button", { name: /^Completed · \d+$/ }).click();
}

/** Quick add: a title and Enter, as most people use it. */
export async function addTask(page: Page, title: string) {
  await page.getByLabel("New task").fill(title);
  await page.getByLabel("New task").press("Enter");
  await expect(taskList(page).getByText(title, { exact: true })).toBeVisible();
}

/** The signed-in user's JWT, minted by Better Auth exactly as the app's own client does it. */
export async function tokenOf(page: Page): Promise<string> {
  const body = await page.evaluate(async () => (await fetch("/api/auth/token")).json());
  return (body as { token: string }).token;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** The page's own alerts; Next.js adds an empty route announcer with the same role outside <main>. */
export const alertIn = (page: Page) => page.getByRole("main").getByRole("alert");

/** Calls the API directly as the signed-in user, for setting up data or checking what the server holds. */
export async function apiAs(page: Page) {
  const headers = { Authorization: `Bearer ${await tokenOf(page)}` };
  const request = page.request;
  return {
    headers,
    async create(task: Record<string, unknown>) {
      const response = await request.post(`${apiUrl()}/api/tasks`, { headers, data: task });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: number; title: string };
    },
    async list(query = "") {
      const response = await request.get(`${apiUrl()}/api/tasks${query}`, { headers });
      expect(response.ok()).toBe(true);
      return (await response.json()) as { items: Array<Record<string, unknown> & { id: number; title: string }>; total: number };
    },
  };
}

/** Saves what the user sees as a test artifact, under e2e/artifacts/screenshots/. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(import.meta.dirname, "..", "artifacts", "screenshots", `${name}.png`), fullPage: true });
}

/**
 * How many tasks the shared stack's database holds for `userId`, read from the SQLite file itself:
 * once an account is deleted no token of it is accepted any more, so the API cannot be asked.
 */
export function tasksInDatabase(userId: string): number {
  const count = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM task WHERE user_id = ?', (sys.argv[2],)).fetchone()[0])";
  return Number(execFileSync(path.join(root, "backend/.venv/bin/python"), ["-c", count, process.env.E2E_TASKS_DB!, userId], { encoding: "utf8" }).trim());
}

/** The `sub` of a JWT: the user id the API files tasks under. */
export const subjectOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sub: string }).sub;

