import type { Metadata } from "next";
import { LinkProblem } from "@/components/auth/link-problem";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password · Tasks" };

type Props = { searchParams: Promise<{ token?: string | string[]; error?: string | string[] }> };

/** The emailed link passes through Better Auth, which lands here with `?token=…`, or `?error=…` when the link is bad. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  if (typeof token !== "string" || !token) {
    return (
      <LinkProblem
        title="This reset link doesn't work"
        explanation="It has expired, was already used, or got cut off. Reset links work once, for one hour."
        next={{ href: "/forgot-password", label: "Get a new reset link" }}
      />
    );
  }
  return <ResetPasswordForm token={token} />;
}
