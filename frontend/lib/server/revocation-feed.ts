import "server-only";
/**
 * A Better Auth plugin that publishes what the API must stop accepting, beside the JWKS: revoked
 * sessions and user cutoffs, at GET /api/auth/revocations. The API follows it in the background, so a
 * signed-out session's JWT is refused within a second instead of living out its 15 minutes.
 *
 * The feed is public, like the JWKS, and hands out nothing usable: sessions and users appear as SHA-256
 * digests of their random ids (the API computes the same digest of a token's `sid` and `sub`). Only a
 * deleted account appears by its id, so the API can remove any task still written under it.
 */
import { createHash } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint, createAuthMiddleware } from "better-auth/api";
import { getCurrentAdapter } from "@better-auth/core/context";
import { z } from "zod";

export type RevocationKind = "session" | "user" | "deleted-user";
/** One entry as the API reads it; `before` (seconds) is a user cutoff: tokens issued earlier are refused. */
export type Revocation = { id: string; kind: RevocationKind; subject: string; before: number | null; createdAt: number };

type Row = { id: string; kind: RevocationKind; subject: string; before: number | null; createdAt: Date; expiresAt: Date };
type Adapter = Awaited<ReturnType<typeof getCurrentAdapter>>;

/** At most this many entries per answer; `more` tells the reader to ask again from the last one's time. */
export const PAGE_SIZE = 500;
const PURGE_EVERY_MS = 60_000;

export const digest = (id: string) => createHash("sha256").update(id).digest("base64url");

const schema = {
  revocation: {
    fields: {
      kind: { type: "string", required: true },
      subject: { type: "string", required: true },
      before: { type: "number", required: false },
      createdAt: { type: "date", required: true, index: true },
      expiresAt: { type: "date", required: true },
    },
  },
} as const;

const toEntry = (row: Row): Revocation => ({ id: row.id, kind: row.kind, subject: row.subject, before: row.before ?? null, createdAt: new Date(row.createdAt).getTime() });

/**
 * The plugin, and the password-reset callback that belongs to it (Better Auth reports a reset only
 * there). `keepSeconds`: how long an entry is published, at least the longest token lifetime plus the
 * API's leeway; after that every token it could refuse has expired anyway.
 */
export function createRevocationFeed({ keepSeconds, pageSize = PAGE_SIZE }: { keepSeconds: number; pageSize?: number }) {
  let baseAdapter: Adapter | undefined;
  let nextPurge = 0;

  async function record(kind: RevocationKind, subject: string, before: number | null = null) {
    // Inside the transaction of the delete that caused it, when there is one: both land, or neither.
    const adapter = await getCurrentAdapter(baseAdapter!);
    const now = Date.now();
    await adapter.create({ model: "revocation", data: { kind, subject, before, createdAt: new Date(now), expiresAt: new Date(now + keepSeconds * 1000) } });
  }

  async function purge(adapter: Adapter, now: number) {
    if (now < nextPurge) return;
    nextPurge = now + PURGE_EVERY_MS;
    await adapter.deleteMany({ model: "revocation", where: [{ field: "expiresAt", operator: "lt", value: new Date(now) }] });
  }

  // Whole seconds, as `iat` is: a token issued in the same second before the cutoff is still refused
  // through its session's own entry, which every revocation also writes.
  const cutOff = (userId: string) => record("user", digest(userId), Math.floor(Date.now() / 1000));

  const plugin = {
    id: "revocation-feed",
    schema,
    init(ctx) {
      // Without the database, Better Auth never reports a deleted session, and sign-out would not reach the API.
      if (ctx.options.secondaryStorage && !ctx.options.session?.storeSessionInDatabase) {
        throw new Error("The revocation feed needs sessions in the database: set session.storeSessionInDatabase with secondaryStorage.");
      }
      baseAdapter = ctx.adapter as Adapter;
      return {
        options: {
          databaseHooks: {
            // Before, not after: the entry then commits with the deletion, and no crash can come between.
            session: { delete: { before: async (session: { id: string }) => void (await record("session", digest(session.id))) } },
            user: { delete: { after: async (user: { id: string }) => void (await record("deleted-user", user.id)) } },
          },
        },
      };
    },
    hooks: {
      after: [
        {
          // "Sign out everywhere": every token of this user issued until now, whichever session it came from.
          matcher: (context) => context.path === "/revoke-sessions",
          handler: createAuthMiddleware(async (context) => {
            const userId = context.context.session?.user.id;
            if (userId) await cutOff(userId);
          }),
        },
      ],
    },
    endpoints: {
      getRevocations: createAuthEndpoint(
        "/revocations",
        {
          method: "GET",
          // `since`: milliseconds; entries created at or after it (a reader pages on by the last entry's
          // time, so one sharing that millisecond is not skipped; it dedupes by id). Absent: every entry.
          query: z.object({ since: z.coerce.number().int().nonnegative().optional() }),
          metadata: { openapi: { description: "Revoked sessions and user cutoffs the API must honour" } },
        },
        async (context) => {
          const adapter = context.context.adapter as Adapter;
          const now = Date.now();
          await purge(adapter, now);
          const rows = (await adapter.findMany({
            model: "revocation",
            where: [
              { field: "createdAt", operator: "gte", value: new Date(context.query.since ?? 0) },
              { field: "expiresAt", operator: "gt", value: new Date(now) },
            ],
            sortBy: { field: "createdAt", direction: "asc" },
            limit: pageSize,
          })) as Row[];
          return context.json({ now, keepSeconds, more: rows.length === pageSize, entries: rows.map(toEntry) });
        },
      ),
    },
  } satisfies BetterAuthPlugin;

  return { plugin, onPasswordReset: async ({ user }: { user: { id: string } }) => void (await cutOff(user.id)) };
}
