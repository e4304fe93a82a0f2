"""IANA time zones: which names are accepted, and wall-clock times resolved in them.

The zone database is the pinned `tzdata` package, so every OS answers the same. A wall-clock time
that a transition skips (02:30 on the spring-forward night in Berlin) is moved forward by the length
of the gap (03:30); one that occurs twice (02:30 on the fall-back night) is the first of the two,
still on summer time. Both are PEP 495's `fold=0`.
"""

from datetime import UTC, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

DEFAULT_TIME_ZONE = "UTC"
MAX_TIME_ZONE_LENGTH = 64


@cache
def known_time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_time_zone(name: str) -> str:
    """`name` if the tz database knows it; a ValueError naming the problem otherwise."""
    # Looked up in the list rather than by ZoneInfo(name), which also reads paths such as "../x".
    if name not in known_time_zones():
        raise ValueError(f"unknown time zone {name!r}; send an IANA name such as Europe/Berlin")
    return name


def zone(name: str) -> tzinfo:
    return ZoneInfo(name)


def local_wall_time(moment: datetime, name: str) -> datetime:
    """The naive wall-clock time `moment` shows in the zone."""
    return moment.astimezone(zone(name)).replace(tzinfo=None)


def from_wall_time(wall: datetime, name: str) -> datetime:
    """The UTC instant of a naive wall-clock time in the zone, gaps and repeats as documented."""
    return wall.replace(tzinfo=zone(name), fold=0).astimezone(UTC)
