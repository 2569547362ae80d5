"""The certificate as a PDF: A4 landscape, vector text in embedded (subset) TrueType fonts, and a
QR code of the verification URL. Pure rendering: it receives everything it prints as a
:class:`CertificateContent` (built by ``learners.certificates``) and reads no database.

Fonts are vendored in ``learners/fonts/`` (never the system's): DejaVu for Latin, Greek and
Cyrillic text; Droid Sans Fallback (Chinese, Japanese) and NanumGothic (Korean Hangul), added
only when a text needs them. A character no font has (an emoji in a name) is left out rather
than printed as a box, and never stops the rendering.
"""

import copy
import io
import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import segno
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

logger = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
SANS = FONTS_DIR / "DejaVuSans-subset.ttf"
SANS_BOLD = FONTS_DIR / "DejaVuSans-Bold-subset.ttf"
SERIF_BOLD = FONTS_DIR / "DejaVuSerif-Bold-subset.ttf"
FALLBACK = FONTS_DIR / "DroidSansFallbackFull.ttf"
HANGUL = FONTS_DIR / "NanumGothic.ttf"  # Korean: Droid Sans Fallback has no Hangul

PAGE_WIDTH, PAGE_HEIGHT = 297, 210  # A4 landscape, millimetres
MARGIN = 18
INK = (33, 37, 41)
ACCENT = (20, 83, 116)
MUTED = (90, 96, 102)
MAX_COMPETENCIES = 8


@dataclass(frozen=True)
class Signature:
    name: str
    title: str
    image: bytes | None = None  # PNG or JPEG bytes, or None


@dataclass(frozen=True)
class CertificateContent:
    """Everything printed on a certificate, already translated into its language."""

    organisation: str
    heading: str  # "Certificate of completion"
    intro: str  # "This certifies that"
    learner_name: str
    wording: str  # "has completed the course" or the course's own wording
    course_title: str
    facts: list[str]  # hours, completion date, cohort dates
    competencies_heading: str
    competencies: list[str]
    verify_label: str  # "Verify this certificate at"
    verification_url: str
    number_label: str  # "Certificate number"
    number: str
    signatures: list[Signature] = field(default_factory=list)
    title: str = ""  # PDF metadata
    credential_note: str = ""  # "also exists as a digital credential…", bottom left


# --- glyph coverage -------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _cmap(path: Path) -> frozenset[int]:
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def covered(text: str, *, fonts=(SANS, SERIF_BOLD)) -> bool:
    """Whether every character of ``text`` is in each of ``fonts`` (whitespace aside)."""
    cmaps = [_cmap(path) for path in fonts]
    return all(ord(char) in cmap for char in text if not char.isspace() for cmap in cmaps)


def printable(text: str) -> tuple[str, bool]:
    """``text`` with the characters no embedded font has left out, and whether it needs the
    CJK or Hangul fallback fonts. Combining sequences are composed first (``e`` + ``◌́`` → ``é``)."""
    text = unicodedata.normalize("NFC", text or "")
    main = _cmap(SANS) & _cmap(SERIF_BOLD)
    needs_fallback = False
    kept = []
    for char in text:
        code = ord(char)
        if unicodedata.category(char) == "Cf":
            continue  # invisible formatting (joiners, direction overrides): never printed
        if char.isspace() or code in main:
            kept.append(" " if char.isspace() else char)
        elif code in _cmap(FALLBACK) or code in _cmap(HANGUL):
            kept.append(char)
            needs_fallback = True
        # else: no font draws it (emoji, variation selectors, joiners…): left out.
    cleaned = " ".join("".join(kept).split())
    return cleaned, needs_fallback


