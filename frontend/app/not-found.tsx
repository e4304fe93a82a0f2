import type { Metadata } from "next";

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
          {/* A plain link: the root not-found is part of every page, so next/link here would add its client code to all of them. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- on purpose, see above */}
          <a className="button primary" href="/">
            Go to the start page
          </a>
        </div>
      </main>
    </div>
  );
}
