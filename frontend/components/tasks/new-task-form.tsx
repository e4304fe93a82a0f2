"use client";
import { type FormEvent, useState } from "react";
import type { useTaskActions } from "./use-tasks";
import { titleProblem } from "./task-rules";

export function NewTaskForm({ create }: { create: ReturnType<typeof useTaskActions>["create"] }) {
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const title = String(data.get("title") ?? "").trim();
    const description = String(data.get("description") ?? "").trim();
    const found = titleProblem(title);
    setProblem(found);
    if (found) return;
    create.mutate({ title, description }, { onSuccess: () => form.reset() });
  }

  return (
    <form className="new-task" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="new-title">New task</label>
        <input id="new-title" name="title" placeholder="What needs doing?" maxLength={200} aria-invalid={problem ? true : undefined} aria-describedby={problem ? "new-title-problem" : undefined} />
        {problem && (
          <p id="new-title-problem" className="field-problem">
            {problem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-description">Details (optional)</label>
        <textarea id="new-description" name="description" rows={2} maxLength={1000} />
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add task"}
      </button>
    </form>
  );
}
