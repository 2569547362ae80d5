"""The discussion's forms. Each carries a token drawn when the form is shown: the same form
sent twice (a double click, a reload) makes one post."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from learners.enrolment.sanitize import MAX_LENGTH

from .models import TITLE_MAX_LENGTH, QuestionAlerts, ReplyAlerts

BODY_HELP = _("Plain text, or simple formatting: bold, italics, lists, links.")


class _Tokened(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())


class ThreadForm(_Tokened):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    body = forms.CharField(
        label=_("Message"), max_length=MAX_LENGTH, widget=forms.Textarea, help_text=BODY_HELP
    )
    is_question = forms.BooleanField(label=_("This is a question for the tutors"), required=False)
    is_private = forms.BooleanField(
        label=_("Ask privately: only you and the cohort's tutors see it"), required=False
    )
    module = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class ReplyForm(_Tokened):
    body = forms.CharField(
        label=_("Your reply"), max_length=MAX_LENGTH, widget=forms.Textarea, help_text=BODY_HELP
    )


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=MAX_LENGTH, widget=forms.Textarea, help_text=BODY_HELP
    )


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), max_length=500, required=False)


class PreferenceForm(forms.Form):
    """How someone hears of replies in the threads they follow and, for a tutor
    (``tutor=True``), of new questions in their cohorts."""

    reply_alerts = forms.ChoiceField(
        label=_("Email me about new replies in the threads I follow"),
        choices=ReplyAlerts.choices,
    )
    question_alerts = forms.ChoiceField(
        label=_("Email me about new questions"),
        choices=QuestionAlerts.choices,
    )

    def __init__(self, *args, tutor: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not tutor:
            del self.fields["question_alerts"]
