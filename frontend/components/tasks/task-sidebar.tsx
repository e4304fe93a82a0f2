"use client";
/** The views (agenda, all, completed) and the tags with their open-task counts: a sidebar on desktop, a scrolling menu on phones. */
import type { TagCount } from "@/lib/api";
import { DEFAULT_FILTERS, type Filters, type Status, withoutFilters } from "./filters";

type Props = {
  filters: Filters;
  setFilters: (change: Partial<Filters>) => void;
  /** Every tag of the person's tasks with its exact counts (GET /api/tags), sorted by name. */
  tags: TagCount[];
};

const VIEWS: Array<{ status: Status; label: string }> = [
  { status: "pending", label: "To do" },
  { status: "all", label: "All" },
  { status: "completed", label: "Completed" },
];

export function TaskSidebar({ filters, setFilters, tags: allTags }: Props) {
  const onlyTag = filters.tags.length === 1 ? filters.tags[0] : null;
  // The tags of open tasks: one left only on completed tasks is no place to go next, unless it is the view on screen.
  const tags = allTags.filter((tag) => tag.open > 0 || tag.name === onlyTag);
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
            {tags.map(({ name, open }) => (
              <li key={name}>
                <button type="button" aria-pressed={onlyTag === name} aria-label={`#${name}, ${open} open`} onClick={() => setFilters({ tags: [name] })}>
                  <span>#{name}</span>
                  <span className="count" aria-hidden="true">
                    {open}
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
