"use client";
/** One task: its checkbox, title and details, and an inline editor for every field. */
import { type FormEvent, useState } from "react";
import type { Task } from "@/lib/api";
import { describeRecurrence, dueState, formatDue } from "./dates";
import { Problem, TaskFields } from "./task-fields";
import { type FormProblems, readTaskForm } from "./task-form";
import { TITLE_MAX } from "./task-rules";
import type { TaskActions } from "./use-tasks";

type Props = {
  task: Task;
  now: Date;
  selected: boolean;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  onSelect: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
  actions: TaskActions;
};

const DUE_LABEL = { overdue: "Overdue", today: "Due", upcoming: "Due" } as const;

export function TaskItem({ task, now, selected, editing, setEditing, onSelect, onDelete, onTag, actions }: Props) {
  const [problems, setProblems] = useState<FormProblems>({});
  const draft = task.id < 0;

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, problems: found } = readTaskForm(new FormData(event.currentTarget));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    actions.update.mutate({ id: task.id, body });
    setEditing(false);
  }

  if (editing) {
    return (
      <li className="task editing" aria-current={selected || undefined}>
        <form onSubmit={onSave} noValidate aria-label={`Edit ${task.title}`} onKeyDown={(e) => e.key === "Escape" && setEditing(false)}>
          <div className="field">
            <label htmlFor={`task-${task.id}-title`}>Title</label>
            <input id={`task-${task.id}-title`} name="title" defaultValue={task.title} maxLength={TITLE_MAX} autoFocus aria-invalid={problems.title ? true : undefined} aria-describedby={problems.title ? `task-${task.id}-title-problem` : undefined} />
            <Problem id={`task-${task.id}-title-problem`} text={problems.title} />
          </div>
          <TaskFields idPrefix={`task-${task.id}`} task={task} problems={problems} />
          <div className="row">
            <button type="submit" className="primary">
              Save
            </button>
            <button type="button" className="ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  const due = dueState(task.due_at, task.completed, now);
  const repeats = describeRecurrence(task.recurrence, task.recurrence_interval);
  return (
    <li
      className={`task${task.completed ? " done" : ""}${selected ? " selected" : ""}`}
      aria-current={selected || undefined}
      data-task-id={task.id}
      tabIndex={-1}
      onClick={onSelect}
    >
      <input type="checkbox" checked={task.completed} disabled={draft} onChange={() => actions.toggle.mutate(task.id)} aria-label={`Completed: ${task.title}`} />
      <div className="task-text">
        <span className="task-title">{task.title}</span>
        {task.description && <span className="task-description">{task.description}</span>}
        <span className="task-meta">
          {task.priority !== "medium" && <span className={`chip priority-${task.priority}`}>{task.priority === "high" ? "High priority" : "Low priority"}</span>}
          {due && task.due_at && (
            <span className={`chip due-${due}`}>
              {DUE_LABEL[due]} · <time dateTime={task.due_at}>{formatDue(task.due_at, now)}</time>
            </span>
          )}
          {repeats && <span className="chip">{repeats}</span>}
          {task.tags.map((tag) => (
            <button key={tag} type="button" className="chip tag" onClick={() => onTag(tag)} aria-label={`Show tasks tagged ${tag}`}>
              #{tag}
            </button>
          ))}
        </span>
      </div>
      <div className="task-actions">
        <button type="button" className="ghost" disabled={draft} onClick={() => setEditing(true)} aria-label={`Edit ${task.title}`}>
          Edit
        </button>
        <button type="button" className="ghost danger" disabled={draft} onClick={onDelete} aria-label={`Delete ${task.title}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
