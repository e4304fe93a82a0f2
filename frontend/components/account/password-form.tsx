"use client";
/** Changes the password (the current one proves it is really the owner) and can sign out every other device. */
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { validateCredentials } from "@/components/auth/auth-errors";
import { AuthForm } from "@/components/form/auth-form";
import { TextField } from "@/components/form/text-field";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { authClient } from "@/lib/client/auth-client";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth-limits";
import { AccountSection } from "./account-section";

type Problems = { current?: string; next?: string };

export function PasswordForm() {
  const router = useRouter();
  const [problems, setProblems] = useState<Problems>({});
  const form = useAuthForm();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = event.currentTarget;
    const data = new FormData(fields);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const found: Problems = {
      current: currentPassword ? undefined : "Enter your current password.",
      next: validateCredentials({ password: newPassword }, ["password"]).password,
    };
    setProblems(found);
    if (found.current || found.next) return;
    const revokeOtherSessions = data.get("revokeOtherSessions") === "on";
    const outcome = await form.run((fetchOptions) => authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions, fetchOptions }));
    if (!outcome.ok) return;
    fields.reset();
    form.setSuccess(revokeOtherSessions ? "Password changed. Your other devices are signed out." : "Password changed.");
    router.refresh();
  }

  return (
    <AccountSection id="password" title="Password">
      <AuthForm form={form} onSubmit={onSubmit} submit="Change password" busy="Changing…">
        <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" problem={problems.current} />
        <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" problem={problems.next} hint={`At least ${PASSWORD_MIN} characters.`} maxLength={PASSWORD_MAX} />
        <div className="check">
          <input id="revoke-other-sessions" name="revokeOtherSessions" type="checkbox" defaultChecked />
          <label htmlFor="revoke-other-sessions">Sign out my other devices</label>
        </div>
      </AuthForm>
    </AccountSection>
  );
}
