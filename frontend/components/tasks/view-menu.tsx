"use client";
/**
 * The phones' way to the views and tags: one button naming the view on screen, opening a menu of
 * the views and of the tags with their open counts (the ARIA menu button pattern, with radio items).
 * Arrow keys, Home and End move, a letter jumps to the next item starting with it, Enter or Space
 * chooses; Escape, Tab or a click outside closes it. The desktop has the sidebar instead.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { ChoiceText, type ViewChoice, type ViewProps, viewChoices } from "./task-sidebar";

export function ViewMenu(props: ViewProps) {
  const { views, tags } = viewChoices(props);
  const choices = [...views, ...tags];
  // Several tags at once (a tag clicked on a task adds to the filter) is no single item of the menu.
  const currentLabel = choices.find((choice) => choice.current)?.label ?? props.filters.tags.map((tag) => `#${tag}`).join(" ");
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemsRef = useRef<Array<HTMLButtonElement | null>>([]);
  // Which item takes the focus once the menu has rendered: "current", "first" or "last".
  const [focusOnOpen, setFocusOnOpen] = useState<"current" | "first" | "last">("current");
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const items = itemsRef.current.filter((item) => item !== null);
    const checked = items.findIndex((item) => item.getAttribute("aria-checked") === "true");
    const index = focusOnOpen === "last" ? items.length - 1 : focusOnOpen === "first" || checked < 0 ? 0 : checked;
    items[index]?.focus();
    // A press anywhere outside closes the menu and leaves the focus where the press put it.
    const outside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, focusOnOpen]);

  function show(focus: "current" | "first" | "last") {
    setFocusOnOpen(focus);
    setOpen(true);
  }

  function close({ refocus }: { refocus: boolean }) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function choose(choice: ViewChoice) {
    choice.choose();
    close({ refocus: true });
  }

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    // Taken here, so the list's arrow shortcuts leave it alone (the board skips a prevented key).
    event.preventDefault();
    show(event.key === "ArrowDown" ? "first" : "last");
  }

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Tab") return close({ refocus: false });
    // Enter and Space choose (the item's own click); browser shortcuts stay the browser's.
    if (event.key === "Enter" || event.key === " " || event.ctrlKey || event.metaKey || event.altKey) return;
    // Every other key is the menu's, never one of the list's shortcuts (j, x, e, Delete, …).
    event.preventDefault();
    const items = itemsRef.current.filter((item) => item !== null);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === "Escape") close({ refocus: true });
    else if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key.length === 1) {
      // Type-ahead: the next item whose words start with the letter, tags without their "#".
      const letter = event.key.toLowerCase();
      const starts = (index: number) => (items[index]?.dataset.label ?? "").replace(/^#/, "").toLowerCase().startsWith(letter);
      const next = [...items.keys()].map((step) => (at + 1 + step) % items.length).find(starts);
      if (next !== undefined) move(next);
    }
  }

  const item = (choice: ViewChoice) => {
    const position = choices.indexOf(choice);
    return (
      <button
        key={choice.key}
        ref={(element) => {
          itemsRef.current[position] = element;
        }}
        type="button"
        role="menuitemradio"
        aria-checked={choice.current}
        aria-label={choice.count === undefined ? undefined : choice.name}
        data-label={choice.label}
        tabIndex={-1}
        onClick={() => choose(choice)}
      >
        <ChoiceText choice={choice} />
      </button>
    );
  };

  return (
    <div className="view-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="ghost view-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`View: ${currentLabel}`}
        onClick={() => (open ? close({ refocus: false }) : show("current"))}
        onKeyDown={onButtonKey}
      >
        <span className="view-menu-current">{currentLabel}</span>
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label="Views and tags" className="view-menu-list" onKeyDown={onMenuKey}>
          <div role="group" aria-label="Views">
            {views.map(item)}
          </div>
          {tags.length > 0 && (
            <div role="group" aria-label="Tags">
              <div className="view-menu-heading" aria-hidden="true">
                Tags
              </div>
              {tags.map(item)}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
