"""Admin views of translations: submitting a translation for moderation from wagtail-localize's
translation editor, and the languages of every course (Reports → Course translations)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from .translation import (
    TranslationNotSubmitted,
    content_languages,
    course_translation_rows,
    submit_translation,
)

EDITING_ACTIONS = ["add", "change", "publish"]


def may_see_translations(user) -> bool:
    """Wagtail's rule for the page explorer: anyone who may add, edit or publish some page."""
    return PagePermissionPolicy().user_has_any_permission(user, EDITING_ACTIONS)


@require_POST
def submit_translation_view(request, translation_id: int):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    try:
        submit_translation(translation=translation, user=request.user)
    except TranslationNotSubmitted as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” was submitted for moderation.")
            % {
                "language": translation.target_locale.get_display_name(),
                "title": translation.source.object_repr,
            },
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every course of the default language and the state of its copy in each language."""

    template_name = "courses/admin/translation_status.html"
    page_title = gettext_lazy("Course translations")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_translations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = content_languages()
        context["rows"] = course_translation_rows()
        return context
