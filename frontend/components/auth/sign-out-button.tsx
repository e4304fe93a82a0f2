"use client";
import { useState } from "react";
import { loadFresh } from "@/lib/navigate";

export function SignOutButton() {
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setFailed(false);
    try {
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
