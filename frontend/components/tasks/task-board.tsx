"use client";
/** The task list page: quick add, filters, the list with keyboard control, reminders and every state in words. */
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import type { Task } from "@/lib/api";
import { filtersToQuery, isFiltered, withoutFilters } from "./filters";
import { QuickAdd } from "./quick-add";
import { moveSelection, shortcutFor } from "./shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TaskItem } from "./task-item";
import { TaskToolbar } from "./task-toolbar";
import { useDeferredDelete } from "./use-deferred-delete";
import { useFilters } from "./use-filters";
import { useReminders } from "./use-reminders";
import { describeApiError, goSignIn, isSignedOut, useTaskActions, useTaskList } from "./use-tasks";

/** Re-renders once a minute so "due today" turns into "overdue" without a reload. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function TaskBoard() {
  const { filters, setFilters } = useFilters();
  const list = useTaskList(useMemo(() => filtersToQuery(filters), [filters]));
  const actions = useTaskActions();
  const { deleteTask, hidden } = useDeferredDelete(actions.remove);
  const tasks = useMemo(() => (list.data?.pages.flatMap((page) => page.items) ?? []).filter((task) => !hidden.has(task.id)), [list.data, hidden]);
  const total = Math.max(0, (list.data?.pages[0]?.total ?? 0) - hidden.size);
  const reminders = useReminders(tasks);
  const now = useNow();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (isSignedOut(list.error)) goSignIn();
  }, [list.error]);

  function select(id: number | null) {
    setSelected(id);
    if (id !== null) document.querySelector<HTMLElement>(`[data-task-id="${id}"]`)?.focus();
  }

  // An effect event: one long-lived key listener that always sees the latest list and selection.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = shortcutFor(event);
    if (!action || dialogRef.current?.open || editing !== null) return;
    const task = tasks.find((t) => t.id === selected);
    const ids = tasks.map((t) => t.id);
    event.preventDefault();
    if (action === "new") titleRef.current?.focus();
    else if (action === "search") searchRef.current?.focus();
    else if (action === "help") dialogRef.current?.showModal();
    else if (action === "next" || action === "previous") select(moveSelection(ids, selected, action === "next" ? 1 : -1));
    else if (task && task.id > 0) {
      if (action === "toggle") actions.toggle.mutate(task.id);
      if (action === "edit") setEditing(task.id);
      if (action === "delete") {
        const index = ids.indexOf(task.id);
        deleteTask(task);
        select(ids[index + 1] ?? ids[index - 1] ?? null);
      }
    }
  });

  useEffect(() => {
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function clearCompleted() {
    if (window.confirm("Delete every completed task? This cannot be undone.")) actions.clearCompleted.mutate();
  }

  return (
    <section className="board" aria-labelledby="tasks-heading">
      <div className="board-head">
        <h1 id="tasks-heading">Your tasks</h1>
        <button type="button" className="ghost" onClick={() => dialogRef.current?.showModal()} aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
      <QuickAdd create={actions.create} titleRef={titleRef} />
      <Reminders {...reminders} />
      <TaskToolbar filters={filters} setFilters={setFilters} searchRef={searchRef} />
      {list.isPending ? (
        <ul className="task-list skeleton" aria-busy="true" aria-label="Loading your tasks">
          {[0, 1, 2].map((i) => (
            <li key={i} className="task" />
          ))}
        </ul>
      ) : list.isError && !list.data ? (
        <div className="banner error" role="alert">
          <p>{describeApiError(list.error)}</p>
          <button type="button" onClick={() => list.refetch()}>
            Retry
          </button>
        </div>
      ) : tasks.length === 0 ? (
        isFiltered(filters) ? (
          <p className="empty">
            No tasks match this view.{" "}
            <button type="button" className="link" onClick={() => setFilters(withoutFilters(filters))}>
              Clear filters
            </button>
          </p>
        ) : (
          <p className="empty">No tasks yet. Add your first one above.</p>
        )
      ) : (
        <>
          <div className="list-head">
            <p className="muted" aria-live="polite">
              Showing {tasks.length} of {total}
            </p>
            {filters.status !== "pending" && tasks.some((t: Task) => t.completed) && (
              <button type="button" className="ghost" onClick={clearCompleted}>
                Clear completed
              </button>
            )}
          </div>
          <ul className="task-list" aria-label="Tasks">
            {tasks.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                now={now}
                selected={task.id === selected}
                editing={task.id === editing}
                setEditing={(on) => setEditing(on ? task.id : null)}
                onSelect={() => setSelected(task.id)}
                onDelete={() => deleteTask(task)}
                onTag={(tag) => setFilters({ tags: [...new Set([...filters.tags, tag])] })}
                actions={actions}
              />
            ))}
          </ul>
          {list.hasNextPage && (
            <button type="button" className="load-more" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? "Loading…" : `Load more (${total - tasks.length} more)`}
            </button>
          )}
          {list.isError && (
            <p className="banner error" role="alert">
              {describeApiError(list.error)}
            </p>
          )}
        </>
      )}
      <ShortcutsDialog dialogRef={dialogRef} />
    </section>
  );
}

function Reminders({ due, permission, askPermission, dismiss }: ReturnType<typeof useReminders>) {
  return (
    <>
      {due.map((task) => (
        <div key={task.id} className="banner reminder" role="alert">
          <span>Reminder: {task.title}</span>
          <button type="button" className="ghost" onClick={() => dismiss(task.id)}>
            Dismiss
          </button>
        </div>
      ))}
      {permission === "default" && (
        <p className="muted notify">
          <button type="button" className="link" onClick={askPermission}>
            Turn on reminder notifications
          </button>
        </p>
      )}
    </>
  );
}
