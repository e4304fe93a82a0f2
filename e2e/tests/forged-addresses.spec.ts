/**
 * Reached directly (no proxy declared trusted), the frontend takes the client's address from the socket:
 * a different X-Forwarded-For on every request neither escapes a rate limit nor lands in the session list.
 */
import { expect, request, test } from "@playwright/test";
import { ownStack } from "./account-steps";
import { newUser } from "./helpers";

const stack = ownStack("forged-addresses", { AUTH_RATE_LIMIT: "on" });

let forged = 0;
/** A made-up address for each request, as an attacker would send. */
function anotherAddress() {
  forged += 1;
  return `198.51.100.${forged}`;
}

test("a new forged X-Forwarded-For on every request changes no limit and no recorded address", async () => {
  // Better Auth refuses state-changing requests without the app's own Origin.
  const api = await request.newContext({ baseURL: stack.webUrl(), extraHTTPHeaders: { origin: stack.webUrl() } });
  const post = async (path: string, data: object) => (await api.post(`/api/auth${path}`, { data, headers: { "x-forwarded-for": anotherAddress() } })).status();
  const user = newUser("forged");

  await test.step("the session records the socket's address", async () => {
    expect(await post("/sign-up/email", user)).toBe(200);
    const sessions = (await (await api.get("/api/auth/list-sessions")).json()) as Array<{ ipAddress: string | null }>;
    expect(sessions.map((session) => session.ipAddress)).toEqual(["127.0.0.1"]);
  });

  await test.step("wrong passwords reach the sign-in limit, and then the right one is refused too", async () => {
    const guesses = [];
    for (let guess = 0; guess < 6; guess += 1) guesses.push(await post("/sign-in/email", { email: user.email, password: `wrong guess ${guess}` }));
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await post("/sign-in/email", { email: user.email, password: user.password })).toBe(429);
  });

  await test.step("sign-ups reach the hourly limit of 5 (the first was above)", async () => {
    const signUps = [];
    for (let account = 0; account < 5; account += 1) signUps.push(await post("/sign-up/email", newUser("forged-more")));
    expect(signUps).toEqual([200, 200, 200, 200, 429]);
  });

  await test.step("reset emails reach their limit of 3", async () => {
    const resets = [];
    for (let mail = 0; mail < 4; mail += 1) resets.push(await post("/request-password-reset", { email: user.email, redirectTo: "/reset-password" }));
    expect(resets).toEqual([200, 200, 200, 429]);
  });
  await api.dispose();
});
