"use client";
/** The sign-in and sign-up form: one component, inline errors, Better Auth underneath. */
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/client/auth-client";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-limits";
import { safeReturnPath } from "@/lib/return-path";
import { type Field, validateCredentials } from "./auth-errors";
import { CheckYourEmail } from "./check-your-email";
import { AuthForm } from "@/components/form/auth-form";
import { TextField } from "@/components/form/text-field";
import { useAuthForm } from "./use-auth-form";

type Mode = "sign-in" | "sign-up";

const copy = {
  "sign-in": { title: "Sign in", submit: "Sign in", busy: "Signing in…", switchText: "New here?", switchLink: "Create an account", switchHref: "/sign-up" },
  "sign-up": { title: "Create your account", submit: "Create account", busy: "Creating account…", switchText: "Already have an account?", switchLink: "Sign in", switchHref: "/sign-in" },
} as const;

export function CredentialsForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const returnTo = safeReturnPath(useSearchParams().get("next"));
  const text = copy[mode];
  const fields: Field[] = mode === "sign-up" ? ["name", "email", "password"] : ["email"];
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [awaitingVerification, setAwaitingVerification] = useState<string | null>(null);
  const form = useAuthForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = { name: String(data.get("name") ?? ""), email: String(data.get("email") ?? "").trim(), password: String(data.get("password") ?? "") };
    const found = validateCredentials(values, fields);
    setProblems(found);
    form.setError(null);
    if (Object.keys(found).length > 0) return;
    const outcome = await form.run((fetchOptions) =>
      mode === "sign-up"
        ? authClient.signUp.email({ name: values.name.trim(), email: values.email, password: values.password, fetchOptions })
        : authClient.signIn.email({ email: values.email, password: values.password, fetchOptions }),
    );
    if (!outcome.ok) return;
    // With email verification on, Better Auth creates the account but no session until the link is opened.
    if (outcome.data?.token === null) {
      setAwaitingVerification(values.email);
      return;
    }
    router.replace(returnTo);
    router.refresh();
  }

  if (awaitingVerification) return <CheckYourEmail email={awaitingVerification} />;

  return (
    <main className="auth-card">
      <h1>{text.title}</h1>
      <AuthForm form={form} onSubmit={onSubmit} submit={text.submit} busy={text.busy}>
        {mode === "sign-up" && <TextField name="name" label="Name" autoComplete="name" problem={problems.name} maxLength={NAME_MAX} />}
        <TextField name="email" label="Email" type="email" autoComplete="email" problem={problems.email} maxLength={EMAIL_MAX} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          problem={problems.password}
          hint={mode === "sign-up" ? `At least ${PASSWORD_MIN} characters.` : undefined}
          maxLength={PASSWORD_MAX}
        />
        {mode === "sign-in" && (
          <p className="forgot">
            <Link href="/forgot-password">Forgot password?</Link>
          </p>
        )}
      </AuthForm>
      <p className="switch">
        {text.switchText} <Link href={text.switchHref}>{text.switchLink}</Link>
      </p>
    </main>
  );
}
