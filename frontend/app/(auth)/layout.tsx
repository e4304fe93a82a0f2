import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "@/lib/session";

/** Signed-in people have nothing to do on the sign-in and sign-up pages. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getSession()) redirect("/tasks");
  return <div className="auth-page">{children}</div>;
}
