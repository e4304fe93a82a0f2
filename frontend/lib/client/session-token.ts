/** The browser's source of the API's bearer token: the signed-in user's JWT from Better Auth's `/api/auth/token`. */

/** Mints the signed-in user's JWT through Better Auth's `/api/auth/token`; null when signed out. */
export async function fetchSessionToken(): Promise<string | null> {
  // Loaded with the first API call, not with the page: the task list arrives in the HTML without it.
  const { authClient } = await import("./auth-client");
  const result = await authClient.token().catch(() => {
    throw new Error("Can't reach the sign-in service to get a token. Check your connection and try again.");
  });
  if (result.error) {
    if (result.error.status === 401) return null;
    throw new Error(`The sign-in service could not issue a token (${result.error.status}).`);
  }
  return result.data.token;
}
