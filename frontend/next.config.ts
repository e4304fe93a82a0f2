import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // The e2e suite builds into its own folder so it never fights a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // next dev logs each request's URL; these carry one-time tokens that sign someone in, so they are never logged.
  logging: { incomingRequests: { ignore: [/[?&]token=/, /\/reset-password\/[^/?]+/] } },
  // The CSP and HSTS depend on the deployment's URLs, so proxy.ts adds them at request time.
  headers: async () => [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }],
  // The stylesheet goes inside the HTML: on a phone's round trips, fetching it would hold the first paint (of the tasks) back.
  experimental: { inlineCss: true },
};

export default nextConfig;
