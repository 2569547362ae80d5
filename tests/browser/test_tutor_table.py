"""The tutor's learner table in Chromium, with names and organisations as long as the demo's:

- at 1,280 px every column is visible: each header cell's box lies inside the viewport and the
  table needs no sideways scroll ("Last activity" and "Status" with its at-risk badge included);
- names wrap between words only, never inside one ("Yolanda", not "Yoland a");
- at 360 px the table scrolls inside its own region with the name column kept in view, and the
  page itself does not scroll sideways;
- axe-core finds no WCAG 2.2 AA violation at 1,280 and 360 px, charts included.
"""

from dataclasses import dataclass

import pytest

from tests.browser.helpers import DESKTOP, MOBILE, WCAG_TAGS, format_violations, log_in, run_axe

pytestmark = pytest.mark.browser

LONG_ORGANISATION = (
    "Ministry of Rural Transformation, Community Development, Labour and Local Government"
)
PEOPLE = [
    ("Yolanda Pérez", "DO", "Ministerio de Trabajo (República Dominicana)"),
    ("Daniel Thompson", "BZ", LONG_ORGANISATION),
    ("Guadalupe Hernández Villaseñor", "MX", "Secretaría del Trabajo y Previsión Social"),
    ("Natasha Greaves", "BB", "Ministry of Labour, Social Security and Third Sector"),
    ("Joaquín Herrera", "CL", "Dirección del Trabajo"),
    ("Maria Alves", "BR", "Ministério do Trabalho e Emprego"),
]


@dataclass
class TableData:
    tutor: object
    cohort_id: int


@pytest.fixture
def table_data(site):
    from datetime import timedelta

    from django.utils import timezone

    from courses.models import CourseIndexPage
    from learners.models import Enrolment
    from tests.factories import CohortFactory, UserFactory, build_course, learner

    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    course = build_course(catalogue, modules=4, title="Gender-based violence at work")
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        title="Spanish edition for ministries of labour",
        starts_on=today - timedelta(days=42),
        ends_on=today + timedelta(days=27),
    )
    tutor = UserFactory(email="tutor@example.org", first_name="Lucía", last_name="Ramírez")
    cohort.tutors.add(tutor)
    now = timezone.now()
    for n, (name, country, organisation) in enumerate(PEOPLE):
        person = learner(
            email=f"learner{n}@example.org",
            certificate_name=name,
            country=country,
            organisation=organisation,
        )
        Enrolment.objects.create(
            learner=person,
            cohort=cohort,
            status="active",
            progress_percent=(0, 25, 50, 75, 75, 100)[n],
            modules_done=n % 4,
            quiz_average=None if n == 0 else 70 + n,
            sessions_attended=n % 3,
            last_activity_at=now - timedelta(days=(30, 1, 21, 3, 9, 2)[n]),
        )
    return TableData(tutor=tutor, cohort_id=cohort.pk)


def _open(page, live_server, data, language="en"):
    log_in(page, live_server.url, data.tutor)
    response = page.goto(f"{live_server.url}/{language}/tutor/cohorts/{data.cohort_id}/")
    assert response.status == 200


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_column_is_visible_at_1280_px(page, live_server, table_data, language, tmp_path):
    page.set_viewport_size(DESKTOP)
    _open(page, live_server, table_data, language)
    headers = page.locator(".learner-table thead th")
    assert headers.count() >= 9
    width = page.viewport_size["width"]
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        text = headers.nth(index).inner_text()
        assert box is not None, text
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (text, box)
    region = page.evaluate(
        """() => {
            const region = document.querySelector(".table-scroll");
            return {scroll: region.scrollWidth, client: region.clientWidth,
                    page: document.scrollingElement.scrollWidth};
        }"""
    )
    assert region["scroll"] <= region["client"], region  # no sideways scroll needed
    assert region["page"] <= width, region
    # "Status" with the at-risk badge, in full.
    badge = page.locator(".learner-table .badge--risk").first.bounding_box()
    assert badge["x"] + badge["width"] <= width
    shot = tmp_path / f"tutor-table-1280-{language}.png"  # kept for a look when it fails
    page.locator(".table-scroll").screenshot(path=str(shot))
    assert shot.stat().st_size > 0


def test_names_wrap_between_words_never_inside_one(page, live_server, table_data):
    page.set_viewport_size(MOBILE)
    _open(page, live_server, table_data)
    broken = page.evaluate(
        """() => {
            const broken = [];
            for (const link of document.querySelectorAll(".learner-table tbody th a")) {
                const text = link.firstChild;
                let start = 0;
                for (const word of text.data.split(" ")) {
                    const range = document.createRange();
                    range.setStart(text, start);
                    range.setEnd(text, start + word.length);
                    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                    if (tops.size > 1) broken.push(word);
                    start += word.length + 1;
                }
            }
            return broken;
        }"""
    )
    assert broken == []


def test_at_360_px_the_table_scrolls_in_its_region_with_the_names_in_view(
    page, live_server, table_data
):
    page.set_viewport_size(MOBILE)
    _open(page, live_server, table_data)
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= MOBILE["width"]
    before = page.locator(".learner-table tbody th").first.bounding_box()
    page.evaluate("() => { document.querySelector('.table-scroll').scrollLeft = 400; }")
    scrolled = page.evaluate("() => document.querySelector('.table-scroll').scrollLeft")
    assert scrolled > 0  # the table is wider than the phone: it scrolls in its region
    after = page.locator(".learner-table tbody th").first.bounding_box()
    assert after["x"] == pytest.approx(before["x"], abs=1)  # the name stays in view
    country = page.locator(".learner-table tbody td").first.bounding_box()
    assert country["x"] < before["x"] + before["width"]  # the other columns pass under it


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "360"])
def test_the_table_and_charts_pass_axe(page, live_server, table_data, axe, language, viewport):
    page.set_viewport_size(viewport)
    _open(page, live_server, table_data, language)
    assert page.locator("svg.chart__svg[role='img']").count() == 2
    page.locator(".chart__data summary").first.click()  # the figures' table, open
    violations = run_axe(axe, page, WCAG_TAGS)
    assert not violations, format_violations(violations)
    assert not page.console_errors, page.console_errors
