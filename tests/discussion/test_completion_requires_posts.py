"""A course can require a minimum number of posts in the cohort's discussion (Moodle's forum
completion): the rule waits for them, the learner's progress and the tutor's table show them."""

from learners.discussion import services
from learners.models import Enrolment, EnrolmentStatus, ModuleProgress
from learners.progress import services as progress
from tests.discussion.conftest import client_for, discussion_url, thread_url
from tests.factories import publish_course


def _all_modules_done(enrolment, course):
    for module in course.get_children().specific():
        ModuleProgress.objects.create(
            enrolment=enrolment,
            module_key=module.translation_key,
            completed_at=enrolment.created_at,
        )


def _post_thread(client, cohort, title):
    token = client.get(discussion_url(cohort)).context["form"].initial["token"]
    return client.post(discussion_url(cohort), {"title": title, "body": "x", "token": str(token)})


def test_course_completes_only_after_the_minimum_posts(course, cohort, ana, tutor):
    publish_course(course, completion_min_posts=2)
    enrolment = Enrolment.objects.get(learner=ana)
    _all_modules_done(enrolment, course)
    progress.evaluate_completion(enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE  # modules done, no post yet

    client = client_for(ana)
    assert _post_thread(client, cohort, "First").status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    page = client.get(course.url)
    assert "Discussion: 1 of 2 posts required" in page.content.decode()

    thread = cohort.discussion_threads.get()
    client.post(thread_url(thread), {"body": "And a reply."})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED

    table = client_for(tutor).get(f"/en/tutor/cohorts/{cohort.pk}/")
    assert "2 / 2" in table.content.decode()


def test_a_hidden_post_does_not_count(course, cohort, ana, tutor):
    publish_course(course, completion_min_posts=1)
    enrolment = Enrolment.objects.get(learner=ana)
    _all_modules_done(enrolment, course)
    thread = services.create_thread(cohort=cohort, author=ana, title="Spam", body="spam")
    services.hide_post(post=thread.posts.get(), by=tutor)
    progress.evaluate_completion(enrolment)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
