"use client";
/** Asks Better Auth to email a password-reset link; the answer is the same whether or not the account exists. */
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/client/auth-client";
import { EMAIL_MAX } from "@/lib/auth-limits";
import { validateCredentials } from "./auth-errors";
import { AuthForm } from "@/components/form/auth-form";
import { TextField } from "@/components/form/text-field";
import { useAuthForm } from "./use-auth-form";

export function ForgotPasswordForm() {
  const [problem, setProblem] = useState<string | undefined>();
  const form = useAuthForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const found = validateCredentials({ email }, ["email"]).email;
    setProblem(found);
    if (found) return;
    const outcome = await form.run((fetchOptions) => authClient.requestPasswordReset({ email, redirectTo: "/reset-password", fetchOptions }));
    if (outcome.ok) form.setSuccess(`If an account exists for ${email}, we've sent it a link to reset the password. Check your email.`);
  }

  return (
    <main className="auth-card">
      <h1>Forgot your password?</h1>
      <p className="muted intro">Enter your email and we&apos;ll send you a link to choose a new password.</p>
      <AuthForm form={form} onSubmit={onSubmit} submit="Send reset link" busy="Sending…">
        <TextField name="email" label="Email" type="email" autoComplete="email" problem={problem} maxLength={EMAIL_MAX} />
      </AuthForm>
      <p className="switch">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
