/** The task rules the API enforces, checked early in the browser for instant feedback; the limits come from its OpenAPI document. */
import { API_LIMITS } from "../../lib/generated/api";

export const TITLE_MAX = API_LIMITS.titleMax;
export const DESCRIPTION_MAX = API_LIMITS.descriptionMax;
export const TAGS_MAX = API_LIMITS.tagsMax;
export const TAG_LENGTH_MAX = API_LIMITS.tagLengthMax;
export const RECURRENCE_INTERVAL_MAX = API_LIMITS.recurrenceIntervalMax;

export function titleProblem(title: string): string | null {
  if (!title.trim()) return "Give the task a title.";
  if (title.trim().length > TITLE_MAX) return `Keep the title under ${TITLE_MAX + 1} characters.`;
  return null;
}

/** "Home, work ,home" → ["home", "work"]: the same normalisation the API applies. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

export function tagsProblem(tags: string[]): string | null {
  if (tags.length > TAGS_MAX) return `Use at most ${TAGS_MAX} tags.`;
  const long = tags.find((tag) => tag.length > TAG_LENGTH_MAX);
  return long ? `Keep each tag under ${TAG_LENGTH_MAX + 1} characters ("${long.slice(0, 12)}…" is longer).` : null;
}

export function recurrenceProblem(recurrence: string | undefined, dueAt: string | null): string | null {
  return recurrence && recurrence !== "none" && !dueAt ? "A repeating task needs a due date to repeat from." : null;
}

export function reminderProblem(dueAt: string | null, remindAt: string | null): string | null {
  if (remindAt && !dueAt) return "Set a due date for the reminder to belong to.";
  if (remindAt && dueAt && new Date(remindAt) > new Date(dueAt)) return "The reminder must come before the due time.";
  return null;
}
