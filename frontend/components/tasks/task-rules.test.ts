import { describe, expect, it } from "vitest";
import { TITLE_MAX, titleProblem } from "./task-rules";

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
