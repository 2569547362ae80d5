"""One way to write dates and times per language, on every surface (pages, emails, the
certificate PDF, the verification page, our admin views, calendar descriptions).

Dates follow the language's DATE_FORMAT (aula/formats/<lang>/formats.py): "17 December 2026",
"17 de diciembre de 2026", "17 de dezembro de 2026", "17 décembre 2026". A time is always written
with its zone named, in the zone it is shown in: "17 December 2026, 15:00 (Bogotá, UTC-5)", the
offset being the one in force at that instant (daylight saving included). Files for machines
(CSV exports) write ISO 8601 with the offset: "2026-12-17T15:00:00-05:00".
"""

import functools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

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


# The month names written inside dates (DATE_FORMAT's "F"), worded in our catalogues where
# Django's differ: its Portuguese capitalises them ("Dezembro"), which Portuguese does not.
MONTH_NAMES = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)


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


def zone_label(moment: datetime, zone_name: str | None) -> str:
    """ "Bogotá, UTC-5"; for UTC itself just "UTC"."""
    zone = zone_for(zone_name)
    if zone.key in ("UTC", "Etc/UTC"):
        return "UTC"
    return f"{city_name(zone.key)}, {utc_offset_label(moment, zone)}"


def _in_language(lang: str | None, render):
    if not lang:
        return render()
    with translation.override(lang):
        return render()


def format_date(value: date | datetime | None, lang: str | None = None) -> str:
    """ "17 December 2026" in ``lang`` (the active language by default); an aware datetime is
    read in the current time zone first. Empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return _in_language(lang, lambda: formats.date_format(value, "DATE_FORMAT"))


def format_datetime(
    moment: datetime | None, zone_name: str | None = None, lang: str | None = None
) -> str:
    """ "17 December 2026, 15:00 (Bogotá, UTC-5)": in ``zone_name`` (the current time zone by
    default), with the zone named. Empty for None."""
    if moment is None:
        return ""
    zone_name = zone_name or timezone.get_current_timezone_name()
    local = moment.astimezone(zone_for(zone_name))
    text = _in_language(lang, lambda: formats.date_format(local, "DATETIME_FORMAT"))
    return f"{text} ({zone_label(moment, zone_name)})"


def format_span(
    start: datetime, end: datetime, zone_name: str | None = None, lang: str | None = None
) -> str:
    """ "17 December 2026, 15:00–16:30 (Bogotá, UTC-5)"; a span that crosses midnight names
    both days: "17 December 2026, 23:00 – 18 December 2026, 00:30 (…)"."""
    zone_name = zone_name or timezone.get_current_timezone_name()
    return _span(start, end, zone_name, lang, translation.get_language())


# The same sessions are listed on every learner's /learn/ and the home pages: Django's date
# formatting was a tenth of rendering /learn/. The text follows from the times, the zone, the
# language asked for and the active one (the zone's city name is in the active language).
@functools.lru_cache(maxsize=2048)
def _span(start: datetime, end: datetime, zone_name: str, lang: str | None, _active) -> str:
    zone = zone_for(zone_name)
    local_from, local_to = start.astimezone(zone), end.astimezone(zone)

    def render():
        first = formats.date_format(local_from, "DATETIME_FORMAT")
        if local_from.date() == local_to.date():
            return f"{first}–{formats.time_format(local_to, 'TIME_FORMAT')}"
        return f"{first} – {formats.date_format(local_to, 'DATETIME_FORMAT')}"

    return f"{_in_language(lang, render)} ({zone_label(start, zone_name)})"


def iso(moment: datetime | None, zone_name: str | None = None) -> str:
    """ISO 8601 with the offset, to the second, in ``zone_name`` (the current time zone by
    default): "2026-12-17T15:00:00-05:00". For files read by machines (CSV exports)."""
    if moment is None:
        return ""
    zone = zone_for(zone_name or timezone.get_current_timezone_name())
    return moment.astimezone(zone).replace(microsecond=0).isoformat()
