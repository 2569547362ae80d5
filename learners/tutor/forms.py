"""Forms of the tutor dashboard: the learner table's filters (GET), announcements (POST) and a
session's attendance (POST)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from learners.enrolment.models import EnrolmentStatus
from learners.enrolment.sanitize import MAX_LENGTH
from learners.progress.models import AttendanceStatus

from .selectors import DEFAULT_SORT, SORT_KEYS, LearnerFilters

STATUS_CHOICES = [
    ("", _("Enrolled and completed")),
    *EnrolmentStatus.choices,
    ("all", _("Any status")),
]
SORT_CHOICES = [(key, key) for key in SORT_KEYS] + [(f"-{key}", f"-{key}") for key in SORT_KEYS]


class LearnerFilterForm(forms.Form):
    """The table's filters. Unknown values are ignored (a stale bookmark still opens)."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    at_risk = forms.BooleanField(label=_("Only learners at risk"), required=False)
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, widget=forms.HiddenInput)

    def __init__(self, data=None, *, countries=(), organisations=()):
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((value, Country(value).name or value) for value in countries),
            key=lambda choice: choice[1].casefold(),
        )
        self.fields["organisation"].choices = [("", _("All organisations"))] + [
            (value, value) for value in organisations
        ]

    def filters(self) -> LearnerFilters:
        """The valid part of the request: an invalid field falls back to its default."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return LearnerFilters(
            country=cleaned.get("country") or "",
            organisation=cleaned.get("organisation") or "",
            status=cleaned.get("status") or "",
            at_risk=bool(cleaned.get("at_risk")),
            sort=cleaned.get("sort") or DEFAULT_SORT,
        )


class AnnouncementForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, or simple formatting: bold, italics, lists and links."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "The message is too long: %(length)s characters, the limit is %(limit)s. "
                    "Shorten it and send it again; your text is kept below."
                ),
                params={"length": len(body), "limit": MAX_LENGTH},
                code="too_long",
            )
        return body


class AttendanceForm(forms.Form):
    """One radio group per learner: present, absent or excused."""

    def __init__(self, *args, roster, **kwargs):
        super().__init__(*args, **kwargs)
        self.roster = roster
        for enrolment in roster:
            row = enrolment.slot_attendance
            initial = ""
            if row is not None and row.status:
                initial = row.status
            elif row is not None and row.joined_at:
                initial = AttendanceStatus.PRESENT
            field = forms.ChoiceField(
                label=str(enrolment.learner.profile)
                if hasattr(enrolment.learner, "profile")
                else str(enrolment.learner),
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=initial,
            )
            field.enrolment = enrolment
            self.fields[f"learner-{enrolment.pk}"] = field

    def marks(self) -> dict[int, str]:
        return {
            field.enrolment.pk: self.cleaned_data.get(name) or ""
            for name, field in self.fields.items()
        }

    def rows(self):
        for name, field in self.fields.items():
            yield field.enrolment, self[name]
