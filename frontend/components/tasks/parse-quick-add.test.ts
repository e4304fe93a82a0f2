import { describe, expect, test } from "vitest";
import { parseQuickAdd, type QuickAddResult } from "./parse-quick-add";

// Thursday 3 December 2026, 10:00 in Paris (UTC+1 in winter). Every instant below is written in Paris time.
const now = new Date("2026-12-03T10:00:00+01:00");
const timeZone = "Europe/Paris";
const parse = (text: string, ignore?: ReadonlySet<string>) => parseQuickAdd(text, { now, timeZone, ignore });

interface Expected {
  title: string;
  /** Paris wall-clock "2026-12-04 09:00", or a day "2026-12-04" for an all-day due (ends 23:59:59). */
  due?: string;
  recurrence?: `${"daily" | "weekly" | "monthly" | "yearly"}/${number}`;
  priority?: "low" | "medium" | "high";
  tags?: string[];
}

const paris = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" });

/** The result as the table writes it; an all-day due must sit at 23:59:59.000 Paris time. */
function simplify(result: QuickAddResult): Expected {
  const expected: Expected = { title: result.title };
  if (result.due) {
    const stamp = paris.format(result.due.at);
    expect(result.due.at.getMilliseconds()).toBe(0);
    if (result.due.allDay) expect(stamp.slice(11)).toBe("23:59:59");
    else expect(stamp.slice(16)).toBe(":00");
    expected.due = result.due.allDay ? stamp.slice(0, 10) : stamp.slice(0, 16);
  }
  if (result.recurrence) expected.recurrence = `${result.recurrence.kind}/${result.recurrence.interval}`;
  if (result.priority) expected.priority = result.priority;
  if (result.tags.length) expected.tags = result.tags;
  return expected;
}

