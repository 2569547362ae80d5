"""The audit trail (issue 14, item 8): enrolment decisions, learner-list imports, exports of a
cohort's data, certificate revocations and re-issues, account deletions and role changes are
Wagtail log entries (who, what, which object, when), listed for superusers in the admin's
*Audit trail* and *Site history* reports and never for tutors."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry

from courses.models import Cohort
from learners.audit import AuditAction
from learners.certificates.services import issue_certificate, reissue, revoke
from learners.enrolment import services
from learners.enrolment.models import RosterStatus
from learners.models import Enrolment, EnrolmentStatus
from learners.permissions import tutors_group
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    RosterUploadFactory,
    UserFactory,
    build_course,
    learner,
)

pytestmark = pytest.mark.django_db

QUESTION = "Why do you want to take this course?"


@pytest.fixture
def course(catalogue):
    course = build_course(catalogue, modules=1, title="Decent work in the care economy")
    course.application_questions.create(text=QUESTION)
    course.save_revision().publish()
    return course


@pytest.fixture
def tutor(db):
    user = UserFactory(email="tutor@example.org")
    user.groups.add(tutors_group())
    return user


@pytest.fixture
def cohort(course, tutor):
    cohort = CohortFactory(course=course, title="Spanish edition", enrolment_mode="application")
    cohort.tutors.add(tutor)
    return cohort


@pytest.fixture
def staff(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def application(cohort, email="ana@example.org") -> Enrolment:
    return services.apply(
        learner=learner(email=email),
        cohort=cohort,
        answers=[{"question": QUESTION, "answer": "I run the care policy unit."}],
    )


def entries(action: AuditAction, instance=None):
    found = ModelLogEntry.objects.filter(action=action.value)
    if instance is not None:
        found = found.filter(
            content_type=ContentType.objects.get_for_model(type(instance)),
            object_id=str(instance.pk),
        )
    return found


def the_entry(action: AuditAction, instance):
    found = list(entries(action, instance))
    assert len(found) == 1, found
    return found[0]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the actions are Wagtail log actions ------------------------------------------------------


def test_every_audit_action_is_registered_with_a_translated_label():
    choices = dict(log_actions.get_choices())
    for action in AuditAction:
        assert action.value in choices
    assert choices["aula.account.delete"] == "Delete account"
    with translation.override("es"):
        assert str(log_actions.get_action_label("aula.enrolment.approve")) == "Aprobar solicitud"
        assert str(log_actions.get_action_label("aula.role.change")) == "Cambiar rol"


# --- enrolment decisions ----------------------------------------------------------------------


def test_approval_in_the_admin_is_logged_with_who_and_which_enrolment(cohort, tutor):
    enrolment = application(cohort)
    response = client_for(tutor).post(reverse("enrolments:approve", args=[enrolment.pk]), {})
    assert response.status_code == 302
    entry = the_entry(AuditAction.ENROLMENT_APPROVE, enrolment)
    assert entry.user == tutor
    assert entry.data == {"learner": enrolment.learner_id, "status": EnrolmentStatus.ACTIVE}
    # Labelled by the record, not the learner's name (which deletion would have to erase).
    assert entry.label == f"Enrolment {enrolment.pk} · cohort {cohort.pk}"
    assert "Ana" not in entry.label


def test_rejection_is_logged(cohort, staff):
    enrolment = application(cohort)
    services.reject(enrolment=enrolment, by=staff, message="Full this time")
    entry = the_entry(AuditAction.ENROLMENT_REJECT, enrolment)
    assert entry.user == staff
    assert entry.data["status"] == EnrolmentStatus.REJECTED
    assert not entries(AuditAction.ENROLMENT_APPROVE).exists()


def test_a_refused_decision_logs_nothing(cohort, staff):
    enrolment = application(cohort)
    services.reject(enrolment=enrolment, by=staff)
    with pytest.raises(services.InvalidTransition):
        services.approve(enrolment=enrolment, by=staff)
    assert not entries(AuditAction.ENROLMENT_APPROVE).exists()


# --- learner-list imports ---------------------------------------------------------------------


def test_confirming_a_learner_list_import_is_logged_on_the_cohort(cohort, staff):
    data = "email;name\r\nrosa@ministerio.example;Rosa Quispe\r\n".encode("cp1252")
    upload = RosterUploadFactory(
        cohort=cohort, uploaded_by=staff, data=data, total=1, status=RosterStatus.UPLOADED
    )
    response = client_for(staff).post(reverse("enrolments:import_preview", args=[upload.pk]))
    assert response.status_code == 302
    entry = the_entry(AuditAction.ROSTER_IMPORT, cohort)
    assert entry.user == staff
    assert entry.data == {"upload": upload.pk, "learners": 1}
    assert entry.message == "Learner list import started"  # the task then imports it


# --- exports of a cohort's data ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "file_format"), [("csv", "csv"), ("xlsx", "xlsx")])
def test_tutor_export_is_logged(cohort, tutor, name, file_format):
    EnrolmentFactory(cohort=cohort, learner=learner(email="ana@example.org"))
    response = client_for(tutor).get(reverse(f"tutor_export_{name}", args=[cohort.pk]))
    assert response.status_code == 200
    entry = the_entry(AuditAction.COHORT_EXPORT, cohort)
    assert entry.user == tutor
    assert entry.data == {"format": file_format, "report": "learners"}


def test_a_refused_export_logs_nothing(cohort, course):
    outsider = UserFactory(email="outsider@example.org")
    response = client_for(outsider).get(reverse("tutor_export_csv", args=[cohort.pk]))
    assert response.status_code == 404
    assert not entries(AuditAction.COHORT_EXPORT).exists()


def test_progress_report_download_is_logged_for_each_cohort_in_it(course, cohort, staff):
    other = CohortFactory(course=course, title="English edition")
    for each, email in ((cohort, "ana@example.org"), (other, "rosa@example.org")):
        EnrolmentFactory(cohort=each, learner=learner(email=email))
    response = client_for(staff).get(reverse("aula_progress_report"), {"format": "csv"})
    assert response.status_code == 200
    for each in (cohort, other):
        entry = the_entry(AuditAction.COHORT_EXPORT, each)
        assert entry.user == staff
        assert entry.data == {"format": "csv", "report": "progress"}
    # Viewing the report on screen is not an export.
    client_for(staff).get(reverse("aula_progress_report"))
    assert entries(AuditAction.COHORT_EXPORT).count() == 2


# --- certificates -----------------------------------------------------------------------------


@pytest.fixture
def certificate(cohort):
    enrolment = EnrolmentFactory(
        cohort=cohort,
        learner=learner(email="camila@example.org"),
        status=EnrolmentStatus.COMPLETED,
        progress_percent=100,
    )
    return issue_certificate(enrolment_id=enrolment.pk)[0]


def test_certificate_revocation_is_logged_with_the_reason(certificate, staff):
    revoke(certificate=certificate, by=staff, reason="Identity fraud")
    entry = the_entry(AuditAction.CERTIFICATE_REVOKE, certificate)
    assert entry.user == staff
    assert entry.data == {"reason": "Identity fraud"}


def test_certificate_reissue_is_logged_on_the_old_certificate(certificate, staff):
    new = reissue(certificate=certificate, by=staff)
    entry = the_entry(AuditAction.CERTIFICATE_REISSUE, certificate)
    assert entry.user == staff
    assert entry.data == {"replaced_by": new.number}


# --- account deletion -------------------------------------------------------------------------


def test_account_deletion_is_a_registered_action(staff):
    account = learner(email="leaving@example.org")
    log(instance=account, action="aula.account.delete", user=staff)  # as learners/privacy does
    entry = the_entry(AuditAction.ACCOUNT_DELETE, account)
    assert entry.user == staff
    assert str(entry.formatter.label) == "Delete account"
    assert entry.message == "Account deleted"


# --- role changes -----------------------------------------------------------------------------


def test_joining_and_leaving_a_group_is_logged_either_way_round(db):
    person = UserFactory(email="daniel@example.org")
    editors = Group.objects.get(name="Editors")
    person.groups.add(editors)
    editors.user_set.remove(person)
    changes = [entry.data for entry in entries(AuditAction.ROLE_CHANGE, person).order_by("pk")]
    assert changes == [{"added": ["Editors"]}, {"removed": ["Editors"]}]


def test_clearing_groups_is_logged(db):
    person = UserFactory(email="daniel@example.org")
    person.groups.add(tutors_group(), Group.objects.get(name="Editors"))
    person.groups.clear()
    last = entries(AuditAction.ROLE_CHANGE, person).order_by("pk").last()
    assert sorted(last.data["removed"]) == ["Editors", "Tutors"]


def test_becoming_a_cohort_tutor_is_logged_as_joining_the_tutors_group(cohort):
    person = UserFactory(email="new-tutor@example.org")
    cohort.tutors.add(person)
    entry = the_entry(AuditAction.ROLE_CHANGE, person)
    assert entry.data == {"added": ["Tutors"]}


def test_superuser_and_staff_flags_are_logged_when_they_change(db):
    person = UserFactory(email="daniel@example.org")
    assert not entries(AuditAction.ROLE_CHANGE, person).exists()  # a plain account: no role
    person.is_superuser = True
    person.save()
    person.first_name = "Dani"
    person.save()  # nothing about roles changed: nothing logged
    fresh = type(person).objects.get(pk=person.pk)
    fresh.is_superuser = False
    fresh.is_staff = True
    fresh.save(update_fields=["is_superuser", "is_staff"])
    changes = [entry.data for entry in entries(AuditAction.ROLE_CHANGE, person).order_by("pk")]
    assert changes == [{"is_superuser": True}, {"is_superuser": False, "is_staff": True}]
    first = entries(AuditAction.ROLE_CHANGE, person).order_by("pk").first()
    assert first.message == "Role changed: made administrator"


def test_role_change_in_the_wagtail_admin_records_who_made_it(staff):
    person = UserFactory(email="daniel@example.org", first_name="Daniel", last_name="Souza")
    editors = Group.objects.get(name="Editors")
    response = client_for(staff).post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "email": person.email,
            "first_name": "Daniel",
            "last_name": "Souza",
            "is_active": "on",
            "groups": [editors.pk],
        },
    )
    assert response.status_code == 302
    entry = the_entry(AuditAction.ROLE_CHANGE, person)
    assert entry.user == staff
    assert entry.data == {"added": ["Editors"]}


# --- who sees them ----------------------------------------------------------------------------


@pytest.fixture
def logged(cohort, staff):
    enrolment = application(cohort, email="ana@example.org")
    services.approve(enrolment=enrolment, by=staff)
    return the_entry(AuditAction.ENROLMENT_APPROVE, enrolment)


def test_audit_trail_report_lists_the_entries_for_a_superuser(logged, staff):
    response = client_for(staff).get(reverse("aula_audit_trail"))
    assert response.status_code == 200
    html = response.content.decode()
    assert logged.label in html
    assert "Application approved" in html
    # Only Aula's actions: a page edit is in the site history, not here.
    assert "wagtail.edit" not in html


def test_audit_trail_report_is_in_the_reports_menu_of_superusers_only(staff, tutor):
    assert reverse("aula_audit_trail") in client_for(staff).get("/admin/").content.decode()
    assert reverse("aula_audit_trail") not in client_for(tutor).get("/admin/").content.decode()


def test_audit_trail_report_refuses_a_tutor(logged, tutor):
    client = client_for(tutor)
    for url in (reverse("aula_audit_trail"), reverse("aula_audit_trail_results")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")


def test_audit_trail_report_refuses_an_editor(logged):
    editor = UserFactory(email="editor@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    response = client_for(editor).get(reverse("aula_audit_trail"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_site_history_lists_them_for_a_superuser_and_not_for_a_tutor(logged, staff, tutor):
    site_history = reverse("wagtailadmin_reports:site_history")
    response = client_for(staff).get(site_history)
    assert response.status_code == 200
    assert logged.label in response.content.decode()

    response = client_for(tutor).get(site_history)
    assert logged.label not in response.content.decode()
    assert "Application approved" not in response.content.decode()


def test_audit_trail_can_be_filtered_by_action(logged, staff, cohort):
    log(instance=Cohort.objects.get(pk=cohort.pk), action="aula.cohort.export", user=staff)
    response = client_for(staff).get(
        reverse("aula_audit_trail_results"), {"action": "aula.cohort.export"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cohort data exported" in html
    assert logged.label not in html


def test_site_history_does_not_show_them_to_an_editor(logged):
    editor = UserFactory(email="editor@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    response = client_for(editor).get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert logged.label not in response.content.decode()


def test_audit_trail_exports_as_csv_for_a_superuser(logged, staff):
    response = client_for(staff).get(reverse("aula_audit_trail"), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="aula-audit-trail-')
    content = b"".join(response.streaming_content).decode()
    assert "Approve application" in content
    assert logged.label in content
