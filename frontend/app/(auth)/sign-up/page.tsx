import type { Metadata } from "next";
import { Suspense } from "react";
import { CredentialsForm } from "@/components/auth/credentials-form";

export const metadata: Metadata = { title: "Create account · Tasks" };

export default function SignUpPage() {
  return (
    <Suspense>
      <CredentialsForm mode="sign-up" />
    </Suspense>
  );
}
