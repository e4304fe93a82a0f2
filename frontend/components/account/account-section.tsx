/** One titled card of the account page; the heading names the region for screen-reader navigation. */
import type { ReactNode } from "react";

type AccountSectionProps = { id: string; title: string; intro?: ReactNode; danger?: boolean; children: ReactNode };

export function AccountSection({ id, title, intro, danger = false, children }: AccountSectionProps) {
  return (
    <section className={danger ? "panel danger-zone" : "panel"} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p className="muted intro">{intro}</p>}
      {children}
    </section>
  );
}
