"""Path converters shared by every Aula URLconf.

``<id:…>`` is ``<int:…>`` bounded to a database id: a non-negative integer that fits a signed
64-bit column (``BigAutoField``). A larger number does not match the URL, so it answers 404
instead of reaching the database (SQLite raises OverflowError, PostgreSQL "out of range").

Registered once, when this module is first imported; each URLconf that uses ``<id:…>`` imports
it (``from aula import converters  # noqa: F401``) so that the order URLconfs load in does not
matter.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"  # 2**63 - 1 has 19 digits

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is beyond a 64-bit id")  # no match: 404
        return number

    def to_url(self, value) -> str:
        number = int(value)
        if not 0 <= number <= MAX_ID:
            raise ValueError(f"{value} is not a database id")
        return str(number)


register_converter(IdConverter, "id")
