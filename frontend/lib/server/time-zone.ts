import "server-only";
/**
 * The person's time zone, told to the server in a cookie so it renders the same days ("Today",
 * "Overdue") as the browser: the root layout's inline script writes it on every page load.
 */
export const TIME_ZONE_COOKIE = "tz";

export const rememberTimeZone = `try{document.cookie="${TIME_ZONE_COOKIE}="+encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)+";path=/;max-age=31536000;samesite=lax"}catch(e){}`;

/** The zone if the runtime knows it, else undefined (a forged or outdated cookie falls back to the server's zone). */
export function knownTimeZone(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return undefined;
  }
}
