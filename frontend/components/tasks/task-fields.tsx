"use client";
/** The optional task fields, shared by quick add and inline edit so both ask the same way. */
import { useState } from "react";
import type { Task } from "@/lib/api";
import { toDueInputs, toLocalInput } from "./dates";
import { PriorityOptions, Problem } from "./field-parts";
import { DESCRIPTION_MAX, RECURRENCE_INTERVAL_MAX } from "./task-rules";
import type { FormProblems } from "./task-form";

const RECURRENCES = [
  ["none", "Doesn't repeat"],
  ["daily", "Daily"],
  ["weekly", "Weekly"],
  ["monthly", "Monthly"],
  ["yearly", "Yearly"],
] as const;

export function TaskFields({ idPrefix, task, problems }: { idPrefix: string; task?: Task; problems: FormProblems }) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const due = toDueInputs(task?.due_at, task?.all_day ?? false);
  // The interval only means something for a repeating task, so it only shows for one.
  const [recurrence, setRecurrence] = useState<string>(task?.recurrence ?? "none");
  const invalid = (field: keyof FormProblems) => (problems[field] ? { "aria-invalid": true, "aria-describedby": id(`${field}-problem`) } : {});
  return (
    <div className="task-fields">
      <div className="field wide">
        <label htmlFor={id("description")}>Description</label>
        <textarea id={id("description")} name="description" rows={2} maxLength={DESCRIPTION_MAX} defaultValue={task?.description ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={id("priority")}>Priority</label>
        <select id={id("priority")} name="priority" defaultValue={task?.priority ?? "medium"}>
          <PriorityOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("tags")}>Tags</label>
        <input id={id("tags")} name="tags" placeholder="home, work" defaultValue={task?.tags.join(", ") ?? ""} {...invalid("tags")} />
        <Problem id={id("tags-problem")} text={problems.tags} />
      </div>
      <div className="field">
        <label htmlFor={id("due")}>Due date</label>
        <input id={id("due")} name="due_date" type="date" defaultValue={due.date} />
      </div>
      <div className="field">
        <label htmlFor={id("due-time")}>Time (empty: all day)</label>
        <input id={id("due-time")} name="due_time" type="time" defaultValue={due.time} />
      </div>
      <div className="field">
        <label htmlFor={id("remind")}>Remind me at</label>
        <input id={id("remind")} name="remind_at" type="datetime-local" defaultValue={toLocalInput(task?.remind_at)} {...invalid("remind_at")} />
        <Problem id={id("remind_at-problem")} text={problems.remind_at} />
      </div>
      <div className="field">
        <label htmlFor={id("recurrence")}>Repeats</label>
        <select id={id("recurrence")} name="recurrence" value={recurrence} onChange={(e) => setRecurrence(e.target.value)} {...invalid("recurrence")}>
          {RECURRENCES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <Problem id={id("recurrence-problem")} text={problems.recurrence} />
      </div>
      {recurrence !== "none" && (
        <div className="field">
          <label htmlFor={id("interval")}>Every (interval)</label>
          <input id={id("interval")} name="recurrence_interval" type="number" min={1} max={RECURRENCE_INTERVAL_MAX} defaultValue={task?.recurrence_interval ?? 1} />
        </div>
      )}
    </div>
  );
}
