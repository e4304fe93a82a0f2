/** Load and latency probes: autocannon for throughput under concurrency, a sequential loop for precise p50s. */
import http from "node:http";
import autocannon, { type Options } from "autocannon";

export type Throughput = { rps: number; p50: number; p99: number; ok: number; failed: number };
export type Request = Pick<Options, "url" | "headers" | "method" | "body">;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * One autocannon run, for `seconds` or, given `amount`, until that many requests are answered.
 * Anything but a 2xx, a socket error or a timeout counts as failed.
 */
export async function throughput(request: Request, connections: number, seconds: number, amount?: number): Promise<Throughput> {
  const result = await autocannon({ ...request, connections, ...(amount ? { amount } : { duration: seconds }) });
  return {
    // Not requests.average: that averages whole seconds and misreads short runs.
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Medians over `runs` autocannon runs, and the totals of answered and failed requests. */
export async function medianThroughput(request: Request, connections: number, seconds: number, runs: number): Promise<Throughput> {
  const results: Throughput[] = [];
  for (let i = 0; i < runs; i++) results.push(await throughput(request, connections, seconds));
  const sum = (key: "ok" | "failed") => results.reduce((total, r) => total + r[key], 0);
  return { rps: median(results.map((r) => r.rps)), p50: median(results.map((r) => r.p50)), p99: median(results.map((r) => r.p99)), ok: sum("ok"), failed: sum("failed") };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, { agent, headers }, (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`GET ${url} answered ${response.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      })
      .on("error", reject);
  });
}

/**
 * p50 latency in ms of one request repeated back to back on one keep-alive connection: with no
 * queueing, it is the server's own work per request, at microsecond resolution (autocannon rounds to ms).
 */
export async function sequentialP50(url: string, headers: Record<string, string>, requests: number): Promise<number> {
  for (let i = 0; i < 20; i++) await timedGet(url, headers); // warm-up: connections, caches, plans
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await timedGet(url, headers));
  return median(times);
}
