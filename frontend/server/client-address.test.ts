import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { settleClientAddress, trustedProxies } from "./client-address";

const request = (peer: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers }) as unknown as IncomingMessage;

describe("settleClientAddress without trusted proxies", () => {
  const trust = trustedProxies("");

  it("takes the socket's address and drops every forwarded header the client sent", () => {
    const sent = request("203.0.113.7", { "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2", forwarded: "for=198.51.100.3", "x-forwarded-host": "evil.example" });
    expect(settleClientAddress(sent, trust)).toBe("203.0.113.7");
    expect(sent.headers).toEqual({ "x-forwarded-for": "203.0.113.7" });
  });

  it("gives a forged header no say, whatever its form", () => {
    for (const forged of ["1.2.3.4", "1.2.3.4, 5.6.7.8", "not an address", ""]) {
      expect(settleClientAddress(request("127.0.0.1", { "x-forwarded-for": forged }), trust)).toBe("127.0.0.1");
    }
  });

  it("unwraps an IPv4 peer on a dual-stack socket, and keeps IPv6 as it is", () => {
    expect(settleClientAddress(request("::ffff:192.0.2.1"), trust)).toBe("192.0.2.1");
    expect(settleClientAddress(request("2001:db8::1"), trust)).toBe("2001:db8::1");
  });
});

describe("settleClientAddress behind a trusted proxy", () => {
  const trust = trustedProxies("127.0.0.1, 10.0.0.0/8");

  it("believes the address the proxy reports", () => {
    const proxied = request("127.0.0.1", { "x-forwarded-for": "198.51.100.9", "x-forwarded-proto": "https" });
    expect(settleClientAddress(proxied, trust)).toBe("198.51.100.9");
    expect(proxied.headers).toEqual({ "x-forwarded-for": "198.51.100.9", "x-forwarded-proto": "https" });
  });

  it("stops at the first hop nobody trusts, so a client's own prefix changes nothing", () => {
    expect(settleClientAddress(request("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.1.2.3" }), trust)).toBe("198.51.100.9");
  });

  it("treats a client reaching the server directly as a direct client", () => {
    const direct = request("198.51.100.20", { "x-forwarded-for": "127.0.0.1" });
    expect(settleClientAddress(direct, trust)).toBe("198.51.100.20");
  });

  it("refuses a setting that is not a list of addresses, saying what it wants", () => {
    expect(() => trustedProxies("nginx.local")).toThrow(/TRUSTED_PROXIES must list IP addresses or CIDR ranges/);
  });
});
