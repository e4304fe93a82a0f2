/**
 * Reads a quick-add line the way Todoist does: "Pay rent tomorrow 9am every month !high #home"
 * becomes a title, a due date, a recurrence, a priority and tags, with every recognised span
 * reported so the form can highlight it and undo it.
 *
 * Public API (stable):
 *
 *   parseQuickAdd(text, { now, timeZone?, ignore? }): QuickAddResult
 *
 * - `now` is the reference instant; `timeZone` an IANA zone ("Europe/Paris"), by default the
 *   runtime's own. An unknown zone throws a RangeError (from Intl).
 * - `ignore` holds part keys the user undid, or whole kinds ("date", "recurrence", "priority",
 *   "tag") to switch off. An ignored span is plain title text: no other reader claims it.
 * - `parts` are the recognised spans of the ORIGINAL text, in text order: `start`/`end` are
 *   UTF-16 offsets (`text.slice(start, end) === part.text`). `key` is `${kind}:${start}`, shared
 *   by the pieces of one date cut by a marker ("tomorrow !high 9am"); treat it as opaque. It
 *   changes when text before the part is edited, so an undo is forgotten then.
 * - `title` is the text without the recognised parts, whitespace collapsed. If nothing would be
 *   left ("tomorrow", "#home"), the whole text is the title and the parts still count.
 * - `due.at` is the instant, in whole minutes. `due.allDay` is true when no time was given; `at`
 *   is then the end of that local day, 23:59:59.000 in `timeZone` (set the API's `all_day` from it).
 * - `recurrence` without any date makes the due today, all day; with only a time ("every day
 *   9am") the due is the next such time.
 *
 * What is read:
 * - Dates and times by chrono-node (casual English, forwardDate), accepted only if they name a
 *   day: a day with its month ("Dec 12", "12 May", "12/25/2027"), a weekday ("Fri", "next
 *   Monday"), a relative day ("today", "tomorrow", "in 3 days", "next week", "end of month"), or a
 *   time: am/pm ("9am", "2 pm"), a clock "HH:MM" ("14:30", "9:30"), or a named time ("noon",
 *   "midnight", "tonight", "this evening").
 * - Recurrence: "daily"/"weekly"/"monthly"/"yearly", "every day|week|month|year", "every N
 *   days|weeks|months|years" (N in 1..365), "every other day|week|month|year" (N = 2), and
 *   "every <weekday>" (weekly, due that weekday; the weekday is its own date part).
 * - Priority: "!high" "!medium" "!low", or "!1" "!2" "!3" with 1 = high (the `!` keeps "p1 bug" and
 *   "High tea" titles). Tags: "#home", lowercased, letters/digits/_/-, at most 32 characters,
 *   duplicates merged, at most 10 (a longer or 11th tag stays in the title).
 * - Markers start at the beginning of the text or after a space: "a#b" and "wow!high" are title.
 *
 * What is NOT read (stays in the title):
 * - A month name alone ("Email march report", "Mayday plan", "Call May about the 1st draft").
 * - A bare number, year or ordinal ("Read 1984", "Buy 2 apples", "Room 101", "the 3rd floor").
 * - A bare hour without am/pm or minutes ("Call mom at 5": 5am or 5pm? Write "at 5pm").
 * - A number with a slash and no year ("Buy 1/2 pound", "12/5": a fraction, and US/EU differ).
 * - A duration without "in" ("Take a day off", "Plan 3 days trip"); "in 3 days" is a date.
 * - The lower-case weekday abbreviations that are words: "sun", "sat", "wed" ("Buy sun cream");
 *   "Sun", "Sat", "Wed", "sat 10am" and the full names are days.
 * - A part of the day or "weekend" alone ("Morning pages", "Night shift", "Weekend plans");
 *   "this evening", "tomorrow morning", "Friday night", "this weekend" are read.
 *
 * Ambiguities:
 * - Weekday names inside a title are read: "Watch Friday Night Lights" is due Friday 20:00;
 *   one undo puts it back. We chose the common "Fri" over the rare show title.
 * - Each of date, priority and recurrence is read once: the first occurrence counts, later ones
 *   stay in the title (undo the first and the next one counts). A date and a separate time
 *   ("tomorrow buy milk 9am") are joined into one due; both spans are date parts.
 * - A time already past today moves to tomorrow ("9am" at 10:00 is tomorrow 9am), recurring or
 *   not; a day said outright keeps it ("today 9am" at 10:00 is today, overdue). A date without a
 *   year that has passed is next year's ("Dec 1" on Dec 3).
 * - An explicit zone ("5pm EST") and "in 2 hours" are read as chrono gives them; other wall-clock
 *   times are placed in `timeZone`, so a due across a daylight-saving change keeps its hour.
 */
