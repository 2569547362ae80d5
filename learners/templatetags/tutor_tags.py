"""Template tags of the tutor dashboard: the header's link to it, and safe HTML."""

from django import template

from learners import permissions
from learners.enrolment.sanitize import safe_html

register = template.Library()


@register.simple_tag
def tutors_cohorts(user) -> bool:
    """Whether ``user`` tutors a cohort (superusers: always), for the link to /tutor/
    (the rule, and how long it is remembered, is learners/permissions.py)."""
    return permissions.tutors_cohorts(user)


@register.filter(name="safe_html")
def safe_html_filter(text):
    """Learner- or tutor-written HTML, cleaned again on the way out (enrolment/sanitize.py)."""
    return safe_html(text or "")
