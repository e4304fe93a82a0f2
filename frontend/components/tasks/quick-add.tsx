"use client";
/**
 * Quick add: type a task the way you would say it ("Pay rent tomorrow 9am every month !high #home")
 * and press Enter. The parts the parser recognises are highlighted in the box itself and listed
 * under it before Enter. Backspace right after a part, or its ✕, keeps its words in the title
 * instead; "More options" opens every other field.
 *
 * The highlight is a layer behind the input that repeats its text invisibly with the parts marked;
 * the input, transparent over it, stays the one real control for typing, IME, selection and screen
 * readers. The layer follows the input's horizontal scroll.
 */
import { type FormEvent, type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from "react";
import { describeRecurrence, formatDue, toDueInputs } from "./dates";
import type { QuickAddPart, QuickAddResult } from "./parse-quick-add";
import { partBeforeCaret, runsOf, undoneMessage } from "./quick-add-marks";
import { Problem } from "./field-parts";
import { LazyTaskFields } from "./lazy-task-fields";
import { type FormProblems, readTaskForm } from "./task-form";
import { parseTags, TITLE_MAX } from "./task-rules";
import type { TaskActions } from "./use-tasks";

type Parse = typeof import("./parse-quick-add").parseQuickAdd;

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The parser (with chrono-node) is fetched once the box is first used, so it costs the first screen nothing. */
let parserLoad: Promise<Parse> | null = null;
const loadParser = () => (parserLoad ??= import("./parse-quick-add").then((module) => module.parseQuickAdd));

/** What a recognised part means, in the row's own words. */
function meaning(part: QuickAddPart, result: QuickAddResult, now: Date): string {
  if (part.kind === "date" && result.due) return formatDue(result.due.at.toISOString(), result.due.allDay, now);
  if (part.kind === "recurrence" && result.recurrence) return describeRecurrence(result.recurrence.kind, result.recurrence.interval) ?? part.text;
  if (part.kind === "priority" && result.priority) return `${result.priority[0]!.toUpperCase()}${result.priority.slice(1)} priority`;
  return part.text.toLowerCase();
}

/** The parsed fields as the form's own fields, so one reader checks and sends both alike. */
function withParsed(data: FormData, result: QuickAddResult) {
  data.set("title", result.title);
  if (result.due && !String(data.get("due_date") ?? "")) {
    const due = toDueInputs(result.due.at.toISOString(), result.due.allDay);
    data.set("due_date", due.date);
    data.set("due_time", due.time);
  }
  if (result.priority) data.set("priority", result.priority);
  if (result.recurrence) {
    data.set("recurrence", result.recurrence.kind);
    data.set("recurrence_interval", String(result.recurrence.interval));
  }
  if (result.tags.length) data.set("tags", [...parseTags(String(data.get("tags") ?? "")), ...result.tags].join(","));
}

export function QuickAdd({ create, titleRef }: { create: TaskActions["create"]; titleRef: RefObject<HTMLInputElement | null> }) {
  const [expanded, setExpanded] = useState(false);
  const [problems, setProblems] = useState<FormProblems>({});
  const [parse, setParse] = useState<Parse | null>(null);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<{ parsed: QuickAddResult; now: Date } | null>(null);
  const [text, setText] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const marksRef = useRef<HTMLDivElement>(null);

  const followScroll = () => {
    if (marksRef.current && titleRef.current) marksRef.current.scrollLeft = titleRef.current.scrollLeft;
  };
  // Typing moves the caret, and with it the input's scroll, without a scroll event in every browser.
  useLayoutEffect(followScroll);

  function read(value: string, ignore: ReadonlySet<string>, parser = parse) {
    const now = new Date();
    setResult(parser && value.trim() ? { parsed: parser(value, { now, timeZone: zone(), ignore }), now } : null);
  }

  /** `value` is the box's text as of this call: the last call's callback runs last, with the latest text. */
  function startParser(value = text) {
    if (parse) return;
    void loadParser().then((parser) => {
      setParse(() => parser);
      read(value, ignored, parser);
    });
  }

  // An undone part stays undone while its words stay where they were (the parser keys parts by place).
  function onText(value: string) {
    setText(value);
    read(value, ignored);
    // A box focused before the page hydrated never saw its focus event: typing fetches the parser then.
    startParser(value);
  }

  function keepInTitle(part: QuickAddPart) {
    const next = new Set(ignored).add(part.key);
    setIgnored(next);
    read(text, next);
    setAnnouncement(undoneMessage(part));
    titleRef.current?.focus();
  }

  // The first Backspace after a part undoes the part and keeps the words; the next one deletes as usual.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Backspace" || event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const part = partBeforeCaret(parts, event.currentTarget.selectionStart, event.currentTarget.selectionEnd);
    if (!part) return;
    event.preventDefault();
    keepInTitle(part);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    // Read again at the moment of adding, so "in 2 hours" counts from now, not from the last keystroke;
    // an Enter faster than the parser's download waits for it rather than adding the words unread.
    const parser = parse ?? (await loadParser());
    if (text.trim()) withParsed(data, parser(text, { now: new Date(), timeZone: zone(), ignore: ignored }));
    const { body, problems: found } = readTaskForm(data);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void create(body);
    // Words typed while the parser was still on its way are the next task's: they stay.
    if ((titleRef.current?.value ?? "") !== text) return;
    form.reset();
    setText("");
    setIgnored(new Set());
    setResult(null);
    setAnnouncement("");
    titleRef.current?.focus();
  }

  const parts = result?.parsed.parts ?? [];
  return (
    <form className="quick-add" onSubmit={onSubmit} noValidate aria-label="Add a task">
      <div className="quick-row">
        <div className="field grow">
          <label htmlFor="new-title" className="sr-only">
            New task
          </label>
          <div className="quick-input">
            <div ref={marksRef} className="quick-marks" aria-hidden="true">
              {runsOf(text, parts).map((run, index) =>
                run.kind ? (
                  <mark key={index} className={`mark-${run.kind}`}>
                    {run.text}
                  </mark>
                ) : (
                  <span key={index}>{run.text}</span>
                ),
              )}
            </div>
            <input
              id="new-title"
              ref={titleRef}
              name="title"
              placeholder="Add a task: Pay rent tomorrow 9am every month !high #home"
              maxLength={TITLE_MAX}
              autoComplete="off"
              onFocus={() => startParser()}
              value={text}
              onChange={(e) => onText(e.target.value)}
              onKeyDown={onKeyDown}
              onScroll={followScroll}
              aria-invalid={problems.title ? true : undefined}
              aria-describedby={[problems.title ? "new-title-problem" : "", parts.length ? "new-title-parts" : ""].filter(Boolean).join(" ") || undefined}
            />
          </div>
          <Problem id="new-title-problem" text={problems.title} />
        </div>
        <button type="button" className="ghost small more" aria-label={expanded ? "Fewer options" : "More options"} aria-expanded={expanded} aria-controls="new-task-options" onClick={() => setExpanded(!expanded)}>
          <span className="wide-only">{expanded ? "Fewer options" : "More options"}</span>
          <span className="narrow-only" aria-hidden="true">
            ⋯
          </span>
        </button>
        <button type="submit" className="primary">
          Add task
        </button>
      </div>
      <div id="new-title-parts" className="parsed" aria-live="polite">
        {parts.length > 0 && result && (
          <>
            <span className="sr-only">Recognised: </span>
            {parts.map((part) => (
              <span key={`${part.key}-${part.start}`} className={`parsed-part parsed-${part.kind}`}>
                <mark>{part.text}</mark> {meaning(part, result.parsed, result.now)}
                <button type="button" className="icon" onClick={() => keepInTitle(part)} aria-label={`Keep "${part.text}" in the title`} title="Keep these words in the title">
                  ✕
                </button>
              </span>
            ))}
            <span className="parsed-title">Title: {result.parsed.title}</span>
          </>
        )}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {expanded && (
        <div id="new-task-options">
          <LazyTaskFields idPrefix="new" problems={problems} />
        </div>
      )}
    </form>
  );
}
