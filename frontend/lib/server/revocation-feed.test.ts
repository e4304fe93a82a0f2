/**
 * The revocation feed on a real Better Auth (in-memory SQLite): which of Better Auth's own ways of ending
 * sessions reach it, what it publishes, and that it never publishes a session token.
 */
import Database from "better-sqlite3";
import { betterAuth } from "better-auth";
import { jwt } from "better-auth/plugins";
import { beforeEach, describe, expect, it } from "vitest";
import { createRevocationFeed, digest, type Revocation } from "./revocation-feed";
import { callAuth, ORIGIN, startTestAuth, TEST_SECRET } from "./test-auth";

const PASSWORD = "correct horse battery";

async function start(keepSeconds = 960, pageSize?: number) {
  const feed = createRevocationFeed({ keepSeconds, pageSize });
  let resetLink = "";
  const auth = await startTestAuth({
    emailAndPassword: {
      enabled: true,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: feed.onPasswordReset,
      sendResetPassword: async ({ url }: { url: string }) => {
        resetLink = url;
      },
    },
    user: { deleteUser: { enabled: true } },
    plugins: [jwt({ jwt: { definePayload: ({ session }) => ({ sid: session.id }) } }), feed.plugin],
  });

  /** A signed-in browser's call: its origin, and its cookie when it has one. */
  function call<Body = Record<string, unknown> | null>(path: string, init: { method?: string; body?: object; cookie?: string } = {}) {
    const headers: Record<string, string> = { origin: ORIGIN, ...(init.cookie ? { cookie: init.cookie } : {}) };
    return callAuth<Body>(auth, path, { method: init.method, body: init.body, headers });
  }

  /** A user with `sessions` sessions; each is the cookie of one signed-in device. */
  async function user(email: string, sessions = 1) {
    const cookies = [(await call("/sign-up/email", { body: { email, password: PASSWORD, name: "Ada" } })).cookie];
    while (cookies.length < sessions) cookies.push((await call("/sign-in/email", { body: { email, password: PASSWORD } })).cookie);
    const listed = (await call<Array<{ id: string; token: string; userId: string }>>("/list-sessions", { cookie: cookies[0] })).body;
    return { cookies, sessions: listed, id: listed[0]!.userId };
  }

  const feedSince = async (since?: number) =>
    (await call<{ now: number; keepSeconds: number; more: boolean; entries: Revocation[] }>(`/revocations${since === undefined ? "" : `?since=${since}`}`)).body;

  return { auth, call, user, feedSince, resetLink: () => resetLink };
}

let app: Awaited<ReturnType<typeof start>>;
beforeEach(async () => {
  app = await start();
});

