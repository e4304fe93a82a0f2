"use client";
/**
 * Deletes the account after the owner types their password. Better Auth checks it, then its
 * `beforeDelete` hook removes the tasks through the task API, and only then the user goes.
 */
import { type FormEvent, useState } from "react";
import { AuthForm } from "@/components/form/auth-form";
import { TextField } from "@/components/form/text-field";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { authClient } from "@/lib/client/auth-client";
import { AccountSection } from "./account-section";
import { loadFresh } from "@/lib/client/navigate";

export function DeleteAccount() {
  const [problem, setProblem] = useState<string | undefined>();
  const form = useAuthForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setProblem(password ? undefined : "Enter your password to confirm.");
    if (!password) return;
    const outcome = await form.run((fetchOptions) => authClient.deleteUser({ password, fetchOptions }));
    if (outcome.ok) loadFresh("/?account=deleted");
  }

  return (
    <AccountSection
      id="delete"
      title="Delete account"
      danger
      intro="This deletes your account and every one of your tasks, for good. There is no undo."
    >
      <AuthForm form={form} onSubmit={onSubmit} submit="Delete my account and tasks" busy="Deleting…" danger>
        <TextField name="password" label="Your password" type="password" autoComplete="current-password" problem={problem} hint="Type it to confirm that you want this." />
      </AuthForm>
    </AccountSection>
  );
}
