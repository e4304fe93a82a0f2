import { describe, expect, it } from "vitest";
import type { Task } from "@/lib/api";
import { editPatch, readTaskForm } from "./task-form";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("readTaskForm", () => {
  it("sends only the title from a collapsed quick add", () => {
    expect(readTaskForm(form({ title: "  Pay rent " }))).toEqual({ body: { title: "Pay rent" }, problems: {} });
  });

  it("reads every field of a full form", () => {
    const { body, problems } = readTaskForm(
      form({ title: "Pay rent", description: " monthly ", priority: "high", tags: "Home, bills", due_date: "2026-12-01", due_time: "17:00", remind_at: "2026-12-01T09:00", recurrence: "monthly", recurrence_interval: "2" }),
    );
    expect(problems).toEqual({});
    expect(body).toEqual({
      title: "Pay rent",
      description: "monthly",
      priority: "high",
      tags: ["home", "bills"],
      due_at: new Date(2026, 11, 1, 17).toISOString(),
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      all_day: false,
      remind_at: new Date(2026, 11, 1, 9).toISOString(),
      recurrence: "monthly",
      recurrence_interval: 2,
    });
  });

  it("names each bad field", () => {
    const { problems } = readTaskForm(form({ title: " ", tags: "a,b,c,d,e,f,g,h,i,j,k", due_date: "2026-12-01", due_time: "09:00", remind_at: "2026-12-01T10:00" }));
    expect(Object.keys(problems).sort()).toEqual(["remind_at", "tags", "title"]);
    expect(readTaskForm(form({ title: "x", due_date: "", recurrence: "daily" })).problems).toEqual({ recurrence: expect.stringMatching(/due date/) });
  });

  it("clears dates left empty and keeps the interval at least 1", () => {
    const { body } = readTaskForm(form({ title: "x", due_date: "", due_time: "", remind_at: "", recurrence_interval: "0" }));
    expect(body).toMatchObject({ due_at: null, all_day: false, remind_at: null, recurrence_interval: 1 });
  });

  it("a due date without a time is all-day, due at the end of that day", () => {
    const { body } = readTaskForm(form({ title: "x", due_date: "2026-12-04", due_time: "" }));
    expect(body).toMatchObject({ due_at: new Date(2026, 11, 4, 23, 59, 59).toISOString(), all_day: true });
  });

  it("ignores a priority or repeat the API does not know", () => {
    expect(readTaskForm(form({ title: "x", priority: "urgent", recurrence: "hourly" })).body).toEqual({ title: "x" });
  });
});

describe("editPatch", () => {
  const task = { id: 1, title: "Gym", recurrence: "weekly", recurrence_interval: 1, rrule: "FREQ=WEEKLY;BYDAY=MO,TH" } as Task;

  it("leaves out an unchanged repeat, so the stored rule's weekdays stay", () => {
    expect(editPatch(task, { title: "Gym!", recurrence: "weekly", recurrence_interval: 1 })).toEqual({ title: "Gym!" });
  });

  it("sends a repeat the person changed", () => {
    expect(editPatch(task, { title: "Gym", recurrence: "weekly", recurrence_interval: 2 })).toEqual({ title: "Gym", recurrence: "weekly", recurrence_interval: 2 });
    expect(editPatch(task, { title: "Gym", recurrence: "none" })).toEqual({ title: "Gym", recurrence: "none" });
  });
});
