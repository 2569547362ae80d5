"""The home page editors compose: hero and call to action, featured courses (chosen, else the
newest) in the page's language, the next public live sessions, how certification works with a
box to verify a certificate, the organisations behind the programmes; its title; its query
count at two sizes; and its cached copy for visitors going stale when a session changes."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from home.cache import HIT_HEADER
from home.models import CustomImage, HomePage
from tests.factories import (
    CohortFactory,
    CoursePageFactory,
    LiveSessionPageFactory,
    SessionSlotFactory,
    build_course,
    translate_page,
)

pytestmark = pytest.mark.usefixtures("modules_open")


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def featuring(home, *courses):
    return publish(home, featured_courses=[("course", course) for course in courses])


def section(html: str, heading_id: str) -> str:
    """The HTML of the home page's section labelled by ``heading_id``."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return match.group(0)


def test_hero_leads_to_the_catalogue_with_a_default_label(client, site_tree):
    publish(
        site_tree.home, hero_heading="Learn what care work needs", intro="<p>Short courses.</p>"
    )

    html = client.get("/en/").content.decode()

    hero = section(html, "hero-title")
    assert "<h1" in hero and "Learn what care work needs" in hero
    assert "Short courses." in hero
    assert f'href="{site_tree.catalogue.url}">Browse the courses</a>' in hero


def test_call_to_action_goes_where_the_editor_chose(client, site_tree):
    course = CoursePageFactory(parent=site_tree.catalogue, slug="care")
    publish(site_tree.home, call_to_action_label="Start here", call_to_action_page=course)

    hero = section(client.get("/en/").content.decode(), "hero-title")

    assert f'href="{course.url}">Start here</a>' in hero


def test_the_newest_courses_are_featured_when_none_are_chosen(client, site_tree):
    courses = [CoursePageFactory(parent=site_tree.catalogue, slug=f"c{n}") for n in range(5)]
    draft = CoursePageFactory(parent=site_tree.catalogue, slug="draft", live=False)

    response = client.get("/en/")

    assert response.context["featured"] == courses[::-1][:3]
    html = section(response.content.decode(), "featured-title")
    assert "New courses" in html and draft.title not in html


