"""The privacy notice: edited in Site settings (per language, with a version editors bump),
shown at /<lang>/privacy/, linked from the sign-up form, which refuses to create an account
until it is accepted; the version accepted and when are recorded on the learner's profile."""

from django.core import mail
from django.utils import timezone

from home.models import PrivacyNoticeTranslation, SiteSettings
from learners.models import LearnerProfile, User

SIGNUP = {"email": "rosa@example.org", "password1": "cuidados-2027!", "password2": "cuidados-2027!"}


def notice_settings(site, version=3):
    site_settings = SiteSettings.for_site(site)
    site_settings.privacy_notice = "<p>We keep your name and your progress.</p>"
    site_settings.privacy_notice_version = version
    site_settings.save()
    PrivacyNoticeTranslation.objects.create(
        settings=site_settings, language="es", text="<p>Guardamos su nombre y su avance.</p>"
    )
    return site_settings


def test_notice_page_shows_the_text_in_the_readers_language(client, site_tree):
    notice_settings(site_tree.site)
    english = client.get("/en/privacy/")
    assert english.status_code == 200
    html = english.content.decode()
    assert "We keep your name and your progress." in html
    assert "Version 3" in html
    spanish = client.get("/es/privacy/").content.decode()
    assert "Guardamos su nombre y su avance." in spanish
    assert "Versión 3" in spanish


def test_notice_falls_back_to_the_default_text(client, site_tree):
    site_settings = notice_settings(site_tree.site)
    site_settings.privacy_notice_translations.all().delete()
    html = client.get("/es/privacy/").content.decode()
    assert "We keep your name and your progress." in html


def test_signup_form_links_to_the_notice(client, site_tree):
    html = client.get("/en/accounts/signup/").content.decode()
    assert 'name="accept_privacy_notice"' in html
    assert 'href="/en/privacy/"' in html


def test_signup_records_the_accepted_version_and_time(client, site_tree):
    notice_settings(site_tree.site, version=3)
    before = timezone.now()
    response = client.post("/en/accounts/signup/", {**SIGNUP, "accept_privacy_notice": "on"})
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user__email="rosa@example.org")
    assert profile.privacy_notice_version == 3
    assert before <= profile.privacy_notice_accepted_at <= timezone.now()


def test_signup_without_acceptance_is_refused_and_keeps_what_was_typed(client, site_tree):
    response = client.post("/en/accounts/signup/", SIGNUP)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please read and accept the privacy notice to create your account." in html
    assert 'value="rosa@example.org"' in html
    assert not User.objects.filter(email="rosa@example.org").exists()
    assert mail.outbox == []


def test_refusal_is_translated(client, site_tree):
    response = client.post("/es/accounts/signup/", SIGNUP)
    assert response.status_code == 200
    assert "Lea y acepte el aviso de privacidad para crear su cuenta." in response.content.decode()


def test_profile_links_to_download_delete_and_the_notice(client, site_tree):
    from tests.factories import learner

    client.force_login(learner())
    html = client.get("/en/learn/profile/").content.decode()
    assert 'href="/en/learn/profile/data/"' in html
    assert 'href="/en/learn/profile/delete/"' in html
    assert 'href="/en/privacy/"' in html


def test_editors_edit_the_notice_in_site_settings(client, site_tree, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    url = f"/admin/settings/home/sitesettings/{site_tree.site.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="privacy_notice_version"' in html
    assert "privacy_notice_translations-TOTAL_FORMS" in html
