"""The demo command: builds the bilingual demo site once, and a second run changes nothing.

The tests read the demo through the ``demo`` fixture (tests/conftest.py): built once per test
process and rolled back before any other test, so the rest of the suite starts from an empty
tree. Its value is what the first run printed.
"""

from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate, get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site

from courses.models import ApplicationQuestion, Cohort, CoursePage, ModulePage
from home.models import HomePage, SiteSettings
from learners.demo import content_en, content_es, content_people
from learners.demo.build import DEMO_PASSWORD, DEMO_USERS
from learners.models import (
    Enrolment,
    EnrolmentStatus,
    LearnerProfile,
    ModuleProgress,
    QuizAttempt,
    Reflection,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("modules_open")]

LANGUAGES = ("en", "es")
# Spec keys that are not text: set on the English page and copied to its translation.
NOT_TRANSLATED = {
    "kind",
    "outline",
    "topic",
    "format",
    "effort_hours",
    "duration_weeks",
    "is_sensitive",
    "estimated_minutes",
    "duration_minutes",
}


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "locales": Locale.objects.count(),
        "sites": Site.objects.count(),
        "email_addresses": EmailAddress.objects.count(),
        "cohorts": Cohort.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "profiles": LearnerProfile.objects.count(),
        "questions": ApplicationQuestion.objects.count(),
        "emails": len(mail.outbox),
        "completed_modules": ModuleProgress.objects.count(),
        "quiz_attempts": QuizAttempt.objects.count(),
        "reflections": Reflection.objects.count(),
    }


def demo_pages():
    return (
        Page.objects.live()
        .filter(locale__language_code__in=LANGUAGES, depth__gt=1)
        .select_related("locale")
        .order_by("path")
    )


def english_course(slug):
    return CoursePage.objects.get(slug=slug, locale__language_code="en")


# --- the build -----------------------------------------------------------------------------


def test_first_run_reports_what_it_created(demo):
    learners = len(content_people.LEARNERS)
    enrolments = sum(len(spec.enrolments) for spec in content_people.LEARNERS) + 2
    assert (
        f"created 3 locales, 60 pages, {4 + learners} users, 7 cohorts, {enrolments} enrolments"
        in demo
    )


def test_second_run_creates_nothing(demo):
    before = counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert counts() == before
    assert "created 0 locales, 0 pages, 0 users, 0 cohorts, 0 enrolments" in out.getvalue()


