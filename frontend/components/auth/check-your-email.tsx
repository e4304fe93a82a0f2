/** What people see after signing up while email verification is on: where the link went, and what next. */
import Link from "next/link";

export function CheckYourEmail({ email }: { email: string }) {
  return (
    <main className="auth-card">
      <h1>Check your email</h1>
      <p role="status">
        We&apos;ve sent a link to <strong>{email}</strong>. Open it to confirm your address, and you&apos;ll be signed in.
      </p>
      <p className="muted">
        Nothing after a few minutes? Look in your spam folder, or <Link href="/sign-in">sign in</Link> to get a new link.
      </p>
    </main>
  );
}
