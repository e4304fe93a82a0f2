/** Builds the frontend, starts one stack for the whole run and hands its URLs to the tests; afterwards, checks the logs. */
import { assertNoLeaks, logFiles } from "./log-scan";
import { buildFrontend, type JwtMode, logDir, startStack } from "./stack";

export default async function globalSetup() {
  buildFrontend();
  const stack = await startStack({ jwtMode: (process.env.E2E_JWT_MODE as JwtMode | undefined) ?? "shared-secret", name: "e2e" });
  // Workers start after this and inherit the environment, which is how the tests find the stack.
  process.env.E2E_WEB_URL = stack.webUrl;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_OUTBOX_DIR = stack.outboxDir;
  process.env.E2E_TASKS_DB = stack.tasksDatabase;
  return async () => {
    await stack.stop();
    // Every server log of the run, this stack's and those the tests started: no secret, no token.
    assertNoLeaks(logFiles(logDir), [stack.secret]);
  };
}
