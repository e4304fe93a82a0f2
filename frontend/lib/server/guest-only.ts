import "server-only";
/** For pages only signed-out people need (sign in, sign up, email confirmation): everyone else goes on. */
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/return-path";
import { getSession } from "@/lib/server/session";

/** A signed-in visitor goes where `next` asks, if it is one of the app's pages, else to their tasks. */
export async function redirectSignedIn(next?: string | string[]) {
  if (await getSession()) redirect(safeReturnPath(typeof next === "string" ? next : undefined));
}
