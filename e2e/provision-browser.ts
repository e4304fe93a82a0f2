/** Run before the end-to-end suite: makes sure a Chromium is there, installing one if need be, and says which. */
import { NoBrowserError, provisionBrowser, thisMachine } from "./browser";

try {
  const browser = provisionBrowser(thisMachine(), (line) => console.log(line));
  console.log(`Chromium for the end-to-end tests: ${browser.path} (${browser.why})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof NoBrowserError ? 3 : 1);
}
