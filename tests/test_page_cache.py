"""The anonymous page cache (home/cache.py): hits for anonymous visitors, a miss after any
publish, and nothing personal, partial or erroneous ever stored or served."""

import pytest
from wagtail.models import PageViewRestriction

from courses.models import CoursePage
from home.cache import HIT_HEADER
from tests.factories import (
    CoursePageFactory,
    ModulePageFactory,
    UserFactory,
    build_course,
    publish_new,
    translate_page,
)

# Course content renders here without any learner; access to modules is tested in
# tests/learners/test_module_access.py.
pytestmark = pytest.mark.usefixtures("modules_open", "page_cache_on")


@pytest.fixture
def course(catalogue):
    """Two modules, at /en/courses/care/."""
    return build_course(catalogue, modules=2, slug="care", title="Care work")


def cache_status(response):
    return response.get(HIT_HEADER)


def test_second_anonymous_get_is_a_hit_with_identical_html(client, course):
    first = client.get(course.url)
    second = client.get(course.url)

    assert first.status_code == second.status_code == 200
    assert cache_status(first) == "miss"
    assert cache_status(second) == "hit"
    assert second.content == first.content


def test_a_hit_carries_the_same_headers_as_the_miss(client, course):
    first = client.get(course.url)
    second = client.get(course.url)

    def headers(response):
        return {name: value for name, value in response.items() if name != HIT_HEADER}

    assert headers(second) == headers(first)
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "en"


def test_every_public_page_type_is_cached(client, site_tree, course):
    module = course.get_children().first()
    for url in (site_tree.home.url, site_tree.catalogue.url, course.url, module.url):
        assert cache_status(client.get(url)) == "miss", url
        assert cache_status(client.get(url)) == "hit", url


def test_publishing_a_new_module_makes_the_next_get_a_miss_with_it(client, course):
    client.get(course.url)
    assert cache_status(client.get(course.url)) == "hit"

    publish_new(ModulePageFactory, parent=course, title="Care in the pandemic")

    response = client.get(course.url)
    assert cache_status(response) == "miss"
    assert "Care in the pandemic" in response.content.decode()
    assert cache_status(client.get(course.url)) == "hit"


def test_publishing_a_new_title_makes_the_next_get_a_miss_with_it(client, course):
    client.get(course.url)

    course = CoursePage.objects.get(pk=course.pk)
    course.title = "Care work and the economy"
    course.save_revision().publish()

    response = client.get(course.url)
    assert cache_status(response) == "miss"
    assert "Care work and the economy" in response.content.decode()


def test_publishing_any_page_makes_every_page_stale(client, catalogue, course):
    client.get(course.url)
    client.get(catalogue.url)

    publish_new(CoursePageFactory, parent=catalogue, title="Another course")

    assert cache_status(client.get(course.url)) == "miss"
    catalogue_response = client.get(catalogue.url)
    assert cache_status(catalogue_response) == "miss"
    assert "Another course" in catalogue_response.content.decode()


def test_saving_a_draft_does_not_change_the_cached_page(client, course):
    client.get(course.url)

    course = CoursePage.objects.get(pk=course.pk)
    course.title = "Draft title"
    course.save_revision()  # not published

    response = client.get(course.url)
    assert cache_status(response) == "hit"
    assert "Draft title" not in response.content.decode()


def test_unpublishing_a_module_makes_the_next_get_a_miss_without_it(client, course):
    module = course.get_children().specific().first()
    client.get(course.url)

    module.unpublish()

    response = client.get(course.url)
    assert cache_status(response) == "miss"
    assert module.title not in response.content.decode()


def test_deleting_a_module_makes_the_next_get_a_miss_without_it(client, course):
    module = course.get_children().specific().first()
    client.get(course.url)

    module.delete()

    response = client.get(course.url)
    assert cache_status(response) == "miss"
    assert module.title not in response.content.decode()


