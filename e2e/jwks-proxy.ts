/** A loopback proxy in front of the frontend's JWKS: it counts the API's fetches and can play dead. */
import { createServer } from "node:http";

export class JwksProxy {
  /** Requests the API made, answered or not. */
  fetches = 0;
  /** While true, every request has its connection dropped, as if the frontend were gone. */
  down = false;

  private constructor(
    readonly url: string,
    readonly close: () => Promise<void>,
  ) {}

  static async start(target: string): Promise<JwksProxy> {
    let proxy: JwksProxy | undefined;
    const server = createServer(async (request, response) => {
      proxy!.fetches += 1;
      if (proxy!.down) {
        request.socket.destroy();
        return;
      }
      try {
        const upstream = await fetch(target);
        response.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/json" });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        response.writeHead(502).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    proxy = new JwksProxy(`http://127.0.0.1:${port}/api/auth/jwks`, close);
    return proxy;
  }
}
