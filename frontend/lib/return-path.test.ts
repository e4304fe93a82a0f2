import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/tasks", "/tasks"],
    ["/tasks?status=pending&q=milk", "/tasks?status=pending&q=milk"],
    ["/tasks#top", "/tasks#top"],
    ["/account", "/account"],
    ["/tasks/../account", "/account"],
    ["/device?user_code=ABCDEFGH", "/device?user_code=ABCDEFGH"],
    ["/tasks?next=//evil.example", "/tasks?next=//evil.example"],
  ])("follows the app's own page %s", (candidate, expected) => {
    expect(safeReturnPath(candidate)).toBe(expected);
  });

  it.each([
    // The report's own: the URL parser turns the backslash into a slash.
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "https://evil.example/tasks",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)//",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//user:pass@evil.example",
    "/@evil.example",
    "//evil.example@app.invalid/tasks",
    "//[::1]/tasks",
    "//[2001:db8::1]:8080/tasks",
    "//xn--80ak6aa92e.com/tasks",
    "//аррӏе.com/tasks",
    "//evil。example/tasks",
    "/ /evil.example",
    "tasks",
    "?status=pending",
    "#top",
    "/sign-in",
    "/api/auth/sign-out",
    "/tasks/extra",
    "/TASKS",
    "",
    null,
    undefined,
  ])("refuses %j and falls back to the task list", (candidate) => {
    expect(safeReturnPath(candidate)).toBe(DEFAULT_RETURN_PATH);
  });

  it("returns the resolved path, not the text it was given", () => {
    expect(safeReturnPath("/tasks?q=a b")).toBe("/tasks?q=a%20b");
    expect(safeReturnPath("/./tasks")).toBe("/tasks");
  });
});
