import { describe, expect, it } from "vitest";
import { parseTags, recurrenceProblem, reminderProblem, tagsProblem, TITLE_MAX, titleProblem } from "./task-rules";

describe("titleProblem", () => {
  it("accepts a title of 1 to 200 characters after trimming", () => {
    expect(titleProblem("Pay rent")).toBeNull();
    expect(titleProblem(`  ${"x".repeat(TITLE_MAX)}  `)).toBeNull();
  });

  it("refuses an empty, blank or too-long title", () => {
    expect(titleProblem("")).toMatch(/title/);
    expect(titleProblem("   ")).toMatch(/title/);
    expect(titleProblem("x".repeat(TITLE_MAX + 1))).toMatch(/under 201/);
  });
});

describe("tags", () => {
  it("trims, lowercases and de-duplicates", () => {
    expect(parseTags(" Home, work ,home,, ")).toEqual(["home", "work"]);
    expect(parseTags("")).toEqual([]);
  });

  it("refuses more than 10 tags or a tag over 32 characters", () => {
    expect(tagsProblem(parseTags("a,b,c,d,e,f,g,h,i,j"))).toBeNull();
    expect(tagsProblem(parseTags("a,b,c,d,e,f,g,h,i,j,k"))).toMatch(/at most 10/);
    expect(tagsProblem(["x".repeat(33)])).toMatch(/under 33/);
  });
});

describe("reminderProblem", () => {
  it("wants a due date at or after the reminder", () => {
    expect(reminderProblem("2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z")).toBeNull();
    expect(reminderProblem("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z")).toBeNull();
    expect(reminderProblem("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z")).toMatch(/before the due time/);
    expect(reminderProblem(null, "2026-12-01T11:00:00Z")).toMatch(/due date/);
    expect(reminderProblem(null, null)).toBeNull();
  });
});

describe("recurrenceProblem", () => {
  it("wants a due date on a repeating task", () => {
    expect(recurrenceProblem("weekly", null)).toMatch(/due date/);
    expect(recurrenceProblem("weekly", "2026-12-01T10:00:00Z")).toBeNull();
    expect(recurrenceProblem("none", null)).toBeNull();
    expect(recurrenceProblem(undefined, null)).toBeNull();
  });
});
