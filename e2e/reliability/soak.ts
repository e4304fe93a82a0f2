/**
 * `npm run soak`: 50 virtual users sign up and work on their tasks for 5 minutes against the
 * scale-out cluster (`--ci`: 60 s), then every user's tasks are compared with its model.
 * Exits non-zero on any 5xx, failed operation, lost or extra write, or cross-user row.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { agent } from "../accounts";
import { logDir } from "../stack";
import { assertNoLeaks } from "../log-scan";
import { ensureBuilt, POSTGRES, startCluster } from "./cluster";
import { runLoad, verify } from "./load";
import { figures, printFigures } from "./report";

const ci = process.argv.includes("--ci");
const users = 50;
const durationMs = (ci ? 60 : 300) * 1000;
// A ceiling on each user's loop besides the clock, far above what the time allows.
const maxOpsPerUser = 100_000;
const databases = { tasks: "tasks_soak", auth: "auth_soak" };

ensureBuilt();
console.log(`==> Starting the cluster (2 API + 2 web behind nginx; PostgreSQL ${databases.tasks}/${databases.auth}; Redis)`);
const cluster = await startCluster({ name: "soak", databases });
let failed = true;
try {
  console.log(`==> ${users} virtual users for ${durationMs / 1000} s against ${cluster.url}`);
  const run = await runLoad({ url: cluster.url, users, durationMs, maxOpsPerUser });
  console.log("==> Comparing every user's tasks in PostgreSQL with its model");
  const check = await verify(run, `${POSTGRES}/${databases.tasks}`);
  const result = figures(run, check);
  printFigures(`Soak (${ci ? "CI, 60 s" : "full, 5 min"})`, result);
  const problems = [...run.signUpFailures, ...run.users.flatMap((user) => user.mismatches), ...check.problems];
  for (const problem of problems.slice(0, 20)) console.log(`  ! ${problem}`);
  mkdirSync(logDir, { recursive: true });
  writeFileSync(path.join(logDir, "..", `soak-${ci ? "ci" : "full"}.json`), `${JSON.stringify(result, null, 2)}\n`);
  // The databases are fresh, so every row must also belong to one of this run's users.
  failed = problems.length > 0 || result.serverErrors > 0 || result.crossUserRows > 0 || check.unknownOwners > 0 || result.virtualUsers !== users;
} finally {
  await cluster.stop();
  await agent.close();
}
console.log("==> Searching every log of the run for the secret and for tokens");
assertNoLeaks(cluster.logs(), [cluster.plan.secret]);
console.log(failed ? "\nSOAK FAILED" : "\nSoak passed: nothing lost, nothing duplicated, no 5xx, no cross-user rows.");
process.exit(failed ? 1 : 0);
