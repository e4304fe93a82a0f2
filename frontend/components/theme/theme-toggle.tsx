"use client";
import { useSyncExternalStore } from "react";
import { chooseTheme, storedTheme, subscribeTheme, type Theme, THEMES } from "./theme";

const LABELS: Record<Theme, string> = { system: "Auto", light: "Light", dark: "Dark" };

export function ThemeToggle() {
  // The server cannot know the stored choice; it renders "Auto" and the browser corrects it.
  const theme = useSyncExternalStore(subscribeTheme, storedTheme, () => "system" as const);
  return (
    <select className="theme-select" aria-label="Theme" value={theme} onChange={(e) => chooseTheme(e.target.value as Theme)}>
      {THEMES.map((t) => (
        <option key={t} value={t}>
          {LABELS[t]}
        </option>
      ))}
    </select>
  );
}
