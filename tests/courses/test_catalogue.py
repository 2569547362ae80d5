"""The catalogue: filters by topic, format and language, reports unknown values, paginates."""

import pytest
from wagtail.models import PageViewRestriction

from courses.models import CourseFormat, CourseIndexPage, Topic
from tests.factories import CoursePageFactory, translate_page


def titles(response) -> list[str]:
    return [course.title for course in response.context["courses"]]


@pytest.fixture
def courses(site_tree):
    catalogue = site_tree.catalogue
    return {
        "care": CoursePageFactory(
            parent=catalogue,
            title="Care economy",
            slug="care",
            topic=Topic.CARE_ECONOMY,
            format=CourseFormat.BLENDED,
        ),
        "violence": CoursePageFactory(
            parent=catalogue,
            title="Violence at work",
            slug="violence",
            topic=Topic.GENDER_VIOLENCE,
            format=CourseFormat.TUTORED,
        ),
        "professions": CoursePageFactory(
            parent=catalogue,
            title="Professionalising care",
            slug="professions",
            topic=Topic.CARE_PROFESSIONS,
            format=CourseFormat.SELF_PACED,
        ),
    }


def test_catalogue_lists_every_live_public_course_in_tree_order(client, site_tree, courses):
    CoursePageFactory(parent=site_tree.catalogue, title="Draft course", live=False)
    private = CoursePageFactory(parent=site_tree.catalogue, title="Private course")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(site_tree.catalogue.url)

    assert response.status_code == 200
    assert titles(response) == ["Care economy", "Violence at work", "Professionalising care"]
    assert "Draft course" not in response.content.decode()
    assert "Private course" not in response.content.decode()


def test_catalogue_filters_by_topic(client, site_tree, courses):
    response = client.get(site_tree.catalogue.url, {"topic": Topic.GENDER_VIOLENCE})
    assert response.status_code == 200
    assert titles(response) == ["Violence at work"]


def test_catalogue_filters_by_format(client, site_tree, courses):
    response = client.get(site_tree.catalogue.url, {"format": CourseFormat.SELF_PACED})
    assert titles(response) == ["Professionalising care"]


def test_catalogue_combines_filters(client, site_tree, courses):
    response = client.get(
        site_tree.catalogue.url,
        {"topic": Topic.CARE_ECONOMY, "format": CourseFormat.TUTORED},
    )
    assert titles(response) == []
    assert "No courses match these filters." in response.content.decode()


def test_catalogue_filters_by_language_with_a_live_translation(client, site_tree, courses):
    translate_page(site_tree.home, "es", title="Aula")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    translate_page(courses["violence"], "es", title="Violencia en el trabajo")
    draft_translation = translate_page(courses["care"], "es", title="Economía de los cuidados")
    draft_translation.unpublish()

    spanish = client.get(site_tree.catalogue.url, {"language": "es"})
    english = client.get(site_tree.catalogue.url, {"language": "en"})

    assert titles(spanish) == ["Violence at work"]
    assert titles(english) == ["Care economy", "Violence at work", "Professionalising care"]


def test_unknown_filter_value_is_reported_and_the_page_still_renders(client, site_tree, courses):
    response = client.get(site_tree.catalogue.url, {"topic": "astrology"})

    assert response.status_code == 200
    form = response.context["filter_form"]
    assert "topic" in form.errors
    html = response.content.decode()
    assert 'id="id_topic_error"' in html  # what Django's aria-describedby points at
    assert 'aria-describedby="id_topic_error"' in html
    assert "astrology" in html  # the message names the value it refused
    assert len(titles(response)) == 3  # the refused filter is not applied


def test_unknown_language_is_reported(client, site_tree, courses):
    response = client.get(site_tree.catalogue.url, {"language": "xx"})
    assert response.status_code == 200
    assert "language" in response.context["filter_form"].errors
    assert len(titles(response)) == 3


def test_valid_filters_still_apply_beside_an_unknown_one(client, site_tree, courses):
    response = client.get(
        site_tree.catalogue.url, {"topic": Topic.GENDER_VIOLENCE, "format": "weekly"}
    )
    assert response.status_code == 200
    assert "format" in response.context["filter_form"].errors
    assert titles(response) == ["Violence at work"]


def test_catalogue_paginates(client, site_tree):
    per_page = CourseIndexPage.per_page
    for n in range(per_page + 3):
        CoursePageFactory(parent=site_tree.catalogue, title=f"Course {n:02d}", slug=f"c{n}")

    first = client.get(site_tree.catalogue.url)
    second = client.get(site_tree.catalogue.url, {"page": 2})
    beyond = client.get(site_tree.catalogue.url, {"page": 99})
    nonsense = client.get(site_tree.catalogue.url, {"page": "abc"})

    assert titles(first) == [f"Course {n:02d}" for n in range(per_page)]
    assert titles(second) == [f"Course {n:02d}" for n in range(per_page, per_page + 3)]
    assert titles(beyond) == titles(second)  # the last page
    assert titles(nonsense) == titles(first)
    assert first.context["courses"].paginator.count == per_page + 3
    assert 'rel="next"' in first.content.decode()
    assert 'rel="prev"' in second.content.decode()


def test_pagination_links_keep_the_filters(client, site_tree):
    for n in range(CourseIndexPage.per_page + 1):
        CoursePageFactory(parent=site_tree.catalogue, slug=f"c{n}", topic=Topic.CARE_ECONOMY)

    response = client.get(site_tree.catalogue.url, {"topic": Topic.CARE_ECONOMY})

    assert 'href="?topic=care-economy&amp;page=2"' in response.content.decode()
