/**
 * The one check for every `next` parameter (sign-in, sign-up, the signed-in redirect): only a page of this
 * app is followed, so a crafted link cannot send people elsewhere after they sign in. The candidate is
 * resolved the way a browser resolves it (backslashes, tabs and newlines included), and what is returned
 * is that resolved path, never the raw text.
 */

export const DEFAULT_RETURN_PATH = "/tasks";
/** The pages worth coming back to; the rest of the app is reached from them. /device keeps a terminal's code. */
const RETURN_PAGES = new Set(["/tasks", "/account", "/device"]);
// Only the origin's sameness matters, not which origin it is, so a fixed one serves server and browser alike.
const BASE = new URL("http://app.invalid");

export function safeReturnPath(candidate: string | null | undefined): string {
  // Relative forms ("tasks", "?q") and anything not starting with one slash are not return paths.
  if (!candidate || !candidate.startsWith("/")) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== BASE.origin || url.username || url.password || !RETURN_PAGES.has(url.pathname)) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
