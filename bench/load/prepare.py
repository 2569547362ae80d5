"""Prepare a demo database for the load test: `python bench/load/prepare.py [--learners N]`.

Run it with the server's own settings and environment (DJANGO_SETTINGS_MODULE, DATABASE_URL,
REDIS_URL, SECRET_KEY: sessions are signed with the secret key and stored where the server's
SESSION_ENGINE reads them), on a database that has the demo (`manage.py seed_demo`).
`bench/load/run.py` runs it for you before every load test.

It adds, next to the demo, without changing any demo page:

- a cohort "Load test cohort" of the demo's self-paced course (English, open enrolment), with
  N learners (default 1,000): accounts with a verified address and a filled-in profile, and
  ACTIVE enrolments, inserted in bulk (the rows ``learners.enrolment.enrol`` writes, without its
  welcome emails); about half of them part-way through the course, through the site's own
  services (``learners.progress.submit_quiz`` with right answers, ``save_reflection``);
- one tutor of that cohort, and only of that cohort;
- a login session for every learner and for the tutor, written directly into the configured
  session store (``SessionStore`` of SESSION_ENGINE, with the keys ``django.contrib.auth.login``
  sets), so no password is hashed and no login form is posted;
- a calendar feed (``learners.live.feed_for``) for every learner.

It writes what the load test needs to a JSON file (default bench/load/sessions.json,
git-ignored): per learner the session key and calendar feed URL, the tutor's session and the
cohort's table URL and page count, and what the demo has, read with the learners services:
course pages in English and Spanish, modules (URL, quiz block and the answers that pass it,
reflection block, whether it has a "mark complete" form), the catalogue and the visitors' URLs.

Run it again: learners, enrolments, profiles and feeds already there are kept (no duplicates),
missing ones are added; a session from the previous JSON file that the store still holds for
the same user is reused, any other is replaced (the stale one deleted from the store).
"""

import argparse
import json
import logging
import math
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

DEFAULT_OUT = REPO / "bench" / "load" / "sessions.json"
COHORT_TITLE = "Load test cohort"
TUTOR_EMAIL = "load-tutor@load.example"
LEARNER_EMAIL = "load-learner-{:05d}@load.example"
SEARCH_TERMS = {"en": ["care", "gender", "violence", "policy"], "es": ["cuidados", "género"]}
COUNTRIES = ["UY", "CL", "PE", "MX", "CR", "CO", "JM"]  # ISO codes, as profiles keep them
ORGANISATIONS = [f"Ministerio {n}" for n in range(1, 21)]
BATCH = 500


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aula.settings.dev")
    import django

    django.setup()


def path_of(url: str | None) -> str | None:
    """A page URL as a path: Wagtail gives an absolute URL when the site has several hosts."""
    return urlsplit(url).path if url else None


QUIZLESS_SLUG = "load-test-before-you-start"


def ensure_quizless_module() -> None:
    """Every module of the demo's self-paced course has a quiz, and a module with a quiz is
    completed by passing it: the "mark complete" POST is only offered on modules without one.
    The load database gets a short orientation module without a quiz at the start of the
    course (the demo itself is unchanged), so that request type is exercised too."""
    from courses.models import CourseFormat, CoursePage, ModulePage

    course = (
        CoursePage.objects.live()
        .filter(format=CourseFormat.SELF_PACED, locale__language_code="en")
        .order_by("path")
        .first()
    )
    if course is None or ModulePage.objects.child_of(course).filter(slug=QUIZLESS_SLUG).exists():
        return
    module = ModulePage(
        title="Before you start",
        slug=QUIZLESS_SLUG,
        introduction="How the course works and how to get the most out of it.",
        estimated_minutes=10,
        body=[
            {
                "type": "paragraph",
                "value": "<p>Three short modules, each with a quiz. Take them in order, "
                "at your own pace; your progress is saved as you go.</p>",
            }
        ],
    )
    first = ModulePage.objects.child_of(course).order_by("path").first()
    course.add_child(instance=module)
    module.save_revision().publish()
    if first is not None:
        module.move(first, pos="left")


