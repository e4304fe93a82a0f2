/** Due dates and reminders as people read them: local time, "today", "overdue", "every 2 weeks". */

export type DueState = "overdue" | "today" | "upcoming";

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Overdue only matters for open tasks; a finished task is never late. */
export function dueState(dueAt: string | null | undefined, completed: boolean, now: Date): DueState | null {
  if (!dueAt || completed) return null;
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime()) return "overdue";
  return sameLocalDay(due, now) ? "today" : "upcoming";
}

export function formatDue(dueAt: string, now: Date, locale?: string): string {
  const due = new Date(dueAt);
  const time = due.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  if (sameLocalDay(due, now)) return `Today ${time}`;
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (sameLocalDay(due, tomorrow)) return `Tomorrow ${time}`;
  const sameYear = due.getFullYear() === now.getFullYear();
  const day = due.toLocaleDateString(locale, { weekday: "short", day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
  return `${day} ${time}`;
}

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a local wall-clock value names, in UTC for the API; empty stays empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

const UNITS = { daily: "day", weekly: "week", monthly: "month" } as const;

export function describeRecurrence(recurrence: string | null | undefined, interval = 1): string | null {
  const unit = UNITS[recurrence as keyof typeof UNITS];
  if (!unit) return null;
  return interval <= 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`;
}
