"use client";
/** The views (agenda, all, completed) and the tags with their open-task counts: a sidebar on desktop, a scrolling menu on phones. */
import type { Task } from "@/lib/api";
import { DEFAULT_FILTERS, type Filters, type Status, withoutFilters } from "./filters";

type Props = {
  filters: Filters;
  setFilters: (change: Partial<Filters>) => void;
  /** The open tasks loaded for the agenda; the tag counts are taken from them. */
  openTasks: Task[];
};

const VIEWS: Array<{ status: Status; label: string }> = [
  { status: "pending", label: "To do" },
  { status: "all", label: "All" },
  { status: "completed", label: "Completed" },
];

function tagCounts(tasks: Task[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const task of tasks) for (const tag of task.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

export function TaskSidebar({ filters, setFilters, openTasks }: Props) {
  const tags = tagCounts(openTasks);
  const onlyTag = filters.tags.length === 1 ? filters.tags[0] : null;
  return (
    <nav className="sidebar" aria-label="Views">
      <ul>
        {VIEWS.map(({ status, label }) => (
          <li key={status}>
            {/* A view starts from its own order: the agenda by due date, the others as the person last sorted them. */}
            <button type="button" aria-pressed={filters.status === status && !onlyTag} onClick={() => setFilters({ ...withoutFilters(filters), status, ...(status === "pending" ? { sort: DEFAULT_FILTERS.sort, order: DEFAULT_FILTERS.order } : {}) })}>
              {label}
            </button>
          </li>
        ))}
      </ul>
      {tags.length > 0 && (
        <>
          <h2 className="sidebar-title">Tags</h2>
          <ul>
            {tags.map(([tag, count]) => (
              <li key={tag}>
                <button type="button" aria-pressed={onlyTag === tag} aria-label={`#${tag}, ${count} open`} onClick={() => setFilters({ tags: [tag] })}>
                  <span>#{tag}</span>
                  <span className="count" aria-hidden="true">
                    {count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
