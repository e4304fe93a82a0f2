/** Deletes a user's tasks through the task API just before Better Auth deletes the account itself. */
import { APIError } from "better-auth/api";
import { createApiClient } from "./api";

/**
 * Better Auth runs this after it has checked the password and before it removes the user, so a
 * wrong password deletes nothing and a task API that is down keeps the account (and its tasks).
 */
export function deleteTasksFirst(apiUrl: string) {
  return async (_user: unknown, request?: Request) => {
    if (!request) throw new APIError("BAD_REQUEST", { message: "Account deletion must come from the signed-in user's browser." });
    // Imported late because ./auth builds its configuration from the module that uses this hook.
    const { getAuth } = await import("./auth");
    try {
      const { token } = await getAuth().api.getToken({ headers: request.headers });
      await createApiClient({ baseUrl: apiUrl, fetchToken: async () => token }).tasks.removeAll();
    } catch (error) {
      console.error("account deletion: could not delete the user's tasks", error);
      throw new APIError("BAD_GATEWAY", { code: "TASKS_NOT_DELETED", message: "Couldn't delete your tasks, so your account was kept." });
    }
  };
}
