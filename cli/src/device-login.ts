/**
 * The waiting half of RFC 8628 (§3.4, §3.5): polls the token endpoint at the server's interval until the
 * person approves or denies at /device, or the code expires.
 */
import type { DeviceCode, PollAnswer } from "./auth-server";
import { CliError, EXIT } from "./errors";

/** RFC 8628 §3.2: without an interval from the server, poll every 5 s. */
export const DEFAULT_INTERVAL_MS = 5_000;
/** RFC 8628 §3.5: slow_down adds 5 s to the interval, for this and every later poll. */
export const SLOW_DOWN_STEP_MS = 5_000;
/** Without an answer the interval doubles (§3.5 asks for a back-off), up to this. */
export const MAX_BACKOFF_MS = 60_000;

type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

export const denied = () => new CliError("Sign-in denied at /device. Nothing was saved. Run `tasks login` to try again.", EXIT.loginRefused);
export const expired = () => new CliError("The code expired before anyone approved it. Run `tasks login` for a new one.", EXIT.loginRefused);

/** Resolves with the access token (the signed session token); throws a CliError for every way it ends otherwise. */
export async function waitForApproval(code: DeviceCode, poll: () => Promise<PollAnswer>, { now, sleep }: Clock): Promise<string> {
  let interval = code.interval ? code.interval * 1000 : DEFAULT_INTERVAL_MS;
  // One interval past the code's lifetime: the server's own expired_token normally comes first, and
  // this only ends the wait when no answer does.
  const deadline = now() + code.expires_in * 1000 + interval;
  for (;;) {
    await sleep(interval);
    if (now() >= deadline) throw expired();
    const answer = await poll();
    if ("accessToken" in answer) return answer.accessToken;
    switch (answer.error) {
      case "authorization_pending":
        break;
      case "slow_down":
        interval += SLOW_DOWN_STEP_MS;
        break;
      case "unreachable":
        interval = Math.min(interval * 2, MAX_BACKOFF_MS);
        break;
      case "access_denied":
        throw denied();
      case "expired_token":
        throw expired();
      default:
        // invalid_grant, invalid_client and the like: nothing a retry would change.
        throw new CliError(`The sign-in service refused this sign-in (${answer.error}${answer.description ? `: ${answer.description}` : ""}). Run \`tasks login\` again.`, EXIT.failed);
    }
  }
}
