"""Reading learner lists sent by ministries (CSV, as Excel saves it in any locale).

``parse_roster`` turns uploaded bytes into a preview: the rows it understood and, for each row
it cannot take, a clear error with the row's line number. Nothing is written here; the import
service writes the valid rows in one transaction after staff confirm the preview.

Handles what Excel produces: UTF-8 with or without a BOM, Windows-1252/Latin-1 (Excel "CSV" in
a Spanish locale), semicolons or commas, CRLF line ends, English or Spanish headers, blank lines.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_ROWS = 10_000
REQUIRED_COLUMNS = ("email", "name")
OPTIONAL_COLUMNS = ("country", "organisation", "position")
FIELD_LIMITS = {"name": 150, "email": 254, "country": 100, "organisation": 200, "position": 200}

# Header spellings seen in lists from ministries, folded to lower case without accents.
HEADER_ALIASES = {
    "email": {"email", "e-mail", "mail", "correo", "correo electronico", "email address"},
    "name": {"name", "full name", "nombre", "nombre completo", "nome", "nom"},
    "country": {"country", "pais", "pays"},
    "organisation": {
        "organisation",
        "organization",
        "organizacion",
        "institucion",
        "ministerio",
        "organizacao",
    },
    "position": {"position", "job title", "cargo", "puesto", "funcion", "poste"},
}


class RosterError(Exception):
    """The file as a whole cannot be read (encoding, missing columns, too many rows)."""


@dataclass
class RosterRow:
    line: int
    email: str
    name: str
    country: str = ""
    organisation: str = ""
    position: str = ""


@dataclass
class RowError:
    line: int
    message: str
    values: dict = field(default_factory=dict)


@dataclass
class RosterPreview:
    rows: list[RosterRow]
    errors: list[RowError]

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(char for char in text if not unicodedata.combining(char))


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM or not), falling back to Windows-1252 as Excel writes it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _dialect(text: str):
    sample = text[:4096]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        return type("Dialect", (csv.excel,), {"delimiter": delimiter})


def _map_headers(headers: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for position, header in enumerate(headers):
        folded = _fold(header)
        for column, aliases in HEADER_ALIASES.items():
            if folded in aliases and column not in mapping:
                mapping[column] = position
    return mapping


def parse_roster(data: bytes) -> RosterPreview:
    if not data.strip():
        raise RosterError(_("The file is empty."))
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    try:
        headers = next(reader)
    except StopIteration as error:
        raise RosterError(_("The file is empty.")) from error

    mapping = _map_headers(headers)
    missing = [column for column in REQUIRED_COLUMNS if column not in mapping]
    if missing:
        raise RosterError(
            _(
                "The file has no %(columns)s column. The first line must name the columns, "
                "for example: name, email, country, organisation, position."
            )
            % {"columns": ", ".join(missing)}
        )

    rows: list[RosterRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            raise RosterError(
                _("The file has more than %(max)s learners; split it into smaller files.")
                % {"max": MAX_ROWS}
            )
        record = {
            column: (values[index].strip() if index < len(values) else "")
            for column, index in mapping.items()
        }
        record["email"] = record["email"].lower()
        error = _row_error(record, seen)
        if error:
            errors.append(RowError(line=line, message=error, values=record))
            continue
        seen[record["email"]] = line
        rows.append(RosterRow(line=line, **{key: record.get(key, "") for key in FIELD_LIMITS}))
    if not rows and not errors:
        raise RosterError(_("The file has a header line but no learners."))
    return RosterPreview(rows=rows, errors=errors)


def _row_error(record: dict, seen: dict[str, int]) -> str:
    email = record["email"]
    if not email:
        return _("The email address is missing.")
    try:
        validate_email(email)
    except ValidationError:
        return _("“%(email)s” is not a valid email address.") % {"email": email}
    if email in seen:
        return _("%(email)s already appears on line %(line)s.") % {
            "email": email,
            "line": seen[email],
        }
    if not record.get("name"):
        return _("The name is missing.")
    for column, limit in FIELD_LIMITS.items():
        if len(record.get(column, "")) > limit:
            return _("The %(column)s is longer than %(limit)s characters.") % {
                "column": column,
                "limit": limit,
            }
    return ""
