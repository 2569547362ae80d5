"""*Delete my account*: confirmed with the password; the person's data erased, their records
kept anonymous (the tutor sees "Deleted learner", the counts do not move); logging in is no
longer possible; the learner chooses whether their certificates stay verifiable."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from learners.models import CalendarFeed, Certificate, Enrolment, LearnerProfile, Reflection
from learners.privacy import services
from learners.privacy.services import AccountHasRole, AlreadyErased, erase_account
from learners.tutor.selectors import cohort_counts
from tests.factories import UserFactory
from tests.privacy.conftest import PASSWORD

User = get_user_model()


def delete(client, **data):
    return client.post(reverse("privacy_delete"), {"password": PASSWORD, **data})


def test_confirmation_page_asks_the_password_and_about_certificates(client, ana, records):
    client.force_login(ana)
    response = client.get(reverse("privacy_delete"))
    assert response.status_code == 200
    assert response["Cache-Control"]
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    html = response.content.decode()
    assert 'type="password"' in html
    assert 'name="certificates"' in html
    assert "You hold 1 valid certificate." in html


def test_no_certificate_question_without_certificates(client, ana):
    client.force_login(ana)
    html = client.get(reverse("privacy_delete")).content.decode()
    assert 'name="certificates"' not in html
    response = delete(client)
    assert response.status_code == 302
    assert LearnerProfile.objects.get(user=ana).erased_at is not None


def test_wrong_password_deletes_nothing(client, ana, records):
    client.force_login(ana)
    response = delete(client, password="not my password", certificates="keep")
    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    ana.refresh_from_db()
    assert ana.email == "ana.quispe@example.org"
    assert LearnerProfile.objects.get(user=ana).erased_at is None


def test_certificate_choice_is_required(client, ana, records):
    client.force_login(ana)
    response = delete(client)
    assert response.status_code == 200
    assert "Please choose what happens to your certificates." in response.content.decode()
    assert LearnerProfile.objects.get(user=ana).erased_at is None


def test_deletion_erases_the_person_and_logs_them_out(client, ana, records):
    CalendarFeed.objects.create(user=ana)
    EmailAddress.objects.create(user=ana, email=ana.email, verified=True, primary=True)
    client.force_login(ana)
    response = delete(client, certificates="keep")
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy_deleted")
    assert "_auth_user_id" not in client.session

    ana.refresh_from_db()
    assert ana.email == f"deleted-{ana.pk}@invalid"
    assert (ana.first_name, ana.last_name) == ("", "")
    assert not ana.has_usable_password()
    assert not ana.is_active
    profile = LearnerProfile.objects.get(user=ana)
    assert (profile.certificate_name, profile.country, profile.organisation) == ("", "", "")
    assert profile.erased_at is not None
    assert Reflection.objects.get(enrolment=records["enrolment"]).text == ""
    application = Enrolment.objects.get(pk=records["application"].pk)
    assert (application.application_answers, application.decision_message) == ([], "")
    assert not EmailAddress.objects.filter(user=ana).exists()
    assert not CalendarFeed.objects.filter(user=ana).exists()
    assert client.get(reverse("learn_dashboard")).status_code == 302


def test_login_is_impossible_afterwards(client, ana, records):
    email = ana.email
    erase_account(user=ana, keep_certificates=True)
    assert not client.login(email=email, password=PASSWORD)
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_other_sessions_of_the_account_end(client, ana, records):
    client.force_login(ana)
    assert client.get(reverse("learn_dashboard")).status_code == 200
    erase_account(user=ana, keep_certificates=True)  # e.g. from another browser
    response = client.get(reverse("learn_dashboard"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_records_and_counts_are_kept_for_reports(ana, records, cohort):
    before = cohort_counts(cohort)
    erase_account(user=ana, keep_certificates=True)
    assert cohort_counts(cohort) == before
    enrolment = Enrolment.objects.get(pk=records["enrolment"].pk)
    assert enrolment.learner_id == ana.pk
    assert (enrolment.progress_percent, enrolment.modules_done) == (100, 2)
    assert enrolment.attendance.count() == 1
    assert enrolment.quiz_attempts.count() == 1


def test_tutor_table_and_export_show_deleted_learner(client, ana, records, tutor, cohort):
    erase_account(user=ana, keep_certificates=True)
    client.force_login(tutor)
    html = client.get(reverse("tutor_cohort", args=[cohort.pk])).content.decode()
    assert "Deleted learner" in html
    assert "Ana Quispe" not in html
    assert "<dt>Enrolled learners</dt><dd>1</dd>" in html.replace("\n", "")
    export = client.get(reverse("tutor_export_csv", args=[cohort.pk]))
    content = b"".join(export.streaming_content).decode("utf-8")
    assert "Deleted learner" in content
    assert "Ana Quispe" not in content
    spanish = client.get(f"/es/tutor/cohorts/{cohort.pk}/").content.decode()
    assert "Persona eliminada" in spanish


def test_keeping_certificates_keeps_them_verifiable_with_the_name(client, ana, records):
    certificate = records["certificate"]
    result = erase_account(user=ana, keep_certificates=True)
    assert (result.certificates_kept, result.certificates_withdrawn) == (1, 0)
    certificate.refresh_from_db()
    assert certificate.is_valid
    assert certificate.learner_name == "Ana Quispe Mamani"
    assert certificate.credential.count(".") == 2  # still the holder's signed credential
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Valid certificate" in html
    assert "Ana Quispe Mamani" in html


def test_withdrawing_certificates_revokes_them_without_the_name(client, ana, records):
    certificate = records["certificate"]
    client.force_login(ana)
    assert delete(client, certificates="withdraw").status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert "holder's request" in certificate.revoked_reason
    assert certificate.learner_name == ""
    assert certificate.credential == ""
    assert not certificate.pdf
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Revoked certificate" in html
    assert "Ana Quispe" not in html
    assert "Awarded to" not in html


def test_deletion_is_logged_without_the_person(ana, records):
    enrolment = records["enrolment"]
    log(instance=enrolment, action="aula.enrolment.approve", title=f"Ana Quispe · {enrolment.pk}")
    log(instance=ana, action="aula.role.change", data={"added": ["Tutors"]})
    ana_type_entries = ModelLogEntry.objects.filter(object_id=str(ana.pk))
    erase_account(user=ana, keep_certificates=False)
    [earlier] = ModelLogEntry.objects.filter(
        object_id=str(enrolment.pk), action="aula.enrolment.approve"
    )
    assert earlier.label == f"deleted-{ana.pk}@invalid · {enrolment.pk}"
    [entry] = ana_type_entries.filter(action=services.DELETE_ACTION)
    assert registry.action_exists(services.DELETE_ACTION)  # shown in the admin's log views
    assert entry.message == "Account deleted"  # the registered wording, not "Unknown …"
    assert entry.user is None
    assert entry.data == {"reason": "request", "certificates": "withdrawn"}
    assert entry.label == f"deleted-{ana.pk}@invalid"
    labels = " ".join(ModelLogEntry.objects.values_list("label", flat=True))
    assert "Ana Quispe" not in labels
    assert "ana.quispe@example.org" not in labels


def test_everything_or_nothing(ana, records, monkeypatch):
    """One transaction: a failure half way leaves the account as it was."""

    def broken(*args, **kwargs):
        raise RuntimeError("log storage down")

    monkeypatch.setattr(services, "log", broken)
    with pytest.raises(RuntimeError):
        erase_account(user=ana, keep_certificates=False)
    ana.refresh_from_db()
    assert ana.email == "ana.quispe@example.org"
    assert ana.check_password(PASSWORD)
    assert Certificate.objects.get(pk=records["certificate"].pk).is_valid
    assert Reflection.objects.get(enrolment=records["enrolment"]).text != ""


def test_second_erasure_is_refused(ana):
    erase_account(user=ana, keep_certificates=True)
    with pytest.raises(AlreadyErased):
        erase_account(user=ana, keep_certificates=True)


@pytest.mark.parametrize("role", ["staff", "superuser", "group", "tutor"])
def test_accounts_with_a_role_cannot_delete_themselves(client, role, cohort, tutor):
    from django.contrib.auth.models import Group

    person = {
        "staff": lambda: UserFactory(is_staff=True),
        "superuser": lambda: UserFactory(is_superuser=True),
        "group": lambda: UserFactory(),
        "tutor": lambda: tutor,
    }[role]()
    if role == "group":
        person.groups.add(Group.objects.get_or_create(name="Editors")[0])
    client.force_login(person)
    response = client.post(reverse("privacy_delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert "closed by an administrator" in response.content.decode()
    with pytest.raises(AccountHasRole):
        erase_account(user=person, keep_certificates=True)
    person.refresh_from_db()
    assert person.is_active and not person.email.startswith("deleted-")
