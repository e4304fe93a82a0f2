/** Turns Better Auth's answers into sentences a person can act on. */
import { characters, EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-limits";

export type AuthFailure = { code?: string; status?: number; message?: string } | null | undefined;

export const UNREACHABLE = "Can't reach the sign-in service. Check your connection and try again.";

const byCode: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password don't match. Check them and try again.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead.",
  PASSWORD_TOO_SHORT: `Use at least ${PASSWORD_MIN} characters for your password.`,
  PASSWORD_TOO_LONG: `That password is too long: use at most ${PASSWORD_MAX} characters.`,
  NAME_TOO_LONG: `Use at most ${NAME_MAX} characters for your name.`,
  EMAIL_TOO_LONG: `Use an email address of at most ${EMAIL_MAX} characters.`,
  BODY_TOO_LARGE: "That is far more text than the form takes. Shorten it and try again.",
  INVALID_EMAIL: "Enter a valid email address.",
  INVALID_PASSWORD: "That isn't your current password.",
  EMAIL_NOT_VERIFIED: "Confirm your email address first: we've just sent you a new link. Open it, and you're in.",
  INVALID_TOKEN: "This link is invalid or has already been used. Ask for a new one.",
  TASKS_NOT_DELETED: "Couldn't delete your tasks, so your account was kept. Try again in a moment.",
};

/** "try again in 12 s", or in minutes once seconds stop being easy to picture. */
export function retryMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) {
    return "Too many attempts, try again in a moment.";
  }
  const wait = retryAfterSeconds <= 120 ? `${Math.ceil(retryAfterSeconds)} s` : `${Math.ceil(retryAfterSeconds / 60)} min`;
  return `Too many attempts, try again in ${wait}.`;
}

export function describeAuthError(error: AuthFailure, retryAfterSeconds: number | null = null): string {
  if (!error) return "Something went wrong. Try again.";
  if (error.code && byCode[error.code]) return byCode[error.code]!;
  if (error.status === 429) return retryMessage(retryAfterSeconds);
  if (!error.status || error.status >= 500) return UNREACHABLE;
  return error.message || "Something went wrong. Try again.";
}

export type Field = "name" | "email" | "password";

/** Checks the form before it leaves the browser, so the common mistakes get an instant inline answer. */
export function validateCredentials(values: Partial<Record<Field, string>>, fields: Field[]): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const name = values.name?.trim() ?? "";
  const email = values.email?.trim() ?? "";
  const password = values.password ?? "";
  if (fields.includes("name")) {
    if (!name) problems.name = "Enter your name.";
    else if (characters(name) > NAME_MAX) problems.name = byCode.NAME_TOO_LONG;
  }
  if (fields.includes("email")) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.email = "Enter a valid email address.";
    else if (characters(email) > EMAIL_MAX) problems.email = byCode.EMAIL_TOO_LONG;
  }
  if (fields.includes("password")) {
    if (password.length < PASSWORD_MIN) problems.password = byCode.PASSWORD_TOO_SHORT;
    else if (password.length > PASSWORD_MAX) problems.password = byCode.PASSWORD_TOO_LONG;
  }
  return problems;
}
