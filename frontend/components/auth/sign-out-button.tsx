"use client";
import { useState } from "react";
import { authClient } from "@/lib/client/auth-client";
import { loadFresh } from "@/lib/navigate";

export function SignOutButton() {
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setFailed(false);
    try {
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