# --- QR code --------------------------------------------------------------------------------


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """The QR code of ``url`` as a black-on-white PNG (quiet zone included)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


# --- the document ---------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _parsed_font(path: Path, family: str, style: str) -> TTFFont:
    """fpdf2's reading of a font file (metrics, widths, character map), made once per
    process: it is most of the CPU of ``FPDF.add_font``, and the same for every certificate."""
    font = TTFFont(FPDF(), path, f"{family}{style}", style)
    font.ttfont.close()  # each document opens its own (``_font_for_document``)
    return font


def _font_for_document(pdf: FPDF, path: Path, family: str, style: str) -> TTFFont:
    """A font for one document, as ``add_font`` would make it, from ``_parsed_font``: what the
    document changes (the glyphs it uses, its subset, the font file it subsets on output) is
    its own; what it only reads (metrics, character map) is shared. Relies on the attributes
    of fpdf2's ``TTFFont`` (pinned in pyproject.toml; tests/certificates cover the output)."""
    parsed = _parsed_font(path, family, style)
    font = copy.copy(parsed)
    font.i = len(pdf.fonts) + 1
    # Subset in place on output. Each glyph kept is written as read, its bounding box with it:
    # recalculating the bounds would decode and re-encode every glyph (half the subsetting),
    # and leaves the font's own box and maxima those of the whole font, which hold for a part.
    font.ttfont = TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    font.cw = defaultdict(parsed.cw.default_factory, parsed.cw)  # a defaultdict: reads write
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    return font


class _CertificatePDF(FPDF):
    def __init__(self):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_vendored_font("sans", "", SANS)
        self.add_vendored_font("sans", "B", SANS_BOLD)
        self.add_vendored_font("serif", "B", SERIF_BOLD)
        self._fallback_added = False

    def add_vendored_font(self, family: str, style: str, path: Path) -> None:
        """``add_font(family, style, path)``, the file read once per process."""
        self.fonts[f"{family}{style}"] = _font_for_document(self, path, family, style)

    def use_fallback(self) -> None:
        if not self._fallback_added:
            self.add_vendored_font("fallback", "", FALLBACK)
            self.add_vendored_font("hangul", "", HANGUL)
            self.set_fallback_fonts(["fallback", "hangul"], exact_match=False)
            self._fallback_added = True

    def text_line(self, text: str, *, family: str, style: str, size: float, color, y=None):
        """One centred line (shrunk to fit the page width when long)."""
        if y is not None:
            self.set_y(y)
        self.set_font(family, style, size)
        while size > 8 and self.get_string_width(text) > PAGE_WIDTH - 2 * MARGIN - 10:
            size -= 1
            self.set_font(family, style, size)
        self.set_text_color(*color)
        self.cell(0, size * 0.45, text, align="C", new_x="LMARGIN", new_y="NEXT")


