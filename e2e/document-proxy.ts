/**
 * A loopback proxy in front of one of the frontend's public documents (the JWKS, the revocation feed):
 * it counts the API's fetches, passes their query on, and can play dead.
 */
import { createServer } from "node:http";

export class DocumentProxy {
  /** Requests the API made, answered or not. */
  fetches = 0;
  /** While true, every request has its connection dropped, as if the frontend were gone. */
  down = false;

  private constructor(
    readonly url: string,
    readonly close: () => Promise<void>,
  ) {}

  /** `target` is the document's own URL; the proxy serves it at the same path. */
  static async start(target: string): Promise<DocumentProxy> {
    let proxy: DocumentProxy | undefined;
    const server = createServer(async (request, response) => {
      proxy!.fetches += 1;
      if (proxy!.down) {
        request.socket.destroy();
        return;
      }
      try {
        const upstream = await fetch(`${target}${new URL(request.url ?? "/", "http://proxy.invalid").search}`);
        response.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/json" });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        response.writeHead(502).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    proxy = new DocumentProxy(`http://127.0.0.1:${port}${new URL(target).pathname}`, close);
    return proxy;
  }
}
