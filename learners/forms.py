from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import LearnerProfile

MAX_ANSWER_LENGTH = 3000


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


class EnrolForm(forms.Form):
    invitation_code = forms.CharField(label=_("Invitation code"), max_length=40, required=False)


class ApplicationForm(forms.Form):
    """One text field per application question of the course."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question.text,
                help_text=question.help_text,
                required=question.required,
                max_length=MAX_ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def answers(self) -> list[dict]:
        return [
            {"question": question.text, "answer": self.cleaned_data[f"answer_{number}"]}
            for number, question in enumerate(self.questions, start=1)
        ]
