/** Turns a load run and its verification into the figures the soak and fault tests report. */
import type { LoadRun, Verification } from "./load";

export type Figures = {
  virtualUsers: number;
  durationSeconds: number;
  operations: number;
  requests: number;
  throughputOpsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  serverErrors: number;
  networkErrors: number;
  retries: number;
  failedOperations: number;
  lostWrites: number;
  extraTasks: number;
  changedTasks: number;
  crossUserRows: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function figures(run: LoadRun, check: Verification): Figures {
  const sorted = [...run.stats.latencies].sort((a, b) => a - b);
  const serverErrors = [...run.stats.statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    virtualUsers: run.users.length,
    durationSeconds: round(run.elapsedMs / 1000),
    operations: run.operations,
    requests: sorted.length,
    throughputOpsPerSecond: round(run.operations / (run.elapsedMs / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    serverErrors,
    networkErrors: run.stats.networkErrors,
    retries: run.stats.retries,
    failedOperations: run.users.reduce((sum, user) => sum + user.mismatches.length, 0) + run.signUpFailures.length,
    lostWrites: check.lost,
    extraTasks: check.extra,
    changedTasks: check.changed,
    crossUserRows: check.crossUser,
  };
}

export function printFigures(title: string, result: Figures) {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(result)) console.log(`  ${name.padEnd(24)} ${value}`);
}
