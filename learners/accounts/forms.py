"""The learner's profile form (the name printed on certificates, country, organisation, time
zone)."""

from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import LearnerProfile
from .validators import validate_certificate_name


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(zone, zone) for zone in sorted(available_timezones())]
        public = set(settings.AULA_PUBLIC_LANGUAGES)
        self.fields["preferred_language"].choices = [
            choice for choice in settings.LANGUAGES if choice[0] in public
        ]
        for name in ("certificate_name", "country", "organisation"):
            self.fields[name].required = True
        self.fields["certificate_name"].validators.append(validate_certificate_name)
