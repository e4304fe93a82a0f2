import { describe, expect, it } from "vitest";
import { UNREACHABLE } from "./auth-errors";
import { attempt, type RetryAfterHook } from "./auth-request";

const rateLimited = new Response(null, { status: 429, headers: { "X-Retry-After": "42" } });

describe("attempt", () => {
  it("passes the data of a successful call through", async () => {
    await expect(attempt(async () => ({ data: { token: "t" }, error: null }))).resolves.toEqual({ ok: true, data: { token: "t" } });
  });

  it("reads the rate limiter's X-Retry-After header through the fetch hook it hands to the call", async () => {
    const outcome = await attempt(async (fetchOptions: RetryAfterHook) => {
      fetchOptions.onError({ response: rateLimited });
      return { data: null, error: { status: 429, message: "Too many requests. Please try again later." } };
    });
    expect(outcome).toEqual({ ok: false, message: "Too many attempts, try again in 42 s." });
  });

  it("explains Better Auth's error codes", async () => {
    const outcome = await attempt(async () => ({ data: null, error: { status: 401, code: "INVALID_EMAIL_OR_PASSWORD" } }));
    expect(outcome).toEqual({ ok: false, message: "That email and password don't match. Check them and try again." });
  });

  it("treats a call that throws (network down, CORS) as an unreachable service", async () => {
    const outcome = await attempt(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(outcome).toEqual({ ok: false, message: UNREACHABLE });
  });
});
