"""The "Submit for moderation" form added to wagtail-localize's translation editor
(templates/wagtail_localize/admin/edit_translation.html)."""

from django import template
from wagtail.models import Page

from courses.translation import untranslated_count

register = template.Library()


@register.inclusion_tag("courses/admin/submit_translation.html", takes_context=True)
def submit_translation_form(context, translation, instance):
    """The form for a page that the reader may edit and submit to its workflow (none
    otherwise), with how many texts remain to translate."""
    request = context["request"]
    shown = False
    missing = 0
    workflow = None
    if isinstance(instance, Page) and not instance.alias_of_id:
        permissions = instance.permissions_for_user(request.user)
        workflow = instance.get_workflow()
        shown = (
            workflow is not None
            and permissions.can_edit()
            and permissions.can_submit_for_moderation()
        )
        if shown:
            missing = untranslated_count(translation)
    return {
        "shown": shown,
        "in_moderation": isinstance(instance, Page) and instance.workflow_in_progress,
        "translation": translation,
        "workflow": workflow,
        "missing": missing,
        "csrf_token": context.get("csrf_token"),
    }
