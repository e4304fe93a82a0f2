import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found · Tasks" };

/** Any address the app does not have: said plainly, with the way back. */
export default function NotFound() {
  return (
    <div className="landing">
      <main className="landing-card">
        <p className="muted">Error 404</p>
        <h1>This page doesn’t exist</h1>
        <p className="lead">The link may be mistyped, or the page may have moved.</p>
        <div className="actions">
          <Link className="button primary" href="/">
            Go to the start page
          </Link>
        </div>
      </main>
    </div>
  );
}
