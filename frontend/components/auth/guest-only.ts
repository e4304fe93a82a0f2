/** For pages only signed-out people need (sign in, sign up, email confirmation): everyone else goes to their tasks. */
import { redirect } from "next/navigation";
import { getSession } from "@/lib/session";

export async function redirectSignedIn() {
  if (await getSession()) redirect("/tasks");
}
