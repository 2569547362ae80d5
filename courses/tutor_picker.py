"""The cohort form's tutor picker: only people who may tutor (the Tutors group, and staff), by
name and email, with a search box that narrows the list as one types (static/js/
tutor-picker.js; without JavaScript the short list of checkboxes works as it is).

courses never imports learners, so the group is named here; tests/courses/test_tutor_picker.py
pins that it is learners.permissions.TUTORS_GROUP."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TUTORS_GROUP = "Tutors"


class TutorPicker(forms.CheckboxSelectMultiple):
    template_name = "courses/widgets/tutor_picker.html"

    class Media:
        js = ["js/tutor-picker.js"]


def tutor_label(user) -> str:
    name = user.get_full_name()
    return f"{name} · {user.email}" if name else user.email


def limit_to_tutors(form) -> None:
    """Offer ``form``'s ``tutors`` field only people in the Tutors group or staff; tutors the
    cohort already has stay listed (and chosen) even if they have left the group since."""
    field = form.fields.get("tutors")
    if field is None:
        return
    current = Q(pk__in=form.instance.tutors.values("pk")) if form.instance.pk else Q()
    allowed = Q(groups__name=TUTORS_GROUP) | Q(is_staff=True) | current
    field.queryset = (
        field.queryset.filter(allowed).distinct().order_by("first_name", "last_name", "email")
    )
    field.label_from_instance = tutor_label
    field.widget = TutorPicker(choices=field.choices)
    field.help_text = _(
        "People in the Tutors group and staff. Add someone to the Tutors group "
        "(Settings → Users) to offer them here."
    )
