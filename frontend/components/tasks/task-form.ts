/** Reads a task form (quick add or edit) into an API body, with a plain-words problem per bad field. */
import type { Task, TaskCreate, TaskPatch } from "@/lib/api";
import { API_ENUMS } from "@/lib/generated/api";
import { fromDueInputs, fromLocalInput } from "./dates";
import { parseTags, RECURRENCE_INTERVAL_MAX, recurrenceProblem, reminderProblem, tagsProblem, titleProblem } from "./task-rules";

export type FormProblems = Partial<Record<"title" | "tags" | "remind_at" | "recurrence", string>>;

const PRIORITIES: ReadonlySet<string> = new Set(API_ENUMS.Priority);
const RECURRENCES: ReadonlySet<string> = new Set(API_ENUMS.Recurrence);
const isPriority = (value: string): value is NonNullable<TaskCreate["priority"]> => PRIORITIES.has(value);
const isRecurrence = (value: string): value is NonNullable<TaskCreate["recurrence"]> => RECURRENCES.has(value);

/** Fields missing from the form (a collapsed quick add) are left out, so the API's defaults apply. */
export function readTaskForm(data: FormData): { body: TaskCreate; problems: FormProblems } {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const body: TaskCreate = { title: text("title") };
  if (data.has("description")) body.description = text("description");
  const priority = text("priority");
  if (isPriority(priority)) body.priority = priority;
  if (data.has("tags")) body.tags = parseTags(text("tags"));
  if (data.has("due_date")) {
    Object.assign(body, fromDueInputs(text("due_date"), text("due_time")));
    // The zone whose wall-clock time the repeats keep across DST, and whose day an all-day task is.
    body.time_zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  if (data.has("remind_at")) body.remind_at = fromLocalInput(text("remind_at"));
  const recurrence = text("recurrence");
  if (isRecurrence(recurrence)) body.recurrence = recurrence;
  if (data.has("recurrence_interval")) body.recurrence_interval = Math.min(RECURRENCE_INTERVAL_MAX, Math.max(1, Number(text("recurrence_interval")) || 1));

  const problems: FormProblems = {};
  const title = titleProblem(body.title);
  if (title) problems.title = title;
  const tags = body.tags ? tagsProblem(body.tags) : null;
  if (tags) problems.tags = tags;
  const reminder = reminderProblem(body.due_at ?? null, body.remind_at ?? null);
  if (reminder) problems.remind_at = reminder;
  const repeats = recurrenceProblem(body.recurrence, body.due_at ?? null);
  if (repeats) problems.recurrence = repeats;
  return { body, problems };
}

/**
 * The edit form's body as a PATCH of `task`. The form shows a repeat only as a frequency and an
 * interval; sent unchanged, those would replace a richer stored rule ("every Mon and Thu", set
 * through the API or the CLI), so they are left out unless the person changed them.
 */
export function editPatch(task: Task, body: TaskCreate): TaskPatch {
  const { recurrence, recurrence_interval, ...rest } = body;
  const sameRepeat = (recurrence ?? "none") === task.recurrence && (recurrence_interval ?? task.recurrence_interval) === task.recurrence_interval;
  return sameRepeat ? rest : body;
}
