"use client";
import { useState } from "react";
import { loadFresh } from "@/lib/client/navigate";
import { useCancelQueries } from "@/lib/client/queries";

export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  const cancelQueries = useCancelQueries();

  async function signOut() {
    setFailed(false);
    try {
      // A list refresh still waiting for its token would otherwise meet the ended session and send the
      // person to sign in "and back to their tasks", overtaking the plain sign-in page below.
      cancelQueries();
      // Loaded on click: the signed-in pages' first screen does not need the auth client.
      const { authClient } = await import("@/lib/client/auth-client");
      const { error } = await authClient.signOut();
      if (error) throw error;
      loadFresh("/sign-in");
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      <button type="button" className="ghost" onClick={signOut}>
        Sign out
      </button>
      {failed && (
        <span role="alert" className="inline-error">
          {"Couldn't sign out. Try again."}
        </span>
      )}
    </>
  );
}
