"use client";
/** Quick add: type a title and press Enter; "More options" opens every other field. */
import { type FormEvent, type RefObject, useState } from "react";
import { Problem } from "./field-parts";
import { TaskFields } from "./task-fields";
import { type FormProblems, readTaskForm } from "./task-form";
import { TITLE_MAX } from "./task-rules";
import type { TaskActions } from "./use-tasks";

export function QuickAdd({ create, titleRef }: { create: TaskActions["create"]; titleRef: RefObject<HTMLInputElement | null> }) {
  const [expanded, setExpanded] = useState(false);
  const [problems, setProblems] = useState<FormProblems>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { body, problems: found } = readTaskForm(new FormData(form));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(body);
    form.reset();
    titleRef.current?.focus();
  }

  return (
    <form className="quick-add" onSubmit={onSubmit} noValidate aria-label="Add a task">
      <div className="quick-row">
        <div className="field grow">
          <label htmlFor="new-title" className="sr-only">
            New task
          </label>
          <input
            id="new-title"
            ref={titleRef}
            name="title"
            placeholder="Add a task: what needs doing?"
            maxLength={TITLE_MAX}
            autoComplete="off"
            aria-invalid={problems.title ? true : undefined}
            aria-describedby={problems.title ? "new-title-problem" : undefined}
          />
          <Problem id="new-title-problem" text={problems.title} />
        </div>
        <button type="button" className="ghost small more" aria-label={expanded ? "Fewer options" : "More options"} aria-expanded={expanded} aria-controls="new-task-options" onClick={() => setExpanded(!expanded)}>
          <span className="wide-only">{expanded ? "Fewer options" : "More options"}</span>
          <span className="narrow-only" aria-hidden="true">
            ⋯
          </span>
        </button>
        <button type="submit" className="primary">
          Add task
        </button>
      </div>
      {expanded && (
        <div id="new-task-options">
          <TaskFields idPrefix="new" problems={problems} />
        </div>
      )}
    </form>
  );
}
