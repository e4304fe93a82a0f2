import { describe, expect, it } from "vitest";
import { dayGroup, describeRecurrence, dueState, formatDue, fromDueInputs, fromLocalInput, toDueInputs, toLocalInput } from "./dates";

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
  const at = (...parts: number[]) => new Date(...(parts as [number, number, number, number, number])).toISOString();
  const gb = { locale: "en-GB" };

  it("names today and tomorrow, the weekday within a week, and the date further away", () => {
    expect(formatDue(at(2026, 11, 1, 17, 30), false, now, gb)).toBe("Today 17:30");
    expect(formatDue(at(2026, 11, 2, 8, 30), false, now, gb)).toBe("Tomorrow 08:30");
    expect(formatDue(at(2026, 11, 4, 9, 0), false, now, gb)).toBe("Fri 09:00");
    expect(formatDue(at(2026, 11, 12, 9, 0), false, now, { locale: "en-US" })).toBe("Dec 12 09:00");
    expect(formatDue(at(2027, 0, 4, 9, 0), false, now, { locale: "en-US" })).toBe("Jan 4, 2027 09:00");
  });

  it("leaves out the time of an all-day task", () => {
    expect(formatDue(at(2026, 11, 1, 23, 59), true, now, gb)).toBe("Today");
    expect(formatDue(at(2026, 11, 2, 23, 59), true, now, gb)).toBe("Tomorrow");
  });

  it("says how late an open task is, but not a finished one", () => {
    expect(formatDue(at(2026, 10, 30, 9, 0), false, now, gb)).toBe("Yesterday");
    expect(formatDue(at(2026, 10, 28, 9, 0), false, now, gb)).toBe("3 days late");
    expect(formatDue(at(2026, 10, 28, 9, 0), false, now, { ...gb, completed: true })).toBe("28 Nov 09:00");
  });

  it("reads the day in the zone it is given", () => {
    // 23:30 UTC on 1 Dec is already 2 Dec in Tokyo.
    const utcNoon = new Date(Date.UTC(2026, 11, 1, 12));
    expect(formatDue(new Date(Date.UTC(2026, 11, 1, 23, 30)).toISOString(), false, utcNoon, { zone: "Asia/Tokyo", locale: "en-GB" })).toBe("Tomorrow 08:30");
    expect(formatDue(new Date(Date.UTC(2026, 11, 1, 23, 30)).toISOString(), false, utcNoon, { zone: "UTC", locale: "en-GB" })).toBe("Today 23:30");
  });
});

describe("dayGroup", () => {
  const group = (...parts: number[]) => dayGroup(new Date(...(parts as [number, number, number, number])).toISOString(), now, { locale: "en-US" });

  it("puts open tasks in Overdue, Today, one group per coming day, Later and No date", () => {
    expect(group(2026, 11, 1, 9).key).toBe("overdue");
    expect(group(2026, 11, 1, 18).key).toBe("today");
    expect(group(2026, 11, 2, 9)).toEqual({ key: "2026-12-02", label: "Tomorrow · Wednesday, Dec 2" });
    expect(group(2026, 11, 7, 9)).toEqual({ key: "2026-12-07", label: "Monday, Dec 7" });
    expect(group(2026, 11, 8, 9).key).toBe("later");
    expect(dayGroup(null, now).key).toBe("none");
  });
});

describe("due inputs", () => {
  it("a date without a time is all-day, due at the end of that day", () => {
    expect(fromDueInputs("2026-12-04", "")).toEqual({ due_at: new Date(2026, 11, 4, 23, 59, 59).toISOString(), all_day: true });
    expect(fromDueInputs("2026-12-04", "09:15")).toEqual({ due_at: new Date(2026, 11, 4, 9, 15).toISOString(), all_day: false });
    expect(fromDueInputs("", "09:15")).toEqual({ due_at: null, all_day: false });
  });

  it("round-trips through the inputs", () => {
    const allDay = fromDueInputs("2026-12-04", "");
    expect(toDueInputs(allDay.due_at, true)).toEqual({ date: "2026-12-04", time: "" });
    expect(toDueInputs(new Date(2026, 11, 4, 9, 15).toISOString(), false)).toEqual({ date: "2026-12-04", time: "09:15" });
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
    expect(describeRecurrence("yearly", 3)).toBe("Every 3 years");
    expect(describeRecurrence("none", 1)).toBeNull();
  });
});
