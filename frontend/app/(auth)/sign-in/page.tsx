import type { Metadata } from "next";
import { Suspense } from "react";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { redirectSignedIn } from "@/components/auth/guest-only";

export const metadata: Metadata = { title: "Sign in · Tasks" };

export default async function SignInPage() {
  await redirectSignedIn();
  return (
    <Suspense>
      <CredentialsForm mode="sign-in" />
    </Suspense>
  );
}
