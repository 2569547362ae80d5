"""Learner-specific behaviour of course pages and the admin, attached through Wagtail hooks.
Thin: the views are learners/staff/, the rules learners/permissions.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from courses.models import ModulePage

from . import audit
from .enrolment.models import SEAT_STATUSES
from .learn.page_cache import serve_kept, serve_rendered
from .permissions import (
    can_import_roster,
    can_manage_certificates,
    can_review_enrolments,
    can_view_reports,
    has_module_access,
)
from .staff.audit import AuditTrailView, can_view_audit_trail
from .staff.certificates import certificate_viewset
from .staff.certificates import url as certificate_url
from .staff.enrolments import enrolment_viewset, enrolments_of, url
from .staff.reports import ProgressReportView


def require_enrolment_for_modules(serve):
    """Module pages are for enrolled learners, the course's tutors and staff.

    Everyone else is sent to the course page, which shows the outline and how to enrol.
    Editors' previews do not pass through the serve chain, so they keep working.
    """

    def inner(page, request, serve_args, serve_kwargs):
        if not isinstance(page, ModulePage) or not settings.AULA_MODULES_REQUIRE_ENROLMENT:
            return serve(page, request, serve_args, serve_kwargs)
        course = page.course
        if has_module_access(user=request.user, course=course):
            return serve(page, request, serve_args, serve_kwargs)
        if request.user.is_authenticated:
            messages.info(request, _("Enrol in this course to open its modules."))
        else:
            messages.info(request, _("Log in and enrol in this course to open its modules."))
        return redirect(course.get_url(request))

    return inner


# The serve chain, outermost first: Wagtail's view restrictions (order 0); a signed-in
# learner's course or module page kept for them for a short while, which only holds pages the
# module gate let them in to; the module gate; the page made from the rest that learners share,
# or rendered, and kept (learners/learn/page_cache.py).
hooks.register("on_serve_page", serve_kept, order=80)
hooks.register("on_serve_page", require_enrolment_for_modules, order=90)
hooks.register("on_serve_page", serve_rendered, order=100)


# --- the admin: enrolment review, learner-list import, cohort screens ------------------------
# (learners/staff/enrolments.py; who may do what is learners/permissions.py)


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    return enrolment_viewset


@hooks.register("construct_cohort_listing_queryset")
def annotate_seats_taken(queryset, request):
    return queryset.annotate(
        seats_taken=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATUSES))
    )


@hooks.register("register_cohort_buttons")
def cohort_enrolment_buttons(cohort, user):
    buttons = []
    if can_review_enrolments(user):
        buttons.append(
            Button(
                _("Enrolments"), url=enrolments_of(cohort), icon_name="clipboard-list", priority=40
            )
        )
    if can_import_roster(user):
        buttons.append(
            Button(
                _("Import learners (CSV)"),
                url=url("import_upload", cohort.pk),
                icon_name="upload",
                priority=41,
            )
        )
    return buttons


# --- certificates (learners/staff/certificates.py) --------------------------------------------


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("register_cohort_buttons")
def cohort_certificate_buttons(cohort, user):
    if not can_manage_certificates(user):
        return []
    return [
        Button(
            _("Re-issue certificates"),
            url=certificate_url("cohort_reissue", cohort.pk),
            icon_name="doc-full",
            priority=45,
        )
    ]


# --- the audit trail (learners/audit.py, learners/staff/audit.py) -----------------------------

hooks.register("register_log_actions", audit.register_actions)


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    return [
        path("reports/audit-trail/", AuditTrailView.as_view(), name="aula_audit_trail"),
        path(
            "reports/audit-trail/results/",
            AuditTrailView.as_view(results_only=True),
            name="aula_audit_trail_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    class AuditTrailMenuItem(MenuItem):
        def is_shown(self, request):
            return can_view_audit_trail(request.user)

    return AuditTrailMenuItem(
        _("Audit trail"),
        reverse("aula_audit_trail"),
        name="aula-audit-trail",
        icon_name="history",
        order=910,
    )


# --- two-step sign-in (learners/accounts/mfa.py) --------------------------------------------


@hooks.register("register_account_menu_item")
def two_step_sign_in_account_item(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-step sign-in"),
        "help_text": _("The authenticator app and recovery codes asked for when you log in."),
    }


# --- staff progress report (learners/staff/reports.py) ---------------------------------------


@hooks.register("register_admin_urls")
def register_progress_report_url():
    return [
        path("reports/progress/", ProgressReportView.as_view(), name="aula_progress_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_progress_report_menu_item():
    class ProgressReportMenuItem(MenuItem):
        def is_shown(self, request):
            return can_view_reports(request.user)

    return ProgressReportMenuItem(
        _("Progress by country and organisation"),
        reverse("aula_progress_report"),
        name="aula-progress-report",
        icon_name="doc-full",
        order=900,
    )


@hooks.register("register_permissions")
def register_progress_report_permission():
    return Permission.objects.filter(
        content_type__app_label="learners", codename="view_progress_report"
    )
