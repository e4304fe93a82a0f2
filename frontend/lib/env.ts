/** Server-side configuration, parsed once from the environment and validated. */
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  BETTER_AUTH_SECRET: z
    .string({ error: "BETTER_AUTH_SECRET is missing: run `npm run dev` once to generate it in frontend/.env.local." })
    .min(32, "BETTER_AUTH_SECRET must be at least 32 characters (and equal JWT_SECRET in backend/.env)."),
  BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  NEXT_PUBLIC_API_URL: z.url().default("http://localhost:8000"),
  JWT_MODE: z.enum(["shared-secret", "jwks"]).default("shared-secret"),
  DATABASE_URL: z.string().optional(),
  AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof schema> & { DATABASE_URL: string };

/** Parses an environment; tests and scripts pass their own instead of `process.env`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid frontend configuration:\n${problems.join("\n")}`);
  }
  return {
    ...result.data,
    DATABASE_URL: result.data.DATABASE_URL ?? `file:${path.resolve(process.cwd(), "..", "data", "auth.db")}`,
  };
}

let cached: Env | undefined;

/** The running server's configuration. Reading the whole object keeps Next from inlining values at build time. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
