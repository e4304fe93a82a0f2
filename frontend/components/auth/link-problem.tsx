/** The card shown when an emailed link is expired, used or broken, with the way to get a fresh one. */
import Link from "next/link";

type LinkProblemProps = { title: string; explanation: string; next: { href: string; label: string } };

export function LinkProblem({ title, explanation, next }: LinkProblemProps) {
  return (
    <main className="auth-card">
      <h1>{title}</h1>
      <p>{explanation}</p>
      <p className="switch">
        <Link href={next.href}>{next.label}</Link>
      </p>
    </main>
  );
}
