/**
 * Runs before every page: adds the deployment's security headers, and for signed-in pages makes a
 * fast first check. Without a session cookie those go to sign-in, keeping the exact URL (query
 * included) to come back to. Only a cookie test: pages still verify the session.
 */
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./lib/server/env";
import { pageSecurityHeaders } from "./lib/security-headers";

const SIGNED_IN_ONLY = /^\/(tasks|account|device)(\/|$)/;

function route(request: NextRequest): NextResponse {
  if (!SIGNED_IN_ONLY.test(request.nextUrl.pathname) || getSessionCookie(request)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export function proxy(request: NextRequest) {
  const response = route(request);
  const { NEXT_PUBLIC_API_URL, BETTER_AUTH_URL } = env();
  const headers = pageSecurityHeaders({ apiUrl: NEXT_PUBLIC_API_URL, publicUrl: BETTER_AUTH_URL, development: process.env.NODE_ENV === "development" });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Pages only: the auth API answers JSON, and static files carry nothing a CSP would govern.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
