"""The language switcher keeps your place: on a page, its translation (or its nearest translated
ancestor, said so); on every other view, the same view in the other language with the same
arguments and query string (home/switcher.py)."""

import html
import re
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.views import defaults

from aula import errors, throttle
from learners.certificates.services import issue_certificate
from learners.models import EnrolmentStatus
from tests.factories import (
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LiveSessionPageFactory,
    ModulePageFactory,
    SessionSlotFactory,
    ThreadFactory,
    UserFactory,
    authenticator_app,
    build_course,
    learner,
    translate_page,
)

QUERY = "from=switcher&x=%C3%B1"
SWITCHER_LINK = re.compile(r'<a href="([^"]*)" lang="(\w+)" hreflang="\w+"([^>]*)>')


def switcher(content: str) -> dict[str, tuple[str, str]]:
    """{language: (href, the rest of the link's attributes)} of the switcher's links."""
    nav = content.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: (html.unescape(href), rest) for href, code, rest in SWITCHER_LINK.findall(nav)}


def in_spanish(path: str) -> str:
    assert path.startswith("/en/")
    return "/es/" + path.removeprefix("/en/")


@pytest.fixture
def world(site_tree):
    """Home and catalogue in both languages; a course, its cohort with a tutor, a learner who
    completed it (with a certificate), an application cohort and a live session."""
    translate_page(site_tree.home, "es", title="Inicio")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    course = build_course(site_tree.catalogue, modules=1, slug="care", title="Care work")
    session = LiveSessionPageFactory(parent=course, title="Opening session")
    tutor = UserFactory(email="tutor@example.org")
    cohort = CohortFactory(course=course, starts_on=date(2026, 3, 2), ends_on=date(2026, 4, 24))
    cohort.tutors.add(tutor)
    by_application = CohortFactory(course=course, enrolment_mode="application")
    me = learner(email="me@example.org")
    enrolment = EnrolmentFactory(learner=me, cohort=cohort, status=EnrolmentStatus.COMPLETED)
    certificate, _created = issue_certificate(enrolment_id=enrolment.pk)
    slot = SessionSlotFactory(session=session, cohort=cohort)
    with_mfa = learner(email="mfa@example.org")
    member = learner(email="member@example.org")
    EnrolmentFactory(learner=member, cohort=cohort)
    thread = ThreadFactory(cohort=cohort, author=member)
    return {
        "member": member,
        "thread": thread,
        "post": thread.posts.get(is_opening=True),
        "mfa_secret": authenticator_app(with_mfa),
        "anon": None,
        "learner": me,
        "tutor": tutor,
        "mfa": with_mfa,
        "cohort": cohort,
        "by_application": by_application,
        "enrolment": enrolment,
        "certificate": certificate,
        "slot": slot,
        "course": course,
    }


# Every view outside Wagtail's pages that answers GET with a page: who opens it and its arguments.
VIEWS = {
    "search": ("anon", lambda w: {}),
    "account_login": ("anon", lambda w: {}),
    "account_signup": ("anon", lambda w: {}),
    "account_inactive": ("anon", lambda w: {}),
    "account_email_verification_sent": ("anon", lambda w: {}),
    "account_reset_password": ("anon", lambda w: {}),
    "account_reset_password_done": ("anon", lambda w: {}),
    "account_reset_password_from_key_done": ("anon", lambda w: {}),
    "account_confirm_email": ("anon", lambda w: {"key": "not-a-key"}),
    "account_reset_password_from_key": ("anon", lambda w: {"uidb36": "zz", "key": "no-key"}),
    "account_logout": ("learner", lambda w: {}),
    "account_reauthenticate": ("learner", lambda w: {}),
    "account_email": ("learner", lambda w: {}),
    "account_change_password": ("learner", lambda w: {}),
    "mfa_index": ("learner", lambda w: {}),
    "usersessions_list": ("learner", lambda w: {}),
    "mfa_activate_totp": ("learner+", lambda w: {}),
    "mfa_reauthenticate": ("mfa", lambda w: {}),
    "mfa_deactivate_totp": ("mfa+", lambda w: {}),
    "mfa_view_recovery_codes": ("mfa", lambda w: {}),
    "mfa_generate_recovery_codes": ("mfa+", lambda w: {}),
    "learn_dashboard": ("learner", lambda w: {}),
    "learn_profile": ("learner", lambda w: {}),
    "learn_apply": ("learner", lambda w: {"cohort_id": w["by_application"].pk}),
    "privacy_delete": ("learner", lambda w: {}),
    "privacy_deleted": ("anon", lambda w: {}),
    "privacy_notice": ("anon", lambda w: {}),
    "tutor_dashboard": ("tutor", lambda w: {}),
    "tutor_cohort": ("tutor", lambda w: {"cohort_id": w["cohort"].pk}),
    "tutor_learner": (
        "tutor",
        lambda w: {"cohort_id": w["cohort"].pk, "enrolment_id": w["enrolment"].pk},
    ),
    "live_attendance": ("tutor", lambda w: {"slot_id": w["slot"].pk}),
    "learn_discussion": ("member", lambda w: {"cohort_id": w["cohort"].pk}),
    "learn_discussion_thread": (
        "member",
        lambda w: {"cohort_id": w["cohort"].pk, "thread_id": w["thread"].pk},
    ),
    "learn_discussion_edit": (
        "member",
        lambda w: {"cohort_id": w["cohort"].pk, "post_id": w["post"].pk},
    ),
    "learn_discussion_unsubscribe": ("anon", lambda w: {"token": "not-a-token"}),
    "learn_discussion_preferences": ("member", lambda w: {}),
    "tutor_discussion_reports": ("tutor", lambda w: {"cohort_id": w["cohort"].pk}),
    "certificate_verify_form": ("anon", lambda w: {}),
    "certificate_verify": ("anon", lambda w: {"code": w["certificate"].code}),
}

