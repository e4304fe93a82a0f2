import { defineConfig } from "@playwright/test";

/** The fault tests: no browser, one cluster per file, one test at a time (each injects its own fault). */
export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  globalSetup: "./global-setup.ts",
  outputDir: "../artifacts/reliability/results",
  timeout: 180_000,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
});
