/**
 * What the account forms accept, enforced by the server (auth-options.ts) and mirrored in the forms. The
 * name rides in every JWT, so its bound keeps the longest token far below the API's 8 KB cap.
 */
export const NAME_MAX = 100;
/** The longest address SMTP can carry (RFC 5321's path limit). */
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** A sign-up with every field at its longest is under 1 KB; anything far larger is not a person typing. */
export const AUTH_BODY_MAX_BYTES = 8 * 1024;

/** Characters as people count them: an emoji is one, not two UTF-16 units. */
export const characters = (text: string) => [...text].length;

export type UserFieldProblem = { code: "NAME_TOO_LONG" | "EMAIL_TOO_LONG"; message: string };

/** The first field of a user being written that breaks a limit, or null. */
export function userFieldProblem({ name, email }: { name?: unknown; email?: unknown }): UserFieldProblem | null {
  if (typeof name === "string" && characters(name) > NAME_MAX) return { code: "NAME_TOO_LONG", message: `Use at most ${NAME_MAX} characters for your name.` };
  if (typeof email === "string" && characters(email) > EMAIL_MAX) return { code: "EMAIL_TOO_LONG", message: `Use an email address of at most ${EMAIL_MAX} characters.` };
  return null;
}
