"""Enrolments in the Wagtail admin, under /admin/enrolments/ (registered in wagtail_hooks.py).

- Review: course staff and each cohort's tutors list enrolments, open one to read the
  application answers, and approve or reject it with an optional message (a confirmation form,
  POST with CSRF). Tutors see only the cohorts they tutor; any other enrolment is a 404.
- Import: staff upload a learner list for a cohort, see a preview of every row and every
  row-level error, and confirm; the list is kept server-side between the two steps
  (``RosterUpload``) and parsed again by the import task, which confirming queues. The same
  page then shows the import's progress (it reloads itself while the import runs) and its
  result.

Views stay thin: who may do what is learners/permissions.py; changes go through
learners/enrolment/services.py and learners/enrolment/roster_import.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin

from aula import converters  # noqa: F401  (registers <id:…>)
from courses.models import Cohort
from learners.enrolment import services
from learners.enrolment.models import Enrolment, EnrolmentStatus, RosterUpload
from learners.enrolment.roster import RosterError, parse_roster
from learners.enrolment.roster_import import plan_import
from learners.enrolment.roster_uploads import start_upload_import
from learners.permissions import can_import_roster, can_review_enrolments, reviewable_enrolments

from .forms import DecisionForm, EnrolmentFilterSet, RosterUploadForm
from .menu import CohortAdminView, PermittedViewSet

NAMESPACE = "enrolments"


def url(name: str, *args, **query) -> str:
    target = reverse(f"{NAMESPACE}:{name}", args=args)
    return f"{target}?{urlencode(query)}" if query else target


def enrolments_of(cohort: Cohort, **query) -> str:
    return url("index", cohort=cohort.pk, **query)


def learner_name(enrolment: Enrolment) -> str:
    learner = enrolment.learner
    profile = getattr(learner, "profile", None)
    return (profile and profile.certificate_name) or learner.get_full_name() or learner.email


# --- review ---------------------------------------------------------------------------------


class ReviewerRequiredMixin:
    """Course staff and tutors of at least one cohort; everyone else gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if not can_review_enrolments(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EnrolmentIndexView(ReviewerRequiredMixin, BaseListingView):
    page_title = gettext_lazy("Enrolments")
    header_icon = "clipboard-list"
    paginate_by = 50
    is_searchable = True
    search_fields = [
        "learner__email",
        "learner__first_name",
        "learner__last_name",
        "learner__profile__certificate_name",
    ]
    filterset_class = EnrolmentFilterSet
    default_ordering = "-created_at"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:index_results"
    verbose_name = gettext_lazy("enrolment")
    verbose_name_plural = gettext_lazy("enrolments")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "learner",
                label=_("Learner"),
                accessor=learner_name,
                get_url=lambda enrolment: url("review", enrolment.pk),
                sort_key="learner__last_name",
            ),
            Column("email", label=_("Email"), accessor="learner.email", sort_key="learner__email"),
            Column(
                "organisation", label=_("Organisation"), accessor="learner.profile.organisation"
            ),
            Column("country", label=_("Country"), accessor="learner.profile.country.name"),
            Column("cohort", label=_("Cohort"), accessor=str_cohort),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            DateColumn("created_at", label=_("Since"), sort_key="created_at"),
        ]

    def get_base_queryset(self):
        return reviewable_enrolments(self.request.user).select_related(
            "learner__profile", "cohort__course"
        )

    def search_queryset(self, queryset):
        """Every word must match the learner's name, certificate name or email."""
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(match)
        return queryset


def str_cohort(enrolment: Enrolment) -> str:
    return str(enrolment.cohort)


class EnrolmentObjectMixin(ReviewerRequiredMixin):
    """The enrolment of the URL, looked up among those the user may review (else 404)."""

    header_icon = "user"

    @cached_property
    def enrolment(self) -> Enrolment:
        return get_object_or_404(
            reviewable_enrolments(self.request.user).select_related(
                "learner__profile", "cohort__course", "decided_by"
            ),
            pk=self.kwargs["pk"],
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Enrolments")},
            {"url": enrolments_of(self.enrolment.cohort), "label": str(self.enrolment.cohort)},
            {"url": "", "label": self.get_page_title()},
        ]


