/** `npm run scale-out`: runs the two-of-everything cluster on http://127.0.0.1:8080 (or SCALE_OUT_PORT) until Ctrl-C. */
import { ensureBuilt, startCluster } from "./cluster";

const port = Number(process.env.SCALE_OUT_PORT ?? 8080);
ensureBuilt();
console.log("==> Starting 2 FastAPI + 2 Next.js instances behind nginx (fresh PostgreSQL databases tasks_scale and auth_scale, Redis)");
const cluster = await startCluster({
  name: "scale",
  port,
  rateLimit: "on",
  databases: { tasks: "tasks_scale", auth: "auth_scale" },
});
console.log(`==> Open ${cluster.url}  (logs in e2e/artifacts/logs/scale-*.log; Ctrl-C stops everything)`);
const shutdown = async () => {
  console.log("\n==> Stopping (each service drains its in-flight requests)");
  await cluster.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
