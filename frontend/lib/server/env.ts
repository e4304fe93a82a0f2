import "server-only";
/** Server-side configuration, parsed once from the environment and validated. */
import path from "node:path";
import { z } from "zod";

/** A variable left blank, as copied from .env.example, counts as not set. */
const blankIsUnset = <T extends z.ZodType>(type: T) => z.preprocess((value) => (value === "" ? undefined : value), type);

const schema = z.object({
  BETTER_AUTH_SECRET: z
    .string({ error: "BETTER_AUTH_SECRET is missing: run `npm run dev` once to generate it in frontend/.env.local." })
    .min(32, "BETTER_AUTH_SECRET must be at least 32 characters (and equal JWT_SECRET in backend/.env)."),
  BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  NEXT_PUBLIC_API_URL: z.url().default("http://localhost:8000"),
  JWT_MODE: z.enum(["shared-secret", "jwks"]).default("shared-secret"),
  DATABASE_URL: z.string().optional(),
  AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  EMAIL_VERIFICATION: z.enum(["on", "off"]).default("off"),
  SMTP_URL: blankIsUnset(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: blankIsUnset(z.string().default("Tasks <no-reply@localhost>")),
  OUTBOX_DIR: blankIsUnset(z.string().optional()),
  // Where the SQLite databases and the outbox live by default; the API keeps its database there too.
  DATA_DIR: blankIsUnset(z.string().optional()),
  // Set on every instance when more than one runs: sessions and rate limits are then shared through Redis.
  REDIS_URL: blankIsUnset(z.url({ protocol: /^rediss?$/ }).optional()),
  // How long a terminal's sign-in code waits for someone to approve it at /device.
  DEVICE_CODE_LIFETIME_SECONDS: blankIsUnset(z.coerce.number().int().min(5).max(3600).default(600)),
});

export type Env = z.infer<typeof schema> & { DATABASE_URL: string; OUTBOX_DIR: string };

/** Parses an environment; tests and scripts pass their own instead of `process.env`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid frontend configuration:\n${problems.join("\n")}`);
  }
  const dataDir = result.data.DATA_DIR ? path.resolve(result.data.DATA_DIR) : path.resolve(process.cwd(), "..", "data");
  return {
    ...result.data,
    DATABASE_URL: result.data.DATABASE_URL ?? `file:${path.join(dataDir, "auth.db")}`,
    OUTBOX_DIR: result.data.OUTBOX_DIR ?? path.join(dataDir, "outbox"),
  };
}

let cached: Env | undefined;

/** The running server's configuration. Reading the whole object keeps Next from inlining values at build time. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