# Views with no page of their own, so no switcher: why, for each.
NOT_PAGES = {
    "wagtail_serve": "Wagtail's pages: the page tests below",
    "account_set_password": "redirects anyone who has a password to the change-password page",
    "account_confirm_login_code": "only in the middle of a login by code; else the login page",
    "mfa_authenticate": "only in the middle of a login; else redirects to the login page",
    "mfa_download_recovery_codes": "a text file",
    "privacy_download": "a ZIP file",
    "certificate_download": "a PDF file",
    "tutor_export_csv": "a CSV file",
    "tutor_export_xlsx": "an Excel file",
    "live_slot_ics": "a calendar file",
    "learn_enrol": "POST only",
    "learn_withdraw": "POST only",
    "learn_module_complete": "POST only",
    "learn_quiz": "POST only",
    "learn_reflection": "POST only",
    "live_join": "POST only",
    "live_regenerate_feed": "POST only",
    "tutor_announce": "POST only",
    "learn_discussion_delete": "POST only",
    "learn_discussion_report": "POST only",
    "tutor_discussion_hide": "POST only",
    "tutor_discussion_restore": "POST only",
    "tutor_discussion_answered": "POST only",
    "tutor_discussion_dismiss": "POST only",
    "certificate_verify_credential": "POST only; its answer is a verification page",
    "certificate_credential": "a credential file (JSON)",
    "wagtailcore_authenticate_with_password": "the password form of a restricted page",
    "wagtailcore_login": "Wagtail's bare login form; the site signs in through allauth's",
}


def language_prefixed_url_names() -> set[str]:
    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern.name

    with translation.override("en"):
        return {
            name
            for resolver in get_resolver().url_patterns
            if isinstance(resolver, URLResolver) and str(resolver.pattern) == "en/"
            for name in walk(resolver.url_patterns)
        }


def test_every_view_of_the_site_is_covered():
    names = language_prefixed_url_names()
    assert names, "no language-prefixed URL found"
    assert names - set(VIEWS) - set(NOT_PAGES) == set()
    assert set(VIEWS) & set(NOT_PAGES) == set()


def sign_in(client, world, who: str) -> None:
    """``learner``: a session; ``learner+``: and the password confirmed again just now, as the
    views that change two-step sign-in ask (allauth's reauthentication)."""
    user = world[who.removesuffix("+")]
    if user is None:
        return
    client.force_login(user)
    if who.endswith("+"):
        response = client.post(
            reverse("account_reauthenticate"), {"password": "correct horse battery"}
        )
        assert response.status_code == 302, response.status_code


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_switcher_leads_to_the_same_view_with_the_same_query(client, world, name):
    who, arguments = VIEWS[name]
    sign_in(client, world, who)
    path = reverse(name, kwargs=arguments(world))
    response = client.get(f"{path}?{QUERY}")
    assert response.status_code in (200, 404), (name, response.status_code)
    links = switcher(response.content.decode())
    assert links["es"][0] == f"{in_spanish(path)}?{QUERY}"
    assert links["en"][0] == f"{path}?{QUERY}"
    assert 'aria-current="true"' in links["en"][1]


def test_search_keeps_its_words(client, world):
    links = switcher(client.get("/en/search/?q=care&page=2").content.decode())
    assert links["es"][0] == "/es/search/?q=care&page=2"


def test_spanish_view_leads_back_to_the_english_one(client, world):
    client.force_login(world["tutor"])
    path = f"/es/tutor/cohorts/{world['cohort'].pk}/?status=active&sort=-progress"
    links = switcher(client.get(path).content.decode())
    assert links["en"][0] == f"/en/tutor/cohorts/{world['cohort'].pk}/?status=active&sort=-progress"
    assert 'aria-current="true"' in links["es"][1]


# --- error pages -------------------------------------------------------------------------------


def test_404_of_a_view_leads_to_its_404_in_the_other_language(client, world):
    client.force_login(world["learner"])
    response = client.get(f"/en/learn/cohorts/987654/apply/?{QUERY}")
    assert response.status_code == 404
    assert (
        switcher(response.content.decode())["es"][0] == f"/es/learn/cohorts/987654/apply/?{QUERY}"
    )


