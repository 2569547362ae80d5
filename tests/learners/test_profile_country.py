"""Issue 13, item 4: the profile makes clean data. The country is chosen from a localised list
and stored as its ISO code (free text from before is read in four languages, the rest kept for
review); the time zone comes from a shorter grouped list, proposed from the country; the
organisation is suggested from names already in use; the staff report groups by the code."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.utils import translation

from learners.accounts.countries import country_code, default_zone, time_zone_choices
from learners.accounts.forms import ProfileForm
from learners.accounts.models import LearnerProfile
from learners.staff.reports import progress_report
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, learner

pytestmark = pytest.mark.django_db

PROFILE = {
    "certificate_name": "Rosa Quispe",
    "country": "PE",
    "organisation": "Ministerio de la Mujer",
    "position": "",
    "preferred_language": "es",
    "time_zone": "America/Lima",
}

migration = importlib.import_module("learners.migrations.0012_profile_country_codes")


@pytest.mark.parametrize("typed", ["Perú", "Peru", "peru", " PERÚ ", "Pérou", "PE", "per", "Perú."])
def test_country_names_in_four_languages_ignoring_case_and_accents_give_the_code(typed):
    assert country_code(typed) == "PE"


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Brasil", "BR"), ("México", "MX"), ("Estados Unidos", "US"), ("Haïti", "HT"), ("", "")],
)
def test_other_countries_and_nothing(typed, code):
    assert country_code(typed) == code


@pytest.fixture
def country_column_before_0013():
    """The free text of before migration 0013, which narrowed the column to a code's two
    letters: PostgreSQL enforces the width (SQLite does not), so the column is widened again for
    the test, inside the test's transaction, which puts it back."""
    if connection.vendor == "postgresql":
        table = LearnerProfile._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f'ALTER TABLE "{table}" ALTER COLUMN "country" TYPE varchar(100)')


@pytest.mark.usefixtures("country_column_before_0013")
def test_migration_turns_free_text_into_codes_and_keeps_the_rest_for_review(capsys):
    rows = {"Perú": "", "peru": "", "Pérou": "", "Uruguay": "", "Narnia": "", "": ""}
    profiles = {}
    for typed in rows:
        profile = learner().profile
        LearnerProfile.objects.filter(pk=profile.pk).update(country=typed)
        profiles[typed] = profile.pk

    migration.countries_to_codes(apps, None)

    stored = {
        typed: LearnerProfile.objects.values_list("country", "country_unmatched").get(pk=pk)
        for typed, pk in profiles.items()
    }
    assert stored["Perú"] == stored["peru"] == stored["Pérou"] == ("PE", "")
    assert stored["Uruguay"] == ("UY", "")
    assert stored["Narnia"] == ("", "Narnia")
    assert stored[""] == ("", "")
    assert "“Narnia” (1)" in capsys.readouterr().out


@pytest.mark.usefixtures("country_column_before_0013")
def test_migration_backwards_restores_the_unmatched_text():
    profile = learner().profile
    LearnerProfile.objects.filter(pk=profile.pk).update(country="", country_unmatched="Narnia")
    migration.codes_to_countries(apps, None)
    assert LearnerProfile.objects.get(pk=profile.pk).country == "Narnia"


def test_profile_stores_the_code_and_lists_names_in_the_readers_language():
    profile = UserFactory().profile
    form = ProfileForm(PROFILE, instance=profile)
    assert form.is_valid(), form.errors
    form.save()
    profile.refresh_from_db()
    assert profile.country.code == "PE"
    with translation.override("es"):
        choices = dict(ProfileForm(instance=profile).fields["country"].choices)
        assert choices["PE"] == "Perú" and choices[""] == "Elija su país"
        assert profile.country.name == "Perú"


