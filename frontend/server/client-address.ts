/**
 * Decides who sent a request before Next.js and Better Auth see it. Better Auth keys its rate limits and
 * records each session's address from `x-forwarded-for`, which any client can send, and Next.js fills it
 * in only when it is missing. So every request leaves here with that header rewritten to one address:
 * the socket's peer, or, when that peer is a proxy the deployment trusts (TRUSTED_PROXIES), the address
 * that proxy reports. The other forwarded headers are dropped unless a trusted proxy sent them.
 */
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

export type TrustedProxies = (address: string, hop: number) => boolean;

/**
 * `TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges (or proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`). Empty trusts nobody: no forwarded header is believed.
 */
export function trustedProxies(setting: string | undefined): TrustedProxies {
  const entries = (setting ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    return proxyAddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated (${(error as Error).message}).`);
  }
}

/** "::ffff:192.0.2.1", as a dual-stack socket reports an IPv4 peer, is that IPv4 address. */
const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

/** Rewrites the request's forwarded headers in place, and returns the client's address. */
export function settleClientAddress(request: IncomingMessage, trust: TrustedProxies): string {
  const peer = request.socket.remoteAddress ?? "";
  const viaTrustedProxy = peer !== "" && trust(peer, 0);
  // proxy-addr walks the chain from the socket leftwards and stops at the first hop nobody trusts.
  const client = unmapped(viaTrustedProxy ? proxyAddr(request, trust) : peer);
  if (!viaTrustedProxy) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  request.headers["x-forwarded-for"] = client;
  return client;
}
