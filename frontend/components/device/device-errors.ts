/** Turns the device-authorization endpoints' RFC 8628 errors into sentences for the /device page. */
import { type AuthFailure, describeAuthError } from "@/components/auth/auth-errors";

/** Better Auth's client error, with the OAuth-style fields these endpoints answer with. */
export type DeviceFailure = (NonNullable<AuthFailure> & { error?: string; error_description?: string }) | null | undefined;

export const UNKNOWN_CODE = "That code doesn't match a sign-in request. Check it against your terminal and try again.";

const byDescription: Record<string, string> = {
  "Invalid user code": UNKNOWN_CODE,
  "User code has expired": "That code has expired. Run `tasks login` again for a new one.",
  "Device code already processed": "This request has already been approved or denied.",
};

export function describeDeviceError(error: DeviceFailure, retryAfterSeconds: number | null = null): string {
  if (error?.error === "expired_token") return byDescription["User code has expired"]!;
  const known = error?.error_description && byDescription[error.error_description];
  if (known) return known;
  // Someone else's code looks exactly like a code that does not exist.
  if (error?.error === "access_denied") return UNKNOWN_CODE;
  return describeAuthError(error, retryAfterSeconds);
}
