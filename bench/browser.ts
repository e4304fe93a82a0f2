/** The frontend in headless Chromium: JS shipped to /tasks, time until 50 tasks show, and token fetches per API call. */
import { gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { provisionBrowser, thisMachine } from "../e2e/browser.ts";
import type { Account } from "../e2e/accounts.ts";

const TASK_ITEMS = '[aria-label="Tasks"] li[data-task-id]';

export function launchBrowser(): Promise<Browser> {
  const browser = provisionBrowser(thisMachine(), console.log);
  return chromium.launch({ executablePath: browser.path, args: ["--no-sandbox"] });
}

/** A fresh context (cold cache) already signed in as `account`, through its Better Auth session cookie. */
export async function signedIn(browser: Browser, webUrl: string, account: Account): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: webUrl });
  const cookies = account.cookie.split("; ").map((pair) => {
    const [name, ...value] = pair.split("=");
    return { name, value: value.join("="), url: webUrl };
  });
  await context.addCookies(cookies);
  return context;
}

/**
 * Watches `page`'s answers: each script's size gzip-compressed here (zlib default level), and the scripts
 * its HTML names (first-load JS, as `next build` used to report it). Bodies are read after each event, so
 * `settled()` must be awaited before the context closes, or a late script (the auth client, fetched once
 * hydration asks for a token) goes uncounted.
 */
export function watchScripts(page: Page) {
  const scripts = new Map<string, number>();
  const inHtml = new Set<string>();
  const reads: Array<Promise<void>> = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type === "script") reads.push(response.body().then((body) => void scripts.set(response.url(), gzipSync(body).length)));
    if (type === "document") {
      reads.push(response.text().then((html) => {
        for (const [, src] of html.matchAll(/<script src="([^"]+)"(?! noModule)/g)) inHtml.add(new URL(src!, response.url()).href);
      }));
    }
  });
  return { scripts, inHtml, settled: () => Promise.all(reads) };
}

export type PageLoad = { scripts: { path: string; gzipBytes: number }[]; jsGzipBytes: number; msTo50Tasks: number[] };

/**
 * Loads /tasks `runs` times, each in a cold context, timing from navigation start (the page's own
 * clock) until 50 tasks are in the list. The first load's scripts are summed, gzip-compressed here
 * (zlib default level), because Next.js 16's `next build` no longer prints first-load sizes.
 */
export async function measurePageLoad(browser: Browser, webUrl: string, account: Account, runs: number): Promise<PageLoad> {
  const times: number[] = [];
  let scripts = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    const context = await signedIn(browser, webUrl, account);
    const page = await context.newPage();
    const watch = run === 0 ? watchScripts(page) : undefined;
    await page.goto("/tasks");
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length >= 50, TASK_ITEMS, { timeout: 30_000 });
    times.push(await page.evaluate(() => performance.now()));
    await page.waitForLoadState("networkidle");
    if (watch) {
      await watch.settled();
      scripts = watch.scripts;
    }
    await context.close();
  }
  const sizes = [...scripts].map(([url, gzipBytes]) => ({ path: new URL(url).pathname, gzipBytes })).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { scripts: sizes, jsGzipBytes: sizes.reduce((total, script) => total + script.gzipBytes, 0), msTo50Tasks: times };
}

export type TokenFetches = { apiCalls: number; tokenFetches: number; seconds: number };

/** Adds tasks through the quick-add form until the page has made `calls` API calls, counting token fetches. */
export async function countTokenFetches(browser: Browser, webUrl: string, apiUrl: string, account: Account, calls: number): Promise<TokenFetches> {
  const context = await signedIn(browser, webUrl, account);
  const page = await context.newPage();
  let apiCalls = 0;
  let tokenFetches = 0;
  page.on("request", (request) => {
    if (request.url().startsWith(apiUrl) && request.method() !== "OPTIONS") apiCalls += 1;
    if (new URL(request.url()).pathname === "/api/auth/token") tokenFetches += 1;
  });
  const started = Date.now();
  await page.goto("/tasks");
  await page.getByRole("heading", { name: "Your tasks" }).waitFor();
  for (let n = 1; apiCalls < calls; n++) {
    const title = `Token check ${n}`;
    await page.getByLabel("New task").fill(title);
    await page.getByLabel("New task").press("Enter");
    await page.locator(TASK_ITEMS).filter({ hasText: title }).first().waitFor();
  }
  await page.waitForLoadState("networkidle");
  await context.close();
  return { apiCalls, tokenFetches, seconds: (Date.now() - started) / 1000 };
}
