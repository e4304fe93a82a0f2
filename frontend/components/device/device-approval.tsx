"use client";
/**
 * Where a signed-in person confirms a terminal's sign-in code, sees who asks and from where, and approves
 * or denies. A code from the link is only filled in, never looked up unasked: comparing it with the
 * terminal is what keeps someone else's link from signing their terminal into this account.
 */
import { type FormEvent, useState } from "react";
import { describeDevice } from "@/components/account/describe-device";
import { FormFeedback } from "@/components/form/form-feedback";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { authClient } from "@/lib/client/auth-client";
import { formatUserCode } from "@/lib/user-code";
import { describeDeviceError, UNKNOWN_CODE } from "./device-errors";

/** What GET /api/auth/device answers to the person who claimed the code (lib/server/device-sign-in.ts adds the last three). */
type DeviceRequest = {
  user_code: string;
  status: string;
  client_id?: string;
  client_name?: string;
  requested_from_ip?: string | null;
  requested_by_agent?: string | null;
};

export function DeviceApproval({ initialCode }: { initialCode: string }) {
  const form = useAuthForm(describeDeviceError);
  const [request, setRequest] = useState<DeviceRequest | null>(null);
  const [decided, setDecided] = useState(false);

  async function lookUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("user_code") ?? "").trim();
    if (!code) return form.setError("Enter the code your terminal shows.");
    const outcome = await form.run((fetchOptions) => authClient.device({ query: { user_code: code }, fetchOptions }));
    if (!outcome.ok) return;
    const found = outcome.data as DeviceRequest;
    // Without client_id the code is someone else's: say no more than for a code that does not exist.
    if (!found.client_id) return form.setError(UNKNOWN_CODE);
    if (found.status !== "pending") return form.setError(describeDeviceError({ error_description: "Device code already processed" }));
    setRequest(found);
  }

  async function decide(approve: boolean) {
    const userCode = request!.user_code;
    const outcome = await form.run((fetchOptions) => (approve ? authClient.device.approve({ userCode, fetchOptions }) : authClient.device.deny({ userCode, fetchOptions })));
    if (!outcome.ok) return;
    setDecided(true);
    form.setSuccess(
      approve ? "Approved. Go back to your terminal: it is signed in now." : "Denied. The terminal that asked gets no access; you can close this page.",
    );
  }

  if (request) {
    return (
      <section className="panel" aria-labelledby="device-request-title">
        <h2 id="device-request-title">{request.client_name ?? request.client_id} wants to sign in as you</h2>
        <dl className="device-request">
          <dt>Code</dt>
          <dd>
            <code>{formatUserCode(request.user_code)}</code>
          </dd>
          <dt>Device</dt>
          <dd>{describeDevice(request.requested_by_agent)}</dd>
          <dt>From</dt>
          <dd>{request.requested_from_ip ?? "an unknown address"}</dd>
        </dl>
        {!decided && <p className="muted">Approve only if you started this sign-in yourself and the code matches the one in your terminal.</p>}
        <FormFeedback id={form.feedbackId} error={form.error} success={form.success} />
        {!decided && (
          <div className="device-actions">
            <button type="button" className="primary" disabled={form.busy} onClick={() => decide(true)}>
              Approve
            </button>
            <button type="button" disabled={form.busy} onClick={() => decide(false)}>
              Deny
            </button>
          </div>
        )}
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="device-code-title">
      <h2 id="device-code-title">Enter the code from your terminal</h2>
      {/* Sent before the script has loaded, this reloads the page with the code in its URL, which only fills it in again. */}
      <form onSubmit={lookUp} noValidate aria-describedby={form.error ? form.feedbackId : undefined}>
        <div className="field">
          <label htmlFor="user-code">Code</label>
          <input id="user-code" name="user_code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={32} />
        </div>
        <FormFeedback id={form.feedbackId} error={form.error} success={form.success} />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? "Checking…" : "Continue"}
        </button>
      </form>
    </section>
  );
}
