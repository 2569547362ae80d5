"""The tutor's side: how they hear of new questions, and marking questions answered."""

from learners.discussion import services
from learners.discussion.models import NotificationPreference, QuestionAlerts
from tests.discussion.conftest import client_for


def test_tutor_chooses_immediate_alerts_for_new_questions(tutor, cohort, ana):
    url = "/en/learn/discussion/notifications/"
    client = client_for(tutor)
    assert client.get(url).status_code == 200
    data = {"question_alerts": "immediate", "reply_alerts": "digest"}
    assert client.post(url, data).status_code == 302
    preference = NotificationPreference.objects.get(user=tutor)
    assert preference.question_alerts == QuestionAlerts.IMMEDIATE
    data["question_alerts"] = "loud"
    assert client.post(url, data).status_code == 400  # re-shown


def test_tutor_marks_a_question_answered_and_open_again(tutor, cohort, ana):
    thread = services.create_thread(
        cohort=cohort, author=ana, title="Q", body="?", is_question=True
    )
    url = f"/en/tutor/cohorts/{cohort.pk}/discussion/{thread.pk}/answered/"
    client = client_for(tutor)
    assert client.post(url).status_code == 302
    thread.refresh_from_db()
    assert thread.answered_by == tutor
    assert client.post(url, {"answered": "0"}).status_code == 302
    thread.refresh_from_db()
    assert thread.answered_at is None
    assert client.get(url).status_code == 405
