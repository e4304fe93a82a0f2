"use client";
/** Changes the display name through Better Auth; the email is the sign-in identity and stays as it is. */
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { validateCredentials } from "@/components/auth/auth-errors";
import { AuthForm } from "@/components/form/auth-form";
import { TextField } from "@/components/form/text-field";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { authClient } from "@/lib/client/auth-client";
import { NAME_MAX } from "@/lib/auth-limits";
import { AccountSection } from "./account-section";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | undefined>();
  const form = useAuthForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newName = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    const found = validateCredentials({ name: newName }, ["name"]).name;
    setProblem(found);
    if (found) return;
    const outcome = await form.run((fetchOptions) => authClient.updateUser({ name: newName, fetchOptions }));
    if (!outcome.ok) return;
    form.setSuccess("Name saved.");
    // The header shows the name too, and it is rendered on the server.
    router.refresh();
  }

  return (
    <AccountSection id="profile" title="Profile" intro={<>You sign in as <strong>{email}</strong>.</>}>
      <AuthForm form={form} onSubmit={onSubmit} submit="Save name" busy="Saving…">
        <TextField name="name" label="Name" autoComplete="name" defaultValue={name} problem={problem} maxLength={NAME_MAX} />
      </AuthForm>
    </AccountSection>
  );
}