def test_moving_a_module_makes_the_next_get_a_miss(client, catalogue, course):
    other = build_course(catalogue, modules=0, slug="other")
    module = course.get_children().specific().first()
    client.get(course.url)

    module.move(other, pos="last-child")

    response = client.get(course.url)
    assert cache_status(response) == "miss"
    assert module.title not in response.content.decode()


def test_logged_in_user_is_never_served_from_the_cache(client, course, settings):
    # The page row itself is changed behind Wagtail's back: the route cache (home/serving.py)
    # would keep the old row, as the page cache keeps the old page.
    settings.AULA_ROUTE_CACHE = False
    client.get(course.url)
    # A change that skips the publish signals: anonymous visitors keep the cached page…
    CoursePage.objects.filter(pk=course.pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" not in client.get(course.url).content.decode()

    # …but a signed-in user always gets a freshly rendered one.
    client.force_login(UserFactory())
    response = client.get(course.url)
    assert response.status_code == 200
    assert cache_status(response) is None
    assert "Changed behind the cache" in response.content.decode()


def test_logged_in_user_page_is_never_stored(client, course):
    editor = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(editor)
    personal = client.get(course.url)
    assert cache_status(personal) is None
    assert "wagtail-userbar" in personal.content.decode()  # editor-only markup

    client.logout()
    client.cookies.clear()
    anonymous = client.get(course.url)
    assert cache_status(anonymous) == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_any_session_cookie_bypasses_the_cache(client, course):
    client.get(course.url)
    client.cookies["sessionid"] = "anything"
    response = client.get(course.url)
    assert response.status_code == 200
    assert cache_status(response) is None


def test_query_string_requests_bypass_the_cache(client, catalogue, course):
    for _ in range(2):
        response = client.get(catalogue.url, {"topic": "care-economy"})
        assert response.status_code == 200
        assert cache_status(response) is None
    # …and did not fill the entry for the plain address either.
    assert cache_status(client.get(catalogue.url)) == "miss"


def test_not_found_responses_are_not_cached(client, course):
    for _ in range(2):
        response = client.get("/en/courses/no-such-course/")
        assert response.status_code == 404
        assert cache_status(response) is None


def test_redirects_to_login_are_not_cached(client, course):
    module = course.get_children().first()
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(module.url)
        assert response.status_code == 302
        assert cache_status(response) is None


def test_pages_that_are_not_wagtail_pages_are_not_cached(client, course):
    """Nor kept: other views (a search, which is, has its own tests: tests/search)."""
    for _ in range(2):
        response = client.get("/en/privacy/")
        assert response.status_code == 200
        assert cache_status(response) is None


def test_head_request_fills_the_cache_with_the_full_page(client, course):
    head = client.head(course.url)
    assert cache_status(head) == "miss"
    response = client.get(course.url)
    assert cache_status(response) == "hit"
    assert "Care work" in response.content.decode()


def test_each_language_is_cached_apart(client, site_tree, course):
    translate_page(site_tree.home, "es", title="Aula")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    course_es = translate_page(course, "es", title="Trabajo de cuidados")

    assert cache_status(client.get(course.url)) == "miss"
    assert cache_status(client.get(course_es.url)) == "miss"
    english = client.get(course.url)
    spanish = client.get(course_es.url)
    assert cache_status(english) == cache_status(spanish) == "hit"
    assert "Trabajo de cuidados" in spanish.content.decode()
    assert "Trabajo de cuidados" not in english.content.decode()
    assert spanish["Content-Language"] == "es"


def test_cache_off_means_no_cache(client, course, settings):
    settings.AULA_PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert cache_status(client.get(course.url)) is None


def test_making_a_page_private_makes_the_next_get_a_miss(client, course):
    # Privacy is no publish: without its own invalidation, anonymous visitors would keep
    # getting the cached public page.
    assert client.get(course.url).status_code == 200
    assert cache_status(client.get(course.url)) == "hit"

    restriction = PageViewRestriction.objects.create(page=course, restriction_type="login")

    response = client.get(course.url)
    assert response.status_code == 302
    assert cache_status(response) is None

    restriction.delete()
    response = client.get(course.url)
    assert cache_status(response) == "miss"
    assert response.status_code == 200
