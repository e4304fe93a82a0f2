"""Repeat rules (RFC 5545 RRULE strings) and when the next occurrence of a task falls due.

The rule is computed by python-dateutil's `rrule` on the task's local wall-clock time, so 09:00 in
Berlin stays 09:00 across DST (app.timezones says how skipped and repeated times resolve).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.rrule import rrule, rrulestr

from app.timezones import from_wall_time, local_wall_time

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# A series ends only when its task is not completed again, so COUNT and UNTIL have no meaning here.
# The time of day comes from the due date unless BYHOUR etc. say otherwise, which the scheduler
# writes itself after a DST gap moved an occurrence (see next_occurrence).
ALLOWED_PARTS = {
    "FREQ",
    "INTERVAL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
}
MAX_INTERVAL = 365
MAX_RULE_LENGTH = 200
# Parts that already say which day of the month (or year) the rule means.
DAY_PARTS = {"BYDAY", "BYMONTHDAY", "BYSETPOS"}
SEARCH_START = datetime(9972, 1, 1)


@dataclass(frozen=True)
class Rule:
    """A checked rule: its normalised text, and the frequency and interval it names."""

    text: str
    frequency: str
    interval: int


def parse_rule(text: str) -> Rule:
    """Checks an RRULE (with or without its `RRULE:` prefix); ValueError says what is wrong."""
    body = text.strip().upper().removeprefix("RRULE:")
    if not body or len(body) > MAX_RULE_LENGTH:
        raise ValueError(f"must be an RFC 5545 RRULE of at most {MAX_RULE_LENGTH} characters")
    parts: dict[str, str] = {}
    for part in body.split(";"):
        name, equals, value = part.partition("=")
        if not equals or not value or name in parts:
            raise ValueError(f"has a malformed or repeated part {part!r}")
        if name not in ALLOWED_PARTS:
            raise ValueError(f"may only use {', '.join(sorted(ALLOWED_PARTS))}, not {name}")
        parts[name] = value
    frequency = parts.get("FREQ")
    if frequency not in FREQUENCIES:
        raise ValueError(f"needs FREQ set to one of {', '.join(FREQUENCIES)}")
    interval_text = parts.get("INTERVAL", "1")
    if not interval_text.isascii() or not interval_text.isdigit():
        raise ValueError("needs INTERVAL to be a whole number")
    interval = int(interval_text)
    if not 1 <= interval <= MAX_INTERVAL:
        raise ValueError(f"needs INTERVAL between 1 and {MAX_INTERVAL}")
    # dateutil looks for a rule's next date until the year 9999 however long that takes, so a rule
    # that never happens ("Feb 30") is found out over the last 28 years of the calendar, a full
    # cycle of weekdays and leap years (none of them a century year): quickly, either way.
    try:
        engine = rrulestr(body, dtstart=SEARCH_START)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValueError(f"is not a valid RRULE ({exc})") from None
    if engine.after(SEARCH_START, inc=True) is None:
        raise ValueError("never happens")
    return Rule(text=body, frequency=frequency, interval=interval)


def simple_rule(frequency: str, interval: int) -> str:
    """The RRULE of the older `recurrence` + `recurrence_interval` fields."""
    return f"FREQ={frequency.upper()};INTERVAL={interval}"


def anchored(text: str, start: datetime) -> str:
    """The rule with the start's day of the month written into it, so short months cannot lose it.

    RFC 5545 skips a month without the 31st; people expect the month's last day instead, and the
    31st again after it: Jan 31 → Feb 28 → Mar 31. "The last of the 28th…31st that exist" says
    exactly that. A yearly Feb 29 likewise falls on Feb 28 in common years.
    """
    parts = dict(part.split("=", 1) for part in text.split(";"))
    if DAY_PARTS & parts.keys():
        return text
    if parts["FREQ"] == "MONTHLY" and start.day > 28:
        days = ",".join(str(day) for day in range(28, start.day + 1))
        return f"{text};BYMONTHDAY={days};BYSETPOS=-1"
    if parts["FREQ"] == "YEARLY" and "BYMONTH" not in parts and (start.month, start.day) == (2, 29):
        return f"{text};BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"
    return text


@dataclass(frozen=True)
class Occurrence:
    due_at: datetime
    # The rule the successor keeps: the anchored form, so Feb 28 still knows it came from the 31st.
    rule: str


def next_occurrence(
    due_at: datetime,
    rule: str,
    time_zone: str,
    *,
    completed_at: datetime,
    from_completion: bool = False,
) -> Occurrence | None:
    """The first occurrence strictly after both `due_at` and `completed_at`; None past year 9999.

    A fixed schedule continues from `due_at`, so a late completion skips the missed dates instead
    of scheduling the past. "From completion" starts the series again on the completion's local
    day, at the due date's local time of day.

    When a DST gap moves the occurrence (02:30 does not exist, so 03:30), the successor's rule
    gains BYHOUR, BYMINUTE and BYSECOND, so the one after it is at 02:30 again.
    """
    due_wall = local_wall_time(due_at, time_zone)
    if from_completion:
        completed_day = local_wall_time(completed_at, time_zone).date()
        start = datetime.combine(completed_day, due_wall.time())
    else:
        start = due_wall
    effective = anchored(rule, start)
    series: rrule = rrulestr(effective, dtstart=start)
    threshold = max(due_at, completed_at)
    # Started a day before the threshold's wall time, never before the series: the candidates
    # before it are skipped without walking every missed date one by one.
    begin = max(start, local_wall_time(threshold, time_zone) - timedelta(days=1))
    try:
        for candidate in series.xafter(begin, inc=False):
            # rrule drops sub-second parts; an end of day at 23:59:59.999 keeps them.
            wall = candidate.replace(microsecond=start.microsecond)
            moment = from_wall_time(wall, time_zone)
            if moment > threshold:
                return Occurrence(due_at=moment, rule=keep_time_of_day(effective, wall, time_zone))
    except (OverflowError, ValueError):
        pass
    return None


def keep_time_of_day(rule: str, wall: datetime, time_zone: str) -> str:
    moved = local_wall_time(from_wall_time(wall, time_zone), time_zone) != wall
    if not moved or "BYHOUR=" in rule:
        return rule
    return f"{rule};BYHOUR={wall.hour};BYMINUTE={wall.minute};BYSECOND={wall.second}"


def shifted(moment: datetime | None, old_due: datetime, new_due: datetime) -> datetime | None:
    """`moment` (a reminder) kept at the same lead time before the new due date."""
    if moment is None:
        return None
    try:
        return new_due - (old_due - moment)
    except OverflowError:
        return None


def shifted_wall(
    moment: datetime | None, old_due: datetime, new_due: datetime, time_zone: str
) -> datetime | None:
    """`moment` kept at the same lead before the new due date on the wall clock of the zone.

    For all-day tasks, whose reminder names a time of day: "09:00 on the day" stays 09:00 even
    when a DST change lies between the reminder and the end of the day.
    """
    if moment is None:
        return None
    lead = local_wall_time(old_due, time_zone) - local_wall_time(moment, time_zone)
    try:
        return from_wall_time(local_wall_time(new_due, time_zone) - lead, time_zone)
    except OverflowError:
        return None


def merge_rule_fields(stored: dict[str, object], sent: dict[str, object]) -> dict[str, object]:
    """A PATCH's fields over the stored task's, the repeat rule given either way.

    Sending only `rrule` lets it set `recurrence` and `recurrence_interval`; sending only those
    replaces the stored `rrule`, as an older client that does not know it expects.
    """
    merged = stored | sent
    if "rrule" in sent:
        for name in ("recurrence", "recurrence_interval"):
            if name not in sent:
                merged.pop(name, None)
    elif "recurrence" in sent or "recurrence_interval" in sent:
        merged.pop("rrule", None)
    return merged
