"""Admin viewsets of this app whose menu item is shown only to the users allowed in (the views
check the same rule from learners/permissions.py), and what the staff views of one cohort
share."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from courses.models import Cohort


class PermittedViewSet(ViewSet):
    add_to_admin_menu = True

    @staticmethod
    def is_allowed(user) -> bool:
        raise NotImplementedError("set is_allowed = staticmethod(<rule from permissions.py>)")

    @cached_property
    def menu_item_class(self):
        allowed = self.is_allowed

        class PermittedMenuItem(MenuItem):
            def is_shown(self, request):
                return allowed(request.user)

        return PermittedMenuItem


class CohortAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page about one cohort, the ``cohort_id`` of its URL (404 when unknown)."""

    @cached_property
    def cohort(self) -> Cohort:
        return get_object_or_404(
            Cohort.objects.select_related("course"), pk=self.kwargs["cohort_id"]
        )
