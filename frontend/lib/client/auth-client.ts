/**
 * The browser's Better Auth client; `jwtClient()` adds `token()`, which mints the API's bearer token, and
 * `deviceAuthorizationClient()` the calls of the /device page that approves a terminal's sign-in.
 */
import { deviceAuthorizationClient, jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({ plugins: [jwtClient(), deviceAuthorizationClient()] });
