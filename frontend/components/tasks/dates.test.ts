import { describe, expect, it } from "vitest";
import { describeRecurrence, dueState, formatDue, fromLocalInput, toLocalInput } from "./dates";

const now = new Date(2026, 11, 1, 12, 0); // 1 Dec 2026, noon, local time

describe("dueState", () => {
  it("marks open tasks overdue, due today or upcoming", () => {
    expect(dueState(new Date(2026, 11, 1, 9).toISOString(), false, now)).toBe("overdue");
    expect(dueState(new Date(2026, 11, 1, 18).toISOString(), false, now)).toBe("today");
    expect(dueState(new Date(2026, 11, 2, 9).toISOString(), false, now)).toBe("upcoming");
  });

  it("never calls a finished or undated task late", () => {
    expect(dueState(new Date(2026, 10, 1).toISOString(), true, now)).toBeNull();
    expect(dueState(null, false, now)).toBeNull();
  });
});

describe("formatDue", () => {
  it("names today and tomorrow, and dates further away", () => {
    expect(formatDue(new Date(2026, 11, 1, 17, 0).toISOString(), now, "en-GB")).toBe("Today 17:00");
    expect(formatDue(new Date(2026, 11, 2, 8, 30).toISOString(), now, "en-GB")).toBe("Tomorrow 08:30");
    expect(formatDue(new Date(2026, 11, 24, 9, 0).toISOString(), now, "en-GB")).toBe("Thu 24 Dec 09:00");
    expect(formatDue(new Date(2027, 0, 4, 9, 0).toISOString(), now, "en-GB")).toBe("Mon, 4 Jan 2027 09:00");
  });
});

describe("local datetime inputs", () => {
  it("round-trips an instant through the input's local wall-clock value", () => {
    const instant = new Date(2026, 11, 1, 17, 45).toISOString();
    expect(toLocalInput(instant)).toBe("2026-12-01T17:45");
    expect(fromLocalInput("2026-12-01T17:45")).toBe(instant);
  });

  it("keeps empty and invalid values empty", () => {
    expect(toLocalInput(null)).toBe("");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("not a date")).toBeNull();
  });
});

describe("describeRecurrence", () => {
  it("reads like a person would say it", () => {
    expect(describeRecurrence("daily", 1)).toBe("Every day");
    expect(describeRecurrence("weekly", 2)).toBe("Every 2 weeks");
    expect(describeRecurrence("monthly")).toBe("Every month");
    expect(describeRecurrence("none", 1)).toBeNull();
  });
});
