import assert from "node:assert/strict";
import { test } from "node:test";
import { withSection } from "./results-file.ts";

const file = "# Results\n\n## A/B\n\nold ab\n\n## First task\n\nold first\n";

test("a section in the middle is replaced and the next one kept", () => {
  assert.equal(withSection(file, "## A/B", "## A/B\n\nnew ab\n"), "# Results\n\n## A/B\n\nnew ab\n\n## First task\n\nold first\n");
});

test("the last section is replaced up to the end of the file", () => {
  assert.equal(withSection(file, "## First task", "## First task\n\nnew first"), "# Results\n\n## A/B\n\nold ab\n\n## First task\n\nnew first\n");
});

test("a section not there yet is appended after one blank line", () => {
  assert.equal(withSection(file, "## Peer comparison", "## Peer comparison\n\nratio"), `${file}\n## Peer comparison\n\nratio\n`);
});

test("a heading is matched by its start, so a section may name its case after it", () => {
  const text = "# Results\n\n## Revocation (issue 12): old\n\nold\n\n## First task\n\nkept\n";
  assert.equal(withSection(text, "## Revocation", "## Revocation (issue 12): new"), "# Results\n\n## Revocation (issue 12): new\n\n## First task\n\nkept\n");
});
