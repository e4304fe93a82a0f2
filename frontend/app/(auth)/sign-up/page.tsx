import type { Metadata } from "next";
import { Suspense } from "react";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { redirectSignedIn } from "@/components/auth/guest-only";

export const metadata: Metadata = { title: "Create account · Tasks" };

export default async function SignUpPage() {
  await redirectSignedIn();
  return (
    <Suspense>
      <CredentialsForm mode="sign-up" />
    </Suspense>
  );
}
