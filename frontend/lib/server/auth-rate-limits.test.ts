/**
 * The budgets on a real Better Auth (in-memory SQLite) with rate limiting on, as in production: the
 * revocation feed stays open to a follower polling it without end, while sign-in stays limited.
 */
import { expect, it } from "vitest";
import { AUTH_RATE_LIMITS } from "./auth-rate-limits";
import { createRevocationFeed } from "./revocation-feed";
import { callAuth, ORIGIN, startTestAuth } from "./test-auth";

async function start() {
  const auth = await startTestAuth({
    rateLimit: { enabled: true, customRules: AUTH_RATE_LIMITS },
    plugins: [createRevocationFeed({ keepSeconds: 960 }).plugin],
  });
  const headers = { origin: ORIGIN, "x-forwarded-for": "203.0.113.7" };
  return async (path: string, body?: object) => (await callAuth(auth, path, { body, headers })).status;
}

it("a follower polling the revocation feed is never refused, where the default budget would stop it after 100 polls", async () => {
  const call = await start();

  const statuses = new Set<number>();
  for (let poll = 0; poll < 150; poll++) statuses.add(await call(`/revocations?since=${poll}`));

  expect([...statuses]).toEqual([200]);
});

it("sign-in keeps its budget: the sixth attempt in a minute is refused", async () => {
  const call = await start();

  const statuses = [];
  for (let attempt = 0; attempt < 6; attempt++) statuses.push(await call("/sign-in/email", { email: "ada@example.com", password: "not her password" }));

  expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
  expect(statuses[5]).toBe(429);
});
