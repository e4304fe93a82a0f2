import "server-only";
/** Deletes a user's tasks through the task API just before Better Auth deletes the account itself. */
import { APIError } from "better-auth/api";
import { createApiClient } from "../api";

/** Mints the API's JWT for the user whose request carries these headers (Better Auth's `api.getToken`). */
export type MintToken = (headers: Headers) => Promise<{ token: string }>;

/**
 * Better Auth runs this after it has checked the password and before it removes the user, so a
 * wrong password deletes nothing and a task API that is down keeps the account (and its tasks).
 * The token comes from `mintToken`, handed in by ./auth, so this module never imports the instance
 * whose configuration uses it.
 */
export function deleteTasksFirst(apiUrl: string, mintToken: MintToken) {
  return async (_user: unknown, request?: Request) => {
    if (!request) throw new APIError("BAD_REQUEST", { message: "Account deletion must come from the signed-in user's browser." });
    try {
      const { token } = await mintToken(request.headers);
      await createApiClient({ baseUrl: apiUrl, fetchToken: async () => token }).tasks.removeAll();
    } catch (error) {
      console.error("account deletion: could not delete the user's tasks", error);
      throw new APIError("BAD_GATEWAY", { code: "TASKS_NOT_DELETED", message: "Couldn't delete your tasks, so your account was kept." });
    }
  };
}
