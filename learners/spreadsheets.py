"""Cells that a spreadsheet would run as a formula (text starting with ``= + - @``, or a tab or
carriage return) are prefixed with an apostrophe: a learner's organisation cannot become code in
a tutor's or staff member's spreadsheet. Shared by the tutor's exports and the staff reports;
imports nothing of learners."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text a spreadsheet would take for a formula, prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
