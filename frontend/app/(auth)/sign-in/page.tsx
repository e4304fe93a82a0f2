import type { Metadata } from "next";
import { Suspense } from "react";
import { CredentialsForm } from "@/components/auth/credentials-form";

export const metadata: Metadata = { title: "Sign in · Tasks" };

export default function SignInPage() {
  return (
    <Suspense>
      <CredentialsForm mode="sign-in" />
    </Suspense>
  );
}
