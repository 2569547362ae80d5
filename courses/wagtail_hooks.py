"""Cohorts in the Wagtail admin: a ModelViewSet under "Cohorts", for users with the cohort
model permissions (superusers; any group granted them in Settings → Groups).

The courses app knows nothing about learners. Other apps add to the cohort screens through two
hooks of this app:

- ``construct_cohort_listing_queryset(queryset, request) -> queryset``: e.g. annotate
  ``seats_taken``, shown in the listing's "Seats taken" column;
- ``register_cohort_buttons(cohort, user) -> list[Button]``: extra actions in each row's
  "More" menu and in the edit page's header (e.g. review enrolments, import a learner list).
"""

from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Cohort
from .translation_views import TranslationStatusView, may_see_translations, submit_translation_view

COHORT_QUERYSET_HOOK = "construct_cohort_listing_queryset"
COHORT_BUTTONS_HOOK = "register_cohort_buttons"


def cohort_buttons(cohort: Cohort, user) -> list:
    buttons = []
    for hook in hooks.get_hooks(COHORT_BUTTONS_HOOK):
        buttons.extend(hook(cohort, user) or [])
    return buttons


def cohort_dates(cohort: Cohort) -> str:
    if not cohort.starts_on and not cohort.ends_on:
        return _("No dates (self-paced)")
    start = date_format(cohort.starts_on, "SHORT_DATE_FORMAT") if cohort.starts_on else "…"
    end = date_format(cohort.ends_on, "SHORT_DATE_FORMAT") if cohort.ends_on else "…"
    return f"{start} – {end}"


def seats_taken(cohort: Cohort):
    return getattr(cohort, "seats_taken", "—")


def capacity(cohort: Cohort):
    return cohort.capacity if cohort.capacity is not None else _("No limit")


class CohortIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("course")
        for hook in hooks.get_hooks(COHORT_QUERYSET_HOOK):
            queryset = hook(queryset, self.request)
        return queryset

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *cohort_buttons(instance, self.request.user),
        ]


class CohortEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *cohort_buttons(self.object, self.request.user)]


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView
    copy_view_enabled = False
    list_display = [
        "title",
        "course",
        "language",
        Column("dates", label=_("Dates"), accessor=cohort_dates, sort_key="starts_on"),
        "enrolment_mode",
        Column("capacity", label=_("Seats"), accessor=capacity, sort_key="capacity"),
        Column("seats_taken", label=_("Seats taken"), accessor=seats_taken),
    ]
    list_filter = ["course", "language", "enrolment_mode"]
    search_fields = ["title", "course__title", "invitation_code"]
    ordering = ["-starts_on", "-id"]
    # The form is the model's own ``panels``.


cohort_viewset = CohortViewSet("cohorts")


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return cohort_viewset


# --- translations (courses/translation.py) -----------------------------------------------------


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "translations/<int:translation_id>/submit/",
            submit_translation_view,
            name="courses_submit_translation",
        ),
        path("reports/translations/", TranslationStatusView.as_view(), name="courses_translations"),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    class TranslationStatusMenuItem(MenuItem):
        def is_shown(self, request):
            return may_see_translations(request.user)

    return TranslationStatusMenuItem(
        _("Course translations"),
        reverse("courses_translations"),
        name="course-translations",
        icon_name="globe",
        order=920,
    )
