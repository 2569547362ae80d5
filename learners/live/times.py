"""Times of live sessions as people read them: in the viewer's time zone, with the zone named:
"Tue 12 May, 10:00 (Bogotá, UTC-5)", the offset being the one in force at that instant
(daylight saving included)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

# Zone ids whose last part is not the name people use for the city (accents, other languages).
# Everything else is shown as its last part with spaces ("America/Buenos_Aires" → "Buenos Aires").
CITY_NAMES = {
    "America/Bogota": _("Bogotá"),
    "America/Mexico_City": _("Mexico City"),
    "America/Sao_Paulo": _("São Paulo"),
    "America/Asuncion": _("Asunción"),
    "America/Cancun": _("Cancún"),
    "America/Merida": _("Mérida"),
    "America/Havana": _("Havana"),
    "America/New_York": _("New York"),
    "America/Panama": _("Panama"),
    "America/Belem": _("Belém"),
    "Atlantic/Canary": _("Canary Islands"),
    "Europe/London": _("London"),
    "Europe/Lisbon": _("Lisbon"),
    "Europe/Brussels": _("Brussels"),
    "Europe/Rome": _("Rome"),
    "Europe/Geneva": _("Geneva"),
    "Europe/Zurich": _("Zurich"),
    "UTC": "UTC",
    "Etc/UTC": "UTC",
}


def zone_for(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def city_name(zone_name: str) -> str:
    if zone_name in CITY_NAMES:
        return str(CITY_NAMES[zone_name])
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def utc_offset_label(moment: datetime, zone: ZoneInfo) -> str:
    """ "UTC-5", "UTC+1", "UTC-3:30", "UTC+0": the offset in force at that instant."""
    offset = moment.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(moment: datetime, zone_name: str) -> str:
    """ "Bogotá, UTC-5"; for UTC itself just "UTC"."""
    zone = zone_for(zone_name)
    if zone.key in ("UTC", "Etc/UTC"):
        return "UTC"
    return f"{city_name(zone.key)}, {utc_offset_label(moment, zone)}"


def _date_time_format() -> str:
    # Translators: Django date format of a session's start ("Tue 12 May, 10:00").
    return pgettext("session start", "D j M, H:i")


def local_start(moment: datetime, zone_name: str) -> str:
    """ "Tue 12 May, 10:00 (Bogotá, UTC-5)" in the active language."""
    local = moment.astimezone(zone_for(zone_name))
    return f"{formats.date_format(local, _date_time_format())} ({zone_label(moment, zone_name)})"


def local_span(start: datetime, end: datetime, zone_name: str) -> str:
    """Start and end: "Tue 12 May, 10:00–11:30 (Bogotá, UTC-5)"; a session that crosses
    midnight names both days: "Tue 12 May, 23:00 – Wed 13 May, 00:30 (…)"."""
    zone = zone_for(zone_name)
    local_from, local_to = start.astimezone(zone), end.astimezone(zone)
    first = formats.date_format(local_from, _date_time_format())
    if local_from.date() == local_to.date():
        last = formats.time_format(local_to, "H:i")
        return f"{first}–{last} ({zone_label(start, zone_name)})"
    last = formats.date_format(local_to, _date_time_format())
    return f"{first} – {last} ({zone_label(start, zone_name)})"
