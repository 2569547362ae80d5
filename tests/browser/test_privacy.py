"""Privacy rights in Chromium: a learner downloads their data (the ZIP is opened and read),
then deletes their account with their password; the tutor's cohort page then shows "Deleted
learner" with the same counts as before. axe-core finds no WCAG 2.2 AA violation on the privacy
notice, the sign-up form with its consent box, the profile, the confirmation page (also after a
wrong password) and the page after deletion, in English and Spanish."""

import json
import zipfile
from dataclasses import dataclass

import pytest

from tests.browser.helpers import WCAG_TAGS, format_violations, log_in, page_problems, run_axe

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # tests.factories.UserFactory's


@dataclass
class PrivacyData:
    learner: object
    tutor: object
    cohort_id: int
    certificate_number: str


@pytest.fixture
def privacy_data(site):
    from courses.models import CourseIndexPage, ModulePage
    from home.models import SiteSettings
    from learners.certificates.services import issue_certificate
    from learners.models import EnrolmentStatus
    from tests.factories import (
        CohortFactory,
        EnrolmentFactory,
        ModuleProgressFactory,
        ReflectionFactory,
        UserFactory,
        build_course,
        learner,
    )

    site_settings = SiteSettings.objects.get()
    site_settings.privacy_notice = "<p>We keep your name, your progress and your certificates.</p>"
    site_settings.privacy_notice_version = 2
    site_settings.save()
    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=2, title="Decent work and the care economy")
    cohort = CohortFactory(course=course, title="March edition")
    tutor = UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")
    cohort.tutors.add(tutor)
    ana = learner(
        email="ana.quispe@example.org", certificate_name="Ana Quispe Mamani", country="PE"
    )
    enrolment = EnrolmentFactory(
        learner=ana,
        cohort=cohort,
        status=EnrolmentStatus.COMPLETED,
        progress_percent=100,
        modules_done=2,
    )
    module = ModulePage.objects.child_of(course).first()
    ModuleProgressFactory(enrolment=enrolment, module=module)
    ReflectionFactory(enrolment=enrolment, module=module, block_id="p1", text="<p>Mi caso.</p>")
    certificate, _created = issue_certificate(enrolment_id=enrolment.pk)
    for n in range(2):
        EnrolmentFactory(
            learner=learner(email=f"other{n}@example.org", certificate_name=f"Other {n}"),
            cohort=cohort,
        )
    return PrivacyData(
        learner=ana, tutor=tutor, cohort_id=cohort.pk, certificate_number=certificate.number
    )


def _facts(page) -> dict[str, str]:
    return dict(
        zip(
            page.locator("dl.facts dt").all_inner_texts(),
            page.locator("dl.facts dd").all_inner_texts(),
            strict=True,
        )
    )


def _no_violations(axe, page):
    violations = run_axe(axe, page, WCAG_TAGS)
    assert not violations, f"{page.url}:\n{format_violations(violations)}"


def test_learner_downloads_their_data_then_deletes_their_account(
    page, live_server, privacy_data, axe, tmp_path
):
    base = live_server.url
    cohort_url = f"{base}/en/tutor/cohorts/{privacy_data.cohort_id}/"
    log_in(page, base, privacy_data.tutor)
    page.goto(cohort_url)
    counts_before = _facts(page)
    assert "Ana Quispe Mamani" in page.locator(".learner-table").inner_text()

    page.context.clear_cookies()
    log_in(page, base, privacy_data.learner)
    page.goto(f"{base}/en/learn/profile/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".zip")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        profile = json.loads(archive.read("profile.json"))
        [enrolment] = json.loads(archive.read("enrolments.json"))
        [reflection] = json.loads(archive.read("reflections.json"))
        pdf = archive.read(f"certificates/{privacy_data.certificate_number}.pdf")
    assert {"profile.csv", "progress.json", "certificates.csv"} <= names
    assert profile["email"] == "ana.quispe@example.org"
    assert enrolment["cohort"] == "March edition"
    assert reflection["text"] == "<p>Mi caso.</p>"
    assert pdf.startswith(b"%PDF")

    page.get_by_role("link", name="Delete my account").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Delete my account"
    page.fill("#id_password", "not my password")
    page.get_by_label("Keep them verifiable", exact=False).check()
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_load_state()
    assert "This is not your password." in page.locator("main").inner_text()
    _no_violations(axe, page)

    page.fill("#id_password", PASSWORD)
    page.get_by_label("Keep them verifiable", exact=False).check()
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Account deleted"
    _no_violations(axe, page)
    page.goto(f"{base}/en/learn/")
    assert "/accounts/login/" in page.url

    page.context.clear_cookies()
    log_in(page, base, privacy_data.tutor)
    page.goto(cohort_url)
    table = page.locator(".learner-table").inner_text()
    assert "Deleted learner" in table
    assert "Ana Quispe" not in table
    assert _facts(page) == counts_before
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize("language", ["en", "es"])
def test_privacy_pages_are_accessible(page, live_server, privacy_data, axe, language):
    base = live_server.url
    problems = []
    for path in (f"/{language}/privacy/", f"/{language}/accounts/signup/"):
        problems += page_problems(page, axe, base + path, phone=False)
    page.goto(f"{base}/{language}/accounts/signup/")
    assert page.locator("input[name=accept_privacy_notice]").count() == 1
    log_in(page, base, privacy_data.learner)
    for path in (f"/{language}/learn/profile/", f"/{language}/learn/profile/delete/"):
        problems += page_problems(page, axe, base + path, phone=False)
    assert not problems, "\n".join(problems)
    assert not page.console_errors, page.console_errors
