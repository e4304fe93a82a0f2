"use client";
/**
 * The task screen: views and tags beside the list, quick add, search and filters, the agenda in
 * day groups with the completed tasks folded at the end, keyboard control, reminders, and every
 * state in words. The first page of each list may arrive in the HTML (`initial`).
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import type { TagCount, Task } from "@/lib/api";
import { dayGroup, type DayGroup } from "./dates";
import { boardQueries, type Filters, isAgenda, isFiltered } from "./filters";
import { QuickAdd } from "./quick-add";
import { moveSelection, shortcutFor } from "./shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TaskItem } from "./task-item";
import { TaskSidebar } from "./task-sidebar";
import { TaskToolbar } from "./task-toolbar";
import { useDeferredDelete } from "./use-deferred-delete";
import { useFilters } from "./use-filters";
import { useReminders } from "./use-reminders";
import { ViewMenu } from "./view-menu";
import { describeApiError, goSignIn, type InitialPage, isSignedOut, useTagCounts, useTaskActions, useTaskList, useTaskStores } from "./use-tasks";

type Props = {
  initial?: readonly InitialPage[];
  /** The tag counts, when the server had them in time. */
  initialTags?: TagCount[];
  /** The person's IANA zone, as the server read it, so both render the same days. */
  zone?: string;
  /** The server's clock at render time: the first client render uses it too, then its own. */
  renderedAt?: number;
};

