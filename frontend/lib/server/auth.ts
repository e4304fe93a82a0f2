import "server-only";
/** The server's Better Auth instance, built on first use so `next build` needs no secret or database. */
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { authOptions } from "./auth-options";
import { env } from "./env";

function createAuth() {
  // Under plain `next start` a client could choose its own address for the rate limits (server/client-address.ts).
  if (process.env.TASKS_FRONTEND_SERVER !== "1") {
    throw new Error("Start the frontend with `npm start` or `npm run dev` (frontend/server.ts), not `next start` or `next dev`.");
  }
  // Account deletion mints the user's JWT through this very instance, built by then.
  const options = authOptions(env(), (headers) => getAuth().api.getToken({ headers }));
  // nextCookies() stays last so it sees every cookie the other plugins set.
  return betterAuth({ ...options, plugins: [...options.plugins, nextCookies()] });
}

let instance: ReturnType<typeof createAuth> | undefined;

export function getAuth() {
  instance ??= createAuth();
  return instance;
}
