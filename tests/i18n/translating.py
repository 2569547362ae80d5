"""What the translation tests share: a bilingual site with a course whose inline items are
filled in, people in Wagtail's Editors and Moderators groups, and translating through
wagtail-localize's own admin endpoints (as its translation editor does)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from courses.models import (
    ApplicationQuestion,
    CourseCompetency,
    CourseLearningOutcome,
    CoursePage,
    CourseSupportLink,
    LiveSessionPage,
    LiveSessionSpeaker,
)
from tests.factories import (
    CoursePageFactory,
    LiveSessionPageFactory,
    UserFactory,
    build_site,
    translate_page,
)

OUTCOMES = {
    "Explain paid and unpaid care work.": "Explicar el trabajo de cuidados remunerado.",
    "Use the 5R framework.": "Utilizar el marco de las 5R.",
}
COMPETENCIES = {
    "Care policy analysis": "Análisis de políticas de cuidado",
    "Reads a care policy critically.": "Lee críticamente una política de cuidados.",
}
SPANISH = {
    "Decent work in the care economy": "Trabajo decente en la economía del cuidado",
    "decent-work-care": "trabajo-decente-cuidado",
    "Care work, measured and valued.": "El trabajo de cuidados, medido y valorado.",
    **OUTCOMES,
    **COMPETENCIES,
    "Care helpline": "Línea de apoyo",
    "Free and confidential.": "Gratuita y confidencial.",
    "Why do you want to take this course?": "¿Por qué quiere hacer este curso?",
    "Two or three sentences.": "Dos o tres frases.",
}


@dataclass
class Bilingual:
    course: CoursePage
    spanish: Locale
    catalogue_es: object


def bilingual_site() -> Bilingual:
    """English home and catalogue with their Spanish translations, and an English course with
    two outcomes, a competency, a support link and an application question (no Spanish yet)."""
    tree = build_site()
    translate_page(tree.home, "es", title="Aula")
    catalogue_es = translate_page(tree.catalogue, "es", title="Cursos")
    course = CoursePageFactory(
        parent=tree.catalogue,
        title="Decent work in the care economy",
        slug="decent-work-care",
        summary="Care work, measured and valued.",
        outcomes=[CourseLearningOutcome(text=text) for text in OUTCOMES],
        competencies=[
            CourseCompetency(
                title="Care policy analysis", description="Reads a care policy critically."
            )
        ],
        support_links=[
            CourseSupportLink(
                title="Care helpline",
                url="https://help.example.org/",
                description="Free and confidential.",
            )
        ],
        application_questions=[
            ApplicationQuestion(
                text="Why do you want to take this course?", help_text="Two or three sentences."
            )
        ],
    )
    return Bilingual(course, Locale.objects.get(language_code="es"), catalogue_es)


def add_session_with_speaker(course: CoursePage) -> LiveSessionPage:
    return LiveSessionPageFactory(
        parent=course,
        title="Opening session",
        speakers=[LiveSessionSpeaker(name="Ana Güezmes", role="Director", organisation="ECLAC")],
    )


def member_of(group_name: str, **fields):
    """A staff account in Wagtail's group ``group_name`` (not a superuser)."""
    user = UserFactory(is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def start_translation(client: Client, page, locale: Locale) -> Translation:
    """The editor's "Translate" action of the page's menu (wagtail-localize)."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.content[:500]
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=locale
    )


def source_segments(translation: Translation):
    return StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )


def translate_strings(client: Client, translation: Translation, texts: dict[str, str]) -> int:
    """Type the Spanish of every string found in ``texts`` into the translation editor (its
    API, as the editor's text boxes do); returns how many were typed."""
    typed = 0
    for segment in source_segments(translation):
        if segment.string.data not in texts:
            continue
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": texts[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content[:500]
        typed += 1
    return typed
