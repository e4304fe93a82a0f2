import type { Metadata } from "next";
import { Suspense } from "react";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { redirectSignedIn } from "@/lib/server/guest-only";

export const metadata: Metadata = { title: "Sign in · Tasks" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  await redirectSignedIn((await searchParams).next);
  return (
    <Suspense>
      <CredentialsForm mode="sign-in" />
    </Suspense>
  );
}
