"""When the next occurrence of a recurring task falls due."""

import calendar
from datetime import MAXYEAR, datetime, timedelta

from app.models import Recurrence


def next_due(due_at: datetime, recurrence: Recurrence, interval: int) -> datetime | None:
    """`due_at` moved on by `interval` days, weeks or months; None when there is no next one.

    There is none for a task that does not recur, nor past the year 9999.
    """
    match recurrence:
        case Recurrence.DAILY:
            step = timedelta(days=interval)
        case Recurrence.WEEKLY:
            step = timedelta(weeks=interval)
        case Recurrence.MONTHLY:
            return add_months(due_at, interval)
        case _:
            return None
    try:
        return due_at + step
    except OverflowError:
        return None


def add_months(moment: datetime, months: int) -> datetime | None:
    """The same day and time `months` later, clamped to the month's end: Jan 31 -> Feb 28/29."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    if year > MAXYEAR:
        return None
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))