describe("the revocation feed", () => {
  it("starts empty, and says how long it keeps entries", async () => {
    expect(await app.feedSince()).toMatchObject({ keepSeconds: 960, entries: [] });
  });

  it("publishes a signed-out session as the digest of its id, and never its token", async () => {
    const ada = await app.user("ada@example.test");
    expect((await app.call("/sign-out", { method: "POST", body: {}, cookie: ada.cookies[0] })).status).toBe(200);

    const { entries } = await app.feedSince();
    expect(entries.map(({ kind, subject, before }) => ({ kind, subject, before }))).toEqual([{ kind: "session", subject: digest(ada.sessions[0]!.id), before: null }]);
    const published = JSON.stringify(entries);
    expect(published).not.toContain(ada.sessions[0]!.id);
    expect(published).not.toContain(ada.sessions[0]!.token);
  });

  it("hears of revoke-session and revoke-other-sessions, one entry per session", async () => {
    const ada = await app.user("ada@example.test", 4);
    const current = (await app.call<{ session: { id: string } }>("/get-session", { cookie: ada.cookies[0] })).body.session.id;
    const revokedOne = ada.sessions.find((session) => session.id !== current)!;
    await app.call("/revoke-session", { body: { token: revokedOne.token }, cookie: ada.cookies[0] });
    await app.call("/revoke-other-sessions", { body: {}, cookie: ada.cookies[0] });

    const revoked = (await app.feedSince()).entries.map((entry) => entry.subject);
    const others = ada.sessions.filter((session) => session.id !== current).map((session) => digest(session.id));
    expect(revoked.sort()).toEqual(others.sort());
  });

  it("puts the session's id in the JWT as `sid`, and nothing of its token", async () => {
    const ada = await app.user("ada@example.test");
    const { token } = (await app.call<{ token: string }>("/token", { cookie: ada.cookies[0] })).body;
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims.sid).toBe(ada.sessions[0]!.id);
    expect(token).not.toContain(ada.sessions[0]!.token);
    expect(JSON.stringify(claims)).not.toContain(ada.sessions[0]!.token);
  });

  it("adds a user cutoff to revoke-sessions (every session, the current one too)", async () => {
    const ada = await app.user("ada@example.test", 2);
    const before = Math.floor(Date.now() / 1000);
    await app.call("/revoke-sessions", { body: {}, cookie: ada.cookies[0] });

    const { entries } = await app.feedSince();
    expect(entries.filter((entry) => entry.kind === "session")).toHaveLength(2);
    const cutoff = entries.find((entry) => entry.kind === "user")!;
    expect(cutoff.subject).toBe(digest(ada.id));
    expect(cutoff.before).toBeGreaterThanOrEqual(before);
  });

  it("hears of a password reset: every session, and a cutoff", async () => {
    const ada = await app.user("ada@example.test", 2);
    await app.call("/request-password-reset", { body: { email: "ada@example.test", redirectTo: "/reset-password" } });
    const token = new URL(app.resetLink()).pathname.split("/").pop()!;
    expect((await app.call("/reset-password", { body: { token, newPassword: "another long password" } })).status).toBe(200);

    const kinds = (await app.feedSince()).entries.map((entry) => `${entry.kind}:${entry.subject}`).sort();
    expect(kinds).toEqual([...ada.sessions.map((session) => `session:${digest(session.id)}`), `user:${digest(ada.id)}`].sort());
  });

  it("names a deleted account by its id, after its sessions", async () => {
    const ada = await app.user("ada@example.test");
    expect((await app.call("/delete-user", { body: { password: PASSWORD }, cookie: ada.cookies[0] })).status).toBe(200);

    const entries = (await app.feedSince()).entries;
    expect(entries.map((entry) => entry.kind).sort()).toEqual(["deleted-user", "session"]);
    expect(entries.find((entry) => entry.kind === "deleted-user")!.subject).toBe(ada.id);
  });

  it("answers what came at or after `since`, oldest first, a page at a time", async () => {
    app = await start(960, 2);
    const ada = await app.user("ada@example.test", 4);
    for (const session of ada.sessions.slice(1)) {
      await app.call("/revoke-session", { body: { token: session.token }, cookie: ada.cookies[0] });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const subjects = ada.sessions.slice(1).map((session) => digest(session.id));

    // As the API reads it: from the last entry of each full page, which the next one repeats.
    const pages = [await app.feedSince()];
    while (pages.at(-1)!.more) pages.push(await app.feedSince(pages.at(-1)!.entries.at(-1)!.createdAt));
    expect(pages.map((page) => page.entries.map((entry) => subjects.indexOf(entry.subject)))).toEqual([[0, 1], [1, 2], [2]]);
  });

  it("stops publishing an entry once every token it could refuse has expired", async () => {
    app = await start(0.05);
    const ada = await app.user("ada@example.test");
    await app.call("/sign-out", { method: "POST", body: {}, cookie: ada.cookies[0] });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await app.feedSince()).entries).toEqual([]);
  });

  it("refuses Redis without sessions in the database, where no deletion would be heard", async () => {
    const feed = createRevocationFeed({ keepSeconds: 960 });
    const storage = { get: async () => null, getAndDelete: async () => null, increment: async () => 1, set: async () => {}, delete: async () => {} };
    const auth = betterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, database: new Database(":memory:"), secondaryStorage: storage, plugins: [feed.plugin] });
    await expect(auth.$context).rejects.toThrow(/storeSessionInDatabase/);
  });
});
