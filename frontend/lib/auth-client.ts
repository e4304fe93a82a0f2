/** The browser's Better Auth client; `jwtClient()` adds `token()`, which mints the API's bearer token. */
import { jwtClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({ plugins: [jwtClient()] });
