"""The main path: a learner asks, the tutor answers, the thread reads answered."""

from learners.models import Post, Thread
from tests.discussion.conftest import client_for, discussion_url, thread_url


def test_learner_asks_and_tutor_answers_marks_the_question_answered(cohort, ana, tutor):
    client = client_for(ana)
    page = client.get(discussion_url(cohort))
    assert page.status_code == 200
    token = page.context["form"].initial["token"]
    response = client.post(
        discussion_url(cohort),
        {
            "title": "When is the deadline?",
            "body": "For module 1.",
            "is_question": "on",
            "token": str(token),
        },
    )
    assert response.status_code == 302
    thread = Thread.objects.get()
    assert thread.is_question and thread.answered_at is None
    tutor_client = client_for(tutor)
    response = tutor_client.post(thread_url(thread), {"body": "Friday.", "token": ""})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.answered_by == tutor
    page = client.get(thread_url(thread))
    assert page.status_code == 200
    assert "Answered" in page.content.decode()
    assert "Lucía Ramírez (tutor)" in page.content.decode()
    assert Post.objects.count() == 2
