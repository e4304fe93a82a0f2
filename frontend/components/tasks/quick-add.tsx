"use client";
/**
 * Quick add: type a task the way you would say it ("Pay rent tomorrow 9am every month !high #home")
 * and press Enter. The parts the parser recognises show under the box before Enter, each with an ✕
 * that keeps its words in the title instead; "More options" opens every other field.
 */
import { type FormEvent, type RefObject, useState } from "react";
import { describeRecurrence, formatDue, toDueInputs } from "./dates";
import type { QuickAddPart, QuickAddResult } from "./parse-quick-add";
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

  function read(value: string, ignore: ReadonlySet<string>, parser = parse) {
    const now = new Date();
    setResult(parser && value.trim() ? { parsed: parser(value, { now, timeZone: zone(), ignore }), now } : null);
  }

  function startParser() {
    if (parse) return;
    void loadParser().then((parser) => {
      setParse(() => parser);
      read(text, ignored, parser);
    });
  }

  // An undone part stays undone while its words stay where they were (the parser keys parts by place).
  function onText(value: string) {
    setText(value);
    read(value, ignored);
  }

  function keepInTitle(part: QuickAddPart) {
    const next = new Set(ignored).add(part.key);
    setIgnored(next);
    read(text, next);
    titleRef.current?.focus();
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
    create.mutate(body);
    // Words typed while the parser was still on its way are the next task's: they stay.
    if ((titleRef.current?.value ?? "") !== text) return;
    form.reset();
    setText("");
    setIgnored(new Set());
    setResult(null);
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
          <input
            id="new-title"
            ref={titleRef}
            name="title"
            placeholder="Add a task: Pay rent tomorrow 9am every month !high #home"
            maxLength={TITLE_MAX}
            autoComplete="off"
            onFocus={startParser}
            value={text}
            onChange={(e) => onText(e.target.value)}
            aria-invalid={problems.title ? true : undefined}
            aria-describedby={[problems.title ? "new-title-problem" : "", parts.length ? "new-title-parts" : ""].filter(Boolean).join(" ") || undefined}
          />
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
      {expanded && (
        <div id="new-task-options">
          <LazyTaskFields idPrefix="new" problems={problems} />
        </div>
      )}
    </form>
  );
}
