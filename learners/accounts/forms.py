"""The learner's profile form (the name printed on certificates, country, organisation, time
zone). It makes clean data: the country is chosen from a localised list (stored as its ISO
code), the time zone from the zones people live in, grouped by region, with the country's
first; the organisation is typed, with the names other learners already use suggested."""

from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .countries import default_zone, single_zone_countries, time_zone_choices
from .models import LearnerProfile
from .validators import validate_certificate_name

# How many organisation names the form suggests (the most used first).
SUGGESTED_ORGANISATIONS = 300


class TimeZoneField(forms.ChoiceField):
    """A grouped, shorter list; any valid IANA name is accepted (the browser's may be an alias
    the list does not show)."""

    def valid_value(self, value) -> bool:
        return value in available_timezones()


def organisation_suggestions(limit: int = SUGGESTED_ORGANISATIONS) -> list[str]:
    """The organisation names learners already use, the most used first, one spelling each."""
    rows = (
        LearnerProfile.objects.filter(erased_at__isnull=True)
        .exclude(organisation="")
        .values("organisation")
        .annotate(uses=Count("pk"))
        .order_by("-uses", "organisation")[: limit * 2]
    )
    seen, names = set(), []
    for row in rows:
        key = " ".join(row["organisation"].split()).casefold()
        if key not in seen:
            seen.add(key)
            names.append(row["organisation"])
    return names[:limit]


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(
        label=_("Time zone"),
        choices=(),
        help_text=_("Live sessions are shown in this time zone."),
    )

    class Meta:
        model = LearnerProfile
        fields = [
            "certificate_name",
            "country",
            "organisation",
            "position",
            "preferred_language",
            "time_zone",
        ]
        widgets = {"organisation": forms.TextInput(attrs={"list": "organisation-suggestions"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        country = self["country"].value() or ""
        self.fields["time_zone"].choices = time_zone_choices(
            str(country), keep=instance.time_zone if instance else ""
        )
        # Not chosen yet (a new or incomplete profile still on UTC): proposed from the country
        # when it has one zone; the browser's zone when the page's script runs
        # (static/js/profile-zone.js reads data-propose).
        if not self.is_bound and not instance.is_complete and instance.time_zone == "UTC":
            self.fields["time_zone"].widget.attrs["data-propose"] = "browser"
            proposed = default_zone(str(country))
            if proposed:
                self.initial["time_zone"] = proposed
        public = set(settings.AULA_PUBLIC_LANGUAGES)
        self.fields["preferred_language"].choices = [
            choice for choice in settings.LANGUAGES if choice[0] in public
        ]
        self.fields["country"].choices = [
            ("", _("Choose your country")),
            *[choice for choice in self.fields["country"].choices if choice[0]],
        ]
        self.fields["country"].help_text = _("Start typing its name to find it in the list.")
        for name in ("certificate_name", "country", "organisation"):
            self.fields[name].required = True
        self.fields["certificate_name"].validators.append(validate_certificate_name)
        self.fields["organisation"].help_text = _(
            "The full name, as colleagues would write it; choose it from the suggestions when "
            "it is there."
        )
        self.country_as_typed = "" if instance.country else instance.country_unmatched

    def organisation_suggestions(self) -> list[str]:
        return organisation_suggestions()

    def single_zone_countries(self) -> dict[str, str]:
        return single_zone_countries()

    def save(self, commit=True):
        # A country chosen from the list replaces the text kept for review.
        self.instance.country_unmatched = ""
        return super().save(commit=commit)
