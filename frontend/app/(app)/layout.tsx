import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AppProviders } from "@/components/providers/app-providers";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { env } from "@/lib/server/env";
import { getSession } from "@/lib/server/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  // Each page checks the session itself and redirects with its own return path; the layout only decorates.
  if (!session) return children;
  const { user } = session;
  return (
    // Keyed by user, so nothing cached for one account survives into another's.
    <AppProviders key={user.id} apiUrl={env().NEXT_PUBLIC_API_URL}>
      <header className="topbar">
        {/* Plain links, not next/link: its client code was 3 KB of every signed-in page's first-load JS, and these
            pages render on the server anyway. They never prefetch, so a prefetched redirect (a session just ended)
            cannot replace the sign-in return path. */}
        <a href="/tasks" className="brand">
          Tasks
        </a>
        <ThemeToggle />
        <a href="/account" className="who" aria-label={`Account settings for ${user.name || user.email}`}>
          {user.name || user.email}
        </a>
        <SignOutButton />
      </header>
      {children}
    </AppProviders>
  );
}
