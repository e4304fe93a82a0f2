import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, pageSecurityHeaders } from "./security-headers";

const local = { apiUrl: "http://127.0.0.1:8000/", publicUrl: "http://localhost:3000", development: false };

describe("contentSecurityPolicy", () => {
  it("lets pages call only their own origin and the API's", () => {
    expect(contentSecurityPolicy(local)).toContain("connect-src 'self' http://127.0.0.1:8000;");
  });

  it("refuses eval in production and allows it in development", () => {
    expect(contentSecurityPolicy(local)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ ...local, development: true })).toContain("'unsafe-eval'");
  });

  it("forbids framing and plugins", () => {
    expect(contentSecurityPolicy(local)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(local)).toContain("object-src 'none'");
  });
});

describe("pageSecurityHeaders", () => {
  it("sends HSTS only when the app is served over https", () => {
    expect(pageSecurityHeaders(local)).not.toHaveProperty("Strict-Transport-Security");
    const https = pageSecurityHeaders({ ...local, publicUrl: "https://tasks.example" });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});
