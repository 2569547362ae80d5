"""An editor (Wagtail's Editors group, not a superuser) translates a course with learning
outcomes and competencies into Spanish in wagtail-localize's translation editor, submits it to
the moderation workflow; a moderator approves it; every outcome is then in Spanish on /es/."""

import re

import pytest

from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

OUTCOMES = {
    "Explain paid and unpaid care work.": "Explicar el trabajo de cuidados remunerado.",
    "Use the 5R framework to analyse a policy.": "Usar el marco de las 5R para analizar políticas.",
    "Propose one measure for your institution.": "Proponer una medida para su institución.",
}
COMPETENCIES = {
    "Care policy analysis": "Análisis de políticas de cuidado",
    "Reads a care policy critically.": "Lee críticamente una política de cuidados.",
    "Gender-responsive budgeting": "Presupuestos con perspectiva de género",
}
CONTENT = {
    "Care systems in practice": "Sistemas de cuidado en la práctica",
    "How countries organise care.": "Cómo organizan los países los cuidados.",
    **OUTCOMES,
    **COMPETENCIES,
}
PROMOTE = {"care-systems": "sistemas-de-cuidado"}


@pytest.fixture
def course(site):
    """An English course with three outcomes and two competencies, not yet in Spanish (the
    Spanish catalogue exists)."""
    from courses.models import CourseCompetency, CourseIndexPage, CourseLearningOutcome
    from tests.factories import build_course

    catalogue = CourseIndexPage.objects.get(locale__language_code="en")
    return build_course(
        catalogue,
        modules=0,
        title="Care systems in practice",
        slug="care-systems",
        summary="How countries organise care.",
        outcomes=[CourseLearningOutcome(text=text) for text in OUTCOMES],
        competencies=[
            CourseCompetency(
                title="Care policy analysis", description="Reads a care policy critically."
            ),
            CourseCompetency(title="Gender-responsive budgeting"),
        ],
    )


def staff_member(group: str, email: str):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def translate_segments(tab, texts: dict[str, str]) -> None:
    """Type each translation in the translation editor: "Translate", the text, Enter (saves).

    The editor shows a segment as translated before the server has saved it: each save's answer
    is awaited (and must be a success) before the next segment is typed."""
    for english, spanish in texts.items():
        segment = tab.locator("li.incomplete", has_text=english).first
        segment.get_by_role("button", name="Translate").click()
        box = segment.locator("textarea")
        box.fill(spanish)
        with tab.expect_response(re.compile(r"/admin/localize/translate/\d+/strings/")) as saved:
            box.press("Enter")
        assert saved.value.ok, f"saving {spanish!r} answered {saved.value.status}"
        tab.locator("li.complete", has_text=spanish).first.wait_for()


def test_editor_translates_submits_and_moderator_approves(page, site, course):
    from courses.models import CoursePage

    editor = staff_member("Editors", "editor@example.org")
    log_in(page, site.base, editor)

    # The page's "Translate" action: wagtail-localize's form, Spanish ticked.
    page.goto(f"{site.base}/admin/localize/submit/page/{course.pk}/")
    page.get_by_label("Spanish").check()
    page.get_by_role("button", name=re.compile("Submit")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))

    # The translation editor: every text of the content, then the slug under "Promote".
    translate_segments(page, CONTENT)
    page.get_by_role("tab", name="Promote").click()
    translate_segments(page, PROMOTE)
    assert not page.get_by_role("button", name=re.compile("Publish in")).count()

    page.reload()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert "submitted for moderation" in page.locator(".messages").inner_text()
    spanish = CoursePage.objects.get(
        translation_key=course.translation_key, locale__language_code="es"
    )
    assert not spanish.live
    assert page.goto(f"{site.base}/es/courses/sistemas-de-cuidado/").status == 404

    # A moderator approves it from the dashboard's "Awaiting your review".
    page.context.clear_cookies()
    log_in(page, site.base, staff_member("Moderators", "moderator@example.org"))
    page.goto(f"{site.base}/admin/")
    review = page.locator("section", has_text="Awaiting your review")
    review.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        review.get_by_role("button", name="Approve", exact=True).click()

    spanish.refresh_from_db()
    assert spanish.live
    page.context.clear_cookies()
    response = page.goto(f"{site.base}/es/courses/sistemas-de-cuidado/")
    assert response.status == 200
    text = page.locator("main").inner_text()
    for english, translated in {**OUTCOMES, **COMPETENCIES}.items():
        assert translated in text
        assert english not in text
    assert page.locator("h1").inner_text().strip() == "Sistemas de cuidado en la práctica"
