"use client";
/** The state every auth and account form shares: busy while Better Auth works, then an error or a success line. */
import { useId, useState } from "react";
import { type AuthResult, attempt, type Describe, type Outcome, type RetryAfterHook } from "./auth-request";

export function useAuthForm(describe?: Describe) {
  const feedbackId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function run<T>(call: (fetchOptions: RetryAfterHook) => Promise<AuthResult<T>>): Promise<Outcome<T>> {
    setBusy(true);
    setError(null);
    setSuccess(null);
    const outcome = await attempt(call, describe);
    setBusy(false);
    if (!outcome.ok) setError(outcome.message);
    return outcome;
  }

  return { feedbackId, busy, error, success, setError, setSuccess, run };
}
