import { defineConfig } from "@playwright/test";
import { findBrowser, thisMachine } from "./browser";

// `npm test` provisions the browser first (provision-browser.ts); here it is only looked up again.
const browser = findBrowser(thisMachine());
if (!browser) throw new Error("No Chromium found. `npm --workspace e2e test` finds or installs one; or set CHROMIUM_PATH.");
const runningAsRoot = process.getuid?.() === 0;
// Concurrent runs (each with its own E2E_DIST_DIR) keep their artifacts apart too.
const artifacts = `./artifacts${process.env.E2E_DIST_DIR ? `/${process.env.E2E_DIST_DIR.replace(/^\./, "")}` : ""}`;

export default defineConfig({
  testDir: "./tests",
  outputDir: `${artifacts}/results`,
  globalSetup: "./global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never", outputFolder: `${artifacts}/report` }]],
  use: {
    // Set by global-setup before the workers start.
    baseURL: process.env.E2E_WEB_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: browser.path,
      // This machine has no network beyond loopback: keep Chromium from calling home.
      args: [
        ...(runningAsRoot ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
