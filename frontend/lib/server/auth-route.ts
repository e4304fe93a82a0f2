import "server-only";
/**
 * The edge of Better Auth's route: bodies over a few KB are refused before Better Auth reads them (it
 * would store a 30 MB name), no auth answer is cached, since each one is about one person, and no session
 * token leaves in a header a page script can read.
 */
import { AUTH_BODY_MAX_BYTES } from "@/lib/auth-limits";

type Handler = (request: Request) => Promise<Response>;

const tooLarge = () =>
  Response.json({ code: "BODY_TOO_LARGE", message: `Request bodies here are at most ${AUTH_BODY_MAX_BYTES} bytes.` }, { status: 413, headers: { "Cache-Control": "no-store" } });

/** The body, read up to `limit` bytes whatever its declared length; null as soon as it is longer. */
async function readBounded(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function guardAuthRoute(handler: Handler, limit = AUTH_BODY_MAX_BYTES): Handler {
  return async (request) => {
    let bounded = request;
    if (request.body) {
      const declared = Number(request.headers.get("content-length") ?? 0);
      const body = declared > limit ? null : await readBounded(request, limit);
      if (body === null) return tooLarge();
      bounded = new Request(request, { body: new Uint8Array(body) });
    }
    const response = await handler(bounded);
    // Some responses (redirects) come with headers that cannot be changed, so the answer is copied.
    const headers = new Headers(response.headers);
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
    // The bearer plugin copies every new session cookie into this header, where page scripts could read
    // what the cookie keeps HttpOnly. Nothing here uses it: a terminal gets its token in the body.
    headers.delete("set-auth-token");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
