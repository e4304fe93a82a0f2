import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/server/session";

type Props = { searchParams: Promise<{ account?: string | string[] }> };

/** What the app is, for people who are not signed in; everyone else goes straight to their tasks. */
export default async function Home({ searchParams }: Props) {
  if (await getSession()) redirect("/tasks");
  const { account } = await searchParams;
  return (
    <div className="landing">
      <main className="landing-card">
        {account === "deleted" && (
          <p role="status" className="notice">
            Your account and all of its tasks have been deleted.
          </p>
        )}
        <h1>Tasks</h1>
        <p className="lead">A to-do list that is yours alone: write down what needs doing, tick it off, and pick it up again from any browser.</p>
        <ul className="features">
          <li>
            <strong>Private.</strong> Only you ever see your tasks.
          </li>
          <li>
            <strong>Everywhere.</strong> Sign in on your laptop and your phone; see where you are signed in and sign out remotely.
          </li>
          <li>
            <strong>Yours to remove.</strong> Delete your account and every task goes with it.
          </li>
        </ul>
        <div className="actions">
          <Link className="button primary" href="/sign-up">
            Create an account
          </Link>
          <Link className="button" href="/sign-in">
            Sign in
          </Link>
        </div>
      </main>
    </div>
  );
}
