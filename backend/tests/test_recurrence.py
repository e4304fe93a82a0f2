"""Repeat rules: wall-clock time across DST, anchored months, next after now, from completion."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.recurrence import merge_rule_fields, next_occurrence, parse_rule, shifted, shifted_wall
from app.timezones import from_wall_time, local_wall_time

BERLIN, NEW_YORK, LORD_HOWE = "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"


def at(wall: str, zone: str) -> datetime:
    return from_wall_time(datetime.fromisoformat(wall), zone)


def wall(moment: datetime, zone: str) -> str:
    return local_wall_time(moment, zone).isoformat(sep=" ", timespec="minutes")


# (zone, due wall time, rule, completed: wall time or None for "an hour before due",
#  from completion, the next due wall time).
# fmt: off
CASES = [
    # DST in both directions keeps 09:00 local.
    (BERLIN, "2026-03-28 09:00", "FREQ=DAILY", None, False, "2026-03-29 09:00"),
    (BERLIN, "2026-10-24 09:00", "FREQ=DAILY", None, False, "2026-10-25 09:00"),
    (NEW_YORK, "2026-03-07 09:00", "FREQ=DAILY", None, False, "2026-03-08 09:00"),
    (NEW_YORK, "2026-10-31 09:00", "FREQ=DAILY", None, False, "2026-11-01 09:00"),
    (NEW_YORK, "2026-03-02 09:00", "FREQ=WEEKLY", None, False, "2026-03-09 09:00"),
    (BERLIN, "2026-03-15 09:00", "FREQ=MONTHLY", None, False, "2026-04-15 09:00"),
    # A skipped wall time moves forward by the gap; a repeated one is the first (summer time).
    (BERLIN, "2026-03-28 02:30", "FREQ=DAILY", None, False, "2026-03-29 03:30"),
    (BERLIN, "2026-10-24 02:30", "FREQ=DAILY", None, False, "2026-10-25 02:30"),
    (NEW_YORK, "2026-03-07 02:30", "FREQ=DAILY", None, False, "2026-03-08 03:30"),
    (NEW_YORK, "2026-10-31 01:30", "FREQ=DAILY", None, False, "2026-11-01 01:30"),
    # After the gap the rule remembers 02:30.
    (BERLIN, "2026-03-29 03:30", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30;BYSECOND=0", None, False,
     "2026-03-30 02:30"),
    # Lord Howe Island: a 30-minute DST shift.
    (LORD_HOWE, "2026-10-03 09:00", "FREQ=DAILY", None, False, "2026-10-04 09:00"),
    (LORD_HOWE, "2026-10-03 02:15", "FREQ=DAILY", None, False, "2026-10-04 02:45"),
    (LORD_HOWE, "2026-04-04 01:45", "FREQ=DAILY", None, False, "2026-04-05 01:45"),
    (LORD_HOWE, "2026-04-04 09:00", "FREQ=WEEKLY", None, False, "2026-04-11 09:00"),
    # Months stay anchored on their day, falling on the month's last day when it is shorter.
    ("UTC", "2027-01-31 12:30", "FREQ=MONTHLY", None, False, "2027-02-28 12:30"),
    ("UTC", "2027-01-30 12:30", "FREQ=MONTHLY;INTERVAL=2", None, False, "2027-03-30 12:30"),
    ("UTC", "2027-01-31 12:30", "FREQ=MONTHLY;INTERVAL=13", None, False, "2028-02-29 12:30"),
    ("UTC", "2027-01-31 08:00", "FREQ=MONTHLY;BYMONTHDAY=-1", None, False, "2027-02-28 08:00"),
    ("UTC", "2027-02-28 08:00", "FREQ=MONTHLY;BYMONTHDAY=-1", None, False, "2027-03-31 08:00"),
    ("UTC", "2026-12-08 10:00", "FREQ=MONTHLY;BYDAY=2TU", None, False, "2027-01-12 10:00"),
    ("UTC", "2026-12-31 10:00", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", None, False,
     "2027-01-29 10:00"),
    # Years: Feb 29 falls on Feb 28 in common years.
    ("UTC", "2028-02-29 07:00", "FREQ=YEARLY", None, False, "2029-02-28 07:00"),
    ("UTC", "2026-07-14 07:00", "FREQ=YEARLY", None, False, "2027-07-14 07:00"),
    # Chosen weekdays, across the end of a week.
    (BERLIN, "2026-12-04 09:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", None, False,
     "2026-12-07 09:00"),
    (BERLIN, "2026-12-04 09:00", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", None, False,
     "2026-12-07 09:00"),
    (BERLIN, "2026-12-07 09:00", "FREQ=WEEKLY;BYDAY=MO,TH", None, False, "2026-12-10 09:00"),
    (BERLIN, "2026-12-10 09:00", "FREQ=WEEKLY;BYDAY=MO,TH", None, False, "2026-12-14 09:00"),
    # Interval 1 and 13.
    ("UTC", "2026-12-01 09:00", "FREQ=DAILY;INTERVAL=1", None, False, "2026-12-02 09:00"),
    ("UTC", "2026-12-01 09:00", "FREQ=DAILY;INTERVAL=13", None, False, "2026-12-14 09:00"),
    ("UTC", "2026-12-01 09:00", "FREQ=WEEKLY;INTERVAL=13", None, False, "2027-03-02 09:00"),
    # Completed 5 days late: the first date after now, not the missed ones.
    (BERLIN, "2026-11-28 09:00", "FREQ=DAILY", "2026-12-03 10:00", False, "2026-12-04 09:00"),
    (BERLIN, "2026-11-28 09:00", "FREQ=DAILY", "2026-12-03 08:00", False, "2026-12-03 09:00"),
    # Every 2 weeks, 3 weeks late: the series keeps its phase.
    (BERLIN, "2026-11-02 09:00", "FREQ=WEEKLY;INTERVAL=2", "2026-11-25 12:00", False,
     "2026-11-30 09:00"),
    # Repeat from completion ("every! 3 days"): from the day it was done, at the usual time.
    (BERLIN, "2026-11-28 09:00", "FREQ=DAILY;INTERVAL=3", "2026-12-03 18:00", True,
     "2026-12-06 09:00"),
    (BERLIN, "2026-11-28 09:00", "FREQ=WEEKLY", "2026-12-03 18:00", True, "2026-12-10 09:00"),
    # Completed early, from completion: still after the due date it had.
    (BERLIN, "2026-12-10 09:00", "FREQ=DAILY", "2026-12-03 18:00", True, "2026-12-11 09:00"),
]
# fmt: on


@pytest.mark.parametrize(("zone", "due", "rule", "completed", "from_completion", "expected"), CASES)
def test_next_occurrence_table(
    zone: str, due: str, rule: str, completed: str | None, from_completion: bool, expected: str
) -> None:
    due_at = at(due, zone)
    completed_at = due_at - timedelta(hours=1) if completed is None else at(completed, zone)

    upcoming = next_occurrence(
        due_at, rule, zone, completed_at=completed_at, from_completion=from_completion
    )

    assert upcoming is not None
    assert wall(upcoming.due_at, zone) == expected


def chain(due: datetime, rule: str, zone: str, steps: int) -> list[str]:
    """The due dates of `steps` successors, each completed an hour before it is due."""
    walls = []
    for _ in range(steps):
        upcoming = next_occurrence(due, rule, zone, completed_at=due - timedelta(hours=1))
        assert upcoming is not None
        due, rule = upcoming.due_at, upcoming.rule
        walls.append(local_wall_time(due, zone).date().isoformat())
    return walls


def test_next_occurrence_jan_31_monthly_for_14_months_keeps_the_31st() -> None:
    days = chain(at("2027-01-31 09:00", BERLIN), "FREQ=MONTHLY", BERLIN, 14)

    assert days == [
        "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31",
        "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31", "2028-01-31",
        "2028-02-29", "2028-03-31",
    ]  # fmt: skip


def test_next_occurrence_feb_29_yearly_comes_back_in_leap_years() -> None:
    days = chain(at("2028-02-29 09:00", "UTC"), "FREQ=YEARLY", "UTC", 4)

    assert days == ["2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]


def test_next_occurrence_after_a_dst_gap_returns_to_the_wall_time() -> None:
    upcoming = next_occurrence(
        at("2026-03-28 02:30", BERLIN), "FREQ=DAILY", BERLIN,
        completed_at=at("2026-03-28 01:00", BERLIN),
    )  # fmt: skip
    assert upcoming is not None
    after = next_occurrence(
        upcoming.due_at, upcoming.rule, BERLIN, completed_at=upcoming.due_at - timedelta(hours=1)
    )

    assert after is not None
    assert wall(after.due_at, BERLIN) == "2026-03-30 02:30"


def test_next_occurrence_past_year_9999_is_none() -> None:
    due = datetime(9999, 12, 31, 12, tzinfo=UTC)

    assert next_occurrence(due, "FREQ=DAILY", "UTC", completed_at=due) is None


def test_shifted_keeps_lead_time() -> None:
    old_due, new_due = at("2026-03-28 09:00", BERLIN), at("2026-03-29 09:00", BERLIN)

    assert shifted(old_due - timedelta(minutes=30), old_due, new_due) == new_due - timedelta(
        minutes=30
    )
    assert shifted(None, old_due, new_due) is None


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=HOURLY",
        "FREQ=DAILY;COUNT=3",
        "FREQ=DAILY;UNTIL=20270101T000000Z",
        "INTERVAL=2",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;INTERVAL=366",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=DAILY;BYSETPOS=2",
        "",
    ],
)
def test_parse_rule_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rule(text)


def test_parse_rule_normalises() -> None:
    rule = parse_rule("rrule:freq=weekly;interval=2;byday=mo,th")

    assert (rule.text, rule.frequency, rule.interval) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "WEEKLY",
        2,
    )


def test_merge_rule_fields_either_side_wins() -> None:
    stored = {"recurrence": "weekly", "recurrence_interval": 2, "rrule": "FREQ=WEEKLY;INTERVAL=2"}

    assert merge_rule_fields(stored, {"rrule": "FREQ=DAILY"}) == {"rrule": "FREQ=DAILY"}
    assert merge_rule_fields(stored, {"recurrence": "daily"}) == {
        "recurrence": "daily",
        "recurrence_interval": 2,
    }
    assert merge_rule_fields(stored, {"title": "t"}) == stored | {"title": "t"}


ZONES = st.sampled_from(
    [BERLIN, NEW_YORK, LORD_HOWE, "UTC", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham"]
)
RULES = st.sampled_from(
    [
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=WEEKLY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=MONTHLY",
        "FREQ=MONTHLY;INTERVAL=13",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=2TU",
        "FREQ=YEARLY",
    ]
)


@given(
    zone=ZONES,
    rule=RULES,
    due_wall=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)),
    completed_after=st.timedeltas(min_value=timedelta(days=-30), max_value=timedelta(days=800)),
    from_completion=st.booleans(),
)
def test_next_occurrence_is_after_due_and_completion_at_the_same_wall_time(
    zone: str,
    rule: str,
    due_wall: datetime,
    completed_after: timedelta,
    from_completion: bool,
) -> None:
    due_wall = due_wall.replace(microsecond=0)
    due_at = from_wall_time(due_wall, zone)
    # A due time inside a DST gap has already been moved; the property is about the rule's time.
    assume(local_wall_time(due_at, zone) == due_wall)
    completed_at = due_at + completed_after

    upcoming = next_occurrence(
        due_at, rule, zone, completed_at=completed_at, from_completion=from_completion
    )

    assert upcoming is not None
    assert upcoming.due_at > due_at
    assert upcoming.due_at > completed_at
    # The rule's wall time on that day, which only a DST gap moves (forward, by the gap).
    day = local_wall_time(upcoming.due_at, zone).date()
    intended = from_wall_time(datetime.combine(day, due_wall.time()), zone)
    assert upcoming.due_at == intended
    if local_wall_time(upcoming.due_at, zone).time() != due_wall.time():
        assert local_wall_time(intended, zone) != datetime.combine(day, due_wall.time())


def test_shifted_wall_keeps_the_reminders_time_of_day_across_dst() -> None:
    old_due, new_due = at("2027-03-27 23:59:59", BERLIN), at("2027-03-28 23:59:59", BERLIN)

    reminder = shifted_wall(at("2027-03-27 01:00", BERLIN), old_due, new_due, BERLIN)

    assert reminder is not None
    assert wall(reminder, BERLIN) == "2027-03-28 01:00"
    assert shifted_wall(None, old_due, new_due, BERLIN) is None


def test_next_occurrence_keeps_sub_second_end_of_day() -> None:
    due = from_wall_time(datetime(2027, 3, 27, 23, 59, 59, 999000), BERLIN)

    upcoming = next_occurrence(due, "FREQ=DAILY", BERLIN, completed_at=due - timedelta(hours=1))

    assert upcoming is not None
    assert local_wall_time(upcoming.due_at, BERLIN) == datetime(2027, 3, 28, 23, 59, 59, 999000)
