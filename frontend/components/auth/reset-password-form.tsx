"use client";
/** Sets a new password with the token from the emailed link; Better Auth then signs every device out. */
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/client/auth-client";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-limits";
import { validateCredentials } from "./auth-errors";
import { AuthForm } from "@/components/form/auth-form";
import { TextField } from "@/components/form/text-field";
import { useAuthForm } from "./use-auth-form";

export function ResetPasswordForm({ token }: { token: string }) {
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const form = useAuthForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("password") ?? "");
    const found = validateCredentials({ password: newPassword }, ["password"]).password;
    setProblem(found);
    if (found) return;
    const outcome = await form.run((fetchOptions) => authClient.resetPassword({ newPassword, token, fetchOptions }));
    setDone(outcome.ok);
  }

  if (done) {
    return (
      <main className="auth-card">
        <h1>Password changed</h1>
        <p role="status">Your new password is set, and every device that was signed in has been signed out.</p>
        <p className="switch">
          <Link href="/sign-in">Sign in with your new password</Link>
        </p>
      </main>
    );
  }

  return (
    <main className="auth-card">
      <h1>Choose a new password</h1>
      <AuthForm form={form} onSubmit={onSubmit} submit="Set new password" busy="Saving…">
        <TextField name="password" label="New password" type="password" autoComplete="new-password" problem={problem} hint={`At least ${PASSWORD_MIN} characters.`} maxLength={PASSWORD_MAX} />
      </AuthForm>
      {form.error && (
        <p className="switch">
          <Link href="/forgot-password">Get a new reset link</Link>
        </p>
      )}
    </main>
  );
}
