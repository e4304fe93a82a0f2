import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AppProviders } from "@/components/providers/app-providers";
import { env } from "@/lib/env";
import { requireSession } from "@/lib/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession("/tasks");
  return (
    // Keyed by user, so nothing cached for one account survives into another's.
    <AppProviders key={user.id} apiUrl={env().NEXT_PUBLIC_API_URL}>
      <header className="topbar">
        <span className="brand">Tasks</span>
        <span className="who">{user.name || user.email}</span>
        <SignOutButton />
      </header>
      {children}
    </AppProviders>
  );
}
