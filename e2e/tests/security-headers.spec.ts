/** The pages' security headers, and a whole session under that policy without a single violation. */
import { expect, test } from "@playwright/test";
import { addTask, newUser, signUp } from "./helpers";

test("pages carry a CSP without eval, refuse framing and sniffing, and skip HSTS over http", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain(`connect-src 'self' ${new URL(process.env.E2E_API_URL!).origin}`);
  expect(csp).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
  expect(headers).not.toHaveProperty("strict-transport-security");
});

test("signing up and adding a task breaks no rule of the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await signUp(page, newUser("csp"));
  // Created through the API from the page: connect-src must let it through.
  await addTask(page, "Allowed by the policy");
  expect(violations).toEqual([]);
});
