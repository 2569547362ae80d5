"""Admin viewsets of this app whose menu item is shown only to the users allowed in (the views
check the same rule from learners/permissions.py)."""

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


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
