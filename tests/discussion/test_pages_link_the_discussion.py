"""The discussion is reached from /learn/, the course page, the module page and the tutor's
pages; unanswered questions and unread counts show there."""

from unittest import mock

from learners.discussion import selectors, services
from tests.discussion.conftest import client_for, discussion_url


def test_learn_dashboard_links_the_discussion_with_unread_count(cohort, ana, beto):
    services.create_thread(cohort=cohort, author=beto, title="Hello all", body="Hi.")
    page = client_for(ana).get("/en/learn/")
    assert page.status_code == 200
    html = page.content.decode()
    assert discussion_url(cohort) in html
    assert "1 thread with unread messages" in html


def test_tutor_dashboard_shows_unanswered_questions_with_their_age(cohort, ana, tutor):
    services.create_thread(
        cohort=cohort, author=ana, title="Where is the reading?", body="?", is_question=True
    )
    page = client_for(tutor).get("/en/tutor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Where is the reading?" in html
    assert "asked 0\xa0minutes ago" in html
    page = client_for(tutor).get(f"/en/tutor/cohorts/{cohort.pk}/")
    assert "Where is the reading?" in page.content.decode()


def test_module_page_shows_questions_about_the_module_and_a_form(cohort, course, ana):
    module = course.get_children().first().specific
    services.create_thread(
        cohort=cohort, author=ana, title="About this module", body="?", module=module
    )
    page = client_for(ana).get(module.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Questions about this module" in html
    assert "About this module" in html
    assert f'name="module" value="{module.pk}"' in html


def test_course_page_links_the_enrolled_learners_discussion(cohort, course, ana):
    page = client_for(ana).get(course.url)
    assert discussion_url(cohort) in page.content.decode()


def test_the_unread_count_on_learn_follows_new_messages_and_reading(cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=beto, title="Hello all", body="Hi.")
    reader = client_for(ana)
    assert "1 thread with unread messages" in reader.get("/en/learn/").content.decode()
    with mock.patch.object(selectors, "unread_counts", wraps=selectors.unread_counts) as asked:
        assert "1 thread with unread messages" in reader.get("/en/learn/").content.decode()
    assert asked.call_count == 0  # kept: nothing changed
    services.mark_read(thread=thread, user=ana)
    assert "unread messages" not in reader.get("/en/learn/").content.decode()
    services.reply(thread=thread, author=beto, body="Anyone?")
    assert "1 thread with unread messages" in reader.get("/en/learn/").content.decode()
    services.create_thread(cohort=cohort, author=beto, title="Second", body="Hi again.")
    assert "2 threads with unread messages" in reader.get("/en/learn/").content.decode()
