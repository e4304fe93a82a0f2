/** Steps the account specs share: a stack of their own, signing in, and reading the emails a stack "sent". */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { type Stack, startStack } from "../stack";

type Credentials = { email: string; password: string };
type Email = { to: string; subject: string; text: string; sentAt: string };

/**
 * Runs the product once more for the calling spec file alone, configured differently from the shared
 * stack (e.g. `{ EMAIL_VERIFICATION: "on" }`), and stops it when the file is done.
 */
export function ownStack(name: string, frontendEnv: Record<string, string>) {
  let stack: Stack | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    stack = await startStack({ name, frontendEnv });
  });
  test.afterAll(async () => {
    await stack?.stop();
  });
  return {
    webUrl: () => stack!.webUrl,
    outboxDir: () => stack!.outboxDir,
    newPage: async (browser: Browser) => (await browser.newContext({ baseURL: stack!.webUrl })).newPage(),
  };
}

export async function signIn(page: Page, { email, password }: Credentials) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The outbox of the stack started by global-setup; specs with their own stack pass theirs. */
export const sharedOutbox = () => process.env.E2E_OUTBOX_DIR!;

async function emailsTo(outboxDir: string, to: string): Promise<Email[]> {
  // File names start with the time they were written, so sorting them sorts the emails oldest first.
  const files = (await readdir(outboxDir).catch(() => [] as string[])).filter((file) => file.endsWith(".json")).sort();
  const emails = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(outboxDir, file), "utf8")) as Email));
  return emails.filter((email) => email.to === to);
}

/** Waits until `to` has received `count` emails with this subject, then returns the link in the newest. */
export async function linkFromEmail(outboxDir: string, to: string, subject: string, count = 1): Promise<string> {
  const matching = async () => (await emailsTo(outboxDir, to)).filter((email) => email.subject === subject);
  await expect.poll(async () => (await matching()).length, { message: `email "${subject}" to ${to}` }).toBeGreaterThanOrEqual(count);
  const newest = (await matching()).at(-1)!;
  const link = newest.text.match(/https?:\/\/\S+/)?.[0];
  expect(link, `a link in "${subject}"`).toBeTruthy();
  return link!;
}
