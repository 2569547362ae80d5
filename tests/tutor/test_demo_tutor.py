"""The demo tutor (tutor@aula.example) finds the demo cohorts on the tutor dashboard, with
learners, progress (some at risk) and a welcome announcement; a second seed adds none."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from wagtail.models import Site

from courses.models import Cohort
from learners.models import Announcement

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seed the demo once for the module; roll everything back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()
    cache.clear()


def test_demo_tutor_sees_their_cohorts_with_learners_and_an_announcement(client, demo):
    tutor = get_user_model().objects.get(email="tutor@aula.example")
    tutored = list(Cohort.objects.for_tutor(tutor))
    assert len(tutored) >= 2
    client.force_login(tutor)
    dashboard = client.get(reverse("tutor_dashboard")).content.decode()
    at_risk = 0
    for cohort in tutored:
        assert reverse("tutor_cohort", args=[cohort.pk]) in dashboard
        response = client.get(reverse("tutor_cohort", args=[cohort.pk]))
        assert response.status_code == 200
        assert response.context["counts"]["enrolled"] > 0
        at_risk += response.context["counts"]["at_risk"]
        assert Announcement.objects.filter(cohort=cohort, author=tutor).count() == 1
    assert at_risk > 0


def test_second_seed_posts_no_second_announcement(demo):
    before = Announcement.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Announcement.objects.count() == before > 0