const phrasings: Array<[string, Expected]> = [
  // The example.
  ["Pay rent tomorrow 9am every month !high #home", { title: "Pay rent", due: "2026-12-04 09:00", recurrence: "monthly/1", priority: "high", tags: ["home"] }],
  ["Buy milk", { title: "Buy milk" }],

  // Days without a time: all day.
  ["Buy milk tomorrow", { title: "Buy milk", due: "2026-12-04" }],
  ["Buy milk today", { title: "Buy milk", due: "2026-12-03" }],
  ["Call dentist Fri", { title: "Call dentist", due: "2026-12-04" }],
  ["Call dentist on Friday", { title: "Call dentist", due: "2026-12-04" }],
  ["Report next Friday", { title: "Report", due: "2026-12-11" }],
  ["Submit taxes Dec 12", { title: "Submit taxes", due: "2026-12-12" }],
  ["Renew passport 5 May", { title: "Renew passport", due: "2027-05-05" }],
  ["Card for Ana Dec 1", { title: "Card for Ana", due: "2027-12-01" }],
  ["Book flights 12/25/2027", { title: "Book flights", due: "2027-12-25" }],
  ["Ship it in 3 days", { title: "Ship it", due: "2026-12-06" }],
  ["Review next week", { title: "Review", due: "2026-12-10" }],
  ["Pay bills end of month", { title: "Pay bills", due: "2026-12-31" }],

  // Times.
  ["Standup 9am", { title: "Standup", due: "2026-12-04 09:00" }],
  ["Standup today 9am", { title: "Standup", due: "2026-12-03 09:00" }],
  ["Lunch at noon", { title: "Lunch", due: "2026-12-03 12:00" }],
  ["Meet Jo at 14:30", { title: "Meet Jo", due: "2026-12-03 14:30" }],
  ["Call the bank 2 pm", { title: "Call the bank", due: "2026-12-03 14:00" }],
  ["Party tonight", { title: "Party", due: "2026-12-03 22:00" }],
  ["Call mom this evening", { title: "Call mom", due: "2026-12-03 20:00" }],
  ["Check the oven in 2 hours", { title: "Check the oven", due: "2026-12-03 12:00" }],
  ["Dinner Dec 12 at 7pm", { title: "Dinner", due: "2026-12-12 19:00" }],
  ["Sat 10am brunch", { title: "brunch", due: "2026-12-05 10:00" }],
  ["Pay Sun", { title: "Pay", due: "2026-12-06" }],
  ["Hike this weekend", { title: "Hike", due: "2026-12-05" }],
  ["Run tomorrow morning", { title: "Run", due: "2026-12-04 06:00" }],
  ["Order cake December 2nd", { title: "Order cake", due: "2027-12-02" }],
  ["tomorrow buy milk 9am", { title: "buy milk", due: "2026-12-04 09:00" }],
  ["Pay rent tomorrow !high 9am", { title: "Pay rent", due: "2026-12-04 09:00", priority: "high" }],

  // Recurrence; without a date it starts today.
  ["Water plants every day", { title: "Water plants", due: "2026-12-03", recurrence: "daily/1" }],
  ["Standup every day 9am", { title: "Standup", due: "2026-12-04 09:00", recurrence: "daily/1" }],
  ["Gym every monday 6pm", { title: "Gym", due: "2026-12-07 18:00", recurrence: "weekly/1" }],
  ["Backup weekly", { title: "Backup", due: "2026-12-03", recurrence: "weekly/1" }],
  ["Send invoices monthly", { title: "Send invoices", due: "2026-12-03", recurrence: "monthly/1" }],
  ["Sync daily", { title: "Sync", due: "2026-12-03", recurrence: "daily/1" }],
  ["Payroll every 2 weeks Fri", { title: "Payroll", due: "2026-12-04", recurrence: "weekly/2" }],
  ["Meds every 3 days", { title: "Meds", due: "2026-12-03", recurrence: "daily/3" }],
  ["1:1 every other week", { title: "1:1", due: "2026-12-03", recurrence: "weekly/2" }],
  ["Rent Every Month", { title: "Rent", due: "2026-12-03", recurrence: "monthly/1" }],
  ["Mum's birthday Dec 12 every year", { title: "Mum's birthday", due: "2026-12-12", recurrence: "yearly/1" }],
  ["Renew insurance yearly", { title: "Renew insurance", due: "2026-12-03", recurrence: "yearly/1" }],
  ["Check smoke alarms every 2 years", { title: "Check smoke alarms", due: "2026-12-03", recurrence: "yearly/2" }],
  ["Annual check every 365 days", { title: "Annual check", due: "2026-12-03", recurrence: "daily/365" }],
  ["Daily weekly report", { title: "weekly report", due: "2026-12-03", recurrence: "daily/1" }],

  // Priorities and tags.
  ["Fix bug !1", { title: "Fix bug", priority: "high" }],
  ["Fix bug !2", { title: "Fix bug", priority: "medium" }],
  ["Fix bug !3", { title: "Fix bug", priority: "low" }],
  ["Fix bug !High", { title: "Fix bug", priority: "high" }],
  ["Fix bug !medium", { title: "Fix bug", priority: "medium" }],
  ["Fix bug !high !low", { title: "Fix bug !low", priority: "high" }],
  ["Groceries #Home #errands #home", { title: "Groceries", tags: ["home", "errands"] }],
  ["Tidy #garden_shed #re-pot", { title: "Tidy", tags: ["garden_shed", "re-pot"] }],
  ["#home", { title: "#home", tags: ["home"] }],
  ["tomorrow", { title: "tomorrow", due: "2026-12-04" }],

  // Not parsed: the words belong to the title.
  ["Call May about the 1st draft", { title: "Call May about the 1st draft" }],
  ["Read 1984", { title: "Read 1984" }],
  ["Mayday plan", { title: "Mayday plan" }],
  ["Buy 2 apples", { title: "Buy 2 apples" }],
  ["Room 101", { title: "Room 101" }],
  ["Email march report", { title: "Email march report" }],
  ["Call mom at 5", { title: "Call mom at 5" }],
  ["Buy 1/2 pound of flour", { title: "Buy 1/2 pound of flour" }],
  ["Take a day off", { title: "Take a day off" }],
  ["Plan 3 days trip", { title: "Plan 3 days trip" }],
  ["Buy sun cream", { title: "Buy sun cream" }],
  ["Update the 3rd floor", { title: "Update the 3rd floor" }],
  ["Season 2 episode 5", { title: "Season 2 episode 5" }],
  ["Read every book", { title: "Read every book" }],
  ["Meds every 0 days", { title: "Meds every 0 days" }],
  ["Meds every 400 days", { title: "Meds every 400 days" }],
  ["Fix p1 bug", { title: "Fix p1 bug" }],
  ["wow!high a#b", { title: "wow!high a#b" }],
  ["Fix bug !10 !urgent", { title: "Fix bug !10 !urgent" }],
  ["Everyday carry", { title: "Everyday carry" }],
  ["Morning pages", { title: "Morning pages" }],
  ["Night shift rota", { title: "Night shift rota" }],
  ["Weekend plans", { title: "Weekend plans" }],
  ["Call Jan", { title: "Call Jan" }],
  // Debatable, chosen: a weekday is a date even inside a show's name; one undo puts it back.
  ["Watch Friday Night Lights", { title: "Watch Lights", due: "2026-12-04 20:00" }],

  // Unicode, spacing, empty.
  ["Réunion équipe demain 11am #Équipe", { title: "Réunion équipe demain", due: "2026-12-03 11:00", tags: ["équipe"] }],
  ["买牛奶 tomorrow #购物", { title: "买牛奶", due: "2026-12-04", tags: ["购物"] }],
  ["🎂 Cake for Ana Sat", { title: "🎂 Cake for Ana", due: "2026-12-05" }],
  ["  Pay \t rent\n tomorrow  ", { title: "Pay rent", due: "2026-12-04" }],
  ["", { title: "" }],
  ["   ", { title: "" }],
];

