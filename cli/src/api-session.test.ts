/**
 * The CLI's way to the API against a fake frontend and API: JWTs minted from the session token, reused
 * until shortly before they expire, one fresh one and one retry on a 401, and every failure in words.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError, ApiUnreachableError } from "../../frontend/lib/api";
import { apiFor, audienceOf, explain } from "./api-session";
import { authServer } from "./auth-server";
import { CliError, EXIT } from "./errors";

const WEB = "http://web.test";
const API = "http://api.test";
const credentials = { url: WEB, apiUrl: API, sessionToken: "session.signature" };

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
/** Which minted token this is: the fake frontend numbers them from 0. */
const numberOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { n: number }).n;
const page = { items: [], total: 0, limit: 50, offset: 0 };

/** A frontend minting numbered JWTs and an API that refuses the numbers in `refused`; records every call. */
function servers({ lifetimeSeconds = 900, sessionAlive = true, refused = new Set<number>() } = {}) {
  const minted: string[] = [];
  const bearers: string[] = [];
  const send = async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (request.url === `${WEB}/api/auth/token`) {
      assert.equal(bearer, credentials.sessionToken);
      if (!sessionAlive) return Response.json({ message: "Unauthorized" }, { status: 401 });
      const token = jwt({ n: minted.length, aud: API, exp: Math.floor(Date.now() / 1000) + lifetimeSeconds });
      minted.push(token);
      return Response.json({ token });
    }
    bearers.push(bearer);
    if (refused.has(numberOf(bearer))) return Response.json({ detail: "token revoked" }, { status: 401 });
    return Response.json(page);
  };
  const api = apiFor(credentials, authServer(WEB, send as typeof fetch), send as typeof fetch);
  return { api, minted, bearers };
}

describe("the CLI's JWTs", () => {
  it("mints one JWT from the session token and reuses it while it is fresh", async () => {
    const { api, minted, bearers } = servers();
    await api.tasks.list();
    await api.tasks.list();
    assert.equal(minted.length, 1);
    assert.deepEqual(bearers, [minted[0], minted[0]]);
  });

  it("mints a new one when the cached one is about to expire", async () => {
    const { api, minted } = servers({ lifetimeSeconds: 30 });
    await api.tasks.list();
    await api.tasks.list();
    assert.equal(minted.length, 2);
  });

  it("on a 401 mints one fresh JWT and retries once, then reports the refusal", async () => {
    const refused = new Set<number>();
    const { api, minted, bearers } = servers({ refused });
    await api.tasks.list();
    refused.add(0);
    await api.tasks.list();
    assert.deepEqual(bearers, [minted[0], minted[0], minted[1]]);

    // A fresh token refused too: this API does not take this frontend's tokens, and asking again is no use.
    refused.add(1).add(2);
    const error = await api.tasks.list().catch((caught: unknown) => explain(caught, API));
    assert.deepEqual(bearers.slice(3), [minted[1], minted[2]]);
    assert.ok(error instanceof CliError && error.exitCode === EXIT.signedOut && /tasks login/.test(error.message), String(error));
  });

  it("says to run tasks login when the session was revoked at Better Auth", async () => {
    const { api, bearers } = servers({ sessionAlive: false });
    const error = await api.tasks.list().catch((caught: unknown) => explain(caught, API));
    assert.ok(error instanceof CliError && error.exitCode === EXIT.signedOut && /revoked/.test(error.message), String(error));
    assert.deepEqual(bearers, [], "nothing reaches the API without a token");
  });
});

describe("explain", () => {
  it("names the API that does not answer", () => {
    const down = explain(new ApiUnreachableError(API), API);
    assert.ok(down instanceof CliError && down.exitCode === EXIT.unreachable && down.message.startsWith(`Can't reach the task API at ${API}.`));
  });

  it("tells a missing task from an address that is not the task API", () => {
    const missing = explain(new ApiError(404, "task not found"), API, 7);
    assert.ok(missing instanceof CliError && missing.exitCode === EXIT.notFound && missing.message === "No task 7.");
    const elsewhere = explain(new ApiError(404, "Not Found"), API);
    assert.ok(elsewhere instanceof CliError && elsewhere.exitCode === EXIT.unreachable && /does not look like a Tasks server/.test(elsewhere.message));
  });
});

describe("audienceOf", () => {
  it("reads the API's address from the JWT, and nothing from a token that names none", () => {
    assert.equal(audienceOf(jwt({ aud: "http://127.0.0.1:8000/" })), "http://127.0.0.1:8000");
    assert.equal(audienceOf(jwt({ aud: ["http://api.test", "other"] })), "http://api.test");
    assert.equal(audienceOf(jwt({ aud: "not a url" })), null);
    assert.equal(audienceOf("garbage"), null);
  });
});
