from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CourseFormat, Topic
from .selectors import public_languages


class CatalogueFilterForm(forms.Form):
    """The catalogue's GET filters. Unknown values are reported, not silently kept."""

    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *Topic.choices]
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("All formats")), *CourseFormat.choices],
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages")), *public_languages()]
