/** The sections that single-case harnesses keep in bench/RESULTS.md, each rewritten by its own run. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "../e2e/stack.ts";

/**
 * `text` with the section whose heading line starts with `heading` (e.g. "## Revocation", whose line
 * goes on with the issue it measures) replaced up to the next "## ", or appended at the end.
 */
export function withSection(text: string, heading: string, section: string): string {
  const start = text.indexOf(`\n${heading}`);
  const end = start === -1 ? -1 : text.indexOf("\n## ", start + 1);
  const before = start === -1 ? text.trimEnd() : text.slice(0, start).trimEnd();
  const after = end === -1 ? "" : text.slice(end);
  return `${before}\n\n${section.trimEnd()}\n${after}`;
}

/** Rewrites one section of bench/RESULTS.md (see withSection). */
export function writeSection(heading: string, section: string) {
  const file = path.join(root, "bench/RESULTS.md");
  writeFileSync(file, withSection(readFileSync(file, "utf8"), heading, section));
}
