/**
 * Every page, signed out and signed in, light and dark, in two locales and two time zones: no console
 * error, no uncaught page error, no failed request to the app or its API. A hydration mismatch (React's
 * error #418), a missing favicon or a refused CSP source each fail it.
 */
import { expect, type Page, test } from "@playwright/test";
import { addTask, apiUrl, newUser, signUp } from "./helpers";

const signedOutPages = [
  { path: "/", heading: "Tasks" },
  { path: "/sign-in", heading: "Sign in" },
  { path: "/sign-up", heading: "Create your account" },
  { path: "/forgot-password", heading: "Forgot your password?" },
  { path: "/reset-password?token=from-the-email", heading: "Choose a new password" },
  { path: "/reset-password?error=INVALID_TOKEN", heading: "This reset link doesn't work" },
  { path: "/verify-email?error=TOKEN_EXPIRED", heading: "This confirmation link doesn't work" },
];
const signedInPages = [
  { path: "/tasks", heading: "Your tasks" },
  { path: "/account", heading: "Your account" },
  { path: "/device?user_code=ABCD-EFGH", heading: "Sign in a device" },
];
const MISSING = { path: "/no-such-page", heading: "This page doesn’t exist" };

/** Collects what a person's browser console would show; the one 404 a test asks for is not a problem. */
function watch(page: Page) {
  const problems: string[] = [];
  const origins = new Set([new URL(process.env.E2E_WEB_URL!).origin, new URL(apiUrl()).origin]);
  const ours = (url: string) => origins.has(new URL(url).origin);
  const asked404 = (url: string, status: number) => new URL(url).pathname === MISSING.path && status === 404;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium logs every 4xx it loads, the 404 page asked for included.
    if (asked404(message.location().url || page.url(), 404) && message.text().includes("404")) return;
    problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  page.on("requestfailed", (request) => {
    // ERR_ABORTED is the browser dropping a request the next navigation made pointless (Next's prefetches).
    const reason = request.failure()?.errorText;
    if (ours(request.url()) && reason !== "net::ERR_ABORTED") problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (ours(response.url()) && response.status() >= 400 && !asked404(response.url(), response.status())) {
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return problems;
}

async function visit(page: Page, { path, heading }: { path: string; heading: string }) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  // Hydration errors and late requests (icons, the session check, the task list) arrive after the heading.
  await page.waitForLoadState("networkidle");
}

const places = [
  { locale: "en-US", timezoneId: "America/New_York" },
  { locale: "de-DE", timezoneId: "Europe/Berlin" },
];

for (const { locale, timezoneId } of places) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${locale}, ${timezoneId}, ${colorScheme}`, () => {
      test.use({ locale, timezoneId, colorScheme });

      test("every page has a clean console", async ({ page }) => {
        test.setTimeout(120_000);
        const problems = watch(page);
        for (const signedOut of [...signedOutPages, MISSING]) await visit(page, signedOut);

        await signUp(page, newUser(`console-${locale}-${colorScheme}`));
        await addTask(page, "Water the plants");
        for (const signedIn of [...signedInPages, MISSING]) await visit(page, signedIn);
        await page.getByRole("link", { name: "Go to the start page" }).click();
        await expect(page.getByRole("heading", { name: "Your tasks", level: 1 })).toBeVisible();

        expect(problems).toEqual([]);
      });
    });
  }
}
