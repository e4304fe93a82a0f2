"use client";
/** The theme menu in the header: a button showing the current choice, opening Light, Dark and Automatic. */
import { useState, useSyncExternalStore } from "react";
import { chooseTheme, storedTheme, subscribeTheme, type Theme, THEMES } from "./theme";

const LABELS: Record<Theme, string> = { system: "Automatic (as the system)", light: "Light", dark: "Dark" };
const ICONS: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

export function ThemeToggle() {
  // The server cannot know the stored choice; it renders "Automatic" and the browser corrects it.
  const theme = useSyncExternalStore(subscribeTheme, storedTheme, () => "system" as const);
  const [open, setOpen] = useState(false);
  return (
    <div className="theme-menu" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button type="button" className="ghost" aria-label="Theme" aria-expanded={open} aria-controls="theme-options" title={`Theme: ${LABELS[theme]}`} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{ICONS[theme]}</span>
      </button>
      {open && (
        <div id="theme-options" className="theme-options" role="group" aria-label="Choose a theme">
          {THEMES.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={theme === option}
              onClick={() => {
                chooseTheme(option);
                setOpen(false);
              }}
            >
              <span aria-hidden="true">{ICONS[option]}</span> {LABELS[option]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
