"""Forms of the admin views for enrolments (learners/staff/enrolments.py)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from courses.models import Cohort
from learners.enrolment.models import Enrolment, EnrolmentStatus
from learners.permissions import reviewable_cohorts

MAX_MESSAGE_LENGTH = 2000
MAX_ROSTER_BYTES = 5 * 1024 * 1024


def _cohorts_for(request):
    if request is None:
        return Cohort.objects.none()
    return (
        reviewable_cohorts(request.user)
        .select_related("course")
        .order_by("course__title", "starts_on", "id")
    )


class EnrolmentFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=_cohorts_for, empty_label=_("All cohorts")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=EnrolmentStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Enrolment
        fields = ["cohort", "status"]


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the learner (optional)"),
        help_text=_("Included in the email the learner receives, in their language."),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Learner list (CSV)"),
        help_text=_(
            "One learner per line, with a first line naming the columns: name, email and "
            "optionally country, organisation, position (English or Spanish headers). Excel "
            "files saved as CSV are fine."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.")
                % {"size": MAX_ROSTER_BYTES // (1024 * 1024)}
            )
        return upload
