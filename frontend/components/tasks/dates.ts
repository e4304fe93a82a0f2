/**
 * Due dates as people read them, in the person's own time zone: "Today 17:30", "Tomorrow", "Fri",
 * "Dec 12", "3 days late", and the day groups of the agenda (Overdue, Today, the next days, Later).
 * Every function takes the zone, so the server renders exactly what the browser then shows.
 */

export type DueState = "overdue" | "today" | "upcoming";

/** Where the agenda puts an open task: a group key, in the order the groups are shown. */
export type DayGroup = { key: string; label: string };

type Where = { zone?: string; locale?: string };

/** `YYYY-MM-DD` of the calendar day an instant falls on in `zone` (the runtime's zone when absent). */
export function dayKey(instant: Date, zone?: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Overdue only matters for open tasks; a finished task is never late. */
export function dueState(dueAt: string | null | undefined, completed: boolean, now: Date, zone?: string): DueState | null {
  if (!dueAt || completed) return null;
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return "overdue";
  return dayKey(due, zone) === dayKey(now, zone) ? "today" : "upcoming";
}

function time(due: Date, { zone, locale }: Where): string {
  return due.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
}

function calendarDate(due: Date, now: Date, { zone, locale }: Where): string {
  const sameYear = dayKey(due, zone).slice(0, 4) === dayKey(now, zone).slice(0, 4);
  return due.toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: zone, ...(sameYear ? {} : { year: "numeric" }) });
}

/** The short, relative due date of a row: the time is left out for an all-day task. */
export function formatDue(dueAt: string, allDay: boolean, now: Date, { completed = false, ...where }: Where & { completed?: boolean } = {}): string {
  const due = new Date(dueAt);
  const days = daysBetween(dayKey(now, where.zone), dayKey(due, where.zone));
  const at = allDay ? "" : ` ${time(due, where)}`;
  if (!completed && days < 0) return days === -1 ? "Yesterday" : `${-days} days late`;
  if (days === 0) return `Today${at}`;
  if (days === 1) return `Tomorrow${at}`;
  if (days > 1 && days < 7) return `${due.toLocaleDateString(where.locale, { weekday: "short", timeZone: where.zone })}${at}`;
  return `${calendarDate(due, now, where)}${at}`;
}

/** The agenda group of an open task: overdue, today, each of the next six days, later, or no date. */
export function dayGroup(dueAt: string | null, now: Date, where: Where = {}): DayGroup {
  if (!dueAt) return { key: "none", label: "No date" };
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return { key: "overdue", label: "Overdue" };
  const day = dayKey(due, where.zone);
  const days = daysBetween(dayKey(now, where.zone), day);
  if (days === 0) return { key: "today", label: "Today" };
  if (days >= 7) return { key: "later", label: "Later" };
  const date = due.toLocaleDateString(where.locale, { weekday: "long", month: "short", day: "numeric", timeZone: where.zone });
  return { key: day, label: days === 1 ? `Tomorrow · ${date}` : date };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a local wall-clock value names, in UTC for the API; empty stays empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The date and time inputs' values for a due date; an all-day task has no time. */
export function toDueInputs(dueAt: string | null | undefined, allDay: boolean): { date: string; time: string } {
  const local = toLocalInput(dueAt);
  return { date: local.slice(0, 10), time: allDay ? "" : local.slice(11) };
}

/**
 * A due date from a date and an optional time, in the browser's zone. Without a time the task is
 * all-day, and its `due_at` is the last second of that day, as the API documents.
 */
export function fromDueInputs(date: string, time: string): { due_at: string | null; all_day: boolean } {
  if (!date) return { due_at: null, all_day: false };
  if (time) return { due_at: fromLocalInput(`${date}T${time}`), all_day: false };
  return { due_at: endOfDay(date), all_day: true };
}

/** The last second of a local `YYYY-MM-DD` day, as a UTC instant; null for a malformed day. */
export function endOfDay(date: string): string | null {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const instant = new Date(y, m - 1, d, 23, 59, 59);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

const UNITS = { daily: "day", weekly: "week", monthly: "month", yearly: "year" } as const;

export function describeRecurrence(recurrence: string | null | undefined, interval = 1): string | null {
  const unit = UNITS[recurrence as keyof typeof UNITS];
  if (!unit) return null;
  return interval <= 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`;
}
