"""Issue 14, item 4: the name printed on certificates is readable and reads as it was stored."""

import pytest

from learners.accounts.forms import ProfileForm
from tests.factories import learner

PROFILE = {
    "country": "CL",  # an ISO code (the profile lists countries)
    "organisation": "Ministerio de la Mujer",
    "position": "",
    "preferred_language": "en",
    "time_zone": "America/Santiago",
}

INVISIBLE_ONLY = [
    "\u200b\u200b\u200b",  # zero-width spaces
    "\u200c\u200d\u2060",  # zero-width non-joiner, joiner, word joiner
    "\ufeff\u200b",  # zero-width no-break space (BOM)
    "\u3164\u3164",  # Hangul fillers
    "\u2800",  # blank Braille pattern
    "\u00ad\u034f",  # soft hyphen, combining grapheme joiner
]

BIDI = [
    "Ana \u202eZEREP\u202c",  # right-to-left override
    "\u202aAna Pérez",
    "\u202bAna Pérez",
    "Ana\u202c Pérez",
    "\u202dAna Pérez",
    "Ana \u2066Pérez\u2069",  # isolates
    "Ana \u2067Pérez",
    "Ana \u2068Pérez",
]


@pytest.mark.parametrize("name", INVISIBLE_ONLY)
def test_name_of_invisible_characters_only_is_refused(db, name):
    form = ProfileForm({**PROFILE, "certificate_name": name})
    assert not form.is_valid()
    assert "no visible letters" in form.errors["certificate_name"][0]


@pytest.mark.parametrize("name", BIDI)
def test_name_with_text_direction_controls_is_refused(db, name):
    form = ProfileForm({**PROFILE, "certificate_name": name})
    assert not form.is_valid()
    assert "text-direction controls" in form.errors["certificate_name"][0]


def test_name_with_a_control_character_is_refused(db):
    form = ProfileForm({**PROFILE, "certificate_name": "Ana\x1bPérez"})
    assert not form.is_valid()
    assert "control character (U+001B)" in form.errors["certificate_name"][0]


@pytest.mark.parametrize(
    "name",
    [
        "María José Núñez",
        "محمد عبد الله",  # right-to-left script, no controls needed
        "רות כהן",
        "علی\u200cرضا",  # a zero-width non-joiner inside a Persian name is part of its spelling
        "श्री\u200dनिवास",
        "王小明",
        "O'Brien-Ñáñez",
    ],
)
def test_real_names_in_any_script_are_accepted(db, name):
    form = ProfileForm({**PROFILE, "certificate_name": name})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["certificate_name"] == name


def test_profile_page_shows_the_error_and_keeps_the_old_name(client, site_tree):
    ana = learner(email="ana@example.org", certificate_name="Ana Pérez")
    client.force_login(ana)
    response = client.post("/es/learn/profile/", {**PROFILE, "certificate_name": "\u200b\u200b"})
    assert response.status_code == 200
    assert "no tiene letras visibles" in response.content.decode()
    ana.profile.refresh_from_db()
    assert ana.profile.certificate_name == "Ana Pérez"
