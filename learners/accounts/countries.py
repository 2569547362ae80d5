"""Countries as ISO 3166 codes (django-countries) and the time zones that go with them.

``country_code`` reads a country as people type it ("Perú", "peru", "PERU", "Pérou", "PE") in
English, Spanish, Portuguese or French, ignoring case, accents and punctuation; a text it
cannot place returns "" (the caller keeps the text for review). The zones of a country come
from the IANA database's ``zone.tab`` (the ``tzdata`` package, else the system's), so a
country with one zone proposes it.
"""

import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

# The languages whose country names are recognised (the site's languages).
NAME_LANGUAGES = ("en", "es", "pt", "pt-br", "fr")
# What people write that is none of the languages' names.
ALIASES = {
    "usa": "US",
    "eeuu": "US",
    "ee uu": "US",
    "estados unidos de america": "US",
    "uk": "GB",
    "england": "GB",
    "inglaterra": "GB",
    "republica dominicana": "DO",
    "holanda": "NL",
    "bolivia estado plurinacional de": "BO",
    "venezuela republica bolivariana de": "VE",
}


def normalise(text: str) -> str:
    """Lower case, no accents, letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", bare.casefold()).split())


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for language in NAME_LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                table.setdefault(normalise(str(name)), code)
                # "Bolivia (Plurinational State of)" is also "Bolivia".
                short = normalise(re.sub(r"\(.*?\)|,.*$", "", str(name)))
                if short:
                    table.setdefault(short, code)
    for code, _name in countries:
        table.setdefault(code.lower(), code)
        alpha3 = countries.alpha3(code)
        if alpha3:
            table.setdefault(alpha3.lower(), code)
    table.update(ALIASES)
    return table


def country_code(text: str) -> str:
    """The ISO code of the country ``text`` names, or "" when it names none."""
    return _lookup().get(normalise(text), "")


@cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    zones: dict[str, list[str]] = {}
    for line in _zone_tab().splitlines():
        if not line or line.startswith("#"):
            continue
        code, _coordinates, zone, *_comment = line.split("\t")
        zones.setdefault(code, []).append(zone)
    return {code: tuple(names) for code, names in zones.items()}


def _zone_tab() -> str:
    try:
        return (resources.files("tzdata.zoneinfo") / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return Path("/usr/share/zoneinfo/zone.tab").read_text(encoding="utf-8")


def zones_for(code: str) -> tuple[str, ...]:
    """The IANA zones of a country (its main zone first), empty for an unknown code."""
    return _zones_by_country().get(str(code or "").upper(), ())


def default_zone(code: str) -> str:
    """The zone a country's learners are in when it has only one, else ""."""
    zones = zones_for(code)
    return zones[0] if len(zones) == 1 else ""


def single_zone_countries() -> dict[str, str]:
    """Country code → its only zone, for every country with one (the profile form's script)."""
    return {code: zones[0] for code, zones in _zones_by_country().items() if len(zones) == 1}


def all_country_zones() -> list[str]:
    """Every zone named in zone.tab (the canonical zones people live in, no aliases)."""
    return sorted({zone for zones in _zones_by_country().values() for zone in zones})


# The regions of the IANA names, as the time zone list groups them.
REGIONS = {
    "America": _("Americas"),
    "Europe": _("Europe"),
    "Africa": _("Africa"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Indian": _("Indian Ocean"),
    "Australia": _("Australia"),
    "Pacific": _("Pacific"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
}


@cache
def _country_of_zone() -> dict[str, str]:
    return {zone: code for code, zones in _zones_by_country().items() for zone in zones}


def zone_label(zone: str) -> str:
    """ "Buenos Aires (Argentina)" for America/Argentina/Buenos_Aires, in the active language."""
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    code = _country_of_zone().get(zone)
    return f"{city} ({countries.name(code)})" if code else zone.replace("_", " ")


def time_zone_choices(country: str = "", keep: str = "") -> list:
    """The zones people live in (zone.tab's, about 420 instead of 600 names with the aliases),
    grouped by region and sorted by city; the zones of ``country`` first; ``keep`` (a valid
    zone already chosen that zone.tab does not name) kept; UTC last."""
    first = zones_for(country)
    groups: dict[str, list] = {region: [] for region in REGIONS}
    for zone in all_country_zones():
        region = zone.split("/", 1)[0]
        if zone not in first and region in groups:
            groups[region].append((zone, zone_label(zone)))
    choices = []
    if first:
        choices.append(
            (
                _("In %(country)s") % {"country": countries.name(country)},
                [(zone, zone_label(zone)) for zone in first],
            )
        )
    for region, label in REGIONS.items():
        if groups[region]:
            choices.append((label, sorted(groups[region], key=lambda item: item[1])))
    others = [("UTC", _("UTC (coordinated universal time)"))]
    if keep and keep != "UTC" and keep not in _country_of_zone():
        others.insert(0, (keep, keep.replace("_", " ")))
    choices.append((_("Other"), others))
    return choices
