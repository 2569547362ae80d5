"""Module pages are for enrolled learners, the course's tutors, administrators and the editors
who may edit the course."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, build_course, learner


@pytest.fixture
def module(course):
    return course.get_children().first().specific


def test_visitor_is_sent_to_the_course_outline_with_a_message(client, course, module):
    response = client.get(module.url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert "Log in and enrol in this course to open its modules." in response.content.decode()


@pytest.mark.parametrize("status", ["applied", "waitlisted", "withdrawn", "rejected"])
def test_learner_without_a_seat_cannot_open_modules(client, course, module, status):
    me = EnrolmentFactory(cohort=CohortFactory(course=course), status=status).learner
    client.force_login(me)
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == course.url


@pytest.mark.parametrize("status", ["active", "completed"])
def test_enrolled_learner_opens_modules(client, course, module, status):
    me = EnrolmentFactory(cohort=CohortFactory(course=course), status=status).learner
    client.force_login(me)
    assert client.get(module.url).status_code == 200


def test_enrolment_in_another_course_opens_nothing_here(client, catalogue, module):
    other = build_course(catalogue, title="Other course")
    me = EnrolmentFactory(cohort=CohortFactory(course=other)).learner
    client.force_login(me)
    assert client.get(module.url).status_code == 302


def test_enrolment_in_the_spanish_edition_opens_the_english_modules_too(
    client, site_tree, course, module
):
    from tests.factories import translate_page

    translate_page(site_tree.home, "es")
    translate_page(site_tree.catalogue, "es")
    spanish_course = translate_page(course, "es", title="Trabajo de cuidados")
    me = EnrolmentFactory(cohort=CohortFactory(course=spanish_course, language="es")).learner
    client.force_login(me)
    assert client.get(module.url).status_code == 200


def test_tutor_of_a_cohort_and_administrators_open_modules(client, course, module):
    tutor = learner()
    CohortFactory(course=course).tutors.add(tutor)
    client.force_login(tutor)
    assert client.get(module.url).status_code == 200
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(module.url).status_code == 200


def test_editor_who_may_edit_the_course_opens_its_modules(client, course, module):
    editors, _created = Group.objects.get_or_create(name="Course editors")
    GroupPagePermission.objects.create(
        group=editors, page=course, permission=Permission.objects.get(codename="change_page")
    )
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get(module.url).status_code == 200


def test_the_staff_flag_alone_opens_no_module(client, course, module):
    client.force_login(UserFactory(email="clerk@example.org", is_staff=True))
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == course.url


def test_editors_preview_of_a_module_still_works(client, module):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(f"/admin/pages/{module.pk}/edit/preview/")
    assert response.status_code == 200
