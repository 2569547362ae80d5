"""The tutor dashboard under /<lang>/tutor/. Thin views: reads are learners/tutor/selectors.py
(every lookup scoped by ``for_tutor(user)``: a cohort the user does not tutor, or an enrolment
of another cohort, is a 404), writes are the domain rooms' services (announcements, attendance),
files learners/tutor/exports.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learners import audit
from learners.enrolment.announcements import AnnouncementError, post_announcement
from learners.enrolment.models import Announcement
from learners.live import services as live
from learners.live.selectors import profile_zone, rows_for, tutored_slot

from . import exports
from .charts import cohort_charts
from .forms import AnnouncementForm, AttendanceForm, LearnerFilterForm
from .selectors import (
    PAGE_SIZE,
    SORT_KEYS,
    at_risk_days,
    cohort_counts,
    cohort_learners,
    filter_choices,
    learner_detail,
    module_count,
    tutor_cohorts,
    tutored_cohort,
    tutored_enrolment,
)

ANNOUNCEMENTS_SHOWN = 20


@login_required
def dashboard(request):
    return TemplateResponse(
        request, "learners/tutor/dashboard.html", {"cohorts": tutor_cohorts(request.user)}
    )


def _filtered(request, cohort):
    countries, organisations = filter_choices(cohort)
    form = LearnerFilterForm(request.GET or None, countries=countries, organisations=organisations)
    filters = form.filters()
    return form, filters, cohort_learners(cohort, filters)


def _sort_links(request, filters) -> dict[str, dict]:
    """For each sortable column: the link that sorts by it (or reverses it) and its state."""
    base = {key: value for key, value in request.GET.items() if key not in ("sort", "page")}
    links = {}
    for key in SORT_KEYS:
        current = filters.sort.lstrip("-") == key
        descending = filters.sort.startswith("-")
        target = f"-{key}" if current and not descending else key
        links[key] = {
            "url": "?" + urlencode({**base, "sort": target}),
            "state": ("descending" if descending else "ascending") if current else "none",
        }
    return links


def _render_cohort(request, cohort, announcement_form, status=200):
    form, filters, learners = _filtered(request, cohort)
    page = Paginator(learners, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {key: value for key, value in request.GET.items() if key != "page"}
    context = {
        "cohort": cohort,
        "counts": cohort_counts(cohort),
        "charts": cohort_charts(cohort, kept=True),
        "total_modules": module_count(cohort),
        "form": form,
        "filters": filters,
        "page": page,
        "page_query": urlencode(query),
        "export_query": urlencode(query),
        "sort_links": _sort_links(request, filters),
        "at_risk_days": at_risk_days(),
        "announcement_form": announcement_form,
        "announcements": Announcement.objects.filter(cohort=cohort).select_related("author")[
            :ANNOUNCEMENTS_SHOWN
        ],
    }
    return TemplateResponse(request, "learners/tutor/cohort.html", context, status=status)


@login_required
def cohort(request, cohort_id: int):
    cohort = tutored_cohort(request.user, cohort_id)
    return _render_cohort(request, cohort, AnnouncementForm())


@login_required
@require_POST
def announce(request, cohort_id: int):
    cohort = tutored_cohort(request.user, cohort_id)
    form = AnnouncementForm(request.POST)
    if form.is_valid():
        try:
            announcement = post_announcement(
                cohort=cohort,
                author=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except AnnouncementError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Your announcement is posted and is being emailed to %(count)s learners.")
                % {"count": announcement.recipients},
            )
            return redirect("tutor_cohort", cohort_id=cohort.pk)
    # Shown again with what was typed, and the reason it was not sent.
    return _render_cohort(request, cohort, form, status=400)


@login_required
def learner(request, cohort_id: int, enrolment_id: int):
    cohort = tutored_cohort(request.user, cohort_id)
    enrolment = tutored_enrolment(cohort, enrolment_id)
    detail = learner_detail(cohort, enrolment)
    return TemplateResponse(
        request, "learners/tutor/learner.html", {"cohort": cohort, "detail": detail}
    )


@login_required
def export_csv(request, cohort_id: int):
    cohort = tutored_cohort(request.user, cohort_id)
    _form, _filters, learners = _filtered(request, cohort)
    audit.record_export(cohort, by=request.user, file_format="csv")
    return exports.csv_response(cohort, learners)


@login_required
def export_xlsx(request, cohort_id: int):
    cohort = tutored_cohort(request.user, cohort_id)
    _form, _filters, learners = _filtered(request, cohort)
    audit.record_export(cohort, by=request.user, file_format="xlsx")
    return exports.xlsx_response(cohort, learners)


ATTENDANCE_SAVED = gettext_lazy("Attendance is saved.")


@login_required
def attendance(request, slot_id: int):
    """A tutor of the slot's cohort (or a superuser) marks attendance in one form."""
    slot = tutored_slot(user=request.user, slot_id=slot_id)
    if slot is None:
        raise Http404
    roster = live.attendance_roster(slot)
    form = AttendanceForm(request.POST or None, roster=roster)
    # Before the session starts there is nothing to mark: the page says so instead of the form
    # (and the service refuses a mark sent anyway).
    not_started = live.SlotState.of(slot).upcoming
    status = 200
    if request.method == "POST" and not_started:
        status = 400
    elif request.method == "POST" and form.is_valid():
        try:
            live.mark_attendance(slot=slot, marks=form.marks(), by=request.user)
        except live.LiveSessionError as error:
            form.add_error(None, error.message)
            status = 400
        else:
            messages.success(request, ATTENDANCE_SAVED)
            return redirect(request.path)
    row = rows_for(
        [slot],
        language=get_language(),
        zone=profile_zone(request.user, default=slot.cohort.time_zone),
        enrolled_cohorts=set(),
    )[0]
    return TemplateResponse(
        request,
        "learners/live/attendance.html",
        {
            "form": form,
            "slot": slot,
            "row": row,
            "cohort": slot.cohort,
            "not_started": live.SessionNotStarted.message if not_started else "",
        },
        status=status,
    )
