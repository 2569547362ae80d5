"""Learner- and tutor-written HTML: a small safe subset, cleaned with bleach.

Text is cleaned when it is saved and again when it is rendered (``safe_html``), so a row
written before a rule changed, or by another path, is never shown raw. Plain text (no tags) is
stored as typed, so that editing it shows what was written, and escaped when rendered, with its
paragraphs and line breaks kept.

The stored value is safe for any reader, not only for ``safe_html``: cleaning runs until the
text no longer changes, so markup that stripping one tag would assemble
(``<<script>script>…<</script>/script>``) is stripped in turn rather than stored; text that
cleans to nothing visible is stored as nothing (and refused by the services that save it).
"""

import functools
import threading
import unicodedata
from html import unescape

import bleach
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
BLOCK_TAGS = ("<p", "<br", "<ul", "<ol", "<blockquote")
MAX_LENGTH = 10_000  # characters, as typed
# Each pass strips at least one tag or stops; real text settles in one or two.
MAX_PASSES = 20
VISIBLE_CATEGORIES = ("L", "N", "P", "S")  # letters, numbers, punctuation, symbols


LINK_REL = "nofollow noopener noreferrer"
# Links in posts of the cohort discussion (learners.discussion): user-generated content.
UGC_LINK_REL = "nofollow ugc noopener"
# Texts whose cleaned and linked HTML a process keeps (``safe_html``): at most MAX_LENGTH
# characters each, so a few megabytes at worst.
SHOWN_KEPT = 512


def _link_rel(rel: str):
    def set_link_rel(attrs, new=False):
        attrs[(None, "rel")] = rel
        return attrs

    return set_link_rel


_per_thread = threading.local()


def _cleaner() -> bleach.Cleaner:
    """This thread's cleaner. A bleach ``Cleaner`` keeps its parser's state while it works and
    is not thread-safe: shared by the threads of a web process, two pages rendering
    reflections at once broke each other's parse (``IndexError: pop from empty list``)."""
    cleaner = getattr(_per_thread, "cleaner", None)
    if cleaner is None:
        cleaner = _per_thread.cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[],
        )
    return cleaner


def _stable(text: str) -> str:
    """``text`` cleaned until cleaning changes nothing more."""
    for _pass in range(MAX_PASSES):
        cleaned = _cleaner().clean(text)
        if cleaned == text:
            return cleaned
        text = cleaned
    return _cleaner().clean(text)


def has_visible_text(html: str) -> bool:
    """Whether cleaned ``html`` shows any letter, number, punctuation or symbol: not only tags,
    spaces, ``&nbsp;`` or zero-width characters."""
    text = unescape(bleach.clean(html, tags=set(), strip=True))
    return any(unicodedata.category(char)[0] in VISIBLE_CATEGORIES for char in text)


def clean_html(text: str) -> str:
    """The safe subset of ``text``: other tags stripped (their text kept), scripts and their
    contents, event handlers, styles and ``javascript:`` links removed; "" when nothing visible
    is left."""
    text = (text or "").strip()
    if "<" not in text:
        return text  # plain text: kept as typed, escaped when shown (``safe_html``)
    for _pass in range(MAX_PASSES):
        cleaned = _stable(text)
        if "<" in cleaned:
            break  # markup is left: store it as cleaned, entities and all
        # Nothing left but text (e.g. "x < y"): keep it as typed, not entity-encoded, once
        # reading it back as HTML finds no tag in it (stripping "<<b>b>" leaves "<b>").
        plain = unescape(cleaned)
        if plain == text:
            return plain.strip() if has_visible_text(cleaned) else ""
        text = plain
    else:
        cleaned = _stable(text)
    return cleaned if has_visible_text(cleaned) else ""


def safe_html(text: str, *, rel: str = LINK_REL) -> SafeString:
    """For templates: plain text escaped with its paragraphs and line breaks kept; HTML cleaned
    again on the way out; links made clickable and marked nofollow (``rel``)."""
    return mark_safe(_shown((text or "").strip(), rel))  # noqa: S308  (escaped or cleaned)


@functools.lru_cache(maxsize=SHOWN_KEPT)
def _shown(text: str, rel: str) -> str:
    """``safe_html``'s work, done once per text and ``rel`` in a process: the same reflections
    and posts are shown on every view of their pages, and cleaning and linking them is the
    same work each time (bleach's output depends on nothing else)."""
    if "<" not in text:
        html = linebreaks(text, autoescape=True)
    else:
        html = _cleaner().clean(text)
        if not any(tag in html for tag in BLOCK_TAGS):
            html = linebreaks(html)  # text with inline tags only: keep its paragraphs
    return bleach.linkify(html, callbacks=[_link_rel(rel)], skip_tags=["pre"])
