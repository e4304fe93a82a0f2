"""The date arithmetic of recurring tasks, month ends and calendar limits included."""

import calendar
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import Recurrence
from app.recurrence import add_months, next_due

NOON = datetime(2026, 1, 31, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("recurrence", "interval", "expected"),
    [
        (Recurrence.DAILY, 1, datetime(2026, 2, 1, 12, 30, tzinfo=UTC)),
        (Recurrence.DAILY, 3, datetime(2026, 2, 3, 12, 30, tzinfo=UTC)),
        (Recurrence.WEEKLY, 2, datetime(2026, 2, 14, 12, 30, tzinfo=UTC)),
        (Recurrence.MONTHLY, 1, datetime(2026, 2, 28, 12, 30, tzinfo=UTC)),
        (Recurrence.MONTHLY, 2, datetime(2026, 3, 31, 12, 30, tzinfo=UTC)),
        (Recurrence.MONTHLY, 13, datetime(2027, 2, 28, 12, 30, tzinfo=UTC)),
        (Recurrence.MONTHLY, 25, datetime(2028, 2, 29, 12, 30, tzinfo=UTC)),
        (Recurrence.NONE, 1, None),
    ],
)
def test_next_due_advances_by_rule(
    recurrence: Recurrence, interval: int, expected: datetime | None
) -> None:
    assert next_due(NOON, recurrence, interval) == expected


def test_add_months_december_rolls_into_next_year() -> None:
    assert add_months(datetime(2026, 12, 15, tzinfo=UTC), 1) == datetime(2027, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize("recurrence", [Recurrence.DAILY, Recurrence.WEEKLY, Recurrence.MONTHLY])
def test_next_due_past_year_9999_is_none(recurrence: Recurrence) -> None:
    assert next_due(datetime(9999, 12, 31, tzinfo=UTC), recurrence, 1) is None


@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9000, 12, 31)),
    months=st.integers(min_value=1, max_value=365),
)
def test_add_months_lands_on_same_or_last_day(moment: datetime, months: int) -> None:
    result = add_months(moment, months)

    assert result is not None
    assert (result.year * 12 + result.month) - (moment.year * 12 + moment.month) == months
    last_day = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(moment.day, last_day)
    assert result.time() == moment.time()
