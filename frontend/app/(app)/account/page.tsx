import type { Metadata } from "next";
import { activeSessions } from "@/lib/server/active-sessions";
import { DeleteAccount } from "@/components/account/delete-account";
import { EmailReminders } from "@/components/account/email-reminders";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SessionList } from "@/components/account/session-list";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Your account · Tasks" };

export default async function AccountPage() {
  const { user, session } = await requireSession("/account");
  return (
    <main className="container account">
      <h1>Your account</h1>
      <ProfileForm name={user.name} email={user.email} />
      <PasswordForm />
      <EmailReminders />
      <SessionList sessions={await activeSessions(session.token)} />
      <DeleteAccount />
    </main>
  );
}
