"use client";
/** The sign-in and sign-up form: one component, inline errors, Better Auth underneath. */
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { describeAuthError, type Field, UNREACHABLE, validateCredentials } from "./auth-errors";

type Mode = "sign-in" | "sign-up";

const copy = {
  "sign-in": { title: "Sign in", submit: "Sign in", busy: "Signing in…", switchText: "New here?", switchLink: "Create an account", switchHref: "/sign-up" },
  "sign-up": { title: "Create your account", submit: "Create account", busy: "Creating account…", switchText: "Already have an account?", switchLink: "Sign in", switchHref: "/sign-in" },
} as const;

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/tasks";
}

export function CredentialsForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const returnTo = safeReturnPath(useSearchParams().get("next"));
  const text = copy[mode];
  const fields: Field[] = mode === "sign-up" ? ["name", "email", "password"] : ["email"];
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") };
    const found = validateCredentials(values, fields);
    setProblems(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { error } =
        mode === "sign-up"
          ? await authClient.signUp.email({ name: values.name.trim(), email: values.email, password: values.password })
          : await authClient.signIn.email({ email: values.email, password: values.password });
      if (error) {
        setFormError(describeAuthError(error));
        return;
      }
      router.replace(returnTo);
      router.refresh();
    } catch {
      setFormError(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-card">
      <h1>{text.title}</h1>
      <form onSubmit={onSubmit} noValidate aria-describedby={formError ? "form-error" : undefined}>
        {mode === "sign-up" && <TextField name="name" label="Name" autoComplete="name" problem={problems.name} />}
        <TextField name="email" label="Email" type="email" autoComplete="email" problem={problems.email} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          problem={problems.password}
          hint={mode === "sign-up" ? "At least 8 characters." : undefined}
        />
        {formError && (
          <p id="form-error" className="form-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? text.busy : text.submit}
        </button>
      </form>
      <p className="switch">
        {text.switchText} <Link href={text.switchHref}>{text.switchLink}</Link>
      </p>
    </main>
  );
}

type TextFieldProps = { name: Field; label: string; type?: string; autoComplete: string; problem?: string; hint?: string };

function TextField({ name, label, type = "text", autoComplete, problem, hint }: TextFieldProps) {
  const describedBy = problem ? `${name}-problem` : hint ? `${name}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type={type} autoComplete={autoComplete} aria-invalid={problem ? true : undefined} aria-describedby={describedBy} />
      {problem ? (
        <p id={`${name}-problem`} className="field-problem">
          {problem}
        </p>
      ) : (
        hint && (
          <p id={`${name}-hint`} className="field-hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
