"""The organisation's colour: checked for contrast, served as a stylesheet of custom properties.

The public site's Content-Security-Policy allows stylesheets from the site only (no inline
styles), so the colour reaches the pages as ``/brand/<rrggbb>.css``: the colour is in the
address, the answer depends on nothing else (no database) and is cached for a year; a new
colour is a new address.
"""

import re

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _

DEFAULT_COLOUR = "#1f5c4a"
# WCAG 2.2, 1.4.3 (AA): normal text needs 4.5:1. The colour is used for links on white and
# behind white text (header, buttons), and the contrast is the same both ways.
MIN_CONTRAST = 4.5
HEX_COLOUR = re.compile(r"^#?([0-9a-fA-F]{6})$")
# The hover and pressed shade: the colour mixed with this much black (more contrast, never less).
DARKEN = 0.3


def parse(value: str) -> tuple[int, int, int] | None:
    match = HEX_COLOUR.match((value or "").strip())
    if match is None:
        return None
    digits = match.group(1)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def _channel(value: int) -> float:
    value = value / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    red, green, blue = (_channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_on_white(rgb: tuple[int, int, int]) -> float:
    """WCAG contrast ratio between the colour and white, 1 to 21."""
    return 1.05 / (relative_luminance(rgb) + 0.05)


def normalise(value: str) -> str:
    """``#1F5C4A`` or ``1f5c4a`` → ``#1f5c4a`` (the form stored)."""
    rgb = parse(value)
    return "#{:02x}{:02x}{:02x}".format(*rgb) if rgb else value


def validate_brand_colour(value: str) -> None:
    rgb = parse(value)
    if rgb is None:
        raise ValidationError(
            _("Enter a colour as six hexadecimal digits after #, for example #1f5c4a."),
            code="invalid",
        )
    ratio = contrast_on_white(rgb)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: its contrast with white is %(ratio)s:1, and text in "
                "it (or white text on it) needs at least %(minimum)s:1 to be readable. Choose "
                "a darker shade."
            ),
            code="low_contrast",
            params={"ratio": f"{ratio:.2f}", "minimum": MIN_CONTRAST},
        )


def darker(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(round(value * (1 - DARKEN)) for value in rgb))


def stylesheet_path(colour: str) -> str:
    """The address of the stylesheet that sets ``colour`` (the default when invalid)."""
    rgb = parse(colour) or parse(DEFAULT_COLOUR)
    return "/brand/{:02x}{:02x}{:02x}.css".format(*rgb)


def stylesheet(request, colour: str):
    """``:root`` custom properties for ``colour`` (six lowercase hex digits in the path).

    A colour below the contrast bound is never served: only the admin's validated colours
    (and the default) get a stylesheet."""
    rgb = parse(colour)
    if rgb is None or colour != colour.lower() or contrast_on_white(rgb) < MIN_CONTRAST:
        raise Http404
    css = f":root {{ --brand: #{colour}; --brand-dark: {darker(rgb)}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
