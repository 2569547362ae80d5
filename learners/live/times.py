"""Times of live sessions as people read them: in the viewer's time zone, with the zone named,
written as every date and time of the site is (aula/dates.py): "12 May 2026, 10:00 (Bogotá,
UTC-5)", the offset being the one in force at that instant (daylight saving included)."""

from datetime import datetime

from aula.dates import (  # noqa: F401  (the zone helpers, for this room's callers)
    CITY_NAMES,
    city_name,
    format_datetime,
    format_span,
    utc_offset_label,
    zone_for,
    zone_label,
)


def local_start(moment: datetime, zone_name: str) -> str:
    """ "12 May 2026, 10:00 (Bogotá, UTC-5)" in the active language."""
    return format_datetime(moment, zone_name)


def local_span(start: datetime, end: datetime, zone_name: str) -> str:
    """Start and end: "12 May 2026, 10:00–11:30 (Bogotá, UTC-5)"; a session that crosses
    midnight names both days: "12 May 2026, 23:00 – 13 May 2026, 00:30 (…)"."""
    return format_span(start, end, zone_name)
