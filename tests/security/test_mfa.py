"""Two factors for staff and tutors (issue 14, item 8): allauth's MFA (an authenticator app and
recovery codes), required by AULA_MFA_REQUIRED_FOR for superusers, editors and tutors, who are
sent to set it up before anything else; the Wagtail admin and Django's admin log in through
allauth's login, which asks for the code; learners are never asked."""

import importlib

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners.accounts import mfa
from learners.permissions import tutors_group
from tests.factories import UserFactory, authenticator_app, learner, totp_code

PASSWORD = "correct horse battery"  # tests/factories.py UserFactory
LOGIN = "/en/accounts/login/"
SETUP = "/en/accounts/2fa/totp/activate/"
CODE_PAGE = "/en/accounts/2fa/authenticate/"
ALL_ROLES = ["superusers", "editors", "tutors"]


@pytest.fixture
def required(settings):
    """The production default (test settings switch it off for every other test)."""
    settings.AULA_MFA_REQUIRED_FOR = ALL_ROLES


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def tutor(site_tree):
    user = verified(UserFactory(email="tutor@example.org"))
    user.groups.add(tutors_group())
    return user


@pytest.fixture
def editor(site_tree):
    user = verified(UserFactory(email="editor@example.org", is_staff=True))
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def learner_account(site_tree):
    return verified(learner(email="learner@example.org"))