describe("parseQuickAdd phrasings", () => {
  test.each(phrasings)("%j", (text, expected) => {
    const result = parse(text);
    expect(simplify(result)).toEqual(expected);
    for (const p of result.parts) expect(text.slice(p.start, p.end)).toBe(p.text);
    const spans = result.parts.map((p) => [p.start, p.end] as const);
    spans.slice(1).forEach(([start], i) => expect(start).toBeGreaterThanOrEqual(spans[i]![1]));
  });

  test("the table is at least 40 phrasings", () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(40);
  });
});

describe("parts", () => {
  test("the example's parts are its spans, in text order, with kind:start keys", () => {
    expect(parse("Pay rent tomorrow 9am every month !high #home").parts).toEqual([
      { kind: "date", start: 9, end: 21, text: "tomorrow 9am", key: "date:9" },
      { kind: "recurrence", start: 22, end: 33, text: "every month", key: "recurrence:22" },
      { kind: "priority", start: 34, end: 39, text: "!high", key: "priority:34" },
      { kind: "tag", start: 40, end: 45, text: "#home", key: "tag:40" },
    ]);
  });

  test("a date cut by a marker is highlighted around it, both pieces under one key", () => {
    const dates = parse("Pay rent tomorrow !high 9am").parts.filter((p) => p.kind === "date");
    expect(dates).toEqual([
      { kind: "date", start: 9, end: 17, text: "tomorrow", key: "date:9" },
      { kind: "date", start: 24, end: 27, text: "9am", key: "date:9" },
    ]);
  });

  test("a date and a separate time are two parts, each undoable", () => {
    expect(parse("tomorrow buy milk 9am").parts.map((p) => p.key)).toEqual(["date:0", "date:18"]);
    expect(simplify(parse("tomorrow buy milk 9am", new Set(["date:18"])))).toEqual({ title: "buy milk 9am", due: "2026-12-04" });
  });

  test("a tag longer than 32 characters stays in the title", () => {
    const tag = `#${"a".repeat(33)}`;
    expect(simplify(parse(`Plan ${tag} #ok`))).toEqual({ title: `Plan ${tag}`, tags: ["ok"] });
    expect(parse(`Plan #${"b".repeat(32)}`).tags).toEqual(["b".repeat(32)]);
  });

  test("an 11th tag stays in the title", () => {
    const tags = Array.from({ length: 11 }, (_, i) => `#t${i}`);
    const result = parse(`Plan ${tags.join(" ")}`);
    expect(result.tags).toEqual(tags.slice(0, 10).map((t) => t.slice(1)));
    expect(result.title).toBe("Plan #t10");
  });
});

