/** Reads a task form (quick add or edit) into an API body, with a plain-words problem per bad field. */
import type { TaskCreate } from "@/lib/api";
import { fromLocalInput } from "./dates";
import { parseTags, recurrenceProblem, reminderProblem, tagsProblem, titleProblem } from "./task-rules";

export type FormProblems = Partial<Record<"title" | "tags" | "remind_at" | "recurrence", string>>;

/** Fields missing from the form (a collapsed quick add) are left out, so the API's defaults apply. */
export function readTaskForm(data: FormData): { body: TaskCreate; problems: FormProblems } {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const body: Record<string, unknown> = { title: text("title") };
  if (data.has("description")) body.description = text("description");
  if (data.has("priority")) body.priority = text("priority");
  if (data.has("tags")) body.tags = parseTags(text("tags"));
  if (data.has("due_at")) {
    body.due_at = fromLocalInput(text("due_at"));
    // The zone whose wall-clock time the repeats keep across DST.
    body.time_zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  if (data.has("remind_at")) body.remind_at = fromLocalInput(text("remind_at"));
  if (data.has("recurrence")) body.recurrence = text("recurrence");
  if (data.has("recurrence_interval")) body.recurrence_interval = Math.max(1, Number(text("recurrence_interval")) || 1);

  const problems: FormProblems = {};
  const title = titleProblem(body.title as string);
  if (title) problems.title = title;
  const tags = body.tags ? tagsProblem(body.tags as string[]) : null;
  if (tags) problems.tags = tags;
  const reminder = reminderProblem((body.due_at as string | null) ?? null, (body.remind_at as string | null) ?? null);
  if (reminder) problems.remind_at = reminder;
  const recurrence = recurrenceProblem(body.recurrence as string | undefined, (body.due_at as string | null) ?? null);
  if (recurrence) problems.recurrence = recurrence;
  return { body: body as TaskCreate, problems };
}
