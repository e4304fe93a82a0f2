/**
 * The frontend's HTTP server: Next.js behind a Node server of our own, so the client's address comes from
 * the socket (or a trusted proxy) and not from a header the client chose (server/client-address.ts).
 * `node --import tsx server.ts --dev` is `next dev`, without `--dev` it is `next start`; SIGTERM drains
 * begun requests. tsx is a loader here, not a launcher: its CLI runs the server as a child and answers a
 * SIGTERM with SIGKILL when the child is too busy (hashing a password) to report the signal in 30 ms.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { settleClientAddress, trustedProxies } from "./server/client-address";

const { values: options } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string" },
  },
});
const dev = options.dev;
const port = Number(options.port);
const dir = import.meta.dirname;
// Read before Next starts, so TRUSTED_PROXIES may live in .env.local like every other setting.
nextEnv.loadEnvConfig(dir, dev);
const trust = trustedProxies(process.env.TRUSTED_PROXIES);
// Next reads NODE_ENV as it loads; `next dev` and `next start` set it the same way.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", TASKS_FRONTEND_SERVER: "1" });

const { default: next } = await import("next");
const app = next({ dev, dir, hostname: options.hostname, port, turbopack: dev });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

const server = createServer((request, response) => {
  settleClientAddress(request, trust);
  void handle(request, response);
});
// next dev's hot reload talks over a WebSocket.
server.on("upgrade", (request, socket, head) => {
  settleClientAddress(request, trust);
  void upgrade(request, socket, head);
});
server.listen(port, options.hostname, () => {
  console.log(`▲ Next.js ${dev ? "dev server" : "server"} on http://${options.hostname ?? "localhost"}:${port}`);
});

let stopping = false;
/**
 * Stops taking connections, lets begun requests finish (10 s at most), then exits. A second signal
 * changes nothing: a supervisor that signals the whole process group (systemd, `kill -- -pid`) or
 * relays the signal it got (npm) sends more than one, and Node's default for it would be an abrupt exit.
 */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the requests in progress, then stopping`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
