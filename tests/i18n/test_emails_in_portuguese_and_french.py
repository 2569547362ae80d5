"""Emails to learners of a Portuguese or French cohort are written in that language, formally,
with the course's title in that language."""

import pytest
from django.core import mail
from wagtail.models import Locale

from learners.enrolment import services
from tests.factories import CohortFactory, learner, translate_page

pytestmark = pytest.mark.django_db

TITLES = {
    "pt": "Trabalho decente e economia do cuidado",
    "fr": "Travail décent et économie du soin",
}
SUBJECTS = {"pt": "Inscrição confirmada: ", "fr": "Vous êtes inscrit : "}
BODIES = {"pt": "Está inscrito em “", "fr": "Vous êtes inscrit à « "}


@pytest.mark.parametrize("language", ["pt", "fr"])
def test_the_enrolment_email_is_in_the_cohorts_language(
    site_tree, course, language, django_capture_on_commit_callbacks
):
    Locale.objects.get_or_create(language_code=language)
    translate_page(site_tree.home, language)
    translate_page(site_tree.catalogue, language)
    translated = translate_page(course, language, title=TITLES[language])
    cohort = CohortFactory(course=translated, language=language)
    person = learner(email=f"{language}@example.org", preferred_language=language)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(learner=person, cohort=cohort)
    (email,) = mail.outbox
    assert email.subject == SUBJECTS[language] + TITLES[language]
    assert BODIES[language] + TITLES[language] in email.body
    assert "Decent work" not in email.subject + email.body
