"""The rest of a module page (header, title, breadcrumb, footer: all but the learner's part and
their cohort's discussion panel) is rendered once for the learners who open it, and each
learner's page is made of it with their own part and panel (learners/learn/page_cache.py).
What comes out is the page as rendered for them; the module gate still decides who gets in."""

import re

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client

from home.admin_access import ADMIN_ACCESS_KEY
from tests.factories import CohortFactory, EnrolmentFactory, ThreadFactory, learner

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ONE_TIME = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")


def signed_in(user) -> Client:
    """A browser of ``user`` that has opened a page already (/learn/: the session knows they
    may not open the admin)."""
    client = Client()
    client.force_login(user)
    client.get("/en/learn/")
    return client


def templates_of(response) -> set[str]:
    return {template.name for template in response.templates}


def but_tokens(html: str) -> str:
    return ONE_TIME.sub("", CSRF.sub("", html))


def test_the_second_learner_gets_the_page_made_from_the_rest_as_rendered_for_the_first(
    cohort, module
):
    first, second = (EnrolmentFactory(cohort=cohort).learner for _ in range(2))
    ThreadFactory(cohort=cohort, module=module, author=first, title="Who counts care work?")
    ThreadFactory(
        cohort=cohort, module=module, author=second, title="My own question", is_private=True
    )
    assert "base.html" in templates_of(signed_in(first).get(module.url))

    reader = signed_in(second)
    response = reader.get(module.url)
    assert response.status_code == 200
    assert "base.html" not in templates_of(response)
    made = response.content.decode()
    assert "Who counts care work?" in made and "My own question" in made
    assert made.count("<html") == 1 and "aula:discussion" not in made
    # The same as the page rendered whole for them.
    cache.clear()
    rendered = Client()
    rendered.force_login(second)
    rendered.get("/en/learn/")
    whole = rendered.get(module.url)
    assert "base.html" in templates_of(whole)
    assert but_tokens(made) == but_tokens(whole.content.decode())

    mine = signed_in(first).get(module.url).content.decode()
    assert "My own question" not in mine  # a private question: its author's page only


def test_each_learner_posts_from_the_made_page_with_their_own_token(cohort, module):
    first, second = (EnrolmentFactory(cohort=cohort).learner for _ in range(2))
    signed_in(first).get(module.url)
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(second)
    reader.get("/en/learn/")
    html = reader.get(module.url).content.decode()
    tokens = set(CSRF.findall(html))
    assert len(tokens) == 1
    data = {"csrfmiddlewaretoken": tokens.pop(), "block_id": "x", "question-1": "1"}
    response = reader.post(f"/en/learn/modules/{module.pk}/quiz/", data)
    assert response.status_code != 403  # the token is theirs (an unknown quiz is refused)


def test_a_tutor_of_another_cohort_gets_their_link_and_the_others_do_not(course, cohort, module):
    """Tutors may open the admin (their pages are never made from what others were shown); the
    learners' shared rest has no link to a tutor's cohorts."""
    tutor, first, second = (EnrolmentFactory(cohort=cohort).learner for _ in range(3))
    CohortFactory(course=course).tutors.add(tutor)
    signed_in(first).get(module.url)
    tutor_page = signed_in(tutor).get(module.url).content.decode()
    response = signed_in(second).get(module.url)
    assert "base.html" not in templates_of(response)
    assert "My cohorts" in tutor_page and "My cohorts" not in response.content.decode()


def test_someone_not_enrolled_is_turned_away_however_the_page_is_made(cohort, module):
    signed_in(EnrolmentFactory(cohort=cohort).learner).get(module.url)
    response = signed_in(learner()).get(module.url)
    assert response.status_code == 302


def test_a_sessions_first_page_is_made_from_the_rest_too(cohort, module):
    """Whether the person may open the admin (the editors' bar) is asked before the page is
    made, on their first page: a session that starts on a module page shares its rest."""
    signed_in(EnrolmentFactory(cohort=cohort).learner).get(module.url)
    client = Client()
    client.force_login(EnrolmentFactory(cohort=cohort).learner)
    response = client.get(module.url)
    assert response.status_code == 200
    assert "base.html" not in templates_of(response)
    assert client.session[ADMIN_ACCESS_KEY] is False


def test_an_editors_first_page_is_rendered_for_them_with_the_editors_bar(cohort, module):
    signed_in(EnrolmentFactory(cohort=cohort).learner).get(module.url)
    editor = EnrolmentFactory(cohort=cohort).learner
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client = Client()
    client.force_login(editor)
    response = client.get(module.url)
    assert "base.html" in templates_of(response)
    assert "wagtail-userbar" in response.content.decode()
    assert client.session[ADMIN_ACCESS_KEY] is True


def test_a_published_change_shows_at_once(course, cohort, module):
    signed_in(EnrolmentFactory(cohort=cohort).learner).get(module.url)
    module.title = "Care work in the national accounts"
    module.save_revision().publish()
    response = signed_in(EnrolmentFactory(cohort=cohort).learner).get(module.url)
    assert "base.html" in templates_of(response)
    assert "Care work in the national accounts" in response.content.decode()
