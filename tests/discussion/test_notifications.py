"""Notifications in each reader's language: tutors hear of new questions at once or in the
daily summary (their choice), participants get a daily summary of replies with a one-click
unsubscribe per thread; subjects of a sensitive course are neutral; unread counts."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from learners.discussion import emails, services
from learners.discussion.models import NotificationPreference, QuestionAlerts, Subscription
from learners.discussion.selectors import unread_counts
from tests.discussion.conftest import client_for, thread_url
from tests.factories import publish_course


def _later():
    return timezone.now() + timedelta(minutes=5)


def test_digest_of_replies_is_in_the_readers_language_with_an_unsubscribe_link(
    cohort, ana, beto, tutor
):
    ana.profile.preferred_language = "es"
    ana.profile.save()
    thread = services.create_thread(cohort=cohort, author=ana, title="Plazos", body="¿Cuándo?")
    services.reply(thread=thread, author=tutor, body="El viernes.", moderator=True)
    services.reply(thread=thread, author=beto, body="Gracias.")
    mail.outbox.clear()
    assert emails.send_digests(now=_later()) >= 1
    [message] = [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert message.subject == "Su resumen del foro"
    assert "Nuevas respuestas en los hilos que sigue:" in message.body
    assert "Plazos" in message.body and "2 respuestas nuevas" in message.body
    assert f"http://testserver/es/learn/cohorts/{cohort.pk}/discussion/{thread.pk}/" in message.body
    assert "http://testserver/es/learn/discussion/unsubscribe/" in message.body
    # Nothing new: no second summary.
    mail.outbox.clear()
    emails.send_digests(now=_later() + timedelta(minutes=1))
    assert not [m for m in mail.outbox if m.to == ["ana@example.org"]]


def test_unsubscribe_link_stops_the_emails_about_that_thread(client, cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=ana, title="Stop", body="x")
    subscription = Subscription.objects.get(thread=thread, user=ana)
    url = f"/en/learn/discussion/unsubscribe/{emails.unsubscribe_token(subscription.pk)}/"
    page = client.get(url)  # no login needed
    assert page.status_code == 200 and "Stop these emails" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None  # a GET changes nothing
    assert client.post(url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    services.reply(thread=thread, author=beto, body="Reply")
    mail.outbox.clear()
    emails.send_digests(now=_later())
    assert not [m for m in mail.outbox if m.to == ["ana@example.org"]]
    assert client.get("/en/learn/discussion/unsubscribe/forged/").status_code == 404


def test_tutor_gets_new_questions_at_once_when_they_choose_it(
    cohort, ana, tutor, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=tutor, question_alerts=QuestionAlerts.IMMEDIATE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.create_thread(
            cohort=cohort, author=ana, title="Urgent doubt", body="?", is_question=True
        )
    [message] = mail.outbox
    assert message.to == ["tutor@example.org"]
    assert message.subject == "New question in Decent work in the care economy"
    assert "Urgent doubt" in message.body
    assert thread_url(thread) in message.body


def test_tutor_gets_new_questions_in_the_daily_summary_by_default(cohort, ana, tutor):
    mail.outbox.clear()
    services.create_thread(
        cohort=cohort, author=ana, title="Slow doubt", body="?", is_question=True
    )
    assert not mail.outbox  # no immediate alert
    emails.send_digests(now=_later())
    [message] = [m for m in mail.outbox if m.to == ["tutor@example.org"]]
    assert "New questions for you:" in message.body and "Slow doubt" in message.body


def test_subjects_of_a_sensitive_course_are_neutral(
    course, cohort, ana, beto, tutor, django_capture_on_commit_callbacks
):
    publish_course(course, sensitive=True, title="Violence at work")
    NotificationPreference.objects.create(user=tutor, question_alerts=QuestionAlerts.IMMEDIATE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.create_thread(
            cohort=cohort, author=ana, title="Help", body="?", is_private=True
        )
    services.reply(thread=thread, author=tutor, body="Here", moderator=True)
    emails.send_digests(now=_later())
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["A new question from your cohort", "An update about your course"]
    for message in mail.outbox:
        assert "Violence" not in message.subject
        assert message.subject in ("A new question from your cohort", "An update about your course")


def test_a_learner_who_left_gets_no_summary(cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=ana, title="Bye", body="x")
    services.reply(thread=thread, author=beto, body="Reply")
    ana.enrolments.update(status="withdrawn")
    mail.outbox.clear()
    emails.send_digests(now=_later())
    assert not [m for m in mail.outbox if m.to == ["ana@example.org"]]


def test_unread_counts_clear_when_the_thread_is_read(cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=beto, title="News", body="x")
    assert unread_counts(user=ana, learner_cohort_ids=[cohort.pk]) == {cohort.pk: 1}
    assert unread_counts(user=beto, learner_cohort_ids=[cohort.pk]) == {}
    client_for(ana).get(thread_url(thread))
    assert unread_counts(user=ana, learner_cohort_ids=[cohort.pk]) == {}
    services.reply(thread=thread, author=beto, body="More", now=_later())
    assert unread_counts(user=ana, learner_cohort_ids=[cohort.pk]) == {cohort.pk: 1}