def test_chosen_courses_are_featured_in_order_and_in_the_page_language(client, site_tree):
    first, second, untranslated = (
        CoursePageFactory(parent=site_tree.catalogue, slug=slug) for slug in ("a", "b", "c")
    )
    private = CoursePageFactory(parent=site_tree.catalogue, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    featuring(site_tree.home, second, first, untranslated, private)
    home_es = translate_page(site_tree.home, "es")
    catalogue_es = translate_page(site_tree.catalogue, "es", slug="cursos")
    second_es = translate_page(second, "es", title="Segundo curso")
    first_es = translate_page(first, "es", title="Primer curso")
    assert catalogue_es.get_parent().pk == home_es.pk

    english = client.get("/en/")
    spanish = client.get("/es/")

    assert english.context["featured"] == [second, first, untranslated]
    assert spanish.context["featured"] == [second_es, first_es]
    html = section(spanish.content.decode(), "featured-title")
    assert "Cursos destacados" in html
    assert html.index("Segundo curso") < html.index("Primer curso")


def test_next_public_sessions_in_the_page_language_are_listed(client, site_tree):
    course = build_course(site_tree.catalogue, modules=1, sessions=0, slug="series")
    public = LiveSessionPageFactory(parent=course, title="Financing care")
    private = LiveSessionPageFactory(parent=course, title="Staff briefing")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    english = CohortFactory(course=course, language="en", time_zone="America/Bogota")
    spanish = CohortFactory(course=course, language="es")
    soon = timezone.now() + timedelta(days=3)
    SessionSlotFactory(cohort=english, session=public, starts_at=soon)
    SessionSlotFactory(cohort=english, session=public, starts_at=soon, is_cancelled=True)
    SessionSlotFactory(
        cohort=english, session=public, starts_at=timezone.now() - timedelta(hours=3)
    )
    SessionSlotFactory(cohort=english, session=private, starts_at=soon)
    SessionSlotFactory(cohort=spanish, session=public, starts_at=soon + timedelta(days=1))

    html = section(client.get("/en/").content.decode(), "sessions-title")

    assert html.count('class="home-sessions__item"') == 1
    assert f'href="{public.url}">Financing care</a>' in html
    assert "Bogotá, UTC-5" in html
    assert "Staff briefing" not in html


def test_without_sessions_the_page_says_so(client, site_tree):
    html = section(client.get("/en/").content.decode(), "sessions-title")

    assert "No live session is scheduled at the moment." in html


def test_certification_section_has_a_get_form_to_the_verification(client, site_tree):
    publish(site_tree.home, certification_text="<ol><li>Complete every module.</li></ol>")

    html = section(client.get("/es/").content.decode(), "certification-title")

    assert "Complete every module." in html
    action = reverse("certificate_verify_form")
    assert f'<form method="get" action="{action}"' in html
    assert 'name="code"' in html and "Verificar un certificado" in html


def test_organisations_are_shown_with_their_logos(client, site_tree):
    logo = CustomImage.objects.create(title="Logo", file=get_test_image_file())
    publish(
        site_tree.home,
        organisations=[
            (
                "organisation",
                {"name": "Training Centre", "url": "https://example.org", "logo": logo},
            ),
            ("organisation", {"name": "Ministry of Labour", "description": "Nominates learners."}),
        ],
    )

    html = section(client.get("/en/").content.decode(), "organisations-title")

    assert '<a href="https://example.org">Training Centre</a>' in html
    assert "Nominates learners." in html
    assert html.count('class="organisation__logo"') == 1


def test_the_home_page_title_names_the_organisation_once(client, site_tree):
    html = client.get("/en/").content.decode()

    assert "<title>Aula</title>" in html


def test_the_editors_words_are_translatable_with_wagtail_localize():
    translatable = {
        field.field_name
        for field in get_translatable_fields(HomePage)
        if isinstance(field, TranslatableField)
    }

    assert {
        "hero_heading",
        "intro",
        "call_to_action_label",
        "featured_courses",
        "certification_text",
        "organisations",
    } <= translatable


HOME_PAGE_QUERIES = 5


@pytest.mark.parametrize("size", [1, 5])
def test_home_page_queries_do_not_grow_with_its_sections(
    client, site_tree, django_assert_num_queries, size
):
    """1 as tests/courses/test_query_counts.py (the catalogue; the route and its view
    restrictions come from the cache), 2 the chosen courses, 3 the images of the organisations'
    logos and 4 their renditions, 5 the sessions (their pages and courses in the page's language
    from the cache: courses.selectors.pages_in_language)."""
    courses = [CoursePageFactory(parent=site_tree.catalogue, slug=f"c{n}") for n in range(size)]
    session = LiveSessionPageFactory(parent=courses[0], title="Session")
    cohort = CohortFactory(course=courses[0], language="en")
    for day in range(size):
        SessionSlotFactory(
            cohort=cohort, session=session, starts_at=timezone.now() + timedelta(days=day + 1)
        )
    logos = [
        CustomImage.objects.create(title=f"L{n}", file=get_test_image_file()) for n in range(size)
    ]
    publish(
        site_tree.home,
        featured_courses=[("course", course) for course in courses],
        organisations=[
            ("organisation", {"name": f"Org {n}", "logo": logos[n]}) for n in range(size)
        ],
    )
    assert client.get("/en/").status_code == 200  # warm: renditions made, caches filled

    with django_assert_num_queries(HOME_PAGE_QUERIES):
        response = client.get("/en/")

    assert len(response.context["featured"]) == size
    assert response.content.decode().count('class="home-sessions__item"') == min(size, 4)


def test_a_visitors_cached_home_page_shows_a_newly_scheduled_session(
    client, site_tree, settings, django_capture_on_commit_callbacks
):
    settings.AULA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    course = build_course(site_tree.catalogue, modules=1, slug="series")
    session = LiveSessionPageFactory(parent=course, title="Financing care")
    cohort = CohortFactory(course=course, language="en")
    assert client.get("/en/")[HIT_HEADER] == "miss"
    assert client.get("/en/")[HIT_HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        SessionSlotFactory(cohort=cohort, session=session)
    response = client.get("/en/")

    assert response[HIT_HEADER] == "miss"
    assert "Financing care" in response.content.decode()


def test_editors_compose_the_sections_in_the_page_editor(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/{site_tree.home.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    for field in ("hero_heading", "call_to_action_label", "call_to_action_page"):
        assert f'name="{field}"' in html, field
    for stream in ("featured_courses", "organisations"):  # rendered by Wagtail's script
        assert f'id="{stream}-' in html or f'"{stream}"' in html, stream
    assert 'id="id_certification_text"' in html or 'name="certification_text"' in html
