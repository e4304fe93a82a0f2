/** How tasks look in a terminal: one line each in lists, every field in `show`; JSON for scripts. */
import pc from "picocolors";
import { describeRecurrence, dueState, formatDue } from "../../frontend/components/tasks/dates";
import type { Task, TaskPage } from "../../frontend/lib/api";

/** Where a command writes: stdout for results, stderr for failures; `interactive` when a person is watching. */
export type Io = { out: (text: string) => void; err: (text: string) => void; interactive: boolean };

const PRIORITY_MARK = { high: pc.red("!high"), medium: "", low: pc.dim("low") } as const;

function due(task: Task, now: Date): string {
  if (!task.due_at) return "";
  const state = dueState(task.due_at, task.completed, now);
  const text = `due ${formatDue(task.due_at, task.all_day, now, { completed: task.completed })}`;
  return state === "overdue" ? pc.red(`${text} (overdue)`) : state === "today" ? pc.yellow(text) : text;
}

export function taskLine(task: Task, now = new Date()): string {
  const check = task.completed ? pc.green("[x]") : "[ ]";
  const title = task.completed ? pc.dim(task.title) : task.title;
  const repeat = describeRecurrence(task.recurrence, task.recurrence_interval);
  const meta = [PRIORITY_MARK[task.priority], due(task, now), repeat && pc.cyan(repeat.toLowerCase()), ...task.tags.map((tag) => pc.magenta(`#${tag}`))].filter(Boolean);
  return `${check} ${pc.bold(String(task.id).padStart(4))}  ${title}${meta.length ? `  ${meta.join("  ")}` : ""}`;
}

export function taskList(page: TaskPage, now = new Date()): string {
  if (page.items.length === 0) return page.total === 0 ? "No tasks." : `No tasks on this page (${page.total} in all).`;
  const lines = page.items.map((task) => taskLine(task, now));
  const shown = page.offset + page.items.length;
  if (page.offset > 0 || shown < page.total) lines.push(pc.dim(`${page.offset + 1}–${shown} of ${page.total}; --offset ${shown} shows the next ones.`));
  return lines.join("\n");
}

export function taskDetail(task: Task, now = new Date()): string {
  const rows: Array<[string, string | null]> = [
    ["Title", task.title],
    ["Status", task.completed ? `done${task.completed_at ? ` ${new Date(task.completed_at).toLocaleString()}` : ""}` : "open"],
    ["Priority", task.priority],
    ["Due", task.due_at ? `${formatDue(task.due_at, task.all_day, now, { completed: task.completed })}${dueState(task.due_at, task.completed, now) === "overdue" ? " (overdue)" : ""}` : null],
    ["Repeats", describeRecurrence(task.recurrence, task.recurrence_interval)],
    ["Reminder", task.remind_at ? formatDue(task.remind_at, false, now, { completed: true }) : null],
    ["Tags", task.tags.length ? task.tags.map((tag) => `#${tag}`).join(" ") : null],
    ["Description", task.description || null],
    ["Created", new Date(task.created_at).toLocaleString()],
  ];
  const header = `${pc.bold(`Task ${task.id}`)}`;
  return [header, ...rows.filter(([, value]) => value !== null).map(([label, value]) => `  ${pc.dim(label.padEnd(12))}${value}`)].join("\n");
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);
