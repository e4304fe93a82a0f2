/**
 * The response headers that confine what a page of this app may load, run, frame and connect to.
 * Server code, but kept out of lib/server: next.config.ts reads it in plain Node, where the
 * `server-only` marker would throw.
 */

export type PageSecurity = { apiUrl: string; publicUrl: string; development: boolean };

/**
 * The Content-Security-Policy of every page. Scripts may be inline ('unsafe-inline') because
 * statically prerendered pages and the root layout's theme script cannot carry a per-request
 * nonce; `eval` is allowed only in development, where React needs it for its error overlays.
 * The API is the one other origin a page may call, read at runtime so one build serves any deployment.
 */
export function contentSecurityPolicy({ apiUrl, publicUrl, development }: PageSecurity): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (isHttps(publicUrl)) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers that depend on the deployment: the CSP, and HSTS only when the app is served over https. */
export function pageSecurityHeaders(security: PageSecurity): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy(security) };
  // Over plain http a browser ignores HSTS anyway; sending it from localhost would only confuse.
  if (isHttps(security.publicUrl)) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** Headers that are the same for every response, static files and auth endpoints included. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

export function isHttps(url: string): boolean {
  return new URL(url).protocol === "https:";
}
