"""The demo cohorts and learners: cohorts of the demo courses, application questions, and
about twenty learners with profiles, enrolled through the site's own services."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from courses.models import (
    ApplicationQuestion,
    Cohort,
    CoursePage,
    EnrolmentMode,
    LiveSessionPage,
)
from learners.accounts.countries import country_code
from learners.enrolment import services
from learners.models import Enrolment, LearnerProfile

from . import content_people
from .content_people import DEMO_PASSWORD, LANGUAGE_CODES

if TYPE_CHECKING:
    from .build import DemoSite, Translated


def ensure_cohorts(demo: DemoSite) -> dict[str, object]:
    """The demo cohorts (``content_people.COHORTS``), the application questions of the
    care-economy course in both languages, and about twenty demo learners with profiles,
    enrolled through the site's own service functions (``learners/enrolment/services.py``), so their
    emails are queued as on the site. Cohorts are found by course and title; an existing
    enrolment is left as it is: a second run changes nothing."""
    created = demo.created
    now = timezone.now()
    ensure_application_questions(demo.courses["decent-work-care-economy"])
    cohorts: dict[str, Cohort] = {}
    for spec in content_people.COHORTS:
        page = getattr(demo.courses[spec.course], spec.language)
        cohort = (
            Cohort.objects.for_course(page)
            .filter(title=spec.title)
            .select_related("course")
            .first()
        )
        if cohort is None:
            cohort = _create_cohort(page, spec, now, demo.users)
            created["cohorts"] += 1
        cohorts[spec.key] = cohort
    ensure_demo_learners(demo, cohorts)
    return cohorts


def ensure_application_questions(course: Translated) -> None:
    """Two required questions and an optional one, on the English and the Spanish course page
    (set once, through a published revision so editors see them in the editor)."""
    keys: list = []  # question n in every language translates the first language's question n
    for language in LANGUAGE_CODES:
        # A fresh copy: the one built earlier in this run may hold a stale tree position
        # (``numchild`` before its translated children were added), which publishing would save.
        page = CoursePage.objects.get(pk=getattr(course, language).pk)
        questions = list(page.application_questions.all())
        if not questions:
            questions = [
                ApplicationQuestion(sort_order=order, **question)
                for order, question in enumerate(content_people.APPLICATION_QUESTIONS[language])
            ]
            for question, key in zip(questions, keys, strict=False):
                question.translation_key = key
            page.application_questions = questions
            page.save_revision().publish()
            page.refresh_from_db()
        keys = keys or [question.translation_key for question in questions]


def _create_cohort(page: CoursePage, spec, now, users: dict) -> object:
    today = timezone.localdate(now)
    fields = {}
    if spec.series:
        # One session a week from the start (learners/demo/live.py): the dates span them, and
        # people may join the series until its last session.
        sessions = LiveSessionPage.objects.child_of(page).live().count()
        starts_on = today + timedelta(days=spec.starts_in_days)
        fields.update(
            starts_on=starts_on, ends_on=starts_on + timedelta(weeks=max(sessions, 1) - 1)
        )
    elif spec.starts_in_days is not None:
        starts_on = today + timedelta(days=spec.starts_in_days)
        closes = now + timedelta(days=spec.starts_in_days - 1)
        fields.update(
            starts_on=starts_on,
            ends_on=starts_on + timedelta(weeks=spec.weeks or 1, days=-1),
            # Four weeks of enrolment before the start (open now for the cohorts to come).
            enrolment_opens_at=min(now - timedelta(days=14), closes - timedelta(days=27)),
            enrolment_closes_at=closes,
        )
    if spec.mode == EnrolmentMode.INVITATION:
        fields["invitation_code"] = spec.invitation_code
        fields["invitation_code_expires_at"] = fields.get("enrolment_closes_at")
    cohort = Cohort(
        course=page,
        title=spec.title,
        language=spec.language,
        enrolment_mode=spec.mode,
        capacity=spec.capacity,
        time_zone=spec.time_zone,
        **fields,
    )
    cohort.full_clean()
    cohort.save()
    if spec.tutors:
        cohort.tutors.add(*(users[role] for role in spec.tutors))
    return cohort


def ensure_demo_learners(demo: DemoSite, cohorts: dict) -> None:
    """The demo learners (created once, with their profile) and their enrolments; the demo
    "learner" account gets a profile where it has none and its two courses."""
    created = demo.created
    admin = demo.users["admin"]
    password = make_password(DEMO_PASSWORD)  # hashed once for all the demo learners
    for spec in content_people.LEARNERS:
        user = _ensure_learner_account(spec, password, created)
        for key, status in spec.enrolments:
            _ensure_enrolment(user, cohorts[key], status, admin, created)

    main = demo.users["learner"]
    profile = main.profile
    changed = False
    for name in ("country", "organisation", "position"):
        if not getattr(profile, name):
            value = content_people.MAIN_LEARNER[name]
            setattr(profile, name, country_code(value) if name == "country" else value)
            changed = True
    if not profile.certificate_name:
        profile.certificate_name = main.get_full_name()
        changed = True
    if changed:  # set once: the learner's own later edits are kept
        profile.preferred_language = content_people.MAIN_LEARNER["preferred_language"]
        profile.time_zone = content_people.MAIN_LEARNER["time_zone"]
        profile.save()
    for key, status in content_people.MAIN_LEARNER["enrolments"]:
        _ensure_enrolment(main, cohorts[key], status, admin, created)


def _ensure_learner_account(spec, password: str, created: Counter):
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=spec.email).first()
    if user is not None:
        return user
    user = user_model.objects.create_user(
        email=spec.email, first_name=spec.first_name, last_name=spec.last_name
    )
    user.password = password
    user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    LearnerProfile.objects.update_or_create(
        user=user,
        defaults={
            "certificate_name": f"{spec.first_name} {spec.last_name}",
            "country": country_code(spec.country),
            "organisation": spec.organisation,
            "position": spec.position,
            "preferred_language": spec.language,
            "time_zone": spec.time_zone,
        },
    )
    created["users"] += 1
    created["learners"] += 1
    return user


def enrolment_moment(cohort, now):
    """When the demo's learners enrolled in ``cohort``: now where enrolment is open and the
    cohort has not started; a week after enrolment opened for a cohort under way or over; a
    week before the first session of a live series; eight weeks ago in a self-paced cohort
    (their work goes back five weeks)."""
    if cohort.starts_on is None:
        return now - timedelta(weeks=8)
    if cohort.starts_on > timezone.localdate(now) and cohort.is_enrolment_open(now):
        return now
    if cohort.enrolment_opens_at:
        return cohort.enrolment_opens_at + timedelta(days=7)
    start = datetime.combine(cohort.starts_on, time(9), tzinfo=ZoneInfo(cohort.time_zone))
    return start - timedelta(weeks=1)


def _ensure_enrolment(user, cohort, status: str, admin, created: Counter) -> None:
    """Enrol ``user`` as the site would, at ``enrolment_moment``: apply (and, for "active", be
    approved by the admin) in an application cohort, the invitation code in an invitation
    cohort, else enrol."""
    if Enrolment.objects.filter(learner=user, cohort=cohort).exists():
        return
    now = timezone.now()
    moment = enrolment_moment(cohort, now)
    if cohort.by_application:
        questions = cohort.course.specific.application_questions.all()
        answers = content_people.ANSWERS[cohort.language]
        enrolment = services.apply(
            learner=user,
            cohort=cohort,
            answers=[
                {"question": question.text, "answer": answer}
                for question, answer in zip(questions, answers, strict=False)
            ],
            now=moment,
        )
        if status == "active":
            services.approve(enrolment=enrolment, by=admin, now=moment)
    else:
        enrolment = services.enrol(
            learner=user, cohort=cohort, invitation_code=cohort.invitation_code, now=moment
        )
    if moment != now:
        # The row's creation time is set by the database; the enrolment is dated as it
        # happened (the tutor's "at risk" reads it).
        Enrolment.objects.filter(pk=enrolment.pk).update(created_at=moment)
    created["enrolments"] += 1
