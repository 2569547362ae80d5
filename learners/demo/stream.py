"""Helpers that write StreamField blocks in their raw JSON form (``{"type", "value"}``).

The block names and fields mirror ``courses.blocks.ModuleBodyBlock`` and ``MaterialsBlock``;
``build.py`` validates every stream against those blocks before saving it.
"""


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def callout(kind: str, heading: str, body: str) -> dict:
    """``kind`` is one of note, key_fact, content_note, activity."""
    return {"type": "callout", "value": {"kind": kind, "heading": heading, "body": body}}


def question(prompt: str, choices: list[tuple[str, bool]], explanation: str = "") -> dict:
    """``choices`` are ``(text, is_correct)`` pairs, in the order learners see them."""
    return {
        "prompt": prompt,
        "choices": [{"text": text, "is_correct": correct} for text, correct in choices],
        "explanation": explanation,
    }


def quiz(title: str, questions: list[dict], pass_mark: int = 70) -> dict:
    return {
        "type": "quiz",
        "value": {"title": title, "pass_mark": pass_mark, "questions": questions},
    }


def reflection(prompt: str, guidance: str = "") -> dict:
    return {"type": "reflection", "value": {"prompt": prompt, "guidance": guidance}}


def link(title: str, url: str) -> dict:
    """A ``MaterialsBlock`` link on a live session."""
    return {"type": "link", "value": {"title": title, "url": url}}
