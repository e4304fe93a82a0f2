/** The server's Better Auth instance, built on first use so `next build` needs no secret or database. */
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { authOptions } from "./auth-options";
import { env } from "./env";

function createAuth() {
  const options = authOptions(env());
  // nextCookies() stays last so it sees every cookie the other plugins set.
  return betterAuth({ ...options, plugins: [...options.plugins, nextCookies()] });
}

let instance: ReturnType<typeof createAuth> | undefined;

export function getAuth() {
  instance ??= createAuth();
  return instance;
}
