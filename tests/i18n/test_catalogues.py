"""The interface catalogues (locale/*/LC_MESSAGES/*.po): they compile under msgfmt's checks,
keep every placeholder of their source strings, are translated at least 95 % for each language
the site offers besides English, and a catalogue with a broken placeholder fails the checks that
``make messages`` and CI run (``msgfmt --check``) as well as Django's ``compilemessages``."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
TRANSLATED_LANGUAGES = ("es", "pt", "fr")
MINIMUM_TRANSLATED = 95
PYTHON_PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr%]")
BRACE_PLACEHOLDER = re.compile(r"\{\w*\}")

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(
    MSGFMT is None, reason="gettext's msgfmt is not installed (CI installs it: .ci/run)"
)

BROKEN_PLACEHOLDER_PO = r"""msgid ""
msgstr ""
"Language: pt\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#, python-format
msgid "You are enrolled: %(course)s"
msgstr "Inscrição confirmada: %(curso)s"
"""


def _name(path: Path) -> str:
    return str(path.relative_to(LOCALE_DIR))


def test_every_offered_language_has_a_catalogue():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert set(TRANSLATED_LANGUAGES) <= languages


@needs_msgfmt
@pytest.mark.parametrize("catalogue", CATALOGUES, ids=_name)
def test_catalogue_passes_msgfmt_check(catalogue):
    """What ``make messages`` and CI run on every catalogue: formats, header, plural forms."""
    result = subprocess.run(  # noqa: S603 - msgfmt on our own files
        [MSGFMT, "--check", "--check-format", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=_name)
def test_translations_keep_the_placeholders_of_their_source(catalogue):
    """The same check in Python, so it holds where gettext is not installed; it also covers
    brace placeholders ({name}) of python-brace-format strings."""
    broken = []
    for entry in polib.pofile(str(catalogue)).translated_entries():
        pattern = BRACE_PLACEHOLDER if "python-brace-format" in entry.flags else PYTHON_PLACEHOLDER
        if entry.msgid_plural:
            pairs = [
                (entry.msgid if int(index) == 0 else entry.msgid_plural, text)
                for index, text in entry.msgstr_plural.items()
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            expected = set(pattern.findall(source))
            found = set(pattern.findall(text))
            # A singular form may leave out the count ("every second" for 1).
            if found != expected and not (found < expected and source is entry.msgid):
                broken.append((entry.msgid, text))
    assert broken == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_is_translated(language):
    """At least 95 % of the interface strings have a translation that is not fuzzy."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata.get("Plural-Forms", "").startswith("nplurals=")
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.percent_translated() >= MINIMUM_TRANSLATED, (
        f"{language}: {catalogue.percent_translated()} % translated; "
        f"untranslated: {[entry.msgid for entry in catalogue.untranslated_entries()][:20]}, "
        f"fuzzy: {[entry.msgid for entry in catalogue.fuzzy_entries()][:20]}"
    )


@pytest.fixture
def broken_catalogue(tmp_path):
    directory = tmp_path / "locale" / "pt" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    path = directory / "django.po"
    path.write_text(BROKEN_PLACEHOLDER_PO, encoding="utf-8")
    return path


@needs_msgfmt
def test_msgfmt_check_fails_on_a_broken_placeholder(broken_catalogue):
    result = subprocess.run(  # noqa: S603 - msgfmt on our own files
        [MSGFMT, "--check", "-o", "/dev/null", str(broken_catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "argument 'course' doesn't exist" in result.stderr


@needs_msgfmt
def test_compilemessages_fails_on_a_broken_placeholder(broken_catalogue, settings, monkeypatch):
    """Django's compilemessages runs msgfmt with --check-format and fails. (msgfmt still writes
    the .mo, so ``make messages`` and CI run ``msgfmt --check`` on every file first.)"""
    settings.LOCALE_PATHS = [broken_catalogue.parents[2]]
    monkeypatch.chdir(broken_catalogue.parents[3])
    with pytest.raises(CommandError):
        call_command("compilemessages", locale=["pt"], verbosity=0)


def test_placeholder_check_catches_a_broken_placeholder(broken_catalogue):
    entry = polib.pofile(str(broken_catalogue)).translated_entries()[0]
    assert set(PYTHON_PLACEHOLDER.findall(entry.msgid)) != set(
        PYTHON_PLACEHOLDER.findall(entry.msgstr)
    )


def test_third_party_strings_we_translate_are_still_the_packages_own():
    """aula/third_party_strings.py copies msgids of Django and allauth so that our catalogues
    can word them; one that a package renamed would silently stop replacing anything."""
    import allauth
    import django

    listed = [
        entry
        for entry in polib.pofile(str(LOCALE_DIR / "pt" / "LC_MESSAGES" / "django.po"))
        if any(path == "aula/third_party_strings.py" for path, _line in entry.occurrences)
    ]
    assert len(listed) >= 20
    package_msgids = set()
    for package in (django, allauth):
        root = Path(package.__file__).parent
        for catalogue in root.glob("**/locale/fr/LC_MESSAGES/django.po"):
            package_msgids.update(entry.msgid for entry in polib.pofile(str(catalogue)))
    assert [entry.msgid for entry in listed if entry.msgid not in package_msgids] == []
