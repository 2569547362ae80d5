"""The demo tutor (tutor@aula.example) finds the demo cohorts on the tutor dashboard, with
learners, progress (some at risk) and a welcome announcement; a second seed adds none."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from courses.models import Cohort
from learners.models import Announcement


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
