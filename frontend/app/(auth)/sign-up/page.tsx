import type { Metadata } from "next";
import { Suspense } from "react";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { redirectSignedIn } from "@/lib/server/guest-only";

export const metadata: Metadata = { title: "Create account · Tasks" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  await redirectSignedIn((await searchParams).next);
  return (
    <Suspense>
      <CredentialsForm mode="sign-up" />
    </Suspense>
  );
}