def log_in(client, user, **query):
    url = LOGIN + (f"?next={query['next']}" if "next" in query else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


def confirm_password(client, page=SETUP):
    """allauth asks for the password once more before an authenticator is added (its
    reauthentication), even right after logging in; then it goes back to ``page``."""
    response = client.get(page)
    assert response.status_code == 302
    reauthenticate = response["Location"]
    assert reauthenticate.split("?")[0].endswith("/accounts/reauthenticate/")
    response = client.post(reauthenticate, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == page
    return client.get(page)


def signed_in(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


# --- the setting -----------------------------------------------------------------------------


def test_mfa_is_required_for_superusers_editors_and_tutors_by_default(monkeypatch):
    monkeypatch.delenv("AULA_MFA_REQUIRED_FOR", raising=False)
    base = importlib.reload(importlib.import_module("aula.settings.base"))
    assert base.AULA_MFA_REQUIRED_FOR == ALL_ROLES
    assert "allauth.mfa" in base.INSTALLED_APPS
    assert "learners.accounts.mfa.RequireMFAMiddleware" in base.MIDDLEWARE
    assert base.MFA_SUPPORTED_TYPES == ["totp", "recovery_codes"]


def test_roles_are_told_apart(site_tree, tutor, editor, learner_account):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert mfa.roles_of(admin) >= {"superusers"}
    assert mfa.roles_of(editor) == {"editors"}
    assert mfa.roles_of(tutor) == {"tutors", "editors"}  # the Tutors group opens the admin
    assert mfa.roles_of(learner_account) == set()


def test_only_the_roles_named_must_use_mfa(settings, tutor, editor):
    settings.AULA_MFA_REQUIRED_FOR = ["tutors"]
    assert mfa.must_use_mfa(tutor)
    assert not mfa.must_use_mfa(editor)
    settings.AULA_MFA_REQUIRED_FOR = []
    assert not mfa.must_use_mfa(tutor)


def test_an_unknown_role_is_a_configuration_error(settings, tutor):
    settings.AULA_MFA_REQUIRED_FOR = ["tutor"]
    with pytest.raises(Exception, match="unknown roles"):
        mfa.must_use_mfa(tutor)


# --- a tutor without a second factor is sent to set one up ------------------------------------


def test_tutor_without_mfa_is_sent_to_set_it_up(required, tutor):
    client = Client()
    response = log_in(client, tutor)
    assert response.status_code == 302
    assert signed_in(client, tutor)
    # Wherever they go next, they land on the set-up page first.
    for path in (response["Location"], "/en/tutor/", "/en/learn/", "/admin/", "/en/courses/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == SETUP, path
    page = confirm_password(client)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Set up two-step sign-in" in html
    assert 'class="site-header"' in html  # Aula's layout, not allauth's bare one
    assert "Set it up now to continue" in html


def test_the_pages_of_setting_up_and_logging_out_stay_open(required, tutor):
    client = Client()
    log_in(client, tutor)
    assert confirm_password(client).status_code == 200
    assert client.get("/en/accounts/2fa/").status_code == 200
    assert client.get("/static/css/aula.css").status_code in (200, 404)  # never the redirect
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert not signed_in(client, tutor)


def test_tutor_sets_up_the_app_with_a_right_code_and_gets_in(required, tutor):
    client = Client()
    log_in(client, tutor)
    confirm_password(client)
    secret = client.session["mfa.totp.secret"]

    wrong = client.post(SETUP, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=tutor).exists()

    response = client.post(SETUP, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=tutor, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=tutor, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/en/tutor/").status_code == 200


def test_setup_page_is_in_spanish_for_spanish_urls(required, tutor):
    client = Client()
    log_in(client, tutor)
    html = confirm_password(client, "/es/accounts/2fa/totp/activate/").content.decode()
    assert "Configure el inicio de sesión en dos pasos" in html
    assert '<html lang="es">' in html


# --- with an authenticator app, logging in asks for the code -----------------------------------


def test_login_with_totp_asks_for_the_code_and_a_right_code_gets_in(required, tutor):
    secret = authenticator_app(tutor)
    client = Client()
    response = log_in(client, tutor)
    assert response.status_code == 302
    assert response["Location"] == CODE_PAGE
    assert not signed_in(client, tutor)  # the password alone is not enough
    assert client.get("/en/tutor/").status_code == 302

    wrong = client.post(CODE_PAGE, {"code": "000000" if totp_code(secret) != "000000" else "1"})
    assert wrong.status_code == 200
    assert not signed_in(client, tutor)

    response = client.post(CODE_PAGE, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert signed_in(client, tutor)
    assert client.get("/en/tutor/").status_code == 200


def test_the_code_is_asked_even_when_nobody_is_required_to_have_one(settings, tutor):
    settings.AULA_MFA_REQUIRED_FOR = []
    authenticator_app(tutor)
    client = Client()
    response = log_in(client, tutor)
    assert response["Location"] == CODE_PAGE
    assert not signed_in(client, tutor)


# --- learners are never asked ------------------------------------------------------------------


def test_learner_is_never_asked(required, learner_account):
    client = Client()
    response = log_in(client, learner_account)
    assert response.status_code == 302
    assert response["Location"] == "/en/learn/"
    assert signed_in(client, learner_account)
    assert client.get("/en/learn/").status_code == 200
    assert client.get("/en/learn/profile/").status_code == 200
    assert mfa.SESSION_REQUIRED in client.session
    assert client.session[mfa.SESSION_REQUIRED] is False


def test_requirement_costs_a_learner_no_query_per_request(settings, learner_account):
    def queries_of_first_page(client):
        client.force_login(learner_account)  # the login works the answer out, once
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/learn/").status_code == 200
        with CaptureQueriesContext(connection) as again:
            assert client.get("/en/learn/").status_code == 200
        return len(captured), len(again)

    settings.AULA_MFA_REQUIRED_FOR = []
    queries_of_first_page(Client())  # warm per-process caches
    without = queries_of_first_page(Client())
    settings.AULA_MFA_REQUIRED_FOR = ALL_ROLES
    assert queries_of_first_page(Client()) == without


# --- the admins go through allauth's login ----------------------------------------------------


def test_wagtail_admin_sends_anonymous_visitors_to_allauths_login(site_tree):
    client = Client()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"
    assert reverse("wagtailadmin_login") == "/admin/login/"


def test_admin_login_keeps_only_a_local_next(site_tree):
    response = Client().get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2F"


def test_django_admin_login_goes_through_allauth_too(site_tree):
    response = Client().get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fdjango-admin%2F"


def test_editor_with_totp_reaches_the_admin_through_the_code(required, editor):
    secret = authenticator_app(editor)
    client = Client()
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/login/?next=%2Fadmin%2F"
    response = log_in(client, editor, next="/admin/")
    assert response["Location"] == CODE_PAGE
    response = client.post(CODE_PAGE, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_editor_without_totp_is_sent_from_the_admin_to_set_it_up(required, editor):
    client = Client()
    log_in(client, editor, next="/admin/")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_signed_in_learner_opening_the_admin_is_sent_home_not_round_in_circles(learner_account):
    client = Client()
    client.force_login(learner_account)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 3
    assert response.redirect_chain[-1][0] == "/en/learn/"
    assert "You do not have permission to access the admin." in response.content.decode()
    response = client.get("/django-admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/learn/"
    assert response.status_code == 200


def test_superuser_signed_in_is_let_through_the_admin_login(required, site_tree):
    admin = verified(UserFactory(is_superuser=True, is_staff=True))
    secret = authenticator_app(admin)
    client = Client()
    log_in(client, admin)
    client.post(CODE_PAGE, {"code": totp_code(secret)})
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


def test_removing_the_app_of_a_required_role_sends_back_to_set_up(required, tutor):
    secret = authenticator_app(tutor)
    client = Client()
    log_in(client, tutor)
    client.post(CODE_PAGE, {"code": totp_code(secret)})
    assert client.get("/en/tutor/").status_code == 200
    Authenticator.objects.filter(user=tutor).delete()
    # The session said "set up"; it is asked again at the next login.
    client.post("/en/accounts/logout/")
    log_in(client, tutor)
    response = client.get("/en/tutor/")
    assert response["Location"] == SETUP


def test_the_admin_account_page_links_to_two_step_sign_in(site_tree, editor):
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Two-step sign-in" in html
    assert 'href="/en/accounts/2fa/"' in html


def test_an_admin_made_with_createsuperuser_confirms_their_email_at_first_login(
    required, site_tree, mailoutbox
):
    admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    client = Client()
    response = log_in(client, admin, next="/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not signed_in(client, admin)
    assert [message.to for message in mailoutbox] == [["root@example.org"]]
