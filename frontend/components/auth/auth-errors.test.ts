import { describe, expect, it } from "vitest";
import { describeAuthError, UNREACHABLE, validateCredentials } from "./auth-errors";

describe("describeAuthError", () => {
  it("explains the errors people run into", () => {
    expect(describeAuthError({ code: "INVALID_EMAIL_OR_PASSWORD", status: 401 })).toMatch(/don't match/);
    expect(describeAuthError({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", status: 422 })).toMatch(/already exists/);
    expect(describeAuthError({ code: "PASSWORD_TOO_SHORT", status: 400 })).toMatch(/at least 8/);
    expect(describeAuthError({ status: 429 })).toMatch(/Too many attempts/);
  });

  it("treats server failures and missing statuses as an unreachable service", () => {
    expect(describeAuthError({ status: 502 })).toBe(UNREACHABLE);
    expect(describeAuthError({ status: 0 })).toBe(UNREACHABLE);
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
