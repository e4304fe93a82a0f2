import "server-only";
/** Server-side session checks for pages: one real Better Auth lookup per request, shared by layout and page. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";

export const getSession = cache(async () => {
  // Reading the headers first marks the page dynamic before anything touches the auth database.
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders });
});

/** Returns the session, or sends a signed-out visitor to sign in and back to `returnTo` afterwards. */
export async function requireSession(returnTo: string) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}
