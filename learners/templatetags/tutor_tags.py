"""Template tags of the tutor dashboard: the header's link to it, and safe HTML."""

from django import template
from django.core.cache import cache

from courses.models import Cohort
from learners.sanitize import safe_html

register = template.Library()

TUTOR_FLAG_SECONDS = 300


@register.simple_tag
def tutors_cohorts(user) -> bool:
    """Whether ``user`` tutors a cohort (superusers: always), for the link to /tutor/.

    Remembered in the cache for a few minutes per account, so pages do not pay a query for it
    on every request; a new tutor sees the link at most that much later (the dashboard itself
    is always open to them)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    key = f"aula:tutors-cohorts:{user.pk}"
    flag = cache.get(key)
    if flag is None:
        flag = Cohort.objects.for_tutor(user).exists()
        cache.set(key, flag, TUTOR_FLAG_SECONDS)
    return flag


@register.filter(name="safe_html")
def safe_html_filter(text):
    """Learner- or tutor-written HTML, cleaned again on the way out (learners.sanitize)."""
    return safe_html(text or "")