def render_certificate(content: CertificateContent) -> bytes:
    """The certificate PDF as bytes."""
    texts = {}
    needs_fallback = False
    for name in (
        "organisation",
        "heading",
        "intro",
        "learner_name",
        "wording",
        "course_title",
        "competencies_heading",
        "verify_label",
        "number_label",
        "title",
        "credential_note",
    ):
        texts[name], fallback = printable(getattr(content, name))
        needs_fallback |= fallback
    facts = []
    for fact in content.facts:
        cleaned, fallback = printable(fact)
        facts.append(cleaned)
        needs_fallback |= fallback
    competencies = []
    for competency in content.competencies[:MAX_COMPETENCIES]:
        cleaned, fallback = printable(competency)
        competencies.append(cleaned)
        needs_fallback |= fallback
    signatures = []
    for signature in content.signatures[:3]:
        name, fallback_name = printable(signature.name)
        title, fallback_title = printable(signature.title)
        needs_fallback |= fallback_name or fallback_title
        signatures.append(Signature(name=name, title=title, image=signature.image))

    pdf = _CertificatePDF()
    if needs_fallback:
        pdf.use_fallback()
    pdf.set_title(texts["title"] or texts["heading"])
    pdf.set_author(texts["organisation"])
    pdf.set_creator("Aula")
    pdf.add_page()

    # Frame.
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, PAGE_WIDTH - 16, PAGE_HEIGHT - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, PAGE_WIDTH - 22, PAGE_HEIGHT - 22)

    pdf.text_line(texts["organisation"], family="sans", style="B", size=13, color=ACCENT, y=20)
    pdf.ln(4)
    pdf.text_line(texts["heading"], family="serif", style="B", size=28, color=INK)
    pdf.ln(5)
    pdf.text_line(texts["intro"], family="sans", style="", size=12, color=MUTED)
    pdf.ln(3)
    pdf.text_line(texts["learner_name"], family="serif", style="B", size=26, color=INK)
    pdf.ln(3)
    pdf.set_font("sans", "", 12)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 5.5, texts["wording"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.text_line(texts["course_title"], family="sans", style="B", size=17, color=ACCENT)
    pdf.ln(2)
    pdf.text_line(
        "  ·  ".join(fact for fact in facts if fact), family="sans", style="", size=10.5, color=INK
    )

    if competencies:
        pdf.ln(4)
        pdf.text_line(texts["competencies_heading"], family="sans", style="B", size=10, color=INK)
        pdf.ln(1)
        pdf.set_font("sans", "", 9.5)
        pdf.set_text_color(*INK)
        column_width = (PAGE_WIDTH - 2 * MARGIN - 20) / 2
        left = MARGIN + 10
        rows = (len(competencies) + 1) // 2
        top = pdf.get_y()
        for index, competency in enumerate(competencies):
            column, row = divmod(index, rows)
            pdf.set_xy(left + column * column_width, top + row * 5)
            pdf.cell(column_width - 4, 5, "• " + competency)

    _signatures(pdf, signatures)
    _verification(pdf, content, texts)
    if texts["credential_note"]:
        pdf.set_xy(MARGIN + 4, PAGE_HEIGHT - 19)
        _fit(pdf, texts["credential_note"], PAGE_WIDTH - 2 * MARGIN - 110, "", 7)
        pdf.set_text_color(*MUTED)
        pdf.cell(PAGE_WIDTH - 2 * MARGIN - 110, 3.5, texts["credential_note"])
    return bytes(pdf.output())


def _signatures(pdf: _CertificatePDF, signatures: list[Signature]) -> None:
    """Up to three signatories, left of the QR code: signature, line, name, title."""
    width, baseline = 62, PAGE_HEIGHT - 36
    for index, signature in enumerate(signatures):
        x = MARGIN + 4 + index * (width + 6)
        if signature.image:
            try:
                pdf.image(
                    io.BytesIO(signature.image),
                    x=x + 6,
                    y=baseline - 17,
                    h=15,
                    keep_aspect_ratio=True,
                    w=width - 12,
                )
            except Exception:  # a broken scan must not stop the certificate
                logger.warning(
                    "Signature image of %s could not be drawn", signature.name, exc_info=True
                )
        pdf.set_draw_color(*MUTED)
        pdf.set_line_width(0.3)
        pdf.line(x, baseline, x + width, baseline)
        pdf.set_xy(x, baseline + 1)
        _fit(pdf, signature.name, width, "B", 9.5)
        pdf.set_text_color(*INK)
        pdf.cell(width, 4.5, signature.name, align="C")
        pdf.set_xy(x, baseline + 5.5)
        _fit(pdf, signature.title, width, "", 8.5)
        pdf.set_text_color(*MUTED)
        pdf.cell(width, 4, signature.title, align="C")


def _fit(pdf: _CertificatePDF, text: str, width: float, style: str, size: float) -> None:
    """Set the sans font at ``size``, smaller if needed for ``text`` to fit ``width``."""
    pdf.set_font("sans", style, size)
    while size > 5.5 and pdf.get_string_width(text) > width - 1:
        size -= 0.5
        pdf.set_font("sans", style, size)


def _verification(pdf: _CertificatePDF, content: CertificateContent, texts: dict) -> None:
    """Bottom right: the QR code, the verification URL and the certificate number."""
    size = 30
    x, y = PAGE_WIDTH - MARGIN - size - 2, PAGE_HEIGHT - MARGIN - size - 12
    pdf.image(io.BytesIO(qr_png(content.verification_url)), x=x, y=y, w=size, h=size)
    text_width = 95
    right = PAGE_WIDTH - MARGIN - 2
    pdf.set_text_color(*MUTED)
    pdf.set_font("sans", "", 7.5)
    pdf.set_xy(right - text_width, y + size + 1)
    pdf.cell(text_width, 3.5, f"{texts['verify_label']}:", align="R")
    pdf.set_xy(right - text_width, y + size + 4.5)
    pdf.set_font("sans", "", 7)
    pdf.cell(text_width, 3.5, content.verification_url, align="R", link=content.verification_url)
    pdf.set_xy(right - text_width, y + size + 8)
    pdf.set_font("sans", "B", 8)
    pdf.set_text_color(*INK)
    pdf.cell(text_width, 3.5, f"{texts['number_label']}: {content.number}", align="R")
