import { describe, expect, it } from "vitest";
import { moveSelection, shortcutFor } from "./shortcuts";

const press = (key: string, target: object | null = { tagName: "BODY" }, modifiers = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget, ...modifiers });

describe("shortcutFor", () => {
  it("maps each documented key", () => {
    expect(["n", "/", "j", "ArrowDown", "k", "ArrowUp", "x", "e", "Delete", "?"].map((key) => shortcutFor(press(key)))).toEqual([
      "new", "search", "next", "next", "previous", "previous", "toggle", "edit", "delete", "help",
    ]);
    expect(shortcutFor(press("q"))).toBeNull();
  });

  it("leaves keys alone while typing or with a modifier held", () => {
    expect(shortcutFor(press("n", { tagName: "INPUT", type: "text" }))).toBeNull();
    expect(shortcutFor(press("n", { tagName: "TEXTAREA" }))).toBeNull();
    expect(shortcutFor(press("x", { tagName: "DIV", isContentEditable: true }))).toBeNull();
    expect(shortcutFor(press("n", { tagName: "BODY" }, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("x", { tagName: "INPUT", type: "checkbox" }))).toBe("toggle");
  });
});

describe("moveSelection", () => {
  it("starts at an end and stops at the edges", () => {
    expect(moveSelection([4, 5, 6], null, 1)).toBe(4);
    expect(moveSelection([4, 5, 6], null, -1)).toBe(6);
    expect(moveSelection([4, 5, 6], 5, 1)).toBe(6);
    expect(moveSelection([4, 5, 6], 6, 1)).toBe(6);
    expect(moveSelection([4, 5, 6], 4, -1)).toBe(4);
    expect(moveSelection([], 4, 1)).toBeNull();
    expect(moveSelection([4, 5], 9, 1)).toBe(4);
  });
});
