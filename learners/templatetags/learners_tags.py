"""Learner-specific parts of course pages, kept out of the courses app."""

from django import template

from learners.forms import EnrolForm
from learners.selectors import cohorts_for_course

register = template.Library()


@register.inclusion_tag("learners/components/course_cohorts.html", takes_context=True)
def course_cohorts(context, course):
    request = context["request"]
    return {
        "request": request,
        "course": course,
        "cohorts": cohorts_for_course(course=course, user=request.user),
        "enrol_form": EnrolForm(),
        "csrf_token": context.get("csrf_token"),
    }
