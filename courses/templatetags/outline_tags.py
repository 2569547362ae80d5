"""The course outline on a course page, rendered once for all its readers."""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home import cache as page_cache

register = template.Library()

OUTLINE_TEMPLATE = "courses/course_outline.html"
# An outline item's "Completed" (courses/course_outline.html), kept for the reader's
# completed modules, taken out for the rest.
DONE_MARK = re.compile(r"<!--aula:done:([0-9a-f-]+)-->(.*?)<!--/aula:done-->", re.DOTALL)


@register.simple_tag(takes_context=True)
def course_outline(context, page, done=None):
    """The course page's outline (its modules and live sessions, with their links, labels and
    effort), the modules in ``done`` (translation keys) marked completed. The outline is the
    same for every reader until the next publish: rendered once per course, language and host
    (links are relative to the request's site) and kept with the content version
    (``page_cache.remember``), so a learner's course page marks their modules in it instead of
    rendering its items again; previews are rendered."""
    request = context.get("request")

    def render() -> str:
        return context.template.engine.get_template(OUTLINE_TEMPLATE).render(context)

    if request is None or getattr(request, "is_preview", False):
        html = render()
    else:
        key = f"aula:outline-html:{page.pk}:{get_language()}:{request.get_host()}"
        html = page_cache.remember(key, render)
    completed = {str(key) for key in done or ()}
    return mark_safe(  # noqa: S308  (a template's output, with parts of it taken out)
        DONE_MARK.sub(lambda match: match[2] if match[1] in completed else "", html)
    )