// The English entry point alone: the package root would bring every locale into the browser bundle.
import * as chrono from "chrono-node/en";
import type { components } from "@/lib/generated/api";
import { TAG_LENGTH_MAX, TAGS_MAX } from "./task-rules";

export type QuickAddPriority = components["schemas"]["Priority"];
export type QuickAddRecurrenceKind = Exclude<components["schemas"]["Recurrence"], "none">;
export type QuickAddPartKind = "date" | "recurrence" | "priority" | "tag";

export interface QuickAddPart {
  kind: QuickAddPartKind;
  start: number;
  end: number;
  text: string;
  key: string;
}

export interface QuickAddResult {
  title: string;
  due: { at: Date; allDay: boolean } | null;
  recurrence: { kind: QuickAddRecurrenceKind; interval: number } | null;
  priority: QuickAddPriority | null;
  tags: string[];
  parts: QuickAddPart[];
}

export interface QuickAddOptions {
  now: Date;
  timeZone?: string;
  ignore?: ReadonlySet<string>;
}

export const RECURRENCE_INTERVAL_MAX = 365;

// Markers are tokens: at the start or after whitespace, ending before a letter or digit would go on.
const TAG = /(?<!\S)#([\p{L}\p{N}_-]+)/gu;
const PRIORITY = /(?<!\S)!(high|medium|low|1|2|3)(?![\p{L}\p{N}_])/giu;
const RECURRENCE = /(?<![\p{L}\p{N}_#!])(?:(daily|weekly|monthly|yearly)|every\s+(?:(other)\s+|(\d{1,3})\s+)?(day|week|month|year)s?|(every)(?=\s))(?![\p{L}\p{N}_])/giu;

const PRIORITY_WORDS: Record<string, QuickAddPriority> = { high: "high", "1": "high", medium: "medium", "2": "medium", low: "low", "3": "low" };
const ADVERB_KINDS: Record<string, QuickAddRecurrenceKind> = { daily: "daily", weekly: "weekly", monthly: "monthly", yearly: "yearly" };
const UNIT_KINDS: Record<string, QuickAddRecurrenceKind> = { day: "daily", week: "weekly", month: "monthly", year: "yearly" };
// chrono reads these alone as dates; in a title they are more often plain words.
const WORDS_NOT_WEEKDAYS = new Set(["sun", "sat", "wed"]);
const WORDS_NOT_DATES_ALONE = new Set(["weekend", "morning", "afternoon", "evening", "night"]);

interface Marker extends QuickAddPart {
  /** Records the marker if its kind still has room; false leaves it in the title. */
  take: (found: Found) => boolean;
}

interface Found {
  priority: QuickAddPriority | null;
  recurrence: { kind: QuickAddRecurrenceKind; interval: number } | null;
  tags: string[];
}

function part(kind: QuickAddPartKind, start: number, text: string, key = `${kind}:${start}`): QuickAddPart {
  return { kind, start, end: start + text.length, text, key };
}

export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAddResult {
  const ignore = options.ignore ?? new Set<string>();
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const isIgnored = (p: QuickAddPart) => ignore.has(p.key) || ignore.has(p.kind);

  const markers = findMarkers(text);
  // Every marker span, kept or undone, is hidden from chrono, so it can never become a date.
  const masked = maskSpans(text, markers);
  const weekdayEvery = markers.filter((m) => m.kind === "recurrence" && m.text.toLowerCase() === "every");
  const kept = markers.filter((m) => !isIgnored(m) && !weekdayEvery.includes(m));

  const found: Found = { priority: null, recurrence: null, tags: [] };
  const parts: QuickAddPart[] = kept.filter((marker) => marker.take(found)).map(asPart);

  const dates = ignore.has("date") ? [] : readDates(masked, options.now, timeZone).filter((d) => !isIgnored(d.part));
  const due = joinDue(dates, timeZone);
  // A date chrono read across a marker ("tomorrow !high 9am") is highlighted around it.
  if (due) parts.push(...due.parts.flatMap((p) => piecesAround(text, p, markers)));

  // "every Monday": weekly, due that Monday; "every" alone is its own part so each can be undone.
  const weekday = due?.weekdayStart;
  if (!found.recurrence && weekday !== undefined) {
    const every = weekdayEvery.find((m) => /^\s*$/.test(text.slice(m.end, weekday)));
    if (every && !isIgnored(every)) {
      found.recurrence = { kind: "weekly", interval: 1 };
      parts.push(asPart(every));
    }
  }

  let dueValue = due ? { at: due.at, allDay: due.allDay } : null;
  if (found.recurrence && !dueValue) dueValue = { at: endOfLocalDay(options.now, timeZone), allDay: true };

  parts.sort((a, b) => a.start - b.start);
  return { title: titleWithout(text, parts), due: dueValue, recurrence: found.recurrence, priority: found.priority, tags: found.tags, parts };
}

function asPart({ kind, start, end, text, key }: Marker): QuickAddPart {
  return { kind, start, end, text, key };
}

/** `span` without the markers inside it, as trimmed pieces that share its key. */
function piecesAround(text: string, span: QuickAddPart, markers: readonly QuickAddPart[]): QuickAddPart[] {
  const pieces: QuickAddPart[] = [];
  let from = span.start;
  const inside = markers.filter((m) => m.start >= span.start && m.end <= span.end);
  for (const cut of [...inside, { start: span.end, end: span.end }]) {
    const raw = text.slice(from, cut.start);
    const piece = raw.trim();
    if (piece) pieces.push(part(span.kind, from + raw.indexOf(piece), piece, span.key));
    from = cut.end;
  }
  return pieces;
}

/** Tags, priorities and recurrences, in text order; each with the `take` that records it. */
function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = (match[1] ?? "").toLowerCase();
    if (tag.length > TAG_LENGTH_MAX) continue;
    markers.push({
      ...part("tag", match.index, match[0]),
      take: (found) => {
        if (found.tags.includes(tag)) return true;
        if (found.tags.length >= TAGS_MAX) return false;
        found.tags.push(tag);
        return true;
      },
    });
  }
  for (const match of text.matchAll(PRIORITY)) {
    const priority = PRIORITY_WORDS[(match[1] ?? "").toLowerCase()] ?? "medium";
    markers.push({
      ...part("priority", match.index, match[0]),
      take: (found) => {
        if (found.priority) return false;
        found.priority = priority;
        return true;
      },
    });
  }
  for (const match of text.matchAll(RECURRENCE)) {
    const [whole, adverb, other, count, unit] = match;
    const interval = other ? 2 : count ? Number(count) : 1;
    // "every" alone waits for a weekday ("every Monday"), which makes it weekly.
    const kind = (adverb ? ADVERB_KINDS[adverb.toLowerCase()] : UNIT_KINDS[unit?.toLowerCase() ?? ""]) ?? "weekly";
    if (interval < 1 || interval > RECURRENCE_INTERVAL_MAX) continue;
    markers.push({
      ...part("recurrence", match.index, whole),
      take: (found) => {
        if (found.recurrence) return false;
        found.recurrence = { kind, interval };
        return true;
      },
    });
  }
  return markers.sort((a, b) => a.start - b.start);
}

