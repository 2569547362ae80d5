"""Erasing an account empties the titles of the discussion threads it started (a title may name
the person or their situation): the threads stay readable under a placeholder in each reader's
language; other people's threads keep their titles."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from learners.discussion import emails, services
from learners.discussion.models import Thread
from learners.privacy.services import erase_account
from tests.discussion.conftest import client_for, discussion_url, thread_url


def test_erasure_replaces_the_titles_of_the_threads_the_person_started(cohort, ana, beto, tutor):
    started = services.create_thread(
        cohort=cohort, author=ana, title="My divorce and night shifts", body="…", is_question=True
    )
    services.reply(thread=started, author=beto, body="Courage.")
    others = services.create_thread(cohort=cohort, author=beto, title="Bus times", body="?")
    services.reply(thread=others, author=ana, body="At eight.")

    erase_account(user=ana, keep_certificates=True, reason="test")

    started.refresh_from_db()
    others.refresh_from_db()
    assert started.title == ""
    assert others.title == "Bus times"
    client = client_for(beto)
    for url in (discussion_url(cohort), thread_url(started)):
        html = client.get(url).content.decode()
        assert "My divorce" not in html
        assert "Thread by a former participant" in html
    spanish = client.get(discussion_url(cohort).replace("/en/", "/es/", 1)).content.decode()
    assert "Hilo de una persona que ya no participa" in spanish
    tutor_html = client_for(tutor).get("/en/tutor/").content.decode()
    assert "My divorce" not in tutor_html
    assert "Thread by a former participant" in tutor_html  # still waiting for an answer


def test_summary_emails_name_the_erased_persons_thread_by_the_placeholder(cohort, ana, beto, tutor):
    started = services.create_thread(cohort=cohort, author=ana, title="About my health", body="…")
    services.reply(thread=started, author=beto, body="Take care.")
    erase_account(user=ana, keep_certificates=True, reason="test")
    services.reply(thread=started, author=tutor, body="Noted.", moderator=True)
    mail.outbox.clear()
    emails.send_digests(now=timezone.now() + timedelta(minutes=5))
    [message] = [m for m in mail.outbox if m.to == ["beto@example.org"]]
    assert "About my health" not in message.body
    assert "Thread by a former participant" in message.body
    assert str(Thread.objects.get(pk=started.pk)) == "Thread by a former participant"
