"""How people are named in a discussion: real names for tutors and staff (and for everyone on
an ordinary course), "Participant 4821" for learners among learners of a sensitive course,
"Deleted learner" for an erased account. Never an email address."""

from django.utils.translation import gettext as _

from .models import Pseudonym


def real_name(user) -> str:
    if user is None:
        return _("Deleted learner")
    profile = getattr(user, "profile", None)
    if profile is not None and profile.erased_at is not None:
        return _("Deleted learner")
    name = (profile.certificate_name if profile else "") or user.get_full_name()
    return name or _("A participant")


def pseudonym_label(number: int) -> str:
    return _("Participant %(number)s") % {"number": number}


class Namer:
    """Names the authors of the posts a reader sees (one query for the pseudonyms, none on an
    ordinary course or for tutors)."""

    def __init__(self, *, cohort, viewer, pseudonyms: bool, tutor_ids, author_ids=()):
        self.viewer, self.tutor_ids, self.pseudonyms = viewer, set(tutor_ids), {}
        self.hide_names = pseudonyms
        if pseudonyms:
            self.pseudonyms = dict(
                Pseudonym.objects.filter(cohort=cohort, user_id__in=set(author_ids)).values_list(
                    "user_id", "number"
                )
            )

    def __call__(self, user) -> str:
        if user is None:
            return _("Deleted learner")
        if user.pk in self.tutor_ids:
            return _("%(name)s (tutor)") % {"name": real_name(user)}
        if user.pk == self.viewer.pk:
            number = self.pseudonyms.get(user.pk)
            if number is not None:
                return _("You (%(pseudonym)s)") % {"pseudonym": pseudonym_label(number)}
            return _("You")
        if user.pk in self.pseudonyms:
            return pseudonym_label(self.pseudonyms[user.pk])
        if self.hide_names:  # a learner with no pseudonym yet is not named either
            return _("A participant")
        return real_name(user)