def test_404_of_a_missing_page_leads_to_the_same_address_in_the_other_language(client, world):
    response = client.get(f"/en/no-such-page/?{QUERY}")
    assert response.status_code == 404
    assert switcher(response.content.decode())["es"][0] == f"/es/no-such-page/?{QUERY}"


def test_unknown_certificate_page_keeps_its_code(client, world):
    response = client.get("/en/certificates/verify/NOT-A-CODE/")
    assert response.status_code == 404
    assert switcher(response.content.decode())["es"][0] == "/es/certificates/verify/NOT-A-CODE/"


def test_429_page_keeps_the_address(client, world, settings):
    limit = throttle.VERIFICATION_MISSES
    for _ in range(limit.failures + 1):
        response = client.get("/en/certificates/verify/NOT-A-CODE/?x=1")
    assert response.status_code == 429
    assert switcher(response.content.decode())["es"][0] == "/es/certificates/verify/NOT-A-CODE/?x=1"


def _request(path):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def test_403_page_keeps_the_address(world):
    with translation.override("en"):
        response = defaults.permission_denied(_request(f"/en/learn/?{QUERY}"), PermissionDenied())
    assert response.status_code == 403
    assert switcher(response.content.decode())["es"][0] == f"/es/learn/?{QUERY}"


def test_500_page_keeps_the_address(world):
    with translation.override("en"):
        response = errors.server_error(_request(f"/en/tutor/?{QUERY}"))
    assert response.status_code == 500
    assert switcher(response.content.decode())["es"][0] == f"/es/tutor/?{QUERY}"


# --- Wagtail pages -----------------------------------------------------------------------------


def test_translated_course_leads_to_its_translation(client, world):
    spanish = translate_page(world["course"], "es", title="Trabajo de cuidados", slug="cuidados")
    links = switcher(client.get(world["course"].url).content.decode())
    assert links["es"] == (spanish.url, "")
    back = switcher(client.get(spanish.url).content.decode())
    assert back["en"] == (world["course"].url, "")


def test_catalogue_keeps_its_filters(client, world, site_tree):
    url = site_tree.catalogue.url
    links = switcher(client.get(f"{url}?topic=care-economy&language=es").content.decode())
    assert links["es"][0] == "/es/courses/?topic=care-economy&language=es"


def test_untranslated_course_leads_to_the_nearest_translated_page_and_says_so(
    client, world, site_tree
):
    content = client.get(world["course"].url).content.decode()
    href, attributes = switcher(content)["es"]
    assert href == "/es/courses/"
    assert 'title="This page is not available in español' in attributes
    assert 'aria-describedby="language-note-es"' in attributes
    assert 'id="language-note-es"' in content


def test_untranslated_module_of_a_translated_course_leads_to_the_spanish_course(client, world):
    spanish = translate_page(world["course"], "es", title="Trabajo de cuidados", slug="cuidados")
    module = ModulePageFactory(parent=world["course"], title="Only in English")
    client.force_login(world["learner"])
    href, attributes = switcher(client.get(module.url).content.decode())["es"]
    assert href == spanish.url
    assert "title=" in attributes


def test_page_deleted_in_one_language_falls_back_to_its_ancestor(client, world):
    spanish = translate_page(world["course"], "es", title="Trabajo de cuidados", slug="cuidados")
    assert switcher(client.get(world["course"].url).content.decode())["es"][0] == spanish.url
    spanish.delete()
    href, attributes = switcher(client.get(world["course"].url).content.decode())["es"]
    assert href == "/es/courses/"
    assert "title=" in attributes


def test_unpublished_translation_is_not_offered(client, world):
    spanish = translate_page(world["course"], "es", title="Trabajo de cuidados", slug="cuidados")
    spanish.unpublish()
    assert switcher(client.get(world["course"].url).content.decode())["es"][0] == "/es/courses/"


def test_page_with_no_translated_ancestor_leads_to_the_language_home(client, site_tree):
    course = CoursePageFactory(parent=site_tree.catalogue, slug="lonely")
    href, attributes = switcher(client.get(course.url).content.decode())["es"]
    assert href == "/es/"
    assert "title=" in attributes


def test_switcher_links_cost_one_query_whatever_the_depth(world, django_assert_num_queries):
    from home.switcher import page_translations

    module = ModulePageFactory(parent=world["course"], title="Deep")
    request = _request(module.url)
    page_translations(world["course"], request)  # Wagtail keeps the site's root paths
    with django_assert_num_queries(1):
        found = page_translations(module, request)
    assert found["es"] == ("/es/courses/", world["course"].get_parent().depth)
    assert found["en"][1] == module.depth


def test_a_views_links_are_worked_out_once_and_right_in_each_language(client, site_tree):
    """The translated paths of a view are kept per process (``home.switcher._translated``), per
    active language: the Spanish view after the English one still links back to English."""
    for _ in range(2):
        english = switcher(client.get("/en/search/?q=care").content.decode())
        spanish = switcher(client.get("/es/search/?q=care").content.decode())
        assert english["es"][0] == "/es/search/?q=care"
        assert spanish["en"][0] == "/en/search/?q=care"
        assert spanish["es"][0] == english["es"][0]
