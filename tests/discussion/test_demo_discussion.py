"""The demo has discussions in English and Spanish cohorts: answered and waiting questions, a
module discussion, a private question and a hidden post; a second seed adds none."""

from collections import Counter
from io import StringIO
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.management import call_command

from learners.demo.discussion import ensure_discussions
from learners.models import Post, Thread
from tests.factories import EnrolmentFactory, learner


def test_demo_cohorts_have_discussions_in_both_languages(client, demo):
    threads = Thread.objects.select_related("cohort")
    languages = {thread.cohort.language for thread in threads}
    assert {"en", "es"} <= languages
    assert threads.filter(is_question=True, answered_at__isnull=False).exists()
    assert threads.filter(is_question=True, answered_at__isnull=True).exists()
    assert threads.filter(module__isnull=False).exists()
    assert threads.filter(is_private=True).exists()
    assert Post.objects.filter(hidden_at__isnull=False).exists()
    admin = get_user_model().objects.get(email="admin@aula.example")
    client.force_login(admin)
    for thread in threads:
        url = f"/{thread.cohort.language}/learn/cohorts/{thread.cohort_id}/discussion/"
        assert client.get(url).status_code == 200
        assert client.get(f"{url}{thread.pk}/").status_code == 200
    count = threads.count()
    call_command("seed_demo", stdout=StringIO())
    assert Thread.objects.count() == count


def test_demo_discussion_step_writes_each_kind_of_thread_once(cohort, tutor, ana, beto):
    EnrolmentFactory(learner=learner(), cohort=cohort)
    demo = SimpleNamespace(users={"admin": None}, cohorts={"c": cohort}, created=Counter())
    ensure_discussions(demo)
    threads = Thread.objects.filter(cohort=cohort)
    assert threads.count() == 4
    assert threads.filter(is_private=True).count() == 1
    assert threads.filter(module__isnull=False).count() == 1
    assert threads.filter(answered_by=tutor).count() == 1
    assert Post.objects.filter(hidden_by=tutor).count() == 1
    ensure_discussions(demo)
    assert threads.count() == 4
