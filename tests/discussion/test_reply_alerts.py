"""Participants choose how they hear of replies in the threads they follow: at once (an email
per reply, in their language, with its one-click unsubscribe link), in the daily summary (the
default) or never; the summary does not repeat what was emailed at once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from learners.discussion import emails, services
from learners.discussion.models import NotificationPreference, ReplyAlerts
from tests.discussion.conftest import client_for, discussion_url
from tests.factories import publish_course


def _later():
    return timezone.now() + timedelta(minutes=5)


def _choose(user, choice):
    NotificationPreference.objects.update_or_create(user=user, defaults={"reply_alerts": choice})


def _to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.fixture
def thread(cohort, ana):
    return services.create_thread(cohort=cohort, author=ana, title="Deadlines", body="When?")


def test_immediate_email_is_sent_once_per_reply_in_the_readers_language(
    cohort, ana, beto, tutor, thread, django_capture_on_commit_callbacks
):
    ana.profile.preferred_language = "es"
    ana.profile.save()
    _choose(ana, ReplyAlerts.IMMEDIATE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=tutor, body="Friday.", moderator=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=beto, body="Thanks.")
    messages = _to("ana@example.org")
    assert len(messages) == 2
    message = messages[0]
    assert message.subject == "Nueva respuesta en Decent work in the care economy"
    assert "Deadlines" in message.body
    assert f"http://testserver/es/learn/cohorts/{cohort.pk}/discussion/{thread.pk}/" in message.body
    assert "http://testserver/es/learn/discussion/unsubscribe/" in message.body
    # The task run again (a retry) emails nobody twice.
    assert emails.send_reply_alerts(post_id=thread.posts.last().pk) == 0
    assert len(_to("ana@example.org")) == 2


def test_the_author_of_a_reply_is_not_emailed_about_it(
    cohort, ana, beto, thread, django_capture_on_commit_callbacks
):
    _choose(ana, ReplyAlerts.IMMEDIATE)
    _choose(beto, ReplyAlerts.IMMEDIATE)
    services.reply(thread=thread, author=beto, body="First.")  # beto follows now
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=beto, body="Second.")
    assert not _to("beto@example.org")
    assert len(_to("ana@example.org")) == 1


def test_digest_readers_are_not_emailed_at_once(
    cohort, ana, beto, thread, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=beto, body="Reply.")
    assert not mail.outbox
    emails.send_digests(now=_later())
    assert len(_to("ana@example.org")) == 1


def test_never_means_no_email_of_replies(
    cohort, ana, beto, thread, django_capture_on_commit_callbacks
):
    _choose(ana, ReplyAlerts.OFF)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=beto, body="Reply.")
    emails.send_digests(now=_later())
    assert not _to("ana@example.org")
    # Choosing the summary later does not bring back what was said meanwhile.
    _choose(ana, ReplyAlerts.DIGEST)
    emails.send_digests(now=_later() + timedelta(minutes=1))
    assert not _to("ana@example.org")


def test_digest_skips_replies_already_emailed_at_once(
    cohort, ana, beto, tutor, thread, django_capture_on_commit_callbacks
):
    _choose(ana, ReplyAlerts.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=beto, body="Reply.")
    mail.outbox.clear()
    emails.send_digests(now=_later())
    assert not _to("ana@example.org")


def test_a_summary_sent_first_stops_the_late_immediate_email(cohort, ana, beto, thread):
    _choose(ana, ReplyAlerts.IMMEDIATE)
    post = services.reply(thread=thread, author=beto, body="Reply.")  # task not run yet
    mail.outbox.clear()
    emails.send_digests(now=_later())
    assert len(_to("ana@example.org")) == 1
    assert emails.send_reply_alerts(post_id=post.pk) == 0
    assert len(_to("ana@example.org")) == 1


def test_immediate_subject_is_neutral_on_a_sensitive_course(
    course, cohort, ana, beto, thread, django_capture_on_commit_callbacks
):
    publish_course(course, sensitive=True, title="Violence at work")
    _choose(ana, ReplyAlerts.IMMEDIATE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=beto, body="Reply.")
    [message] = _to("ana@example.org")
    assert message.subject == "An update about your course"


def test_learners_choose_how_they_hear_of_replies(cohort, ana, outsider, withdrawn):
    url = "/en/learn/discussion/notifications/"
    client = client_for(ana)
    page = client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert 'name="reply_alerts"' in content
    assert 'name="question_alerts"' not in content  # tutors only
    assert client.post(url, {"reply_alerts": "immediate"}).status_code == 302
    assert NotificationPreference.objects.get(user=ana).reply_alerts == ReplyAlerts.IMMEDIATE
    assert client.post(url, {"reply_alerts": "hourly"}).status_code == 400
    assert url in client.get(discussion_url(cohort)).content.decode()
    assert client_for(outsider).get(url).status_code == 200  # a seat in another cohort
    assert client_for(withdrawn).get(url).status_code == 404


def test_visitors_are_sent_to_log_in_for_the_email_choice(client):
    response = client.get("/en/learn/discussion/notifications/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
