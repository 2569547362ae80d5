"""Staff in the Wagtail admin: list and search certificates, revoke with a reason, re-issue after
a name correction, re-issue a whole cohort. Nobody else may; nothing is ever deleted."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from courses.wagtail_hooks import cohort_buttons
from learners.certificates.services import issue_certificate
from learners.models import Certificate
from learners.permissions import tutors_group
from tests.factories import UserFactory, learner

from .conftest import complete


@pytest.fixture
def staff():
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def certificate(completed):
    return issue_certificate(enrolment_id=completed.pk)[0]


@pytest.fixture
def tutor(cohort):
    user = UserFactory(email="tutor@example.org")
    cohort.tutors.add(user)
    return user


@pytest.fixture
def certificate_officer():
    """Not a superuser: a group granted the admin and ``learners.change_certificate``."""
    group = Group.objects.create(name="Certificate officers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="learners", codename="change_certificate"),
    )
    user = UserFactory(email="officer@example.org", is_staff=True)
    user.groups.add(group)
    return user


def admin_url(name, *args):
    return reverse(f"certificates:{name}", args=args)


@pytest.mark.django_db
def test_staff_list_and_search_certificates_by_number_and_name(client, staff, certificate):
    client.force_login(staff)
    listing = client.get(admin_url("index"))
    assert listing.status_code == 200
    assert certificate.number in listing.content.decode()
    by_number = client.get(admin_url("index"), {"q": certificate.number.lower()})
    assert certificate.number in by_number.content.decode()
    by_name = client.get(admin_url("index"), {"q": "núñez"})
    assert certificate.number in by_name.content.decode()
    nothing = client.get(admin_url("index"), {"q": "nobody-of-that-name"})
    assert certificate.number not in nothing.content.decode()


@pytest.mark.django_db
def test_staff_filter_certificates_by_status_and_course(client, staff, course, certificate):
    client.force_login(staff)
    valid = client.get(admin_url("index"), {"status": "valid", "course": course.pk})
    assert certificate.number in valid.content.decode()
    revoked = client.get(admin_url("index"), {"status": "revoked"})
    assert certificate.number not in revoked.content.decode()


@pytest.mark.django_db
def test_staff_revoke_with_a_reason_and_it_verifies_as_revoked(client, staff, certificate):
    client.force_login(staff)
    assert client.get(admin_url("revoke", certificate.pk)).status_code == 200
    refused = client.post(admin_url("revoke", certificate.pk), {"reason": "  "})
    assert refused.status_code == 200
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    response = client.post(admin_url("revoke", certificate.pk), {"reason": "Identity fraud"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revoked_reason == "Identity fraud"
    html = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()
    assert "Revoked certificate" in html
    detail = client.get(admin_url("detail", certificate.pk)).content.decode()
    assert "Identity fraud" in detail


@pytest.mark.django_db
def test_staff_reissue_after_a_name_correction(
    client, staff, camila, certificate, django_capture_on_commit_callbacks
):
    camila.profile.certificate_name = "Camila Andrea Núñez Peña"
    camila.profile.save()
    client.force_login(staff)
    confirm = client.get(admin_url("reissue", certificate.pk)).content.decode()
    assert "Camila Andrea Núñez Peña" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("reissue", certificate.pk))
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.replaced_at is not None
    new = Certificate.objects.get(replaces=certificate)
    assert new.learner_name == "Camila Andrea Núñez Peña"
    assert new.completed_on == certificate.completed_on
    assert new.pdf
    assert Certificate.objects.filter(enrolment=certificate.enrolment).count() == 2


@pytest.mark.django_db
def test_staff_reissue_every_certificate_of_a_cohort(
    client, staff, cohort, certificate, django_capture_on_commit_callbacks
):
    other = learner(email="second@example.org", certificate_name="João Gonçalves")
    second, _created = issue_certificate(enrolment_id=complete(other, cohort).pk)
    assert any(
        button.url == admin_url("cohort_reissue", cohort.pk)
        for button in cohort_buttons(cohort, staff)
    )
    client.force_login(staff)
    confirm = client.get(admin_url("cohort_reissue", cohort.pk))
    assert confirm.status_code == 200
    assert "2 valid certificates" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("cohort_reissue", cohort.pk))
    assert response.status_code == 302
    for old in (certificate, second):
        old.refresh_from_db()
        assert old.replaced_at is not None
    assert (
        Certificate.objects.filter(enrolment__cohort=cohort, replaced_at__isnull=True).count() == 2
    )


@pytest.mark.django_db
def test_a_group_granted_the_permission_may_manage_certificates(
    client, certificate_officer, certificate
):
    client.force_login(certificate_officer)
    assert client.get(admin_url("index")).status_code == 200
    response = client.post(admin_url("revoke", certificate.pk), {"reason": "Duplicate"})
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["learner", "tutor", "editor"])
def test_non_staff_cannot_see_revoke_or_reissue(client, who, camila, tutor, certificate, cohort):
    if who == "learner":
        user = camila
    elif who == "tutor":
        tutors_group()
        user = tutor
    else:
        user = UserFactory(email="editor@example.org", is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)

    def refused(response, url):
        """Wagtail's refusals: a learner (no admin access) is sent to the admin login, a tutor
        or an editor (admin access, no certificate permission) back to the dashboard."""
        assert response.status_code == 302, (who, url)
        if who == "learner":
            assert response["Location"] == f"/admin/login/?next={url}", (who, url)
        else:
            assert response["Location"] == "/admin/", (who, url)

    for name, args in (
        ("index", ()),
        ("detail", (certificate.pk,)),
        ("download", (certificate.pk,)),
        ("revoke", (certificate.pk,)),
        ("reissue", (certificate.pk,)),
        ("cohort_reissue", (cohort.pk,)),
    ):
        target = admin_url(name, *args)
        refused(client.get(target), target)
    target = admin_url("revoke", certificate.pk)
    refused(client.post(target, {"reason": "x"}), target)
    target = admin_url("reissue", certificate.pk)
    refused(client.post(target), target)
    target = admin_url("cohort_reissue", cohort.pk)
    refused(client.post(target), target)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None and certificate.replaced_at is None
    assert not cohort_buttons(cohort, user) or all(
        "certificates" not in button.url for button in cohort_buttons(cohort, user)
    )


@pytest.mark.django_db
def test_certificates_have_no_delete_view(staff, certificate):
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("certificates:delete", args=[certificate.pk])


@pytest.mark.django_db
def test_signatories_are_edited_in_the_site_settings(client, staff, site_tree):
    client.force_login(staff)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_tree.site.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "signatories-TOTAL_FORMS" in html
    response = client.post(
        url,
        {
            "organisation_name": "Centro de Formación",
            "contact_email": "",
            "quick_exit_url": "https://www.google.com/search?q=weather",
            "signatories-TOTAL_FORMS": "1",
            "signatories-INITIAL_FORMS": "0",
            "signatories-MIN_NUM_FORMS": "0",
            "signatories-MAX_NUM_FORMS": "1000",
            "signatories-0-name": "Ana Gómez",
            "signatories-0-title": "Directora",
            "signatories-0-signature": "",
            "signatories-0-ORDER": "1",
            "signatories-0-id": "",
            "signatories-0-DELETE": "",
            # The privacy notice shares the form (home.SiteSettings): left as it is.
            "privacy_notice_version": "1",
            "privacy_notice_translations-TOTAL_FORMS": "0",
            "privacy_notice_translations-INITIAL_FORMS": "0",
            "privacy_notice_translations-MIN_NUM_FORMS": "0",
            "privacy_notice_translations-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    from home.models import Signatory

    assert Signatory.objects.get().name == "Ana Gómez"
