"use client";
import { type FormEvent, useState } from "react";
import type { Task } from "@/lib/api";
import { DESCRIPTION_MAX, TITLE_MAX, titleProblem } from "./task-rules";
import type { useTaskActions } from "./use-tasks";

type Props = { task: Task; actions: ReturnType<typeof useTaskActions> };

export function TaskItem({ task, actions }: Props) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const title = String(data.get("title") ?? "").trim();
    const found = titleProblem(title);
    setProblem(found);
    if (found) return;
    const description = String(data.get("description") ?? "").trim();
    actions.replace.mutate({ id: task.id, task: { title, description, completed: task.completed } }, { onSuccess: () => setEditing(false) });
  }

  if (editing) {
    return (
      <li className="task editing">
        <form onSubmit={onSave} noValidate aria-label={`Edit ${task.title}`}>
          <div className="field">
            <label htmlFor={`title-${task.id}`}>Title</label>
            <input id={`title-${task.id}`} name="title" defaultValue={task.title} maxLength={TITLE_MAX} autoFocus aria-invalid={problem ? true : undefined} />
            {problem && <p className="field-problem">{problem}</p>}
          </div>
          <div className="field">
            <label htmlFor={`description-${task.id}`}>Description</label>
            <textarea id={`description-${task.id}`} name="description" defaultValue={task.description} rows={2} maxLength={DESCRIPTION_MAX} />
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={actions.replace.isPending}>
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

  return (
    <li className={task.completed ? "task done" : "task"}>
      <input type="checkbox" checked={task.completed} onChange={() => actions.toggle.mutate(task.id)} aria-label={`Completed: ${task.title}`} />
      <div className="task-text">
        <span className="task-title">{task.title}</span>
        {task.description && <span className="task-description">{task.description}</span>}
      </div>
      <button type="button" className="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${task.title}`}>
        Edit
      </button>
      <button type="button" className="ghost danger" onClick={() => actions.remove.mutate(task.id)} aria-label={`Delete ${task.title}`}>
        Delete
      </button>
    </li>
  );
}
