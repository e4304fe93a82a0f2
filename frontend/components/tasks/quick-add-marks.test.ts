import { describe, expect, test } from "vitest";
import { parseQuickAdd, type QuickAddPart } from "./parse-quick-add";
import { partBeforeCaret, runsOf, undoneMessage } from "./quick-add-marks";

const now = new Date("2026-12-03T10:00:00+01:00");
const parse = (text: string, ignore?: ReadonlySet<string>) => parseQuickAdd(text, { now, timeZone: "Europe/Paris", ignore });
const EXAMPLE = "Pay rent tomorrow 9am every month !high #home";

describe("runsOf", () => {
  test("cuts the issue's example into plain and recognised runs that rebuild the text", () => {
    const runs = runsOf(EXAMPLE, parse(EXAMPLE).parts);
    expect(runs.map((run) => run.text).join("")).toBe(EXAMPLE);
    expect(runs.filter((run) => run.kind).map((run) => [run.kind, run.text])).toEqual([
      ["date", "tomorrow 9am"],
      ["recurrence", "every month"],
      ["priority", "!high"],
      ["tag", "#home"],
    ]);
    expect(runs[0]).toEqual({ text: "Pay rent ", kind: null, key: null });
  });

  test("a date cut by a marker is two runs with one key", () => {
    const text = "Call mom tomorrow !high 9am";
    const dates = runsOf(text, parse(text).parts).filter((run) => run.kind === "date");
    expect(dates.map((run) => run.text)).toEqual(["tomorrow", "9am"]);
    expect(new Set(dates.map((run) => run.key)).size).toBe(1);
  });

  test("plain text is one plain run, and empty text none", () => {
    expect(runsOf("Buy milk", parse("Buy milk").parts)).toEqual([{ text: "Buy milk", kind: null, key: null }]);
    expect(runsOf("", [])).toEqual([]);
  });

  test("a part from an older text that no longer matches at its place is drawn plain", () => {
    const stale: QuickAddPart = { kind: "tag", start: 4, end: 9, text: "#home", key: "tag:4" };
    expect(runsOf("Buy #hom", [stale])).toEqual([{ text: "Buy #hom", kind: null, key: null }]);
    expect(runsOf("Buy", [stale])).toEqual([{ text: "Buy", kind: null, key: null }]);
  });

  test("an undone part is plain text in the runs", () => {
    const { parts } = parse(EXAMPLE);
    const priority = parts.find((part) => part.kind === "priority")!;
    const runs = runsOf(EXAMPLE, parse(EXAMPLE, new Set([priority.key])).parts);
    expect(runs.some((run) => run.text === "!high")).toBe(false);
    expect(runs.find((run) => run.text.includes("!high"))?.kind).toBeNull();
  });
});

describe("partBeforeCaret", () => {
  const { parts } = parse("Pay rent tomorrow");
  const end = "Pay rent tomorrow".length;

  test("finds the part that ends at the caret", () => {
    expect(partBeforeCaret(parts, end, end)).toMatchObject({ kind: "date", text: "tomorrow" });
  });

  test("is null with a selection, inside a part, after a space, at the start or without a caret", () => {
    expect(partBeforeCaret(parts, end - 3, end)).toBeNull();
    expect(partBeforeCaret(parts, end - 1, end - 1)).toBeNull();
    const spaced = parse("Pay rent tomorrow ").parts;
    expect(partBeforeCaret(spaced, end + 1, end + 1)).toBeNull();
    expect(partBeforeCaret(parse("#home").parts, 0, 0)).toBeNull();
    expect(partBeforeCaret(parts, null, null)).toBeNull();
  });

  test("undoing the part it finds leaves the words in the title and nothing to undo at the caret", () => {
    const part = partBeforeCaret(parts, end, end)!;
    const after = parse("Pay rent tomorrow", new Set([part.key]));
    expect(after.title).toBe("Pay rent tomorrow");
    expect(after.due).toBeNull();
    expect(partBeforeCaret(after.parts, end, end)).toBeNull();
  });
});

test("the announcement names the words that went back into the title", () => {
  expect(undoneMessage({ kind: "tag", start: 4, end: 9, text: "#home", key: "tag:4" })).toBe('"#home" is title text again.');
});
