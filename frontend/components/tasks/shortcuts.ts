/** Keyboard shortcuts for the task list: which key means what, and when keys belong to a text field instead. */

export type ShortcutAction = "new" | "search" | "next" | "previous" | "toggle" | "edit" | "delete" | "help";

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: ShortcutAction; label: string }> = [
  { keys: ["n"], action: "new", label: "New task" },
  { keys: ["/"], action: "search", label: "Search" },
  { keys: ["j", "ArrowDown"], action: "next", label: "Next task" },
  { keys: ["k", "ArrowUp"], action: "previous", label: "Previous task" },
  { keys: ["x"], action: "toggle", label: "Complete or reopen the selected task" },
  { keys: ["e"], action: "edit", label: "Edit the selected task" },
  { keys: ["Delete"], action: "delete", label: "Delete the selected task" },
  { keys: ["?"], action: "help", label: "Show these shortcuts" },
];

type KeyInfo = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null };

function isTyping(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  if (!element?.tagName) return false;
  if (element.isContentEditable) return true;
  if (element.tagName === "TEXTAREA" || element.tagName === "SELECT") return true;
  // Checkboxes and buttons take no text, so shortcuts still work while one has focus.
  return element.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(element.type ?? "text");
}

/** The action a key press asks for, or null when it is typing, a browser shortcut, or unbound. */
export function shortcutFor(event: KeyInfo): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(event.key))?.action ?? null;
}

/** Moves a selection through a list by one step, staying within its ends. */
export function moveSelection(ids: number[], current: number | null, step: 1 | -1): number | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))]!;
}