/** Re-renders once a minute so "due today" turns into "overdue" without a reload. */
function useNow(renderedAt: number | undefined): Date {
  const [now, setNow] = useState(() => new Date(renderedAt ?? Date.now()));
  useEffect(() => {
    // Right after hydration the browser's own clock takes over.
    const first = setTimeout(() => setNow(new Date()), 0);
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

const GROUP_RANK: Record<string, number> = { overdue: 0, today: 1, later: 3, none: 4 };
const rank = (key: string) => GROUP_RANK[key] ?? 2;

/** Open tasks in agenda groups, in agenda order; within a group the list's own order stays. */
function groupByDay(tasks: Task[], now: Date, zone?: string): Array<DayGroup & { tasks: Task[] }> {
  const groups = new Map<string, DayGroup & { tasks: Task[] }>();
  for (const task of tasks) {
    const group = dayGroup(task.due_at, now, { zone });
    const entry = groups.get(group.key) ?? { ...group, tasks: [] };
    entry.tasks.push(task);
    groups.set(group.key, entry);
  }
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

function tasksOf(data: { pages: Array<{ items: Task[] }> } | undefined, hidden: ReadonlySet<number>): Task[] {
  return (data?.pages.flatMap((page) => page.items) ?? []).filter((task) => !hidden.has(task.id));
}

export function TaskBoard({ initial = [], initialTags, zone, renderedAt }: Props) {
  const { filters, setFilters } = useFilters();
  const queries = useMemo(() => boardQueries(filters), [filters]);
  const agenda = isAgenda(filters);
  const stores = useTaskStores();
  const list = useTaskList(stores, queries.list, initial);
  const completedList = useTaskList(stores, queries.completed ?? queries.list, initial, { enabled: queries.completed !== null });
  const tags = useTagCounts(stores, initialTags).data ?? [];
  const actions = useTaskActions(stores);
  const { deleteTask, hidden } = useDeferredDelete(actions.remove);
  const now = useNow(renderedAt);
  const [showCompleted, setShowCompleted] = useState(false);

  const listed = useMemo(() => tasksOf(list.data, hidden), [list.data, hidden]);
  // In the agenda a task ticked off leaves its day at once, before the refresh confirms it.
  const open = useMemo(() => (agenda ? listed.filter((task) => !task.completed) : listed), [agenda, listed]);
  const completed = useMemo(() => (agenda ? tasksOf(completedList.data, hidden) : []), [agenda, completedList.data, hidden]);
  const groups = useMemo(() => (agenda ? groupByDay(open, now, zone) : null), [agenda, open, now, zone]);
  const total = Math.max(0, (list.data?.pages[0]?.total ?? 0) - hidden.size);
  const completedTotal = agenda ? Math.max(completed.length, completedList.data?.pages[0]?.total ?? 0) : 0;
  // Every row on screen, in screen order: what j/k walk through.
  const rows = useMemo(() => [...(groups ? groups.flatMap((group) => group.tasks) : open), ...(showCompleted ? completed : [])], [groups, open, showCompleted, completed]);
  const reminders = useReminders(useMemo(() => [...open, ...completed], [open, completed]));

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

  /** In the agenda a completed task leaves its group, so the selection moves on to its neighbour. */
  function toggle(task: Task) {
    const ids = rows.map((t) => t.id);
    const index = ids.indexOf(task.id);
    void actions.toggle(task.id);
    if (agenda && !task.completed && selected === task.id) select(ids[index + 1] ?? ids[index - 1] ?? null);
  }

  function remove(task: Task) {
    const ids = rows.map((t) => t.id);
    const index = ids.indexOf(task.id);
    deleteTask(task);
    if (selected === task.id) select(ids[index + 1] ?? ids[index - 1] ?? null);
  }

  // An effect event: one long-lived key listener that always sees the latest list and selection.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    // A key a control already took (the view menu's arrows and letters) is not a shortcut. React
    // listens on the document too, so stopping the event's propagation would not keep it from here.
    if (event.defaultPrevented) return;
    const action = shortcutFor(event);
    if (!action || dialogRef.current?.open || editing !== null) return;
    const task = rows.find((t) => t.id === selected);
    event.preventDefault();
    if (action === "new") titleRef.current?.focus();
    else if (action === "search") searchRef.current?.focus();
    else if (action === "help") dialogRef.current?.showModal();
    else if (action === "next" || action === "previous") select(moveSelection(rows.map((t) => t.id), selected, action === "next" ? 1 : -1));
    else if (task && task.id > 0) {
      if (action === "toggle") toggle(task);
      if (action === "edit") setEditing(task.id);
      if (action === "delete") remove(task);
    }
  });

  useEffect(() => {
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function clearCompleted() {
    if (window.confirm("Delete every completed task? This cannot be undone.")) void actions.clearCompleted();
  }

  const item = (task: Task) => (
    <TaskItem
      key={task.id}
      task={task}
      now={now}
      zone={zone}
      selected={task.id === selected}
      editing={task.id === editing}
      setEditing={(on) => setEditing(on ? task.id : null)}
      onSelect={() => setSelected(task.id)}
      onToggle={() => toggle(task)}
      onDelete={() => remove(task)}
      onTag={(tag) => setFilters({ tags: [...new Set([...filters.tags, tag])] })}
      actions={actions}
    />
  );

  const loaded = !list.isPending && !(list.isError && !list.data);
  // A new account meets one welcoming prompt, not a toolbar over nothing.
  const brandNew = loaded && agenda && !isFiltered(filters) && open.length === 0 && !completedList.isPending && completedTotal === 0;

  return (
    <div className="board-layout">
      <TaskSidebar filters={filters} setFilters={setFilters} tags={tags} />
      <section className="board" aria-labelledby="tasks-heading">
        <div className="board-head">
          <h1 id="tasks-heading">Your tasks</h1>
          {/* Phones only: the sidebar's views and tags behind one button, on the heading's line. */}
          <ViewMenu filters={filters} setFilters={setFilters} tags={tags} />
          {!brandNew && <TaskToolbar filters={filters} setFilters={setFilters} searchRef={searchRef} />}
          <button type="button" className="ghost icon-text" onClick={() => dialogRef.current?.showModal()} aria-label="Keyboard shortcuts">
            ?
          </button>
        </div>
        <QuickAdd create={actions.create} titleRef={titleRef} />
        {reminders.due.map((task) => (
          <div key={task.id} className="banner reminder" role="alert">
            <span>Reminder: {task.title}</span>
            <button type="button" className="ghost" onClick={() => reminders.dismiss(task.id)}>
              Dismiss
            </button>
          </div>
        ))}
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
        ) : (
          <div role="region" aria-label="Tasks" className="task-region">
            {brandNew ? (
              <div className="welcome">
                <p className="welcome-title">No tasks yet</p>
                <p className="muted">Type what needs doing above and press Enter. Press ? for the keyboard shortcuts.</p>
              </div>
            ) : open.length === 0 ? (
              <p className="empty">{emptyMessage(filters, completedTotal)}</p>
            ) : groups ? (
              groups.map((group) => (
                <div key={group.key} className={`group group-${group.key}`}>
                  <h2 id={`group-${group.key}`}>
                    {group.label}
                    <span className="count">{group.tasks.length}</span>
                  </h2>
                  <ul className="task-list" aria-labelledby={`group-${group.key}`}>
                    {group.tasks.map(item)}
                  </ul>
                </div>
              ))
            ) : (
              <>
                {filters.status !== "pending" && open.some((t) => t.completed) && (
                  <div className="list-head">
                    <button type="button" className="ghost small" onClick={clearCompleted}>
                      Clear completed
                    </button>
                  </div>
                )}
                <ul className="task-list" aria-label={filters.status === "completed" ? "Completed tasks" : "All tasks"}>
                  {open.map(item)}
                </ul>
              </>
            )}
            {list.hasNextPage && (
              <button type="button" className="load-more" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? "Loading…" : `Load more (${total - listed.length} more)`}
              </button>
            )}
            {agenda && completedTotal > 0 && (
              <div className="group group-completed">
                <h2>
                  <button type="button" className="fold" aria-expanded={showCompleted} aria-controls="completed-tasks" onClick={() => setShowCompleted(!showCompleted)}>
                    <span aria-hidden="true">{showCompleted ? "▾" : "▸"}</span> Completed · {completedTotal}
                  </button>
                </h2>
                {showCompleted && (
                  <div id="completed-tasks">
                    <ul className="task-list" aria-label="Completed tasks">
                      {completed.map(item)}
                    </ul>
                    <div className="list-head">
                      {completedList.hasNextPage && (
                        <button type="button" className="ghost small" onClick={() => completedList.fetchNextPage()} disabled={completedList.isFetchingNextPage}>
                          Show more completed
                        </button>
                      )}
                      <button type="button" className="ghost small" onClick={clearCompleted}>
                        Clear completed
                      </button>
                    </div>
                  </div>
                )}
              </div>
            )}
          </div>
        )}
        {list.isError && list.data && (
          <p className="banner error" role="alert">
            {describeApiError(list.error)}
          </p>
        )}
        {/* Last on the page, so appearing after hydration shifts nothing above it. */}
        {reminders.permission === "default" && reminders.upcoming && (
          <p className="muted notify">
            <button type="button" className="link" onClick={reminders.askPermission}>
              Turn on notifications for your reminders
            </button>
          </p>
        )}
        <ShortcutsDialog dialogRef={dialogRef} />
      </section>
    </div>
  );
}

function emptyMessage(filters: Filters, completedTotal: number): string {
  if (isFiltered(filters)) return "No tasks match this view.";
  if (filters.status === "completed") return "Nothing completed yet.";
  if (filters.status === "pending") return completedTotal > 0 ? "All done. Nothing left to do." : "No tasks yet";
  return "No tasks yet";
}
