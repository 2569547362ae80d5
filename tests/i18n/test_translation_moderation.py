"""Editors (Wagtail's Editors group, not superusers) translate a course and submit the
translation to the same moderation workflow as any page; moderators approve and publish it;
who may publish is Wagtail's page permissions."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from courses.models import CoursePage
from tests.i18n.translating import (
    OUTCOMES,
    SPANISH,
    bilingual_site,
    client_for,
    member_of,
    start_translation,
    translate_strings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return bilingual_site()


def spanish_copy(site) -> CoursePage:
    return CoursePage.objects.get(translation_key=site.course.translation_key, locale=site.spanish)


def editor_props(response) -> dict:
    """The props wagtail-localize's translation editor (React) is given."""
    match = re.search(r'data-props="([^"]*)"', response.content.decode())
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def submit(client, translation):
    return client.post(reverse("courses_submit_translation", args=[translation.pk]))


def test_editor_has_the_permission_to_translate_and_may_not_publish(site):
    editor = member_of("Editors")
    assert editor.has_perm("wagtail_localize.submit_translation")
    client = client_for(editor)
    start_translation(client, site.course, site.spanish)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[spanish_copy(site).pk]))

    assert response.status_code == 200
    assert editor_props(response)["perms"]["canPublish"] is False
    html = response.content.decode()
    assert reverse("courses_submit_translation", args=[1]).rsplit("1", 1)[0] in html
    assert "Submit to Moderators approval" in html


def test_editor_cannot_publish_a_translation_directly(site):
    client = client_for(member_of("Editors"))
    translation = start_translation(client, site.course, site.spanish)
    translate_strings(client, translation, SPANISH)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[spanish_copy(site).pk]), {"action": "publish"}
    )

    # Wagtail's admin answers a refused permission with its dashboard and a message.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not spanish_copy(site).live


def test_an_incomplete_translation_is_not_submitted(site):
    client = client_for(member_of("Editors"))
    translation = start_translation(client, site.course, site.spanish)
    translate_strings(client, translation, dict(list(SPANISH.items())[:2]))

    response = submit(client, translation)

    assert response.status_code == 302
    assert not WorkflowState.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("not translated yet" in message for message in messages)


def test_editor_submits_and_moderator_approves_the_translation(
    site, client, django_capture_on_commit_callbacks
):
    editor = member_of("Editors")
    editor_client = client_for(editor)
    translation = start_translation(editor_client, site.course, site.spanish)
    translate_strings(editor_client, translation, SPANISH)

    response = submit(editor_client, translation)

    assert response.status_code == 302
    copy = spanish_copy(site)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    state = WorkflowState.objects.get(object_id=str(copy.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert not copy.live  # waiting for the moderators: nothing published yet
    assert client.get("/es/courses/").content.decode().count("Trabajo decente") == 0
    # A second submission while it waits is refused.
    submit(editor_client, translation)
    assert WorkflowState.objects.filter(object_id=str(copy.pk)).count() == 1

    moderator = client_for(member_of("Moderators"))
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[copy.pk, "approve", task_state.pk],
            ),
            {"comment": ""},
        )
    assert response.status_code == 302

    copy = spanish_copy(site)
    assert copy.live
    assert copy.slug == "trabajo-decente-cuidado"
    assert [item.text for item in copy.outcomes.all()] == list(OUTCOMES.values())
    page = client.get("/es/courses/trabajo-decente-cuidado/")
    assert page.status_code == 200
    for spanish in OUTCOMES.values():
        assert spanish in page.content.decode()


def test_a_person_without_page_permissions_cannot_submit(site):
    editor = client_for(member_of("Editors"))
    translation = start_translation(editor, site.course, site.spanish)
    translate_strings(editor, translation, SPANISH)
    tutor = client_for(member_of("Tutors"))

    response = submit(tutor, translation)

    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not WorkflowState.objects.exists()


def test_submitting_needs_a_post(site):
    editor = client_for(member_of("Editors"))
    translation = start_translation(editor, site.course, site.spanish)

    response = editor.get(reverse("courses_submit_translation", args=[translation.pk]))
    assert response.status_code == 405


def test_moderator_publishes_a_translation_from_the_translation_editor(
    site, django_capture_on_commit_callbacks
):
    moderator = client_for(member_of("Moderators"))
    translation = start_translation(moderator, site.course, site.spanish)
    translate_strings(moderator, translation, SPANISH)
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish_copy(site).pk])
    assert editor_props(moderator.get(edit_url))["perms"]["canPublish"] is True

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(edit_url, {"action": "publish"})

    assert response.status_code == 302
    copy = spanish_copy(site)
    assert copy.live
    assert [item.text for item in copy.outcomes.all()] == list(OUTCOMES.values())
