"""The signed-in account from the cache (learners/accounts/session_user.py): a second request
does not load it from the database, and whatever changes who the person is — a new password,
a deactivation, a new role — is seen on the very next request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _account_queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("learn_profile"))
    loads = [q for q in captured.captured_queries if 'FROM "learners_user"' in q["sql"]]
    return response.status_code, len(loads)


@pytest.fixture
def person():
    return UserFactory()


@pytest.fixture
def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def test_the_second_request_takes_the_account_from_the_cache(signed_in):
    assert _account_queries(signed_in) == (200, 1)
    assert _account_queries(signed_in) == (200, 0)


def _new_password(person):
    person.set_password("another-long-passphrase-2026")


def _deactivated(person):
    person.is_active = False


@pytest.mark.parametrize("change", [_new_password, _deactivated], ids=["password", "inactive"])
def test_a_new_password_or_a_deactivation_signs_this_session_out_at_once(signed_in, person, change):
    _account_queries(signed_in)
    change(person)
    person.save()
    response = signed_in.get(reverse("learn_profile"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_new_role_is_seen_at_once(signed_in, person):
    _account_queries(signed_in)
    person.is_staff = True
    person.save()
    response = signed_in.get(reverse("learn_profile"))
    assert response.wsgi_request.user.is_staff


def test_another_persons_session_never_gets_this_account(signed_in, person):
    _account_queries(signed_in)
    other = UserFactory()
    client = Client()
    client.force_login(other)
    response = client.get(reverse("learn_profile"))
    assert response.wsgi_request.user.pk == other.pk


def test_account_cache_off_loads_it_every_time(signed_in, settings):
    settings.AULA_ACCOUNT_CACHE = False
    _account_queries(signed_in)
    assert _account_queries(signed_in) == (200, 1)
