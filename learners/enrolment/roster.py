"""Reading learner lists sent by ministries (CSV, as Excel saves it in any locale).

``parse_roster`` turns uploaded bytes into a preview: the rows it understood and, for each row
it cannot take, a clear error with the row's line number. Nothing is written here; the import
service writes the valid rows in one transaction after staff confirm the preview.

Handles what Excel produces: UTF-8 with or without a BOM, Windows-1252/Latin-1 (Excel "CSV" in
a Spanish locale), UTF-16 with its BOM (Excel "Unicode text", tab-separated), semicolons, commas
or tabs, CRLF line ends, English or Spanish headers, blank lines.

What it refuses, with the line: a value longer than the csv module reads (the whole file, as it
is not a learner list), control characters such as NUL (the database refuses them), and names
that could not be printed on a certificate as they read (learners/accounts/validators.py).
"""

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learners.accounts.validators import codepoint, control_character, validate_certificate_name

MAX_ROWS = 10_000
REQUIRED_COLUMNS = ("email", "name")
OPTIONAL_COLUMNS = ("country", "organisation", "position")
FIELD_LIMITS = {"name": 150, "email": 254, "country": 100, "organisation": 200, "position": 200}
COLUMN_LABELS = {
    "email": gettext_lazy("email address"),
    "name": gettext_lazy("name"),
    "country": gettext_lazy("country"),
    "organisation": gettext_lazy("organisation"),
    "position": gettext_lazy("position"),
}
# Line breaks and tabs may sit inside a quoted cell (Alt+Enter in Excel) of the free-text
# columns; every other control character is refused.
CELL_WHITESPACE = frozenset("\t\n\r")
DELIMITERS = ";,\t"
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)

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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: every other byte of the first (ASCII) headers is NUL."""
    head = data[: min(len(data), 200) // 2 * 2]
    if len(head) < 4:
        return None
    if not any(head[1::2]) and all(head[0::2]):
        return "utf-16-le"
    if not any(head[0::2]) and all(head[1::2]):
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode bytes by their BOM (UTF-8, UTF-16 as Excel's "Unicode text" writes it, UTF-32),
    else as UTF-8, falling back to Windows-1252 as Excel writes "CSV" and then Latin-1."""
    if data.startswith(UTF32_BOMS):
        encoding = "utf-32"
    elif data.startswith(UTF16_BOMS):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    if encoding:
        try:
            return data.decode(encoding)  # the BOM tells the byte order and is dropped
        except UnicodeDecodeError as error:
            raise RosterError(
                _(
                    "The file looks like Unicode text (%(encoding)s) but cannot be read as such. "
                    "Save it again from the spreadsheet as “CSV UTF-8” and upload it."
                )
                % {"encoding": encoding.upper()}
            ) from error
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _finds_required_columns(line: str, delimiter: str) -> bool:
    headers = next(csv.reader([line], delimiter=delimiter), [])
    mapping = _map_headers(headers)
    return all(column in mapping for column in REQUIRED_COLUMNS)


def _dialect(text: str):
    """Excel's dialect with the delimiter that splits the header line into the required columns:
    the sniffed one first, then semicolon, comma or tab by frequency. (Only the delimiter is
    taken from the sniffer, which misreads Excel's doubled quotes in small samples.)"""
    sample = text[:4096]
    try:
        sniffed = [csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter]
    except csv.Error:
        sniffed = []
    first_line = sample.splitlines()[0] if sample else ""
    candidates = sniffed + sorted(DELIMITERS, key=first_line.count, reverse=True)
    delimiter = next(
        (each for each in candidates if _finds_required_columns(first_line, each)),
        candidates[0],
    )
    return type("Dialect", (csv.excel,), {"delimiter": delimiter})


def _map_headers(headers: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for position, header in enumerate(headers):
        folded = _fold(header)
        for column, aliases in HEADER_ALIASES.items():
            if folded in aliases and column not in mapping:
                mapping[column] = position
    return mapping


def _unreadable_line(error: csv.Error, line: int) -> RosterError:
    if "field larger than field limit" in str(error):
        return RosterError(
            _(
                "Line %(line)s has a value longer than %(limit)s characters, so the file cannot "
                "be read as a learner list. Check that line and upload the file again."
            )
            % {"line": line, "limit": number_format(csv.field_size_limit(), force_grouping=True)}
        )
    return RosterError(
        _("Line %(line)s cannot be read as CSV (%(reason)s). Check it and upload the file again.")
        % {"line": line, "reason": error}
    )


def _rows(reader):
    """The reader's rows; a line the csv module cannot read ends the file with its number."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _unreadable_line(error, reader.line_num) from error


def parse_roster(data: bytes) -> RosterPreview:
    text = decode(data)
    if not text.strip():
        raise RosterError(_("The file is empty."))
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    rows_read = _rows(reader)
    try:
        headers = next(rows_read)
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
    for values in rows_read:
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


def _control_character_error(record: dict) -> str:
    for column, value in record.items():
        allowed = CELL_WHITESPACE if column in OPTIONAL_COLUMNS else frozenset()
        control = control_character("".join(char for char in value if char not in allowed))
        if control is not None:
            return _(
                "The %(column)s contains a control character (%(code)s), which cannot be "
                "imported: remove it and upload the file again."
            ) % {"column": COLUMN_LABELS[column], "code": codepoint(control)}
    return ""


def _row_error(record: dict, seen: dict[str, int]) -> str:
    control = _control_character_error(record)
    if control:
        return control
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
    try:
        validate_certificate_name(record["name"])
    except ValidationError as error:
        return error.messages[0]
    for column, limit in FIELD_LIMITS.items():
        if len(record.get(column, "")) > limit:
            return _("The %(column)s is longer than %(limit)s characters.") % {
                "column": column,
                "limit": limit,
            }
    return ""
