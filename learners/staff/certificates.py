"""Certificates in the Wagtail admin, under /admin/certificates/ (registered in wagtail_hooks.py).

Staff with ``learners.change_certificate`` (superusers, or a group granted it) list and search
certificates, open one, download its PDF, revoke it with a reason, or re-issue it after a name
correction; and re-issue every certificate of a cohort (a cohort button). Certificates are never
deleted: there is no delete view. Changes are POST forms with CSRF and go through
learners/certificates/services.py; everyone else gets a 403 (learners/permissions.py).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin

from aula import converters  # noqa: F401  (registers <id:…>)
from courses.models import Cohort, CoursePage
from learners.certificates import services
from learners.certificates.files import NO_STORE, pdf_response
from learners.certificates.models import Certificate
from learners.permissions import can_manage_certificates

from .menu import CohortAdminView, PermittedViewSet

NAMESPACE = "certificates"
MAX_REASON_LENGTH = 2000


def url(name: str, *args) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def status_label(certificate: Certificate) -> str:
    if certificate.revoked_at:
        return _("Revoked")
    if certificate.replaced_at:
        return _("Replaced")
    return _("Valid")


class ManagerRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_certificates(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- listing --------------------------------------------------------------------------------

STATUS_CHOICES = [
    ("valid", gettext_lazy("Valid")),
    ("revoked", gettext_lazy("Revoked")),
    ("replaced", gettext_lazy("Replaced")),
]


def _courses(request):
    return CoursePage.objects.filter(pk__in=Cohort.objects.values("course_id")).order_by("title")


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=STATUS_CHOICES,
        empty_label=gettext_lazy("All"),
        method="filter_status",
        widget=forms.RadioSelect,
    )
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=_courses,
        empty_label=gettext_lazy("All courses"),
        field_name="enrolment__cohort__course",
    )

    class Meta:
        model = Certificate
        fields = ["status", "course"]

    def filter_status(self, queryset, name, value):
        if value == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        if value == "replaced":
            return queryset.filter(replaced_at__isnull=False, revoked_at__isnull=True)
        if value == "valid":
            return queryset.filter(replaced_at__isnull=True, revoked_at__isnull=True)
        return queryset


class CertificateIndexView(ManagerRequiredMixin, BaseListingView):
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"
    paginate_by = 50
    is_searchable = True
    search_fields = ["number", "learner_name", "enrolment__learner__email", "code"]
    filterset_class = CertificateFilterSet
    default_ordering = "-issued_at"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:index_results"
    verbose_name = gettext_lazy("certificate")
    verbose_name_plural = gettext_lazy("certificates")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "number",
                label=_("Number"),
                get_url=lambda certificate: url("detail", certificate.pk),
                sort_key="number",
            ),
            Column("learner_name", label=_("Name"), sort_key="learner_name"),
            Column("course_title", label=_("Course"), sort_key="course_title"),
            Column("cohort", label=_("Cohort"), accessor="enrolment.cohort.title"),
            Column("status", label=_("Status"), accessor=status_label),
            DateColumn("issued_at", label=_("Issued"), sort_key="issued_at"),
        ]

    def get_base_queryset(self):
        return Certificate.objects.select_related("enrolment__cohort")

    def search_queryset(self, queryset):
        """Every word must match the number, the name on the certificate or the email."""
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(match)
        return queryset


# --- one certificate ------------------------------------------------------------------------


class CertificateObjectMixin(ManagerRequiredMixin):
    header_icon = "doc-full"

    @cached_property
    def certificate(self) -> Certificate:
        return get_object_or_404(
            Certificate.objects.select_related(
                "enrolment__learner__profile", "enrolment__cohort__course", "replaces"
            ),
            pk=self.kwargs["pk"],
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title()},
        ]


class CertificateDetailView(CertificateObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "learners/certificates/admin/detail.html"

    def get_page_title(self):
        return self.certificate.number

    def get_context_data(self, **kwargs):
        certificate = self.certificate
        is_current = not certificate.revoked_at and not certificate.replaced_at
        replaced_by = Certificate.objects.filter(replaces=certificate).first()
        profile = getattr(certificate.enrolment.learner, "profile", None)
        return super().get_context_data(
            certificate=certificate,
            status=status_label(certificate),
            is_current=is_current,
            replaced_by=replaced_by,
            current_name=(profile.certificate_name if profile else "")
            or certificate.enrolment.learner.get_full_name(),
            verification_url=services.verification_url(certificate),
            download_url=url("download", certificate.pk),
            revoke_url=url("revoke", certificate.pk),
            reissue_url=url("reissue", certificate.pk),
            detail_url=lambda other: url("detail", other.pk),
            **kwargs,
        )


class CertificateDownloadView(CertificateObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """The PDF of a valid certificate (learners/certificates/files.py); a revoked or replaced one
    has none: 410, with a page saying so."""

    template_name = "learners/certificates/admin/unavailable.html"

    def get_page_title(self):
        return self.certificate.number

    def get(self, request, *args, **kwargs):
        if not self.certificate.is_valid:
            response = self.render_to_response(
                self.get_context_data(
                    certificate=self.certificate,
                    status=status_label(self.certificate),
                    detail_url=url("detail", self.certificate.pk),
                ),
                status=410,
            )
            response["Cache-Control"] = NO_STORE
            return response
        certificate = services.ensure_pdf(self.certificate)
        return pdf_response(certificate, filename=f"certificate-{certificate.number}.pdf")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy(
            "Kept with the certificate for staff; the public verification page shows only that "
            "it was revoked and when."
        ),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RevokeView(CertificateObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "learners/certificates/admin/revoke.html"

    def get_page_title(self):
        return _("Revoke certificate %(number)s") % {"number": self.certificate.number}

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=RevokeForm()))

    def post(self, request, *args, **kwargs):
        form = RevokeForm(request.POST)
        if form.is_valid():
            try:
                services.revoke(
                    certificate=self.certificate,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.CertificateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Certificate %(number)s is revoked. It now verifies as revoked.")
                    % {"number": self.certificate.number},
                )
                return redirect(url("detail", self.certificate.pk))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.certificate, detail_url=url("detail", self.certificate.pk), **kwargs
        )


class ReissueView(CertificateObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "learners/certificates/admin/reissue.html"

    def get_page_title(self):
        return _("Re-issue certificate %(number)s") % {"number": self.certificate.number}

    def post(self, request, *args, **kwargs):
        try:
            new = services.reissue(certificate=self.certificate, by=request.user)
        except services.CertificateError as error:
            messages.error(request, error.message)
            return redirect(url("detail", self.certificate.pk))
        messages.success(
            request,
            _(
                "Certificate %(new)s is issued to %(name)s and emailed; %(old)s now verifies "
                "as replaced."
            )
            % {"new": new.number, "name": new.learner_name, "old": self.certificate.number},
        )
        return redirect(url("detail", new.pk))

    def get_context_data(self, **kwargs):
        certificate = self.certificate
        profile = getattr(certificate.enrolment.learner, "profile", None)
        return super().get_context_data(
            certificate=certificate,
            current_name=services.learner_name(certificate.enrolment),
            profile=profile,
            detail_url=url("detail", certificate.pk),
            **kwargs,
        )


class CohortReissueView(ManagerRequiredMixin, CohortAdminView):
    template_name = "learners/certificates/admin/cohort_reissue.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Re-issue the certificates of %(cohort)s") % {"cohort": self.cohort}

    def post(self, request, *args, **kwargs):
        result = services.reissue_for_cohort(cohort=self.cohort, by=request.user)
        messages.success(
            request,
            _(
                "%(count)s certificates of %(cohort)s are being re-issued in the background; "
                "each learner is emailed the new one."
            )
            % {"count": result.queued, "cohort": self.cohort},
        )
        return redirect(url("index") + f"?course={self.cohort.course_id}")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cohort=self.cohort,
            count=services.cohort_certificates(self.cohort).count(),
            cancel_url=reverse("cohorts:index"),
            **kwargs,
        )


# --- the viewset ----------------------------------------------------------------------------


class CertificateViewSet(PermittedViewSet):
    name = NAMESPACE
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_order = 265
    is_allowed = staticmethod(can_manage_certificates)

    def get_urlpatterns(self):
        return [
            path("", CertificateIndexView.as_view(), name="index"),
            path("results/", CertificateIndexView.as_view(results_only=True), name="index_results"),
            path("<id:pk>/", CertificateDetailView.as_view(), name="detail"),
            path("<id:pk>/pdf/", CertificateDownloadView.as_view(), name="download"),
            path("<id:pk>/revoke/", RevokeView.as_view(), name="revoke"),
            path("<id:pk>/reissue/", ReissueView.as_view(), name="reissue"),
            path(
                "cohort/<id:cohort_id>/reissue/",
                CohortReissueView.as_view(),
                name="cohort_reissue",
            ),
        ]


certificate_viewset = CertificateViewSet()
