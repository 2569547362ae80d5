"""Learner- and tutor-written HTML: a small safe subset, cleaned with bleach.

Text is cleaned when it is saved and again when it is rendered (``safe_html``), so a row
written before a rule changed, or by another path, is never shown raw. Plain text (no tags) is
stored as typed, so that editing it shows what was written, and escaped when rendered, with its
paragraphs and line breaks kept.
"""

from html import unescape

import bleach
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
BLOCK_TAGS = ("<p", "<br", "<ul", "<ol", "<blockquote")
MAX_LENGTH = 10_000  # characters, as typed


def _set_link_rel(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[],
)


def clean_html(text: str) -> str:
    """The safe subset of ``text``: other tags stripped (their text kept), scripts and their
    contents, event handlers, styles and ``javascript:`` links removed."""
    text = (text or "").strip()
    if "<" not in text:
        return text  # plain text: kept as typed, escaped when shown (``safe_html``)
    cleaned = _cleaner.clean(text)
    # Nothing left but text (e.g. "x < y"): keep it as typed, not entity-encoded.
    return cleaned if "<" in cleaned else unescape(cleaned)


def safe_html(text: str) -> SafeString:
    """For templates: plain text escaped with its paragraphs and line breaks kept; HTML cleaned
    again on the way out; links made clickable and marked nofollow."""
    text = (text or "").strip()
    if "<" not in text:
        html = linebreaks(text, autoescape=True)
    else:
        html = _cleaner.clean(text)
        if not any(tag in html for tag in BLOCK_TAGS):
            html = linebreaks(html)  # text with inline tags only: keep its paragraphs
    linked = bleach.linkify(html, callbacks=[_set_link_rel], skip_tags=["pre"])
    return mark_safe(linked)  # noqa: S308  (escaped or cleaned by bleach just above)
