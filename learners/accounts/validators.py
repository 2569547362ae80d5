"""What a name printed on a certificate may contain.

A certificate prints the name as written, so it must be readable and must read the same to
everyone: not made only of invisible characters (zero-width spaces, joiners, fillers), and free
of the controls that reorder the text around them (bidirectional embeddings, overrides and
isolates, U+202A–U+202E and U+2066–U+2069), which can make a printed name or number read
differently from what was stored. Control characters (NUL and the like) are refused too: the
database cannot store some of them and none of them prints.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and symbols that print as blank space (Hangul fillers, the blank Braille pattern).
BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
VISIBLE_CATEGORIES = ("L", "N", "P", "S")  # letters, numbers, punctuation, symbols


def codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def control_character(value: str) -> str | None:
    """The first control character (Unicode category Cc: NUL, escape, …) in ``value``."""
    return next((char for char in value if unicodedata.category(char) == "Cc"), None)


def has_visible_character(value: str) -> bool:
    return any(
        unicodedata.category(char)[0] in VISIBLE_CATEGORIES and char not in BLANK_GLYPHS
        for char in value
    )


def validate_certificate_name(value: str) -> None:
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(
            _(
                "The name contains invisible text-direction controls (such as a right-to-left "
                "override), which would change how it reads on the certificate. Please type it "
                "again without them."
            ),
            code="bidi_control",
        )
    control = control_character(value)
    if control is not None:
        raise ValidationError(
            _(
                "The name contains a control character (%(code)s), which cannot be printed. "
                "Please type it again without it."
            ),
            code="control_character",
            params={"code": codepoint(control)},
        )
    if value and not has_visible_character(value):
        raise ValidationError(
            _("The name has no visible letters: please type it as it should be printed."),
            code="invisible",
        )
