"use client";
/** Where the user is signed in, with a way to sign any other device out, one at a time or all at once. */
import { useRouter } from "next/navigation";
import { FormFeedback } from "@/components/form/form-feedback";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { authClient } from "@/lib/client/auth-client";
import { AccountSection } from "./account-section";
import type { ActiveSession } from "@/lib/server/active-sessions";
import { LocalTime } from "./local-time";

export function SessionList({ sessions }: { sessions: ActiveSession[] | null }) {
  const router = useRouter();
  const form = useAuthForm();
  const others = sessions?.filter((session) => !session.current).length ?? 0;

  async function signOut(revoke: Parameters<typeof form.run>[0], done: string) {
    const outcome = await form.run(revoke);
    if (!outcome.ok) return;
    form.setSuccess(done);
    router.refresh();
  }

  return (
    <AccountSection id="sessions" title="Where you're signed in" intro="Sign out any device you don't recognise, or have lost.">
      {sessions ? (
        <ul className="sessions" aria-label="Active sessions">
          {sessions.map((session, index) => (
            <li key={session.token}>
              <div id={`session-${index}`}>
                <span className="device">
                  {session.device} {session.current && <span className="badge">This device</span>}
                </span>
                <span className="muted">
                  Signed in <LocalTime iso={session.createdAt} />
                  {session.ipAddress && ` from ${session.ipAddress}`}
                </span>
              </div>
              {!session.current && (
                <button
                  type="button"
                  aria-describedby={`session-${index}`}
                  disabled={form.busy}
                  onClick={() => signOut((fetchOptions) => authClient.revokeSession({ token: session.token, fetchOptions }), `Signed out ${session.device}.`)}
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>For your safety the list only shows within a day of signing in. Sign out and in again to see it.</p>
      )}
      <FormFeedback id={form.feedbackId} error={form.error} success={form.success} />
      {(sessions === null || others > 0) && (
        <button
          type="button"
          disabled={form.busy}
          onClick={() => signOut((fetchOptions) => authClient.revokeOtherSessions({ fetchOptions }), "Every other device is signed out.")}
        >
          Sign out all other devices
        </button>
      )}
    </AccountSection>
  );
}
