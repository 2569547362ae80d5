"""Every page type: where it may live, that it routes and renders, and that editors can create
it through the Wagtail admin with its inlines and StreamField blocks."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.blocks import QuizQuestionBlock
from courses.models import CourseIndexPage, CoursePage, LiveSessionPage, ModulePage
from home.models import HomePage
from tests.factories import (
    CoursePageFactory,
    HomePageFactory,
    LiveSessionPageFactory,
    ModulePageFactory,
    build_site,
    translate_page,
)

# Course content renders here without any learner; access to modules is tested in
# tests/learners/test_module_access.py.
pytestmark = pytest.mark.usefixtures("modules_open")

ALL_PAGE_TYPES = (Page, HomePage, CourseIndexPage, CoursePage, ModulePage, LiveSessionPage)


def list_block(items):
    """ListBlock form data (the ``streamfield`` helper's counterpart for list blocks)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def quiz_value(*, correct=True):
    return {
        "title": "Check your understanding",
        "pass_mark": "70",
        "questions": list_block(
            [
                {
                    "prompt": "Which R stands for making care work visible?",
                    "choices": list_block(
                        [
                            {"text": "Recognise", **({"is_correct": "on"} if correct else {})},
                            {"text": "Reduce"},
                        ]
                    ),
                    "explanation": "Recognition comes first.",
                }
            ]
        ),
    }


def promote_fields(**extra):
    return {
        "seo_title": "",
        "search_description": "",
        "listing_title": "",
        "listing_summary": "",
        **extra,
    }


def course_form_data(**overrides):
    data = {
        "title": "Care work and the economy",
        "slug": "care-work-and-the-economy",
        "summary": "What unpaid care work is and why it matters.",
        "overview": rich_text("<p>The 5R framework.</p>"),
        "audience": rich_text("<p>Union representatives.</p>"),
        "topic": "care-economy",
        "format": "blended",
        "effort_hours": "20",
        "duration_weeks": "4",
        "organisers": "",
        "content_note": rich_text(""),
        "outcomes": inline_formset([{"text": "Explain the 5R framework."}], min=1),
        "competencies": inline_formset([{"title": "Care policy", "description": ""}]),
        "support_links": inline_formset([]),
        "application_questions": inline_formset(
            [{"text": "Why do you want to take this course?", "help_text": "", "required": "on"}]
        ),
        "required_modules": inline_formset([]),
        "completion_min_quiz_score": "70",
        "completion_min_attendance": "",
        "certificate_wording": "",
        "comments": inline_formset([]),
        **promote_fields(),
    }
    data.update(overrides)
    return nested_form_data(data)


class AulaPageTestCase(WagtailPageTestCase):
    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        """Wagtail's assertion, with the ``/<lang>/`` prefix that ``i18n_patterns`` adds.

        Wagtail routes ``page.get_url()`` as is from the site root, so ``/en/courses/`` would
        look for a child page with the slug ``en``. Django's URL resolver strips the prefix and
        activates the language before Wagtail routes; do the same here.
        """
        language = page.locale.language_code
        prefix = f"/{language}"
        url = page.get_url(self.dummy_request)
        assert url.startswith(f"{prefix}/"), url
        with (
            translation.override(language),
            mock.patch.object(page, "get_url", lambda *args, **kwargs: url[len(prefix) :]),
        ):
            super().assertPageIsRoutable(page, route_path, msg)


class PageTreeRulesTests(AulaPageTestCase):
    """Explicit tree rules: each type lives only where the design says."""

    def test_home_page_only_at_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        for parent in (HomePage, CourseIndexPage, CoursePage, ModulePage, LiveSessionPage):
            self.assertCanNotCreateAt(parent, HomePage)

    def test_catalogue_only_under_a_home_page(self):
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        for parent in (Page, CourseIndexPage, CoursePage, ModulePage, LiveSessionPage):
            self.assertCanNotCreateAt(parent, CourseIndexPage)

    def test_course_only_under_a_catalogue(self):
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        for parent in (Page, HomePage, CoursePage, ModulePage, LiveSessionPage):
            self.assertCanNotCreateAt(parent, CoursePage)

    def test_module_only_under_a_course(self):
        self.assertCanCreateAt(CoursePage, ModulePage)
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        for parent in (Page, HomePage, CourseIndexPage, ModulePage, LiveSessionPage):
            self.assertCanNotCreateAt(parent, ModulePage)

    def test_live_session_only_under_a_course(self):
        self.assertCanCreateAt(CoursePage, LiveSessionPage)
        self.assertAllowedParentPageTypes(LiveSessionPage, {CoursePage})
        for parent in (Page, HomePage, CourseIndexPage, ModulePage, LiveSessionPage):
            self.assertCanNotCreateAt(parent, LiveSessionPage)

    def test_modules_and_live_sessions_have_no_children(self):
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertAllowedSubpageTypes(LiveSessionPage, set())

    def test_course_takes_only_modules_and_live_sessions(self):
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage, LiveSessionPage})

    def test_at_most_one_catalogue_per_home_page(self):
        tree = build_site()
        other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="second-home")
        self.assertTrue(CourseIndexPage.can_create_at(other_home))
        self.assertFalse(CourseIndexPage.can_create_at(tree.home))

    def test_home_page_only_directly_under_the_root(self):
        tree = build_site()
        self.assertTrue(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertFalse(HomePage.can_create_at(tree.home))


class PageRoutingAndRenderingTests(AulaPageTestCase):
    """Every page type is reachable at its URL and renders without error, in both languages."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.course = CoursePageFactory(parent=cls.tree.catalogue, slug="care")
        cls.module = ModulePageFactory(
            parent=cls.course,
            slug="unpaid-care",
            body=[
                {"type": "paragraph", "value": "<p>Care work.</p>"},
                {
                    "type": "quiz",
                    "value": {
                        "title": "Check your understanding",
                        "pass_mark": 70,
                        "questions": [
                            {
                                "prompt": "Who does most unpaid care work?",
                                "explanation": "",
                                "choices": [
                                    {"text": "Women", "is_correct": True},
                                    {"text": "Men", "is_correct": False},
                                ],
                            }
                        ],
                    },
                },
            ],
        )
        cls.session = LiveSessionPageFactory(parent=cls.course, slug="opening-session")

    def setUp(self):
        # WagtailPageTestCase shares one dummy request per class, and Wagtail caches the site
        # root paths on it; a fresh one sees the translated home pages created by a test.
        self.dummy_request = get_dummy_request()

    def pages(self):
        return [self.tree.home, self.tree.catalogue, self.course, self.module, self.session]

    def test_every_page_type_is_routable(self):
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)

    def test_every_page_type_is_renderable(self):
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_every_page_type_is_renderable_in_spanish(self):
        home_es = translate_page(self.tree.home, "es", title="Aula")
        catalogue_es = translate_page(self.tree.catalogue, "es", title="Cursos")
        course_es = translate_page(self.course, "es", title="Trabajo de cuidados")
        module_es = translate_page(self.module, "es", title="Cuidados no remunerados")
        session_es = translate_page(self.session, "es", title="Sesión inaugural")
        for page in (home_es, catalogue_es, course_es, module_es, session_es):
            with self.subTest(page=type(page).__name__):
                self.assertTrue(page.url.startswith("/es/"))
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def test_catalogue_is_renderable_with_filters(self):
        self.assertPageIsRenderable(self.tree.catalogue, query_data={"topic": "care-economy"})


class AdminCreationTests(AulaPageTestCase):
    """Editors create each content type in the admin, inlines and StreamField included."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site()
        cls.course = CoursePageFactory(parent=cls.tree.catalogue, slug="existing-course")

    def setUp(self):
        self.login()

    def test_editor_can_create_a_course_with_outcomes(self):
        self.assertCanCreate(self.tree.catalogue, CoursePage, course_form_data())
        course = CoursePage.objects.get(slug="care-work-and-the-economy")
        self.assertTrue(course.live)
        self.assertEqual([o.text for o in course.outcomes.all()], ["Explain the 5R framework."])
        self.assertEqual([c.title for c in course.competencies.all()], ["Care policy"])
        question = course.application_questions.get()
        self.assertEqual(question.text, "Why do you want to take this course?")
        self.assertEqual(course.completion_min_quiz_score, 70)

    def test_editor_can_create_a_sensitive_course_with_a_content_note(self):
        data = course_form_data(
            is_sensitive="on",
            content_note=rich_text("<p>This course discusses violence at work.</p>"),
            support_links=inline_formset(
                [{"title": "Helpline", "url": "https://help.example.org/", "description": ""}]
            ),
        )
        self.assertCanCreate(self.tree.catalogue, CoursePage, data)
        course = CoursePage.objects.get(slug="care-work-and-the-economy")
        self.assertTrue(course.is_sensitive)
        self.assertEqual(course.support_links.count(), 1)

    def test_editor_can_create_a_module_with_a_quiz(self):
        data = nested_form_data(
            {
                "title": "Unpaid care work",
                "slug": "unpaid-care-work",
                "introduction": "Who does the care work?",
                "estimated_minutes": "30",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Care sustains every economy.</p>")),
                        ("quiz", quiz_value()),
                    ]
                ),
                "comments": inline_formset([]),
                **promote_fields(),
            }
        )
        self.assertCanCreate(self.course, ModulePage, data)
        module = ModulePage.objects.get(slug="unpaid-care-work")
        self.assertEqual([block.block_type for block in module.body], ["paragraph", "quiz"])
        question = module.body[1].value["questions"][0]
        self.assertEqual([c["is_correct"] for c in question["choices"]], [True, False])

    def test_editor_can_create_a_live_session_with_speakers(self):
        data = nested_form_data(
            {
                "title": "Opening session",
                "slug": "opening-session",
                "introduction": "",
                "duration_minutes": "90",
                "agenda": rich_text("<p>Welcome and presentations.</p>"),
                "speakers": inline_formset(
                    [
                        {"name": "Ana Pérez", "role": "Economist", "organisation": "ILO"},
                        {"name": "Lucía Gómez", "role": "", "organisation": ""},
                    ]
                ),
                "materials": streamfield(
                    [("link", {"title": "Report", "url": "https://example.org/report"})]
                ),
                "recording_url": "",
                "comments": inline_formset([]),
                **promote_fields(),
            }
        )
        self.assertCanCreate(self.course, LiveSessionPage, data)
        session = LiveSessionPage.objects.get(slug="opening-session")
        self.assertEqual([s.name for s in session.speakers.all()], ["Ana Pérez", "Lucía Gómez"])

    def test_admin_refuses_a_quiz_question_with_no_correct_answer(self):
        data = nested_form_data(
            {
                "title": "Unmarked quiz",
                "slug": "unmarked-quiz",
                "introduction": "",
                "estimated_minutes": "30",
                "body": streamfield([("quiz", quiz_value(correct=False))]),
                "comments": inline_formset([]),
                **promote_fields(),
            }
        )
        with self.assertRaisesMessage(AssertionError, "body"):
            self.assertCanCreate(self.course, ModulePage, data)
        self.assertFalse(ModulePage.objects.filter(slug="unmarked-quiz").exists())

    def test_admin_refuses_a_sensitive_course_without_a_content_note(self):
        data = course_form_data(is_sensitive="on")
        with self.assertRaisesMessage(AssertionError, "content_note"):
            self.assertCanCreate(self.tree.catalogue, CoursePage, data)
        self.assertFalse(CoursePage.objects.filter(slug="care-work-and-the-economy").exists())


