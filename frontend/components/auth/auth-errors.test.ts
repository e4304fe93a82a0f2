import { describe, expect, it } from "vitest";
import { describeAuthError, retryMessage, UNREACHABLE, validateCredentials } from "./auth-errors";

describe("describeAuthError", () => {
  it("explains the errors people run into", () => {
    expect(describeAuthError({ code: "INVALID_EMAIL_OR_PASSWORD", status: 401 })).toMatch(/don't match/);
    expect(describeAuthError({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", status: 422 })).toMatch(/already exists/);
    expect(describeAuthError({ code: "PASSWORD_TOO_SHORT", status: 400 })).toMatch(/at least 8/);
    expect(describeAuthError({ code: "EMAIL_NOT_VERIFIED", status: 403 })).toMatch(/Confirm your email address first/);
    expect(describeAuthError({ code: "INVALID_PASSWORD", status: 400 })).toBe("That isn't your current password.");
  });

  it("says how long to wait when the rate limiter answers 429", () => {
    expect(describeAuthError({ status: 429, message: "Too many requests. Please try again later." }, 12)).toBe("Too many attempts, try again in 12 s.");
    expect(describeAuthError({ status: 429 })).toBe("Too many attempts, try again in a moment.");
  });

  it("treats server failures and missing statuses as an unreachable service", () => {
    expect(describeAuthError({ status: 502 })).toBe(UNREACHABLE);
    expect(describeAuthError({ status: 0 })).toBe(UNREACHABLE);
  });
});

describe("retryMessage", () => {
  it("counts seconds, then minutes once seconds get hard to picture", () => {
    expect(retryMessage(1)).toBe("Too many attempts, try again in 1 s.");
    expect(retryMessage(59.2)).toBe("Too many attempts, try again in 60 s.");
    expect(retryMessage(120)).toBe("Too many attempts, try again in 120 s.");
    expect(retryMessage(121)).toBe("Too many attempts, try again in 3 min.");
    expect(retryMessage(900)).toBe("Too many attempts, try again in 15 min.");
  });

  it("falls back to a vague wait when the header is missing or nonsense", () => {
    for (const value of [null, 0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(retryMessage(value)).toBe("Too many attempts, try again in a moment.");
    }
  });
});

describe("validateCredentials", () => {
  it("flags each bad field and only the fields asked for", () => {
    expect(validateCredentials({ name: " ", email: "nope", password: "short" }, ["name", "email", "password"])).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email address.",
      password: "Use at least 8 characters for your password.",
    });
    expect(validateCredentials({ email: "a@b.co", password: "" }, ["email"])).toEqual({});
  });
});