def demo_content() -> dict:
    """The demo's self-paced course and everything else the simulated users open."""
    from django.urls import reverse
    from django.utils import translation

    from courses.models import CourseFormat, CourseIndexPage, CoursePage, ModulePage
    from courses.selectors import in_language
    from home.models import HomePage
    from learners.progress import services as progress

    course = (
        CoursePage.objects.live()
        .filter(format=CourseFormat.SELF_PACED, locale__language_code="en")
        .order_by("path")
        .first()
    )
    if course is None:
        sys.exit("No self-paced English course: run `manage.py seed_demo` on this database first.")
    spanish = in_language(course, "es")
    structure = progress.course_structure(course)
    modules = []
    for info in structure.modules:
        module = ModulePage.objects.get(pk=info.page_id)
        translated = module.get_translation_or_none(spanish.locale)
        entry = {
            "id": module.pk,
            "title": module.title,
            "url": path_of(module.get_url()),
            "url_es": path_of(translated.get_url()) if translated and translated.live else None,
            "quiz": None,
            "reflection": None,
            "complete_url": None,
        }
        with translation.override("en"):
            quiz_url = reverse("learn_quiz", args=[module.pk])
            reflection_url = reverse("learn_reflection", args=[module.pk])
            complete_url = reverse("learn_module_complete", args=[module.pk])
        for block in module.body:
            if block.block_type == "quiz" and entry["quiz"] is None:
                right, wrong = {}, {}
                for number, question in enumerate(block.value["questions"], start=1):
                    choices = list(question["choices"])
                    correct = [n for n, c in enumerate(choices, start=1) if c["is_correct"]]
                    others = [n for n, c in enumerate(choices, start=1) if not c["is_correct"]]
                    right[f"question-{number}"] = correct
                    wrong[f"question-{number}"] = others[:1] or correct
                entry["quiz"] = {
                    "url": quiz_url,
                    "block_id": block.id,
                    "pass_mark": block.value["pass_mark"],
                    "right": right,
                    "wrong": wrong,
                }
            elif block.block_type == "reflection" and entry["reflection"] is None:
                entry["reflection"] = {"url": reflection_url, "block_id": block.id}
        # The module page offers "Mark this module as complete" only without a quiz (a quiz is
        # passed to complete the module): see templates/courses/module_page.html.
        if not info.quiz_ids:
            entry["complete_url"] = complete_url
        modules.append(entry)

    catalogue = CourseIndexPage.objects.live().filter(locale__language_code="en").first()
    courses = {"en": [], "es": []}
    for page in CoursePage.objects.live().filter(locale__language_code__in=["en", "es"]):
        courses[page.locale.language_code].append(path_of(page.get_url()))
    homes = {"en": [], "es": []}
    for page in HomePage.objects.live().filter(locale__language_code__in=["en", "es"]):
        homes[page.locale.language_code].append(path_of(page.get_url()))
    catalogues = {
        "en": path_of(catalogue.get_url()),
        "es": path_of(catalogue.get_translation(spanish.locale).get_url()),
    }
    with translation.override("en"):
        search_url = reverse("search")
    searches = [
        f"{search_url.replace('/en/', f'/{language}/', 1)}?q={term}"
        for language, terms in SEARCH_TERMS.items()
        for term in terms
    ]
    return {
        "course": {
            "id": course.pk,
            "title": course.title,
            "url": path_of(course.get_url()),
            "url_es": path_of(spanish.get_url()) if spanish.pk != course.pk else None,
        },
        "modules": modules,
        "visitor": {
            "home": sorted(h for h in homes["en"] + homes["es"] if h),
            "catalogue": [catalogues["en"], catalogues["es"]],
            "courses_en": sorted(courses["en"]),
            "courses_es": sorted(courses["es"]),
            "search": searches,
        },
        "_course_page": course,
    }


def ensure_cohort(course, learners: int):
    from courses.models import Cohort

    cohort = Cohort.objects.filter(course=course, title=COHORT_TITLE).first()
    if cohort is None:
        cohort = Cohort(
            course=course,
            title=COHORT_TITLE,
            language="en",
            enrolment_mode="open",
            capacity=learners,
            time_zone="UTC",
        )
        cohort.full_clean()
        cohort.save()
    elif cohort.capacity is not None and cohort.capacity < learners:
        cohort.capacity = learners
        cohort.save(update_fields=["capacity"])
    return cohort


def ensure_tutor(cohort):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    tutor = user_model.objects.filter(email=TUTOR_EMAIL).first()
    if tutor is None:
        tutor = user_model.objects.create_user(
            email=TUTOR_EMAIL, first_name="Load", last_name="Tutor"
        )  # no password: the session is made below
    if not cohort.tutors.filter(pk=tutor.pk).exists():
        cohort.tutors.add(tutor)  # joins the "Tutors" group (learners/signals.py)
    if not Authenticator.objects.filter(user=tutor, type=Authenticator.Type.TOTP).exists():
        # Production asks tutors for a second factor (AULA_MFA_REQUIRED_FOR): as if the tutor
        # had set up an authenticator app, so the prepared session reaches the cohort pages.
        TOTP.activate(tutor, generate_totp_secret())
    return tutor


