"use client";
/** Search, filters and sort for the task list (the views are in the sidebar); every choice lives in the URL. */
import { type RefObject, useEffect, useRef, useState } from "react";
import { PriorityOptions } from "./field-parts";
import { type Filters, isFiltered, type Order, type Priority, type Sort, withoutFilters } from "./filters";

type Props = {
  filters: Filters;
  setFilters: (change: Partial<Filters>, options?: { replace?: boolean }) => void;
  searchRef: RefObject<HTMLInputElement | null>;
};

const SORT_LABELS: Record<Sort, string> = { created: "Date added", updated: "Last changed", due: "Due date", priority: "Priority", title: "Title" };
export const SEARCH_DEBOUNCE_MS = 300;

export function TaskToolbar({ filters, setFilters, searchRef }: Props) {
  const [search, setSearch] = useState(filters.q);
  const [sent, setSent] = useState(filters.q);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Back/forward changes the URL under us: the box follows it, but not our own debounced echo,
  // which could arrive after the user typed on and would swallow their last keys.
  if (filters.q !== sent) {
    setSent(filters.q);
    setSearch(filters.q);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSent(value.trim());
      setFilters({ q: value.trim() }, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
  }

  return (
    <div className="toolbar">
      <div className="field search">
        <label htmlFor="task-search" className="sr-only">
          Search tasks
        </label>
        <input id="task-search" ref={searchRef} type="search" value={search} placeholder="Search  /" onChange={(e) => onSearch(e.target.value)} />
      </div>
      <details className="filters">
        <summary>Filters and sort</summary>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="filter-priority">Priority</label>
            <select id="filter-priority" value={filters.priority ?? ""} onChange={(e) => setFilters({ priority: (e.target.value || null) as Priority | null })}>
              <option value="">Any</option>
              <PriorityOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-due-after">Due from</label>
            <input id="filter-due-after" type="date" value={filters.dueAfter ?? ""} onChange={(e) => setFilters({ dueAfter: e.target.value || null })} />
          </div>
          <div className="field">
            <label htmlFor="filter-due-before">Due until</label>
            <input id="filter-due-before" type="date" value={filters.dueBefore ?? ""} onChange={(e) => setFilters({ dueBefore: e.target.value || null })} />
          </div>
          <label className="check">
            <input type="checkbox" checked={filters.overdue} onChange={(e) => setFilters({ overdue: e.target.checked })} /> Overdue only
          </label>
          <div className="field">
            <label htmlFor="sort-by">Sort by</label>
            <select id="sort-by" value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as Sort })}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sort-order">Order</label>
            <select id="sort-order" value={filters.order} onChange={(e) => setFilters({ order: e.target.value as Order })}>
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </select>
          </div>
        </div>
      </details>
      {isFiltered(filters) && (
        <div className="active-filters">
          {filters.tags.map((tag) => (
            <button key={tag} type="button" className="chip tag" onClick={() => setFilters({ tags: filters.tags.filter((t) => t !== tag) })} aria-label={`Remove tag filter ${tag}`}>
              #{tag} ×
            </button>
          ))}
          <button type="button" className="link" onClick={() => setFilters(withoutFilters(filters))}>
            Clear filters
          </button>
        </div>
      )}
    </div>
  );
}
