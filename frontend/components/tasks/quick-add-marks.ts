/**
 * The logic behind quick add's inline highlighting and its Backspace undo, kept apart from the
 * component so it is tested without a browser: how the box's text is cut into plain and recognised
 * runs, which part a Backspace would turn back into words, and what the live region says then.
 */
import type { QuickAddPart, QuickAddPartKind } from "./parse-quick-add";

/** A run of the box's text: recognised (`kind`, `key`) or plain (`kind` null). */
export type Run = { text: string; kind: QuickAddPartKind | null; key: string | null };

/**
 * The text as consecutive runs covering every character once, in order: what the layer behind the
 * input draws. A part that does not match the text at its place (parsed from an older value) is plain.
 */
export function runsOf(text: string, parts: readonly QuickAddPart[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const part of [...parts].sort((a, b) => a.start - b.start)) {
    if (part.start < at || text.slice(part.start, part.end) !== part.text) continue;
    if (part.start > at) runs.push({ text: text.slice(at, part.start), kind: null, key: null });
    runs.push({ text: part.text, kind: part.kind, key: part.key });
    at = part.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), kind: null, key: null });
  return runs;
}

/**
 * The part a Backspace would undo: the one ending exactly at the caret, with nothing selected.
 * Anywhere else (a selection, a space after the part, the middle of it) Backspace deletes as usual.
 */
export function partBeforeCaret(parts: readonly QuickAddPart[], selectionStart: number | null, selectionEnd: number | null): QuickAddPart | null {
  if (selectionStart === null || selectionStart !== selectionEnd || selectionStart === 0) return null;
  return parts.find((part) => part.end === selectionStart) ?? null;
}

/** What a screen reader hears after an undo: the words stay, as title text. */
export function undoneMessage(part: QuickAddPart): string {
  return `"${part.text}" is title text again.`;
}
