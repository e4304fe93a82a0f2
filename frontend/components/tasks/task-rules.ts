/** The task rules the API enforces, checked early in the browser for instant feedback. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;

export function titleProblem(title: string): string | null {
  if (!title.trim()) return "Give the task a title.";
  if (title.trim().length > TITLE_MAX) return `Keep the title under ${TITLE_MAX + 1} characters.`;
  return null;
}
