"""Django's ``i18n`` template library, with ``{% translate "…" %}`` of a plain text kept by
each tag once rendered in a language.

Django renders such a tag anew every time: a lazy translation made, read from the catalog,
escaped; about 64,000 instructions, three times a plain ``gettext``, and a learner's page has
twenty to seventy of them. What it renders depends only on the language's catalog and on
whether the template escapes, so each tag keeps its text per language and escaping and hands
the same string out again. Tags with a variable, a filter, a ``context`` or ``noop`` are
Django's, unchanged; so are ``blocktranslate`` and every other tag and filter of the library.

Installed in place of Django's library (``TEMPLATES`` ``OPTIONS["libraries"]["i18n"]``, in
aula/settings/base.py), so every template's ``{% load i18n %}``, Wagtail's too, gets it.
Catalogs change only when the settings that make them do (in tests): ``setting_changed``
forgets everything kept, as Django then forgets its catalogs.
"""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import render_value_in_context
from django.templatetags import i18n as django_i18n
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)

# Bumped when the catalogs may change: a text kept under an older one is rendered again.
_catalogs = [0]
CATALOG_SETTINGS = {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    if setting in CATALOG_SETTINGS:
        _catalogs[0] += 1


class KeptTranslateNode(django_i18n.TranslateNode):
    """``{% translate "text" %}`` (``as`` a variable too), rendered once per language and
    escaping."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept: dict[tuple, str] = {}

    def render(self, context):
        key = (_catalogs[0], get_language(), context.autoescape)
        value = self.kept.get(key)
        if value is None:
            value = self._rendered(context)
            self.kept[key] = value
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value

    def _rendered(self, context) -> str:
        """What Django's TranslateNode renders for the tag (its ``render``, without ``as``)."""
        self.filter_expression.var.translate = True
        value = render_value_in_context(self.filter_expression.resolve(context), context)
        is_safe = isinstance(value, SafeData)
        value = value.replace("%%", "%")
        return mark_safe(value) if is_safe else value  # noqa: S308 - as Django's tag


def _keepable(node) -> bool:
    expression = node.filter_expression
    variable = expression.var
    return (
        type(node) is django_i18n.TranslateNode
        and not node.noop
        and node.message_context is None
        and not expression.filters
        and getattr(variable, "literal", None) is not None
        and variable.lookups is None
    )


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = django_i18n.do_translate(parser, token)
    if not _keepable(node):
        return node
    return KeptTranslateNode(node.filter_expression, node.noop, node.asvar, node.message_context)
