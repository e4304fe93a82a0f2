/** Command-line values turned into the API's task fields, checked by the web app's own rules first. */
import { InvalidArgumentError } from "commander";
import { fromLocalInput } from "../../frontend/components/tasks/dates";
import { parseTags, recurrenceProblem, tagsProblem, titleProblem } from "../../frontend/components/tasks/task-rules";
import type { TaskCreate, TaskPatch } from "../../frontend/lib/api";

export const PRIORITIES = ["low", "medium", "high"] as const;
export const REPEATS = ["none", "daily", "weekly", "monthly"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/;

/** `--due none`: no due date. Kept as this word until the request is built, since commander turns a parsed null into "". */
export const NO_DUE = "none";

/**
 * `2026-12-24` (the end of that local day), `2026-12-24 17:00` (local time), an ISO instant with its zone,
 * or `none` to clear it. Local, as the web app's date fields are.
 */
export function parseDue(value: string): string {
  const text = value.trim();
  if (text === NO_DUE) return NO_DUE;
  const instant = DAY.test(text) ? fromLocalInput(`${text}T23:59`) : LOCAL_TIME.test(text) ? fromLocalInput(text.replace(" ", "T")) : /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? new Date(text).toISOString() : null;
  if (!instant || Number.isNaN(Date.parse(instant))) throw new InvalidArgumentError('Use a date like 2026-12-24, a local time like "2026-12-24 17:00", or none.');
  return instant;
}

/** Repeatable, and each may be a comma-separated list: `--tag home --tag work,errands`. */
export function collectTags(value: string, previous: string[] = []): string[] {
  return parseTags([...previous, value].join(","));
}

export function parseEvery(value: string): number {
  const every = Number(value);
  if (!Number.isInteger(every) || every < 1 || every > 365) throw new InvalidArgumentError("Use a whole number from 1 to 365.");
  return every;
}

export type TaskFlags = {
  due?: string;
  priority?: (typeof PRIORITIES)[number];
  tag?: string[];
  repeat?: (typeof REPEATS)[number];
  every?: number;
  description?: string;
};

/** The fields the flags set; absent flags are absent, so an edit changes only what was asked. */
function fields(flags: TaskFlags): TaskPatch {
  return {
    ...(flags.due !== undefined && { due_at: flags.due === NO_DUE ? null : flags.due }),
    ...(flags.priority && { priority: flags.priority }),
    ...(flags.tag && { tags: flags.tag }),
    ...(flags.repeat && { recurrence: flags.repeat }),
    ...(flags.every && { recurrence_interval: flags.every }),
    ...(flags.description !== undefined && { description: flags.description }),
  };
}

/** A problem in words, or null; the API checks again, these only answer the common mistakes at once. */
function problem(title: string | undefined, patch: TaskPatch): string | null {
  return (title === undefined ? null : titleProblem(title)) ?? (patch.tags ? tagsProblem(patch.tags) : null);
}

export function taskToCreate(title: string, flags: TaskFlags): TaskCreate | string {
  const patch = fields(flags);
  const found = problem(title, patch) ?? recurrenceProblem(patch.recurrence, patch.due_at ?? null);
  return found ?? { title: title.trim(), ...patch };
}

export function taskToPatch(flags: TaskFlags & { title?: string }): TaskPatch | string {
  const patch = { ...fields(flags), ...(flags.title !== undefined && { title: flags.title.trim() }) };
  if (Object.keys(patch).length === 0) return "Say what to change: --title, --due, --priority, --tag, --repeat, --every or --description.";
  return problem(flags.title, patch) ?? patch;
}
