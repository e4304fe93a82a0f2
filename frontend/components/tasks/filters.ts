/**
 * The task list's view (status, filters, search, sort) as URL state: parsed leniently, written
 * minimally. The default view is the agenda: open tasks by due date, grouped by day.
 */

import { API_ENUMS, API_LIMITS } from "../../lib/generated/api";

export const STATUSES = API_ENUMS.TaskStatus;
export const PRIORITIES = API_ENUMS.Priority;
export const SORTS = API_ENUMS.TaskSort;
export const ORDERS = API_ENUMS.SortOrder;

export type Status = (typeof STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Sort = (typeof SORTS)[number];
export type Order = (typeof ORDERS)[number];

export type Filters = {
  status: Status;
  priority: Priority | null;
  tags: string[];
  q: string;
  sort: Sort;
  order: Order;
  /** Local calendar days, `YYYY-MM-DD`, as a date input gives them. */
  dueAfter: string | null;
  dueBefore: string | null;
  overdue: boolean;
};

/** Tasks per page of a list, on the server's first render and on every "Load more". */
export const PAGE_SIZE = Math.min(50, API_LIMITS.pageSizeMax);

export const DEFAULT_FILTERS: Filters = {
  status: "pending",
  priority: null,
  tags: [],
  q: "",
  sort: "due",
  order: "asc",
  dueAfter: null,
  dueBefore: null,
  overdue: false,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A hand-edited or outdated URL never breaks the page: unknown values fall back to the defaults. */
export function parseFilters(params: URLSearchParams): Filters {
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : null;
  };
  return {
    status: oneOf(STATUSES, params.get("status"), DEFAULT_FILTERS.status),
    priority: PRIORITIES.includes(params.get("priority") as Priority) ? (params.get("priority") as Priority) : null,
    tags: [...new Set(params.getAll("tag").map((t) => t.trim().toLowerCase()).filter(Boolean))],
    q: params.get("q")?.trim() ?? "",
    sort: oneOf(SORTS, params.get("sort"), DEFAULT_FILTERS.sort),
    order: oneOf(ORDERS, params.get("order"), DEFAULT_FILTERS.order),
    dueAfter: day("due_after"),
    dueBefore: day("due_before"),
    overdue: params.get("overdue") === "true",
  };
}

/** Only what differs from the defaults goes into the URL, so shared links stay short. */
export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.priority) params.set("priority", filters.priority);
  for (const tag of filters.tags) params.append("tag", tag);
  if (filters.q) params.set("q", filters.q);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.order !== DEFAULT_FILTERS.order) params.set("order", filters.order);
  if (filters.dueAfter) params.set("due_after", filters.dueAfter);
  if (filters.dueBefore) params.set("due_before", filters.dueBefore);
  if (filters.overdue) params.set("overdue", "true");
  return params;
}

/** The same view with every filter cleared; the status and the sort stay, since they hide nothing the view means to show. */
export function withoutFilters(filters: Filters): Filters {
  return { ...DEFAULT_FILTERS, status: filters.status, sort: filters.sort, order: filters.order };
}

/** The agenda: open tasks in due order, shown in day groups with the completed ones folded away at the end. */
export function isAgenda(filters: Filters): boolean {
  return filters.status === "pending" && filters.sort === "due" && filters.order === "asc";
}

export function isFiltered(filters: Filters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(withoutFilters(filters));
}

/** Local midnight of a `YYYY-MM-DD` day, shifted by whole days, as a UTC instant. */
function localDayStart(day: string, shiftDays = 0): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date + shiftDays).toISOString();
}

/** The API's query for a view. Day bounds are the user's local days: "due before the 5th" includes all of the 5th. */
export function filtersToQuery(filters: Filters) {
  return {
    status: filters.status,
    sort: filters.sort,
    order: filters.order,
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.tags.length ? { tag: filters.tags } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.dueAfter ? { due_after: localDayStart(filters.dueAfter) } : {}),
    ...(filters.dueBefore ? { due_before: localDayStart(filters.dueBefore, 1) } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
  };
}

/** The lists a view shows: its own, and the completed tasks folded under the agenda. (The tag counts have their own route.) */
export function boardQueries(filters: Filters) {
  const list = filtersToQuery(filters);
  return {
    list,
    completed: isAgenda(filters) ? { ...list, status: "completed" as const, sort: "updated" as const, order: "desc" as const } : null,
  };
}
