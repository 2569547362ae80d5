"""Editors translate a course into Spanish with wagtail-localize."""

from django.urls import reverse
from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from tests.factories import UserFactory, build_course, translate_page


def test_editor_submits_course_with_its_modules_for_spanish_translation(client, site_tree):
    translate_page(site_tree.home, "es", title="Aula")
    translate_page(site_tree.catalogue, "es", title="Cursos")
    course = build_course(site_tree.catalogue, modules=3, title="Decent work in the care economy")
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    spanish = Locale.objects.get(language_code="es")

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.id]),
        {"locales": [spanish.id], "include_subtree": "on"},
    )

    assert response.status_code == 302
    translated = CoursePage.objects.get(locale=spanish, translation_key=course.translation_key)
    assert translated.get_parent().locale == spanish
    assert ModulePage.objects.child_of(translated).count() == 3
    # The translation starts as a draft an editor completes and publishes.
    assert not translated.live
