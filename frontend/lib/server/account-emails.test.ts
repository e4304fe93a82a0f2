import { describe, expect, it } from "vitest";
import { passwordResetEmail, verificationEmail } from "./account-emails";

const ada = { email: "ada@example.test", name: "Ada" };

describe("account emails", () => {
  it("greet the user by name and put the link on a line of its own, so mail clients make it clickable", () => {
    const reset = passwordResetEmail(ada, "https://tasks.test/api/auth/reset-password/abc?callbackURL=%2Freset-password");
    expect(reset).toMatchObject({ to: "ada@example.test", subject: "Reset your Tasks password" });
    expect(reset.text.split("\n")).toEqual(expect.arrayContaining(["Hi Ada,", "https://tasks.test/api/auth/reset-password/abc?callbackURL=%2Freset-password"]));

    const verify = verificationEmail(ada, "https://tasks.test/api/auth/verify-email?token=abc");
    expect(verify).toMatchObject({ to: "ada@example.test", subject: "Confirm your email for Tasks" });
    expect(verify.text.split("\n")).toContain("https://tasks.test/api/auth/verify-email?token=abc");
  });

  it("greet someone without a name politely", () => {
    expect(passwordResetEmail({ email: "x@example.test", name: "" }, "https://tasks.test/r").text).toMatch(/^Hi there,\n/);
  });
});
