import type { ReactNode } from "react";

/**
 * The centred card that every sign-in, sign-up and password page sits in. It lets signed-in people
 * through, because a password reset link has to work for them too; pages that are only for
 * signed-out people send the others on themselves.
 */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="auth-page">{children}</div>;
}
