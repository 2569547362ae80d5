"""Learner-specific behaviour of course pages, attached through Wagtail hooks."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from courses.models import ModulePage

from .selectors import has_module_access


@hooks.register("before_serve_page")
def require_enrolment_for_modules(page, request, serve_args, serve_kwargs):
    """Module pages are for enrolled learners, the course's tutors and staff.

    Everyone else is sent to the course page, which shows the outline and how to enrol.
    Editors' previews do not pass through this hook, so they keep working.
    """
    if not isinstance(page, ModulePage) or not settings.AULA_MODULES_REQUIRE_ENROLMENT:
        return None
    course = page.course
    if has_module_access(user=request.user, course=course):
        return None
    if request.user.is_authenticated:
        messages.info(request, _("Enrol in this course to open its modules."))
    else:
        messages.info(request, _("Log in and enrol in this course to open its modules."))
    return redirect(course.get_url(request))


# --- the admin: enrolment review, learner-list import, cohort screens ------------------------
# (learners/admin_views.py; who may do what is learners/permissions.py)


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    from .admin_views import enrolment_viewset

    return enrolment_viewset


@hooks.register("construct_cohort_listing_queryset")
def annotate_seats_taken(queryset, request):
    from django.db.models import Count, Q

    from .models import SEAT_STATUSES

    return queryset.annotate(
        seats_taken=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATUSES))
    )


@hooks.register("register_cohort_buttons")
def cohort_enrolment_buttons(cohort, user):
    from wagtail.admin.widgets import Button

    from .admin_views import enrolments_of, url
    from .permissions import can_import_roster, can_review_enrolments

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