def test_a_country_not_in_the_list_is_refused_and_the_form_shows_what_was_typed(client, site_tree):
    client.force_login(UserFactory())
    response = client.post("/en/learn/profile/", {**PROFILE, "country": "Narnia"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Rosa Quispe"' in html and 'value="Ministerio de la Mujer"' in html
    assert 'class="error"' in html


def test_saving_a_country_clears_the_text_kept_for_review_after_asking_for_it(client, site_tree):
    user = UserFactory()
    LearnerProfile.objects.filter(user=user).update(country="", country_unmatched="Narnia")
    client.force_login(user)
    html = client.get("/en/learn/profile/").content.decode()
    assert "You wrote “Narnia” as your country" in html
    response = client.post("/en/learn/profile/", PROFILE)
    assert response.status_code == 302
    assert LearnerProfile.objects.values_list("country", "country_unmatched").get(user=user) == (
        "PE",
        "",
    )


def test_time_zones_are_grouped_shorter_and_the_countrys_come_first():
    choices = time_zone_choices("AR")
    flat = [zone for _group, options in choices for zone, _label in options]
    assert 400 < len(flat) < 450  # not the 599 names with aliases
    assert "US/Eastern" not in flat and "Etc/GMT+5" not in flat
    first_group, first_options = choices[0]
    assert str(first_group) == "In Argentina"
    assert ("America/Argentina/Buenos_Aires", "Buenos Aires (Argentina)") in first_options
    assert flat.count("America/Argentina/Buenos_Aires") == 1
    assert flat[-1] == "UTC"


def test_a_valid_zone_outside_the_list_is_accepted_and_kept():
    profile = UserFactory().profile
    form = ProfileForm({**PROFILE, "time_zone": "America/Buenos_Aires"}, instance=profile)
    assert form.is_valid(), form.errors
    assert not ProfileForm({**PROFILE, "time_zone": "Mars/Olympus"}, instance=profile).is_valid()
    form.save()
    flat = [
        z for _g, opts in ProfileForm(instance=profile).fields["time_zone"].choices for z, _ in opts
    ]
    assert "America/Buenos_Aires" in flat


def test_zone_is_proposed_from_a_country_with_one_zone_until_chosen():
    assert default_zone("PE") == "America/Lima" and default_zone("AR") == ""
    profile = UserFactory().profile
    profile.country = "PE"
    profile.save()
    form = ProfileForm(instance=profile)
    assert form["time_zone"].value() == "America/Lima"
    assert 'data-propose="browser"' in str(form["time_zone"])
    profile.certificate_name, profile.organisation, profile.time_zone = "Rosa", "MIMP", "UTC"
    profile.save()
    chosen = ProfileForm(instance=profile)  # a complete profile: UTC was chosen
    assert chosen["time_zone"].value() == "UTC"
    assert "data-propose" not in str(chosen["time_zone"])


def test_profile_page_suggests_organisations_in_use_and_loads_the_zone_script(client, site_tree):
    learner(organisation="Ministerio de Trabajo")
    learner(organisation="ministerio de trabajo ")
    learner(organisation="OIT")
    client.force_login(UserFactory())
    html = client.get("/en/learn/profile/").content.decode()
    assert 'list="organisation-suggestions"' in html
    assert html.count('<option value="Ministerio de Trabajo">') == 1
    assert "ministerio de trabajo " not in html
    assert '<option value="OIT">' in html
    assert '<script id="country-zones" type="application/json">' in html
    assert '"PE": "America/Lima"' in html
    assert "/static/js/profile-zone.js" in html


def test_staff_report_groups_by_code_with_localised_names_and_shows_unmatched(course):
    cohort = CohortFactory(course=course)
    for country in ("PE", "PE", "MX"):
        EnrolmentFactory(cohort=cohort, learner=learner(country=country), status="active")
    review = learner()
    LearnerProfile.objects.filter(user=review).update(country="", country_unmatched="Narnia")
    EnrolmentFactory(cohort=cohort, learner=review, status="active")
    with translation.override("es"):
        [report] = progress_report(cohort_id=cohort.pk)
        rows = {row.label: row.enrolled for row in report.groups["country"]}
    assert rows == {"Perú": 2, "México": 1, "«Narnia» (no reconocido)": 1}