def test_home_page_replaces_the_wagtail_welcome_page(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "en"
    assert home.get_parent().is_root()
    # Only the two home pages live directly under the root: the Welcome page is gone.
    top_level = Page.get_first_root_node().get_children()
    assert {page.specific_class for page in top_level} == {HomePage}
    assert home.get_translation(Locale.objects.get(language_code="es")).live


def test_both_languages_have_a_catalogue_at_courses(demo, client):
    assert client.get("/en/courses/").status_code == 200
    assert client.get("/es/courses/").status_code == 200


def test_site_settings_are_set(demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.organisation_name == "Aula"
    assert settings.contact_email


# --- courses -------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", content_en.COURSES, ids=lambda spec: spec["slug"])
def test_course_exists_in_english_and_spanish(demo, spec):
    english = english_course(spec["slug"])
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.translation_key == english.translation_key
    assert spanish.live and english.live
    assert spanish.title == content_es.TRANSLATIONS[spec["slug"]]["title"] != english.title
    assert spanish.url.startswith("/es/courses/")
    assert english.url == f"/en/courses/{spec['slug']}/"
    for course in (english, spanish):
        assert course.summary and course.overview and course.audience and course.organisers
        assert course.listing_summary
        assert course.outcomes.count() == len(spec["outcomes"])
        assert course.competencies.count() == len(spec["competencies"])
    # The Spanish outline is the English outline, item for item, in the same order.
    english_outline = [page.translation_key for page in english.get_children().order_by("path")]
    spanish_outline = [page.translation_key for page in spanish.get_children().order_by("path")]
    assert spanish_outline == english_outline
    assert len(english_outline) == len(spec["outline"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_course_hours_add_up_to_their_outline(demo, language):
    for course in CoursePage.objects.filter(locale__language_code=language):
        outline = course.outline
        assert sum(item.effort_minutes for item in outline) == course.effort_hours * 60, course


def test_self_paced_course_has_no_duration(demo):
    course = english_course("intro-gender-diversity-human-rights")
    assert course.format == "self-paced"
    assert course.duration_weeks is None


def test_gender_violence_course_is_sensitive_with_support_links(demo, client):
    english = english_course("gender-based-violence-at-work")
    spanish = english.get_translation(Locale.objects.get(language_code="es")).specific
    for course in (english, spanish):
        assert course.is_sensitive
        assert course.content_note
        links = list(course.support_links.all())
        assert len(links) >= 3
        assert all(link.url.startswith("https://") for link in links)
    assert spanish.support_links.first().title != english.support_links.first().title

    module = english.get_children().type(ModulePage).first()
    html = client.get(module.url).content.decode()
    assert "support-links" in html
    assert english.support_links.first().url in html


def test_launch_session_of_the_live_series_has_three_speakers(demo):
    course = english_course("professionalising-care-series")
    launch = course.outline[0]
    # No date in the text: the series' sessions are scheduled relative to the day of the run.
    assert "2025" not in launch.introduction
    assert "Montevideo" in launch.introduction
    assert launch.speakers.count() == 3


def test_most_modules_have_a_quiz_and_a_reflection(demo):
    modules = list(ModulePage.objects.all())
    with_quiz = [m for m in modules if any(b.block_type == "quiz" for b in m.body)]
    with_reflection = [m for m in modules if any(b.block_type == "reflection" for b in m.body)]
    assert len(with_quiz) == len(modules)
    assert len(with_reflection) > len(modules) / 2
    assert not any(b.block_type == "video" for m in modules for b in m.body)


# --- every page renders --------------------------------------------------------------------


def test_every_demo_page_renders_in_both_languages(demo, client):
    pages = list(demo_pages())
    assert {page.locale.language_code for page in pages} == set(LANGUAGES)
    assert len(pages) == 52
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        if page.locale.language_code == "es":
            assert 'lang="es"' in response.content.decode(), page.url


# --- cohorts and learners ------------------------------------------------------------------


def cohorts_of(slug):
    return Cohort.objects.for_course(english_course(slug)).order_by("language")


def test_cohorts_exist_in_both_languages(demo):
    assert set(Cohort.objects.values_list("language", flat=True)) == {"en", "es", "pt"}
    care = cohorts_of("decent-work-care-economy")
    assert [(c.language, c.enrolment_mode) for c in care] == [
        ("en", "application"),
        ("es", "application"),
    ]
    gbv = {c.language: c for c in cohorts_of("gender-based-violence-at-work")}
    assert set(gbv) == {"en", "es"}
    assert gbv["es"].enrolment_mode == gbv["en"].enrolment_mode == "invitation"
    assert gbv["es"].invitation_code
    assert list(gbv["es"].tutors.values_list("email", flat=True)) == ["tutor@aula.example"]
    self_paced, self_paced_pt = cohorts_of("intro-gender-diversity-human-rights")
    assert (self_paced.language, self_paced_pt.language) == ("en", "pt")
    assert self_paced.enrolment_mode == self_paced_pt.enrolment_mode == "open"
    assert self_paced.starts_on is self_paced.ends_on is self_paced.capacity is None
    assert self_paced.is_enrolment_open()
    (series,) = cohorts_of("professionalising-care-series")
    assert series.enrolment_mode == "open" and series.is_enrolment_open()
    for cohort in Cohort.objects.all():
        cohort.full_clean()
        # Each cohort hangs on the course page in its own language.
        assert cohort.course.locale.language_code == cohort.language


def test_care_economy_course_asks_application_questions_in_both_languages(demo):
    english = english_course("decent-work-care-economy")
    spanish = english.get_translation(Locale.objects.get(language_code="es")).specific
    english_questions = list(english.application_questions.values_list("text", flat=True))
    spanish_questions = list(spanish.application_questions.values_list("text", flat=True))
    assert 2 <= len(english_questions) == len(spanish_questions) <= 3
    assert english_questions != spanish_questions
    # Editors see them: they are in the published revision, not only in the database.
    revision = english.get_latest_revision_as_object()
    assert [q.text for q in revision.application_questions.all()] == english_questions


def test_some_applications_wait_for_review(demo):
    waiting = Enrolment.objects.filter(status=EnrolmentStatus.APPLIED)
    assert waiting.count() >= 3
    assert {e.cohort.language for e in waiting} == {"en", "es"}
    for enrolment in waiting:
        assert enrolment.application_answers
        assert all(item["question"] for item in enrolment.application_answers)
    approved = Enrolment.objects.filter(
        status=EnrolmentStatus.ACTIVE, cohort__enrolment_mode="application"
    )
    assert approved.exists()
    assert all(e.decided_by.email == "admin@aula.example" for e in approved)


def test_the_tutor_has_applications_to_review(demo):
    tutor = get_user_model().objects.get(email="tutor@aula.example")
    assert tutor.groups.filter(name="Tutors").exists()
    mine = Enrolment.objects.for_tutor(tutor)
    assert mine.filter(status=EnrolmentStatus.APPLIED).exists()
    assert not mine.filter(cohort__tutors__isnull=True).exists()


def test_demo_learners_have_profiles_across_the_region(demo):
    profiles = LearnerProfile.objects.filter(
        user__email__in=[spec.email for spec in content_people.LEARNERS]
    )
    assert profiles.count() == len(content_people.LEARNERS) >= 18
    assert all(profile.is_complete for profile in profiles)
    countries = set(profiles.values_list("country", flat=True))
    assert {"UY", "CL", "CO", "PE", "MX", "CR"} <= countries  # ISO codes (django-countries)
    assert {"DO", "ES"} <= countries
    assert len(set(profiles.values_list("organisation", flat=True))) >= 8
    assert set(profiles.values_list("preferred_language", flat=True)) == {"en", "es", "pt"}


def test_demo_learner_is_enrolled_in_two_courses(demo):
    """One of them may be completed already: the webinar series completes on attendance."""
    user = get_user_model().objects.get(email="learner@aula.example")
    enrolments = Enrolment.objects.filter(
        learner=user, status__in=[EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED]
    )
    assert enrolments.count() == 2
    assert enrolments.filter(status=EnrolmentStatus.ACTIVE).exists()
    assert len({e.cohort.course.translation_key for e in enrolments}) == 2
    assert user.profile.is_complete


def test_demo_progress_has_finished_halfway_and_inactive_learners(demo):
    seated = Enrolment.objects.filter(
        status__in=[EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED]
    )
    assert seated.filter(status=EnrolmentStatus.COMPLETED, progress_percent=100).exists()
    assert seated.filter(
        status=EnrolmentStatus.ACTIVE, progress_percent__gt=0, progress_percent__lt=100
    ).exists()
    weeks_ago = timezone.now() - timedelta(days=14)
    assert seated.filter(status=EnrolmentStatus.ACTIVE, last_activity_at__lt=weeks_ago).exists()
    assert QuizAttempt.objects.filter(passed=False).exists()  # some stumbled first
    assert Reflection.objects.exists()


def test_demo_learners_can_log_in(demo):
    spec = content_people.LEARNERS[0]
    user = authenticate(username=spec.email, password=DEMO_PASSWORD)
    assert user is not None
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()


# --- users ---------------------------------------------------------------------------------


@pytest.mark.parametrize("demo_user", DEMO_USERS, ids=lambda user: user.role)
def test_demo_user_can_log_in_with_the_demo_password(demo, demo_user):
    user = authenticate(username=demo_user.email, password=DEMO_PASSWORD)
    assert user is not None
    assert user.email == demo_user.email
    assert user.first_name and user.last_name
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()


def test_roles_have_their_permissions(demo):
    users = {user.email.split("@")[0]: user for user in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    assert users["editor"].is_staff and not users["editor"].is_superuser
    assert users["editor"].groups.filter(name="Editors").exists()
    assert not users["tutor"].is_staff
    assert not users["learner"].is_staff


def test_second_run_keeps_a_changed_password(demo):
    user = get_user_model().objects.get(email="learner@aula.example")
    user.set_password("a-new-secret-phrase")
    user.save()
    call_command("seed_demo", stdout=StringIO())
    user.refresh_from_db()
    assert user.check_password("a-new-secret-phrase")


def test_print_logins_prints_accounts_and_builds_nothing(monkeypatch):
    def fail():
        raise AssertionError("--print-logins must not build the site")

    monkeypatch.setattr("learners.management.commands.seed_demo.build_demo", fail)
    out = StringIO()
    call_command("seed_demo", "--print-logins", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(DEMO_USERS)
    for line, demo_user in zip(lines, DEMO_USERS, strict=True):
        assert line.split() == [demo_user.role, demo_user.email, DEMO_PASSWORD]


# --- the Spanish copy is complete (no database needed) ---------------------------------------


def all_english_specs():
    yield content_en.HOME
    yield content_en.CATALOGUE
    for course in content_en.COURSES:
        yield course
        yield from course["outline"]


def stream_shape(stream):
    """Block types, and for quizzes the pass mark and which answers are correct."""
    shape = []
    for block in stream:
        value = block["value"]
        if block["type"] == "quiz":
            answers = [
                [choice["is_correct"] for choice in question["choices"]]
                for question in value["questions"]
            ]
            shape.append(("quiz", value["pass_mark"], answers))
        elif block["type"] == "callout":
            shape.append(("callout", value["kind"]))
        else:
            shape.append(block["type"])
    return shape


def test_english_slugs_are_unique():
    slugs = [spec["slug"] for spec in all_english_specs()]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("spec", list(all_english_specs()), ids=lambda spec: spec["slug"])
def test_every_page_has_a_complete_spanish_copy(spec):
    spanish = content_es.TRANSLATIONS[spec["slug"]]
    assert set(spanish) == set(spec) - NOT_TRANSLATED
    for key in ("outcomes", "competencies", "support_links", "speakers", "materials"):
        if key in spec:
            assert len(spanish[key]) == len(spec[key]), key
    for key in ("summary", "overview", "introduction", "agenda"):
        if spec.get(key):
            assert spanish[key] != spec[key], key
    if "body" in spec:
        assert stream_shape(spanish["body"]) == stream_shape(spec["body"])
        assert spanish["body"] != spec["body"]


def test_no_spanish_copy_without_an_english_page():
    assert set(content_es.TRANSLATIONS) == {spec["slug"] for spec in all_english_specs()}
