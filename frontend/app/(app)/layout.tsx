import Link from "next/link";
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
        {/* No prefetch: a prefetched redirect (session just ended) could replace the sign-in return path. */}
        <Link href="/tasks" className="brand" prefetch={false}>
          Tasks
        </Link>
        <ThemeToggle />
        <Link href="/account" className="who" prefetch={false} aria-label={`Account settings for ${user.name || user.email}`}>
          {user.name || user.email}
        </Link>
        <SignOutButton />
      </header>
      {children}
    </AppProviders>
  );
}
