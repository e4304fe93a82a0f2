import type { Metadata } from "next";
import { redirectSignedIn } from "@/lib/server/guest-only";
import { LinkProblem } from "@/components/auth/link-problem";

export const metadata: Metadata = { title: "Confirm your email · Tasks" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

/**
 * Where emailed verification links land. A good link signs the person in, so they go on to their
 * tasks; whoever is still here holds a bad link or opened the page by hand.
 */
export default async function VerifyEmailPage({ searchParams }: Props) {
  await redirectSignedIn();
  const { error } = await searchParams;
  const expired = error === "TOKEN_EXPIRED";
  return (
    <LinkProblem
      title={error ? "This confirmation link doesn't work" : "Confirm your email"}
      explanation={
        error
          ? `${expired ? "It has expired." : "It is broken or was meant for another account."} Sign in and we'll email you a fresh one.`
          : "Open the link we emailed you to confirm your address. Signing in sends a fresh one."
      }
      next={{ href: "/sign-in", label: "Sign in" }}
    />
  );
}
