"use client";
/**
 * One task as a dense row: a checkbox ringed in its priority's colour, the title, and one quiet
 * line of metadata. Clicking the title (or `e`) edits it in place; Edit and Delete sit in an action
 * area that shows on hover and focus, and are always reachable by keyboard and screen reader.
 */
import { type FormEvent, useState } from "react";
import type { Task } from "@/lib/api";
import { describeRecurrence, dueState, formatDue } from "./dates";
import { Problem } from "./field-parts";
import { LazyTaskFields } from "./lazy-task-fields";
import { editPatch, type FormProblems, readTaskForm } from "./task-form";
import { TITLE_MAX } from "./task-rules";
import type { TaskActions } from "./use-tasks";

type Props = {
  task: Task;
  now: Date;
  zone?: string;
  selected: boolean;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  onSelect: () => void;
  onToggle: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
  actions: TaskActions;
};

const PRIORITY_WORDS = { high: "High priority", medium: null, low: "Low priority" } as const;

export function TaskItem({ task, now, zone, selected, editing, setEditing, onSelect, onToggle, onDelete, onTag, actions }: Props) {
  const [problems, setProblems] = useState<FormProblems>({});
  const draft = task.id < 0;

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, problems: found } = readTaskForm(new FormData(event.currentTarget));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void actions.update({ id: task.id, body: editPatch(task, body) });
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
          <LazyTaskFields idPrefix={`task-${task.id}`} task={task} problems={problems} />
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

  const due = dueState(task.due_at, task.completed, now, zone);
  const repeats = describeRecurrence(task.recurrence, task.recurrence_interval);
  const priority = PRIORITY_WORDS[task.priority];
  return (
    <li
      className={`task${task.completed ? " done" : ""}${selected ? " selected" : ""}`}
      aria-current={selected || undefined}
      data-task-id={task.id}
      tabIndex={-1}
      onClick={onSelect}
    >
      <input type="checkbox" className={`check priority-${task.priority}`} checked={task.completed} disabled={draft} onChange={onToggle} aria-label={`Completed: ${task.title}`} />
      <div className="task-main">
        <button type="button" className="task-title" disabled={draft} onClick={() => setEditing(true)} title="Edit (e)">
          {task.title}
        </button>
        {task.description && <span className="task-description">{task.description}</span>}
        <span className="task-meta">
          {priority && (
            <span className={`flag priority-${task.priority}`}>
              <span className="sr-only">{priority}</span>
            </span>
          )}
          {task.due_at && (
            <time className={`due${due ? ` due-${due}` : ""}`} dateTime={task.due_at} suppressHydrationWarning>
              {formatDue(task.due_at, task.all_day, now, { zone, completed: task.completed })}
            </time>
          )}
          {repeats && <span className="repeat">↻ {repeats}</span>}
          {task.tags.map((tag) => (
            <button key={tag} type="button" className="tag" onClick={() => onTag(tag)} aria-label={`Show tasks tagged ${tag}`}>
              #{tag}
            </button>
          ))}
        </span>
      </div>
      <div className="task-actions">
        <button type="button" className="icon" disabled={draft} onClick={() => setEditing(true)} aria-label={`Edit ${task.title}`} title="Edit (e)">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M11.5 2.5l2 2L6 12H4v-2z" />
          </svg>
        </button>
        <button type="button" className="icon danger" disabled={draft} onClick={onDelete} aria-label={`Delete ${task.title}`} title="Delete (Delete)">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5" />
          </svg>
        </button>
      </div>
    </li>
  );
}
