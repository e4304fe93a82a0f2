/** What a person does in the browser, as reusable steps, and a way to read the API the page talks to. */
import { expect, type Page } from "@playwright/test";

export const apiUrl = () => process.env.E2E_API_URL!;

let counter = 0;
export function newUser(label: string) {
  counter += 1;
  const id = `${label}-${Date.now()}-${counter}`;
  return { name: `User ${label}`, email: `${id}@example.test`, password: "correct horse battery" };
}

export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your tasks" })).toBeVisible();
}

export async function addTask(page: Page, title: string, details = "") {
  await page.getByLabel("New task").fill(title);
  if (details) await page.getByLabel("Details (optional)").fill(details);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByRole("list", { name: "Tasks" }).getByText(title, { exact: true })).toBeVisible();
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
