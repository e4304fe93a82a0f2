/** Light, dark or the system's choice: stored per browser, applied to <html data-theme> before first paint. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_KEY = "theme";

/** Runs inline in <head>, before React, so a dark-mode user never sees a white flash. */
export const applyStoredTheme = `try{var t=localStorage.getItem("${THEME_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
