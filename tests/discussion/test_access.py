"""Who opens a cohort's discussion: its active and completed learners, its tutors and staff;
anyone else 404, visitors the log-in page; private questions, hidden threads, other cohorts'
threads and learners who left."""

import pytest

from learners.discussion import services
from learners.models import EnrolmentStatus, Post
from tests.discussion.conftest import client_for, discussion_url, thread_url
from tests.factories import EnrolmentFactory, UserFactory, learner


@pytest.fixture
def thread(cohort, ana):
    return services.create_thread(cohort=cohort, author=ana, title="Hello", body="Hi all.")


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("active learner", 200),
        ("completed learner", 200),
        ("tutor", 200),
        ("superuser", 200),
        ("withdrawn learner", 404),
        ("applicant", 404),
        ("learner of another cohort", 404),
        ("tutor of another cohort", 404),
        ("account with no role", 404),
    ],
)
def test_discussion_pages_answer_each_person_with_exact_codes(
    who, expected, cohort, other_cohort, tutor, thread
):
    people = {
        "tutor": lambda: tutor,
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "account with no role": lambda: learner(),
    }
    statuses = {
        "active learner": (cohort, EnrolmentStatus.ACTIVE),
        "completed learner": (cohort, EnrolmentStatus.COMPLETED),
        "withdrawn learner": (cohort, EnrolmentStatus.WITHDRAWN),
        "applicant": (cohort, EnrolmentStatus.APPLIED),
        "learner of another cohort": (other_cohort, EnrolmentStatus.ACTIVE),
    }
    if who in statuses:
        user = learner()
        where, status = statuses[who]
        EnrolmentFactory(learner=user, cohort=where, status=status)
    elif who == "tutor of another cohort":
        user = UserFactory()
        other_cohort.tutors.add(user)
    else:
        user = people[who]()
    client = client_for(user)
    assert client.get(discussion_url(cohort)).status_code == expected
    assert client.get(thread_url(thread)).status_code == expected


def test_visitors_are_sent_to_log_in(client, cohort, thread):
    for url in (discussion_url(cohort), thread_url(thread)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


def test_an_id_beyond_64_bits_is_404(cohort, ana):
    assert client_for(ana).get(f"/en/learn/cohorts/{2**64}/discussion/").status_code == 404


def test_private_question_is_invisible_to_another_learner(cohort, ana, beto, tutor):
    private = services.create_thread(
        cohort=cohort, author=ana, title="My own situation", body="…", is_private=True
    )
    assert private.is_question
    other = client_for(beto)
    assert "My own situation" not in other.get(discussion_url(cohort)).content.decode()
    assert other.get(thread_url(private)).status_code == 404
    assert other.post(thread_url(private), {"body": "Peek"}).status_code == 404
    assert client_for(ana).get(thread_url(private)).status_code == 200
    tutor_page = client_for(tutor).get(discussion_url(cohort)).content.decode()
    assert "My own situation" in tutor_page


def test_reply_to_a_hidden_thread_is_404(cohort, ana, beto, tutor, thread):
    services.hide_post(post=thread.posts.get(), by=tutor)
    response = client_for(beto).post(thread_url(thread), {"body": "Still here?"})
    assert response.status_code == 404
    assert client_for(ana).get(thread_url(thread)).status_code == 404
    assert Post.objects.filter(thread=thread).count() == 1


def test_reply_to_another_cohorts_thread_is_404(cohort, other_cohort, ana, outsider):
    foreign = services.create_thread(cohort=other_cohort, author=outsider, title="X", body="Y")
    url = f"/en/learn/cohorts/{cohort.pk}/discussion/{foreign.pk}/"
    assert client_for(ana).post(url, {"body": "Hello"}).status_code == 404
    assert client_for(ana).post(thread_url(foreign), {"body": "Hello"}).status_code == 404
    assert Post.objects.filter(thread=foreign).count() == 1


def test_posting_after_withdrawal_is_refused(cohort, ana, thread):
    ana.enrolments.update(status=EnrolmentStatus.WITHDRAWN)
    client = client_for(ana)
    response = client.post(thread_url(thread), {"body": "One more thing"})
    assert response.status_code == 403
    assert "You have left this cohort" in response.content.decode()
    response = client.post(discussion_url(cohort), {"title": "Again", "body": "Hi"})
    assert response.status_code == 403
    assert Post.objects.count() == 1


def test_learners_cannot_moderate(cohort, ana, beto, thread):
    post = thread.posts.get()
    hide = f"/en/tutor/cohorts/{cohort.pk}/discussion/posts/{post.pk}/hide/"
    assert client_for(beto).post(hide).status_code == 404
    answered = f"/en/tutor/cohorts/{cohort.pk}/discussion/{thread.pk}/answered/"
    assert client_for(ana).post(answered).status_code == 404
    post.refresh_from_db()
    assert post.hidden_at is None
