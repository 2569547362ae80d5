"""Forms of the learner's pages: enrolling (with an invitation code) and applying."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_ANSWER_LENGTH = 3000
# The session's reflections that failed to save, by block id: the module page shows what was
# typed (learners/learn/views.py).
REFLECTION_DRAFTS = "aula_reflection_drafts"


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
