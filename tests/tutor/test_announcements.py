"""Cohort announcements: posted by the cohort's tutor (POST + CSRF), sanitised, saved in one
transaction, emailed after commit to each active learner in their language (neutral subject
for a sensitive course), listed on the cohort page; oversized messages refused, text kept."""

import pytest
from django.core import mail
from django.urls import reverse

from learners.enrolment.announcements import (
    AnnouncementTooLong,
    EmptyAnnouncement,
    post_announcement,
)
from learners.enrolment.sanitize import MAX_LENGTH
from learners.enrolment.tasks import send_announcement_email
from learners.models import Announcement
from tests.factories import EnrolmentFactory, learner, translate_page
from tests.tutor.conftest import add_learners

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<p onclick="alert(1)">para</p>',
    '<iframe src="https://evil.example"></iframe>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<<script>alert(1)//<</script>",
    '<img src="x" /onerror=alert(1)>',
    "<math><mtext></p><script>alert(1)</script></mtext></math>",
    "<b onmouseover=alert(1)>bold</b",
]
DANGEROUS = (
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "<svg",
    "<iframe",
    "data:text",
    "style=",
    "<img",
    "<math",
)


def announce_url(cohort):
    return reverse("tutor_announce", args=[cohort.pk])


@pytest.mark.parametrize("payload", XSS)
def test_xss_payloads_are_neutralised_when_saved_and_rendered(client, tutor, cohort, payload):
    client.force_login(tutor)
    response = client.post(announce_url(cohort), {"subject": "Hello", "body": payload + " ok"})
    # Saved, cleaned, and back to the cohort.
    assert response.status_code == 302
    assert response["Location"] == reverse("tutor_cohort", args=[cohort.pk])
    for announcement in Announcement.objects.all():
        for marker in DANGEROUS:
            assert marker not in announcement.body.lower(), (payload, announcement.body)
    html = client.get(reverse("tutor_cohort", args=[cohort.pk])).content.decode().lower()
    body = html.split('id="announcements"', 1)[1].split("</main>", 1)[0]
    for marker in DANGEROUS:
        assert marker not in body, (payload, marker)


def test_announcement_is_saved_clean_listed_and_emailed_to_active_learners(
    client, tutor, cohort, django_capture_on_commit_callbacks
):
    active = add_learners(cohort, 3)
    add_learners(cohort, 2, status="withdrawn", start=10)
    add_learners(cohort, 1, status="completed", start=20)
    client.force_login(tutor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            announce_url(cohort),
            {"subject": "Session moved", "body": "The session is on <b>Friday</b>.\n\nSee you."},
        )
    assert response.status_code == 302
    assert len(callbacks) == 1
    announcement = Announcement.objects.get()
    assert announcement.recipients == 3
    assert announcement.author == tutor
    assert "<b>Friday</b>" in announcement.body
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.learner.email for e in active)
    message = mail.outbox[0]
    assert message.subject == "Session moved"
    assert "The session is on Friday." in message.body
    assert "<b>" not in message.body
    html = client.get(reverse("tutor_cohort", args=[cohort.pk])).content.decode()
    assert "Session moved" in html and "<b>Friday</b>" in html
    assert "sent to 3 learners" in html


def test_emails_wait_for_the_commit(tutor, cohort, django_capture_on_commit_callbacks):
    add_learners(cohort, 2)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_announcement(cohort=cohort, author=tutor, subject="Hi", body="Hello")
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 2


def test_each_learner_gets_it_once_even_when_the_task_runs_again(
    tutor, cohort, django_capture_on_commit_callbacks
):
    enrolment = add_learners(cohort, 1)[0]
    with django_capture_on_commit_callbacks(execute=True):
        announcement = post_announcement(cohort=cohort, author=tutor, subject="Hi", body="Hi")
    assert len(mail.outbox) == 1
    assert send_announcement_email(announcement.pk, enrolment.pk) is False
    assert len(mail.outbox) == 1


def test_email_is_in_the_learners_language_with_the_course_title_of_the_cohorts_language(
    site_tree, tutor, cohort, django_capture_on_commit_callbacks
):
    """A Spanish-speaking learner in the English cohort: Spanish words, the tutor's subject, and
    the course by the title it has in the cohort she takes (English)."""
    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    translate_page(cohort.course, "es", title="Trabajo decente en la economía del cuidado")
    me = learner(preferred_language="es")
    EnrolmentFactory(learner=me, cohort=cohort)
    with django_capture_on_commit_callbacks(execute=True):
        post_announcement(cohort=cohort, author=tutor, subject="Sesión del viernes", body="Hola")
    message = mail.outbox[0]
    assert message.subject == "Sesión del viernes"
    assert "Un mensaje de su tutora o tutor en «Decent work in the care economy»" in message.body
    assert "Trabajo decente" not in message.body
    assert "/es/learn/" in message.body


def test_sensitive_course_keeps_the_subject_neutral(
    tutor, cohort, django_capture_on_commit_callbacks
):
    course = cohort.course
    course.is_sensitive = True
    course.content_note = "<p>This course discusses violence.</p>"
    course.save()
    add_learners(cohort, 1)
    with django_capture_on_commit_callbacks(execute=True):
        post_announcement(
            cohort=cohort, author=tutor, subject="Harassment case study", body="Read it"
        )
    message = mail.outbox[0]
    assert message.subject == "An update about your course"
    assert "Harassment case study" in message.body  # inside the email only


def test_oversized_message_is_refused_and_the_text_is_shown_again(client, tutor, cohort):
    client.force_login(tutor)
    text = "Palabra " * (MAX_LENGTH // 8 + 10)
    response = client.post(announce_url(cohort), {"subject": "Long one", "body": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The message is too long" in html
    assert text.strip() in html
    assert 'value="Long one"' in html
    assert not Announcement.objects.exists()


def test_empty_fields_are_refused_with_the_text_kept(client, tutor, cohort):
    client.force_login(tutor)
    response = client.post(announce_url(cohort), {"subject": "", "body": "Keep me"})
    assert response.status_code == 400
    assert "Keep me" in response.content.decode()
    assert not Announcement.objects.exists()


def test_service_refuses_oversized_and_empty_messages(tutor, cohort):
    with pytest.raises(AnnouncementTooLong):
        post_announcement(cohort=cohort, author=tutor, subject="x", body="a" * (MAX_LENGTH + 1))
    with pytest.raises(EmptyAnnouncement):
        post_announcement(cohort=cohort, author=tutor, subject="x", body="<script></script>")
    with pytest.raises(EmptyAnnouncement):
        post_announcement(cohort=cohort, author=tutor, subject="  ", body="Hello")
    assert not Announcement.objects.exists()


def test_subject_is_one_line(tutor, cohort):
    announcement = post_announcement(
        cohort=cohort, author=tutor, subject="Hi\r\nBcc: evil@example.org", body="Hello"
    )
    assert "\n" not in announcement.subject and "\r" not in announcement.subject
