"""{% translate "text" %} is rendered once per language by each tag (home/templatetags/kept_i18n.py)
and renders exactly what Django's tag renders."""

from unittest import mock

from django.conf import settings
from django.template import Context, Template
from django.templatetags.i18n import TranslateNode
from django.test import override_settings
from django.utils import translation

from home.templatetags.kept_i18n import KeptTranslateNode

SOURCE = (
    '{% load i18n %}{% translate "Completed" %}|{% translate "Your progress" as label %}'
    '{{ label }}|{% translate "Fish & <chips>" %}|{% translate "50%" %}'
)


def test_plain_texts_render_as_djangos_tag_in_each_language_and_again():
    template = Template(SOURCE)
    nodes = [node for node in template.nodelist if isinstance(node, TranslateNode)]
    assert len(nodes) == 4 and all(type(node) is KeptTranslateNode for node in nodes)
    for _ in range(2):  # rendered, then kept
        with translation.override("es"):
            assert template.render(Context()) == "Finalizado|Su avance|Fish & <chips>|50%"
        with translation.override("en"):
            assert template.render(Context()) == "Completed|Your progress|Fish & <chips>|50%"


def test_the_same_tag_renders_as_djangos_with_autoescape_off_too():
    template = Template('{% load i18n %}{% translate "Fish & <chips>" %}')
    django = Template('{% load i18n %}{% translate "Fish & <chips>"|safe %}')  # Django's node
    for autoescape in (True, False, True):
        with translation.override("en"):
            expected = django.render(Context(autoescape=autoescape))
            assert template.render(Context(autoescape=autoescape)) == expected == "Fish & <chips>"


def test_tags_with_a_variable_a_filter_or_a_context_are_djangos():
    template = Template(
        '{% load i18n %}{% translate word %}|{% translate "Completed" context "a status" %}'
        '|{% translate "Completed"|upper %}|{% translate "Completed" noop %}'
    )
    nodes = [node for node in template.nodelist if isinstance(node, TranslateNode)]
    assert len(nodes) == 4 and not any(type(node) is KeptTranslateNode for node in nodes)
    with translation.override("es"):
        assert template.render(Context({"word": "Completed"})) == (
            "Finalizado|Completed|FINALIZADO|Completed"
        )
        assert template.render(Context({"word": "Your progress"})).startswith("Su avance|")


def test_a_change_of_the_catalogs_settings_renders_the_text_again():
    template = Template('{% load i18n %}{% translate "Completed" %}')
    with mock.patch.object(
        KeptTranslateNode, "_rendered", autospec=True, side_effect=KeptTranslateNode._rendered
    ) as rendering:
        assert rendered_with(template, "es") == "Finalizado"
        assert rendered_with(template, "es") == "Finalizado"
        assert rendering.call_count == 1
        with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
            assert rendered_with(template, "es") == "Finalizado"
        assert rendering.call_count == 2


def rendered_with(template, language: str) -> str:
    with translation.override(language):
        return template.render(Context())