describe("undo through ignore", () => {
  const example = "Pay rent tomorrow 9am every month !high #home";

  test("an undone date stays in the title; the recurrence then starts today", () => {
    expect(simplify(parse(example, new Set(["date:9"])))).toEqual({ title: "Pay rent tomorrow 9am", due: "2026-12-03", recurrence: "monthly/1", priority: "high", tags: ["home"] });
  });

  test("each kind of part can be undone on its own", () => {
    expect(simplify(parse(example, new Set(["recurrence:22"])))).toEqual({ title: "Pay rent every month", due: "2026-12-04 09:00", priority: "high", tags: ["home"] });
    expect(simplify(parse(example, new Set(["priority:34"])))).toEqual({ title: "Pay rent !high", due: "2026-12-04 09:00", recurrence: "monthly/1", tags: ["home"] });
    expect(simplify(parse(example, new Set(["tag:40"])))).toEqual({ title: "Pay rent #home", due: "2026-12-04 09:00", recurrence: "monthly/1", priority: "high" });
  });

  test("an undone part is not read by anything else, and leaves the parts list", () => {
    const result = parse("Gym every monday", new Set(["recurrence:4"]));
    expect(simplify(result)).toEqual({ title: "Gym every", due: "2026-12-07" });
    expect(result.parts.map((p) => p.key)).toEqual(["date:10"]);
    expect(simplify(parse("Gym every monday", new Set(["date:10"])))).toEqual({ title: "Gym every monday" });
  });

  test("both pieces of a cut date go back together", () => {
    expect(simplify(parse("Pay rent tomorrow !high 9am", new Set(["date:9"])))).toEqual({ title: "Pay rent tomorrow 9am", priority: "high" });
  });

  test("undoing the first priority lets the next one count", () => {
    expect(simplify(parse("Fix bug !high !low", new Set(["priority:8"])))).toEqual({ title: "Fix bug !high", priority: "low" });
  });

  test("a whole kind can be switched off", () => {
    expect(simplify(parse(example, new Set(["date", "tag"])))).toEqual({ title: "Pay rent tomorrow 9am #home", due: "2026-12-03", recurrence: "monthly/1", priority: "high" });
  });

  test("the Friday Night Lights choice is one undo away", () => {
    expect(simplify(parse("Watch Friday Night Lights", new Set(["date:6"])))).toEqual({ title: "Watch Friday Night Lights" });
  });
});

describe("time zones", () => {
  test("an all-day due ends at 23:59:59.000 local time", () => {
    expect(parse("Buy milk tomorrow").due).toEqual({ at: new Date("2026-12-04T23:59:59.000+01:00"), allDay: true });
  });

  test("'today' is the zone's day, not the runtime's or UTC's", () => {
    const lateInLosAngeles = new Date("2026-12-03T23:30:00-08:00");
    const result = parseQuickAdd("Bins today", { now: lateInLosAngeles, timeZone: "America/Los_Angeles" });
    expect(result.due).toEqual({ at: new Date("2026-12-03T23:59:59-08:00"), allDay: true });
    const tokyo = parseQuickAdd("Bins tomorrow 9am", { now: lateInLosAngeles, timeZone: "Asia/Tokyo" });
    expect(tokyo.due).toEqual({ at: new Date("2026-12-05T09:00:00+09:00"), allDay: false });
  });

  test("a time across a daylight-saving change keeps its wall-clock hour", () => {
    const march = new Date("2026-03-20T10:00:00+01:00");
    expect(parseQuickAdd("Dentist Apr 2 9am", { now: march, timeZone }).due?.at).toEqual(new Date("2026-04-02T09:00:00+02:00"));
    expect(parseQuickAdd("Dentist Apr 2", { now: march, timeZone }).due?.at).toEqual(new Date("2026-04-02T23:59:59+02:00"));
  });

  test("a relative time is whole minutes", () => {
    const result = parseQuickAdd("Check the oven in 2 hours", { now: new Date("2026-12-03T10:17:43.512+01:00"), timeZone });
    expect(result.due).toEqual({ at: new Date("2026-12-03T12:17:00+01:00"), allDay: false });
  });

  test("an explicit zone in the text wins", () => {
    expect(parse("Call NY 5pm EST").due).toEqual({ at: new Date("2026-12-03T17:00:00-05:00"), allDay: false });
  });

  test("without timeZone the runtime's zone is used", () => {
    const runtime = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(parseQuickAdd("Standup tomorrow 9am", { now })).toEqual(parseQuickAdd("Standup tomorrow 9am", { now, timeZone: runtime }));
  });

  test("an unknown zone is refused", () => {
    expect(() => parseQuickAdd("Standup 9am", { now, timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("long input", () => {
  test.each([
    ["words", "Buy milk tomorrow ".repeat(500)],
    ["markers", "#".repeat(5000) + "!".repeat(5000) + " every".repeat(2000)],
    ["spaces", `every${" ".repeat(10000)}x`],
    ["digits", "9".repeat(10000) + ":".repeat(100)],
  ])("%s: parsed quickly", (_name, text) => {
    const started = performance.now();
    const result = parse(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(typeof result.title).toBe("string");
  });

  test("only the first date of a long repeated text counts", () => {
    const result = parse("Buy milk tomorrow ".repeat(50));
    expect(result.due).toEqual({ at: new Date("2026-12-04T23:59:59+01:00"), allDay: true });
    expect(result.parts).toHaveLength(1);
  });
});
