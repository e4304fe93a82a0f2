/**
 * CPU time the server processes spend, read from /proc: unlike req/s, CPU µs per request does not
 * change when other work on a shared machine takes cores away, so it shows a cost through the noise.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/stat on Linux

/** Every process with a socket listening on the URL's port: uvicorn's workers share its socket. */
function listeners(url: string): number[] {
  const output = execFileSync("ss", ["-ltnpH", `sport = :${new URL(url).port}`], { encoding: "utf8" });
  return [...new Set([...output.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1])))];
}

/** A reader of the user + system CPU seconds used so far by the server listening at `url`, or null off Linux. */
export function cpuSeconds(url: string): (() => number) | null {
  try {
    const pids = listeners(url);
    if (pids.length === 0) return null;
    return () =>
      pids.reduce((total, pid) => {
        // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return total + (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      }, 0);
  } catch {
    return null;
  }
}