function maskSpans(text: string, spans: readonly QuickAddPart[]): string {
  let masked = text;
  for (const span of spans) masked = masked.slice(0, span.start) + " ".repeat(span.end - span.start) + masked.slice(span.end);
  return masked;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

interface DateRead {
  part: QuickAddPart;
  /** The wall-clock values chrono read; placed in the zone once a day and a time are joined. */
  hasDay: boolean;
  hasTime: boolean;
  clock: WallClock;
  /** Set when chrono fixed the instant itself: an explicit zone ("5pm EST") or "in 2 hours". */
  instant: Date | null;
  weekday: boolean;
}

function readDates(masked: string, now: Date, timeZone: string): DateRead[] {
  const reference = { instant: now, timezone: zoneOffsetMinutes(now, timeZone) };
  const forward = chrono.casual.parse(masked, reference, { forwardDate: true });
  // forwardDate also makes the "in" of "in 3 days" optional, which reads "a day off" as a date;
  // a span counts only if chrono finds it without forwardDate too.
  const plain = new Set(chrono.casual.parse(masked, reference).map((r) => `${r.index}:${r.text}`));
  return forward.filter((r) => plain.has(`${r.index}:${r.text}`)).flatMap((r) => {
    const read = toDateRead(r, masked);
    return read ? [read] : [];
  });
}

function toDateRead(result: chrono.ParsedResult, masked: string): DateRead | null {
  const start = result.start;
  const tags = result.tags();
  const namedTime = tags.has("parser/ENCasualTimeParser") || tags.has("casualReference/tonight");
  const clockTime = start.isCertain("hour") && (start.isCertain("meridiem") || result.text.includes(":"));
  const hasTime = namedTime || clockTime;
  const slashWithoutYear = tags.has("parser/SlashDateFormatParser") && !start.isCertain("year");
  const dayAndMonth = start.isCertain("day") && start.isCertain("month") && !slashWithoutYear;
  if (WORDS_NOT_DATES_ALONE.has(result.text.toLowerCase())) return null;
  const weekday = start.isCertain("weekday") && !WORDS_NOT_WEEKDAYS.has(result.text);
  const relative = tags.has("result/relativeDate");
  const hasDay = dayAndMonth || weekday || relative;
  if (!hasDay && !hasTime) return null;
  const get = (c: chrono.Component) => start.get(c) ?? 0;
  const clock = { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
  // Whole minutes: "in 2 hours" said at 10:17:43 is due at 12:17.
  const instant = start.isCertain("timezoneOffset") ? new Date(Math.floor(start.date().getTime() / 60000) * 60000) : null;
  // chrono keeps "at 5pm" and "on Friday" together but not "at noon"; the preposition goes with the date.
  const before = masked.slice(0, result.index).trimEnd();
  const preposition = /(?:^|\s)(?:at|on)$/i.exec(before.slice(-3));
  const from = preposition ? before.length - 2 : result.index;
  const span = part("date", from, masked.slice(from, result.index + result.text.length));
  return { part: span, hasDay, hasTime, clock, instant, weekday };
}

interface Due {
  at: Date;
  allDay: boolean;
  parts: QuickAddPart[];
  weekdayStart?: number;
}

/** The first date counts; a time-only read after a day-only one (or the reverse) completes it. */
function joinDue(dates: readonly DateRead[], timeZone: string): Due | null {
  const [first, ...rest] = dates;
  if (!first) return null;
  const completes = (d: DateRead) => !d.instant && (first.hasTime ? d.hasDay && !d.hasTime : d.hasTime && !d.hasDay);
  const partner = first.instant || (first.hasDay && first.hasTime) ? undefined : rest.find(completes);
  const dayRead = partner && !first.hasDay ? partner : first;
  const timeRead = partner && !first.hasTime ? partner : first;
  const parts = partner ? [first.part, partner.part] : [first.part];
  const weekdayStart = dayRead.weekday ? dayRead.part.start : undefined;
  if (first.instant && !partner) return { at: first.instant, allDay: false, parts, weekdayStart };
  const allDay = !timeRead.hasTime;
  const { year, month, day } = dayRead.clock;
  const { hour, minute, second } = allDay ? { hour: 23, minute: 59, second: 59 } : timeRead.clock;
  return { at: zonedInstant({ year, month, day, hour, minute, second }, timeZone), allDay, parts, weekdayStart };
}

function titleWithout(text: string, parts: readonly QuickAddPart[]): string {
  const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
  const title = collapse(maskSpans(text, parts));
  return title || collapse(text);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC that `timeZone`'s clocks show at `instant`. */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const value = (type: string) => Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant `timeZone`'s clocks show `clock`; in a spring-forward gap, the hour after. */
function zonedInstant(clock: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const firstGuess = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60000;
  const offset = zoneOffsetMinutes(new Date(firstGuess), timeZone);
  return new Date(asUtc - offset * 60000);
}

function endOfLocalDay(now: Date, timeZone: string): Date {
  const local = new Date(now.getTime() + zoneOffsetMinutes(now, timeZone) * 60000);
  return zonedInstant({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: 23, minute: 59, second: 59 }, timeZone);
}