class EnrolmentReviewView(EnrolmentObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "learners/admin/enrolment_review.html"

    def get_page_title(self):
        return learner_name(self.enrolment)

    def get_context_data(self, **kwargs):
        enrolment = self.enrolment
        return super().get_context_data(
            enrolment=enrolment,
            profile=getattr(enrolment.learner, "profile", None),
            can_approve=enrolment.status == EnrolmentStatus.APPLIED,
            can_reject=enrolment.status in (EnrolmentStatus.APPLIED, EnrolmentStatus.WAITLISTED),
            approve_url=url("approve", enrolment.pk),
            reject_url=url("reject", enrolment.pk),
            **kwargs,
        )


class DecisionView(EnrolmentObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: the confirmation form; POST: approve or reject through the enrolment services."""

    template_name = "learners/admin/enrolment_decision.html"
    decision = ""  # "approve" or "reject"

    def get_page_title(self):
        if self.decision == "approve":
            return _("Approve the application of %(name)s") % {"name": learner_name(self.enrolment)}
        return _("Decline %(name)s") % {"name": learner_name(self.enrolment)}

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=DecisionForm()))

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if form.is_valid():
            service = services.approve if self.decision == "approve" else services.reject
            try:
                enrolment = service(
                    enrolment=self.enrolment, by=request.user, message=form.cleaned_data["message"]
                )
            except services.EnrolmentError as error:
                form.add_error(None, error.message)
                messages.error(request, error.message)
            else:
                messages.success(request, self.success_message(enrolment))
                return redirect(enrolments_of(enrolment.cohort, status=EnrolmentStatus.APPLIED))
        return self.render_to_response(self.get_context_data(form=form))

    def success_message(self, enrolment: Enrolment) -> str:
        name = learner_name(enrolment)
        if enrolment.status == EnrolmentStatus.ACTIVE:
            return _("%(name)s is enrolled and has been emailed.") % {"name": name}
        if enrolment.status == EnrolmentStatus.WAITLISTED:
            return _(
                "%(name)s is accepted, but the cohort is full: they are on the waiting list "
                "and have been emailed."
            ) % {"name": name}
        return _("%(name)s has been declined and emailed.") % {"name": name}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            enrolment=self.enrolment,
            decision=self.decision,
            review_url=url("review", self.enrolment.pk),
            **kwargs,
        )


# --- import ---------------------------------------------------------------------------------


class ImporterRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import_roster(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RosterUploadView(ImporterRequiredMixin, CohortAdminView):
    template_name = "learners/admin/roster_upload.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("Import learners into %(cohort)s") % {"cohort": self.cohort}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": enrolments_of(self.cohort), "label": str(self.cohort)},
            {"url": "", "label": _("Import learners")},
        ]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=RosterUploadForm()))

    def post(self, request, *args, **kwargs):
        form = RosterUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            try:
                preview = parse_roster(data)
            except RosterError as error:
                form.add_error("file", str(error))
            else:
                roster = RosterUpload.objects.create(
                    cohort=self.cohort,
                    uploaded_by=request.user,
                    filename=(upload.name or "")[:255],
                    data=data,
                    total=len(preview.rows),
                    row_errors=len(preview.errors),
                )
                return redirect(url("import_preview", roster.pk))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)


# Learners' personal data: kept by no cache, shared or the browser's ("private, no-store").
@method_decorator(never_cache, name="dispatch")
class RosterPreviewView(ImporterRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The rows a list will import and every row error; POST queues the import (once). While
    it is queued or running the page shows its progress and reloads itself; then the result."""

    template_name = "learners/admin/roster_preview.html"
    header_icon = "upload"
    refresh_seconds = 2
    # Rows listed in the preview (a list may hold 10,000); the counts cover them all.
    preview_rows = 200

    @cached_property
    def upload(self) -> RosterUpload:
        return get_object_or_404(
            RosterUpload.objects.select_related("cohort__course"),
            pk=self.kwargs["upload_id"],
            uploaded_by=self.request.user,
        )

    def get_page_title(self):
        return _("Import learners into %(cohort)s") % {"cohort": self.upload.cohort}

    def get_breadcrumbs_items(self):
        cohort = self.upload.cohort
        return [
            *self.breadcrumbs_items,
            {"url": enrolments_of(cohort), "label": str(cohort)},
            {"url": url("import_upload", cohort.pk), "label": _("Import learners")},
            {"url": "", "label": self.upload.filename or _("Preview")},
        ]

    def parse(self):
        try:
            return parse_roster(bytes(self.upload.data)), None
        except RosterError as error:
            return None, str(error)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        """Queue the import (the file is read again by the task, not here: this answers at
        once, whatever the size of the list)."""
        try:
            start_upload_import(upload=self.upload, by=request.user)
        except services.EnrolmentError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(
            request,
            _(
                "The import has started. This page shows its progress; you may leave it and "
                "come back."
            ),
        )
        return redirect(url("import_preview", self.upload.pk))

    def get_context_data(self, **kwargs):
        upload = self.upload
        context = {"upload": upload, "cohort": upload.cohort}
        if upload.is_in_progress:
            context["refresh_seconds"] = self.refresh_seconds
        if upload.summary:
            context["summary"] = upload.summary
            context["skipped"] = [
                {**row, "status_label": EnrolmentStatus(row["status"]).label}
                for row in upload.summary.get("skipped", [])
            ]
        if upload.is_uploaded:
            preview, file_error = self.parse()
            context.update(preview=preview, file_error=file_error)
            if preview and preview.rows:
                plan = plan_import(cohort=upload.cohort, rows=preview.rows)
                context["plan"] = plan
                context["planned_rows"] = plan.rows[: self.preview_rows]
                context["more_rows"] = max(len(plan.rows) - self.preview_rows, 0)
        context["enrolments_url"] = enrolments_of(upload.cohort)
        context["upload_url"] = url("import_upload", upload.cohort.pk)
        return super().get_context_data(**context, **kwargs)


# --- the viewset ----------------------------------------------------------------------------


class EnrolmentViewSet(PermittedViewSet):
    name = NAMESPACE
    icon = "clipboard-list"
    menu_label = gettext_lazy("Enrolments")
    menu_order = 260
    is_allowed = staticmethod(can_review_enrolments)

    def get_urlpatterns(self):
        return [
            path("", EnrolmentIndexView.as_view(), name="index"),
            path("results/", EnrolmentIndexView.as_view(results_only=True), name="index_results"),
            path("<id:pk>/", EnrolmentReviewView.as_view(), name="review"),
            path("<id:pk>/approve/", DecisionView.as_view(decision="approve"), name="approve"),
            path("<id:pk>/reject/", DecisionView.as_view(decision="reject"), name="reject"),
            path("import/<id:cohort_id>/", RosterUploadView.as_view(), name="import_upload"),
            path("import/list/<id:upload_id>/", RosterPreviewView.as_view(), name="import_preview"),
        ]


enrolment_viewset = EnrolmentViewSet()