def ensure_learners(cohort, count: int) -> list:
    """``count`` learners with verified addresses, profiles and active enrolments (bulk)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from learners.models import Enrolment, EnrolmentSource, EnrolmentStatus, LearnerProfile

    user_model = get_user_model()
    rng = random.Random(2026)
    emails = [LEARNER_EMAIL.format(n) for n in range(count)]
    unusable = make_password(None)
    for offset in range(0, count, BATCH):
        batch = emails[offset : offset + BATCH]
        existing = set(user_model.objects.filter(email__in=batch).values_list("email", flat=True))
        user_model.objects.bulk_create(
            user_model(
                email=email,
                first_name="Learner",
                last_name=email.split("@")[0].rsplit("-", 1)[1],
                password=unusable,
            )
            for email in batch
            if email not in existing
        )
        users = list(user_model.objects.filter(email__in=batch).order_by("email"))
        ids = [user.pk for user in users]
        with_profile = set(
            LearnerProfile.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
        )
        LearnerProfile.objects.bulk_create(
            LearnerProfile(
                user=user,
                certificate_name=user.get_full_name(),
                country=rng.choice(COUNTRIES),
                organisation=rng.choice(ORGANISATIONS),
                position="Inspector",
                preferred_language="en",
                time_zone="America/Montevideo",
            )
            for user in users
            if user.pk not in with_profile
        )
        with_address = set(
            EmailAddress.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
            if user.pk not in with_address
        )
        enrolled = set(
            Enrolment.objects.filter(cohort=cohort, learner_id__in=ids).values_list(
                "learner_id", flat=True
            )
        )
        Enrolment.objects.bulk_create(
            Enrolment(
                learner=user,
                cohort=cohort,
                status=EnrolmentStatus.ACTIVE,
                source=EnrolmentSource.SELF,
            )
            for user in users
            if user.pk not in enrolled
        )
    users = {u.email: u for u in user_model.objects.filter(email__in=emails)}
    return [users[email] for email in emails]


def add_progress(cohort, content: dict) -> int:
    """About half the learners part-way through, by the site's services: the first module's quiz
    passed (which completes it) for 1 in 2, the second's for 1 in 4, a reflection for 1 in 3.
    Never every module: nobody completes the course (no certificates are issued). Learners
    with any progress already are left alone, so a second run adds nothing."""
    from django.db import transaction

    from courses.models import ModulePage
    from learners.models import Enrolment
    from learners.progress import services as progress

    modules = content["modules"]
    pages = {m["id"]: ModulePage.objects.get(pk=m["id"]) for m in modules}
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, last_activity_at__isnull=True)
        .select_related("cohort__course", "learner")
        .order_by("learner__email")
    )
    touched = 0
    with transaction.atomic():
        for enrolment in enrolments:
            n = int(enrolment.learner.email.split("-")[-1].split("@")[0])
            plan = []
            if n % 2 == 0 and len(modules) > 1:
                plan.append(modules[0])
            if n % 4 == 0 and len(modules) > 2:
                plan.append(modules[1])
            for module in plan:
                quiz = module["quiz"]
                if quiz:
                    answers = {
                        int(key.removeprefix("question-")): set(values)
                        for key, values in quiz["right"].items()
                    }
                    progress.submit_quiz(
                        enrolment=enrolment,
                        module=pages[module["id"]],
                        block_id=quiz["block_id"],
                        answers=answers,
                    )
                else:
                    progress.mark_module_complete(enrolment=enrolment, module=pages[module["id"]])
            with_reflection = [m for m in modules if m["reflection"]]
            if n % 3 == 0 and with_reflection:
                module = with_reflection[0]
                progress.save_reflection(
                    enrolment=enrolment,
                    module=pages[module["id"]],
                    block_id=module["reflection"]["block_id"],
                    text="<p>At home my mother did most of the care work.</p>",
                )
            touched += bool(plan) or n % 3 == 0
    return touched


def ensure_feeds(users: list) -> dict[int, str]:
    from learners.models import CalendarFeed

    ids = [user.pk for user in users]
    have = set(CalendarFeed.objects.filter(user_id__in=ids).values_list("user_id", flat=True))
    CalendarFeed.objects.bulk_create(CalendarFeed(user=u) for u in users if u.pk not in have)
    return dict(CalendarFeed.objects.filter(user_id__in=ids).values_list("user_id", "token"))


class Sessions:
    """Login sessions written straight into the configured session store, as
    ``django.contrib.auth.login`` leaves them."""

    def __init__(self, previous: dict[str, str]):
        from importlib import import_module

        from django.conf import settings

        self.store_class = import_module(settings.SESSION_ENGINE).SessionStore
        self.backend = settings.AUTHENTICATION_BACKENDS[0]
        self.previous = previous  # email -> session key, from the last JSON file
        self.reused = self.created = 0

    def _valid(self, key: str, user) -> bool:
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

        store = self.store_class(session_key=key)
        # An unknown or expired key loads as {}; one signed with another SECRET_KEY too, after a
        # "Session data corrupted" warning, which is expected here.
        quiet = logging.getLogger("django.security.SuspiciousSession")
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            data = store.load()
        finally:
            quiet.setLevel(level)
        return (
            store.session_key == key
            and data.get(SESSION_KEY) == str(user.pk)
            and data.get(BACKEND_SESSION_KEY) == self.backend
            and data.get(HASH_SESSION_KEY) == user.get_session_auth_hash()
        )

    def for_user(self, user) -> str:
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

        old = self.previous.get(user.email)
        if old:
            if self._valid(old, user):
                self.reused += 1
                return old
            self.store_class(session_key=old).delete()
        store = self.store_class()
        store[SESSION_KEY] = str(user.pk)  # user._meta.pk.value_to_string(user), as login() does
        store[BACKEND_SESSION_KEY] = self.backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        self.created += 1
        return store.session_key


def previous_sessions(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    keys = {row["email"]: row["session"] for row in data.get("learners", [])}
    if data.get("tutor"):
        keys[data["tutor"]["email"]] = data["tutor"]["session"]
    return keys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=1000, help="learners in the cohort")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the JSON file to write")
    parser.add_argument(
        "--no-progress", action="store_true", help="leave every new learner without progress"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    setup_django()

    from django.conf import settings
    from django.db import connection, transaction
    from django.urls import reverse
    from django.utils import translation

    from home import cache as page_cache
    from learners.tutor.selectors import PAGE_SIZE

    ensure_quizless_module()
    content = demo_content()
    course = content.pop("_course_page")
    with transaction.atomic():
        cohort = ensure_cohort(course, args.learners)
        tutor = ensure_tutor(cohort)
        learners = ensure_learners(cohort, args.learners)
    progressed = 0 if args.no_progress else add_progress(cohort, content)
    feeds = ensure_feeds(learners)
    sessions = Sessions(previous_sessions(args.out))
    learner_rows = []
    with translation.override("en"):
        for user in learners:
            learner_rows.append(
                {
                    "email": user.email,
                    "session": sessions.for_user(user),
                    "feed_url": reverse("calendar_feed", args=[feeds[user.pk]]),
                }
            )
        tutor_row = {
            "email": tutor.email,
            "session": sessions.for_user(tutor),
            "dashboard_url": reverse("tutor_dashboard"),
            "cohort_url": reverse("tutor_cohort", args=[cohort.pk]),
            "page_size": PAGE_SIZE,
        }
        dashboard_url = reverse("learn_dashboard")
    enrolled = cohort.enrolments.count()
    # The load test itself completes courses (and issues certificates): a second run starts
    # from where the first left off, which changes what learners do. Said, not reset:
    # certificates are never deleted (learners/certificates/models.py).
    completed = cohort.enrolments.filter(status="completed").count()
    tutor_row["pages"] = max(1, math.ceil(enrolled / PAGE_SIZE))
    # Bulk inserts send no signals: make the anonymous page cache forget the old seat counts.
    page_cache.invalidate()

    data = {
        "prepared_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "settings": os.environ.get("DJANGO_SETTINGS_MODULE"),
        "database": connection.settings_dict.get("NAME"),
        "session_engine": settings.SESSION_ENGINE,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "cohort": {"id": cohort.pk, "title": cohort.title, "learners": enrolled},
        "dashboard_url": dashboard_url,
        **content,
        "tutor": tutor_row,
        "learners": learner_rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1))
    tmp.replace(args.out)
    with_quiz = sum(1 for m in content["modules"] if m["quiz"])
    print(
        f"prepared: cohort {cohort.pk} “{cohort.title}” of {course.title} "
        f"({enrolled:,} learners, {progressed:,} given progress now, {completed:,} completed "
        "before this run; "
        f"{len(content['modules'])} modules, {with_quiz} with a quiz); "
        f"sessions {sessions.created:,} new, {sessions.reused:,} reused "
        f"({settings.SESSION_ENGINE.rsplit('.', 1)[-1]}); "
        f"{args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out} "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
