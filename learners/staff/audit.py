"""*Reports → Audit trail* in the admin: Wagtail's site history report narrowed to Aula's audit
actions (learners/audit.py), for superusers only. The same entries also appear in *Site
history* for the people Wagtail shows them to there."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from learners.audit import ACTION_PREFIX


def can_view_audit_trail(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


class AuditTrailView(LogEntriesView):
    page_title = gettext_lazy("Audit trail")
    header_icon = "history"
    index_url_name = "aula_audit_trail"
    index_results_url_name = "aula_audit_trail_results"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_audit_trail(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def filter_queryset(self, queryset):
        # Called once per log model (pages, other models) before their union.
        return super().filter_queryset(queryset.filter(action__startswith=ACTION_PREFIX))

    def get_filename(self):
        return super().get_filename().replace("audit-log", "aula-audit-trail")
