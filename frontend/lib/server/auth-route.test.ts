import { describe, expect, it } from "vitest";
import { AUTH_BODY_MAX_BYTES } from "@/lib/auth-limits";
import { guardAuthRoute } from "./auth-route";

const echo = guardAuthRoute(async (request) => new Response(await request.text(), { status: 200 }));
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/auth/sign-up/email", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function chunked(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(1024, size - sent)).fill(97);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("guardAuthRoute", () => {
  it("passes a body within the limit through unchanged", async () => {
    const body = JSON.stringify({ name: "Ada", email: "ada@example.test", password: "correct horse" });
    const response = await echo(post(body, { "content-type": "application/json" }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
  });

  it("refuses a body whose declared length is over the limit, without reading it", async () => {
    const response = await echo(post("x", { "content-length": String(AUTH_BODY_MAX_BYTES + 1) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
  });

  it("refuses a streamed body as soon as it grows past the limit", async () => {
    expect((await echo(post(chunked(30 * 1024 * 1024)))).status).toBe(413);
    expect((await echo(post(chunked(AUTH_BODY_MAX_BYTES)))).status).toBe(200);
  });

  it("marks every answer not to be cached, and keeps an explicit choice", async () => {
    const get = new Request("http://app.test/api/auth/token");
    expect((await echo(get)).headers.get("Cache-Control")).toBe("no-store");
    const cached = guardAuthRoute(async () => new Response("{}", { headers: { "Cache-Control": "public, max-age=60" } }));
    expect((await cached(get)).headers.get("Cache-Control")).toBe("public, max-age=60");
  });

  it("copies a redirect whose headers cannot be changed, cookies included", async () => {
    const redirect = guardAuthRoute(async () => {
      const response = Response.redirect("http://app.test/tasks", 302);
      return response;
    });
    const response = await redirect(new Request("http://app.test/api/auth/verify-email?token=t"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("http://app.test/tasks");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("drops the session token the bearer plugin copies into set-auth-token, and keeps the cookie", async () => {
    const signIn = guardAuthRoute(async () => new Response("{}", { headers: { "set-auth-token": "token.signature", "set-cookie": "session=token.signature; HttpOnly" } }));
    const response = await signIn(post("{}"));
    expect(response.headers.has("set-auth-token")).toBe(false);
    expect(response.headers.get("set-cookie")).toContain("HttpOnly");
  });
});