def test_quiz_question_with_no_correct_answer_is_refused():
    block = QuizQuestionBlock()
    value = block.to_python(
        {
            "prompt": "Which R stands for making care work visible?",
            "choices": [
                {"text": "Recognise", "is_correct": False},
                {"text": "Reduce", "is_correct": False},
            ],
            "explanation": "",
        }
    )
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert "choices" in excinfo.value.block_errors


def test_quiz_question_with_a_correct_answer_is_accepted():
    block = QuizQuestionBlock()
    value = block.to_python(
        {
            "prompt": "Which R stands for making care work visible?",
            "choices": [
                {"text": "Recognise", "is_correct": True},
                {"text": "Reduce", "is_correct": False},
            ],
            "explanation": "",
        }
    )
    assert block.clean(value)["prompt"].startswith("Which R")


def test_sensitive_course_without_content_note_is_refused():
    course = CoursePage(
        title="Violence at work",
        slug="violence",
        summary="Recognising violence and harassment.",
        topic="gender-violence",
        format="tutored",
        effort_hours=10,
        is_sensitive=True,
        content_note="",
    )
    with pytest.raises(ValidationError) as excinfo:
        course.clean()
    assert "content_note" in excinfo.value.message_dict


def test_sensitive_course_with_content_note_is_accepted():
    course = CoursePage(
        title="Violence at work",
        slug="violence",
        summary="Recognising violence and harassment.",
        topic="gender-violence",
        format="tutored",
        effort_hours=10,
        is_sensitive=True,
        content_note="<p>This course discusses violence.</p>",
    )
    course.clean()


def test_sensitive_course_with_an_empty_rich_text_note_is_refused():
    course = CoursePage(
        title="Violence at work",
        slug="violence",
        summary="Recognising violence and harassment.",
        topic="gender-violence",
        format="tutored",
        effort_hours=10,
        is_sensitive=True,
        content_note='<p data-block-key="a1b2c"> </p>',
    )
    with pytest.raises(ValidationError) as excinfo:
        course.clean()
    assert "content_note" in excinfo.value.message_dict


def test_course_that_is_not_sensitive_needs_no_content_note():
    course = CoursePage(
        title="Care work",
        slug="care",
        summary="Unpaid care work.",
        topic="care-economy",
        format="blended",
        effort_hours=10,
        is_sensitive=False,
    )
    course.clean()
