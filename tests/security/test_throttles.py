"""Throttles that cannot be turned against users (issue 14, item 3): failed logins per account
*and* address with longer waits as failures go on, invitation codes per account, verification
misses per address without ever refusing a valid code, the client address through the trusted
proxies only, and every counter in the shared cache."""

import json
import time
from unittest import mock

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import caches
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from aula.throttle import INVITATION_CODES, VERIFICATION_MISSES, address_key, client_ip
from learners.certificates.services import issue_certificate
from learners.models import Enrolment, EnrolmentStatus
from tests.factories import CohortFactory, EnrolmentFactory, build_course, learner
from tests.production.conftest import COMPLETE_ENV, run_python

LOGIN = "/en/accounts/login/"
PASSWORD = "correct horse battery"  # tests/factories.py UserFactory
ADDRESS_A = "203.0.113.10"
ADDRESS_B = "198.51.100.20"
WRONG = "The email address and/or password you specified are not correct."
TOO_MANY = "Too many failed login attempts. Try again later."


@pytest.fixture
def ana(site_tree):
    user = learner(email="ana@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(client, email, password, **extra):
    return client.post(LOGIN, {"login": email, "password": password}, **extra)


def fail_logins(email, times, **extra):
    client = Client()
    for _attempt in range(times):
        response = log_in(client, email, "not-the-password", **extra)
        assert response.status_code == 200
        assert WRONG in response.content.decode()


def logged_in_as(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


class Clock:
    """``time.time`` for allauth's rate-limit windows and the memory cache's expiry."""

    def __init__(self):
        self.now = time.time()

    def advance(self, minutes: float):
        self.now += minutes * 60


@pytest.fixture
def clock():
    clock = Clock()
    with mock.patch("time.time", side_effect=lambda: clock.now):
        yield clock


# --- logins: per account and address ---------------------------------------------------------


def test_right_password_from_another_address_logs_in_after_five_failures(ana):
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)

    elsewhere = Client()
    response = log_in(elsewhere, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_B)
    assert response.status_code == 302
    assert response["Location"] == "/en/learn/"
    assert logged_in_as(elsewhere, ana)

    same_address = Client()
    response = log_in(same_address, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A)
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert not logged_in_as(same_address, ana)


def test_refusal_is_explained_in_spanish(ana):
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)
    response = Client().post(
        "/es/accounts/login/", {"login": ana.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS_A
    )
    assert response.status_code == 200
    assert "Demasiados intentos fallidos. Inténtelo más tarde." in response.content.decode()


def test_four_failures_do_not_stop_the_right_password_from_the_same_address(ana):
    fail_logins(ana.email, 4, REMOTE_ADDR=ADDRESS_A)
    client = Client()
    response = log_in(client, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A)
    assert response.status_code == 302
    assert logged_in_as(client, ana)


def test_failures_for_one_account_do_not_touch_another_on_the_same_address(ana):
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)
    colleague = learner(email="bruno@example.org")
    EmailAddress.objects.create(user=colleague, email=colleague.email, verified=True, primary=True)
    client = Client()
    response = log_in(client, colleague.email, PASSWORD, REMOTE_ADDR=ADDRESS_A)
    assert response.status_code == 302
    assert logged_in_as(client, colleague)


def test_the_wait_grows_as_failures_go_on(ana, clock):
    """5 failures: 5 minutes; 10 within an hour: until the hour is over; never a lockout."""
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)
    clock.advance(minutes=4)
    assert TOO_MANY in log_in(Client(), ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A).text

    clock.advance(minutes=2)  # the first five are older than 5 minutes
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)
    clock.advance(minutes=6)  # past the 5-minute window again, but 10 failures in the hour
    assert TOO_MANY in log_in(Client(), ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A).text
    client = Client()
    assert log_in(client, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_B).status_code == 302
    assert logged_in_as(client, ana)

    clock.advance(minutes=50)  # an hour after the first failure
    client = Client()
    assert log_in(client, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A).status_code == 302
    assert logged_in_as(client, ana)


def test_one_address_failing_on_many_accounts_is_bounded(site_tree, ana):
    for n in range(30):
        fail_logins(f"someone{n}@example.org", 1, REMOTE_ADDR=ADDRESS_A)
    assert TOO_MANY in log_in(Client(), ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A).text
    client = Client()
    assert log_in(client, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_B).status_code == 302
    assert logged_in_as(client, ana)


def test_too_many_login_posts_from_one_address_answer_429_in_the_site_layout(ana, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    client = Client()
    for _attempt in range(2):
        log_in(client, ana.email, "not-the-password", REMOTE_ADDR=ADDRESS_A)
    response = client.post(
        "/es/accounts/login/", {"login": ana.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS_A
    )
    assert response.status_code == 429
    assert '<html lang="es">' in response.text
    assert "Espere un minuto e intente de nuevo." in response.text


def test_password_reset_clears_the_failures_from_that_address(ana):
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)
    client = Client(REMOTE_ADDR=ADDRESS_A)
    client.post("/en/accounts/password/reset/", {"email": ana.email})
    link = mail.outbox[-1].body.split("http://testserver", 1)[1].split()[0]
    form_url = client.get(link)["Location"]
    new_password = "cuidados-2027!"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302

    client = Client()
    response = log_in(client, ana.email, new_password, REMOTE_ADDR=ADDRESS_A)
    assert response.status_code == 302
    assert logged_in_as(client, ana)


# --- the client address: X-Forwarded-For only through the trusted proxies -------------------


def test_behind_a_trusted_proxy_each_client_has_its_own_login_counter(ana, settings):
    settings.AULA_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail_logins(ana.email, 5, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ADDRESS_A)
    client = Client()
    response = log_in(
        client, ana.email, PASSWORD, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ADDRESS_B
    )
    assert response.status_code == 302
    assert logged_in_as(client, ana)
    response = log_in(
        Client(), ana.email, PASSWORD, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ADDRESS_A
    )
    assert TOO_MANY in response.text


def test_without_trusted_proxies_a_forged_header_does_not_open_a_new_counter(ana, settings):
    settings.AULA_TRUSTED_PROXY_COUNT = 0
    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A, HTTP_X_FORWARDED_FOR="192.0.2.1")
    response = log_in(
        Client(), ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A, HTTP_X_FORWARDED_FOR=ADDRESS_B
    )
    assert TOO_MANY in response.text


@pytest.mark.parametrize(
    ("trusted", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no proxy trusted: the header is the client's own words
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "192.0.2.66, 192.0.2.1", "192.0.2.1"),  # what the client wrote itself is ignored
        (2, "192.0.2.66, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        (2, "192.0.2.1", "10.0.0.2"),  # did not come through both proxies: the connection
        (1, "", "10.0.0.2"),
        (1, "garbage", "10.0.0.2"),
        (1, "2001:db8::5", "2001:db8::5"),
    ],
)
def test_client_ip_reads_the_header_through_the_trusted_proxies_only(
    settings, trusted, forwarded_for, expected
):
    settings.AULA_TRUSTED_PROXY_COUNT = trusted
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected
    assert get_adapter().get_client_ip(request) == expected  # allauth's rate limits: the same


def test_ipv6_clients_are_counted_by_their_64_network():
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::5")
    other = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::9")
    elsewhere = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:3::5")
    assert address_key(one) == address_key(other) == "ip:2001:db8:1:2::"
    assert address_key(elsewhere) != address_key(one)


@pytest.mark.parametrize(("value", "expected"), [("", 0), ("2", 2)])
def test_trusted_proxy_count_comes_from_the_environment(value, expected):
    code = "from aula.settings import production as s; import json; "
    code += "print(json.dumps(s.AULA_TRUSTED_PROXY_COUNT))"
    result = run_python(code, {**COMPLETE_ENV, "AULA_TRUSTED_PROXY_COUNT": value})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_production_refuses_a_trusted_proxy_count_that_is_not_a_number():
    result = run_python(
        "import aula.settings.production", {**COMPLETE_ENV, "AULA_TRUSTED_PROXY_COUNT": "one"}
    )
    assert result.returncode != 0
    assert "AULA_TRUSTED_PROXY_COUNT must be a whole number" in result.stderr


# --- invitation codes: per account ----------------------------------------------------------


@pytest.fixture
def invitation_cohort(catalogue):
    course = build_course(catalogue, modules=1, title="Decent work in the care economy")
    return CohortFactory(course=course, enrolment_mode="invitation", invitation_code="RIGHT")


def enrol(client, cohort, code, address=ADDRESS_A):
    url = reverse("learn_enrol", args=[cohort.pk])
    response = client.post(url, {"invitation_code": code}, REMOTE_ADDR=address, follow=True)
    return " ".join(str(m) for m in response.context["messages"])


def test_a_learner_who_fails_five_codes_is_throttled_but_a_colleague_on_the_address_gets_in(
    invitation_cohort,
):
    guesser, colleague = learner(), learner()
    client = Client()
    client.force_login(guesser)
    for _attempt in range(INVITATION_CODES.failures):
        assert "That invitation code is not valid" in enrol(client, invitation_cohort, "guess")
    assert "Too many wrong codes" in enrol(client, invitation_cohort, "RIGHT")
    assert "Too many wrong codes" in enrol(client, invitation_cohort, "RIGHT", ADDRESS_B)
    assert not Enrolment.objects.filter(learner=guesser).exists()

    office = Client()
    office.force_login(colleague)
    assert "You are enrolled" in enrol(office, invitation_cohort, "RIGHT")
    assert Enrolment.objects.filter(learner=colleague, cohort=invitation_cohort).exists()


# --- verification: misses per address, valid codes always answered ---------------------------


@pytest.fixture
def certificate(catalogue):
    course = build_course(catalogue, modules=1, title="Decent work in the care economy")
    enrolment = EnrolmentFactory(
        learner=learner(),
        cohort=CohortFactory(course=course),
        status=EnrolmentStatus.COMPLETED,
        completed_at=timezone.now(),
        progress_percent=100,
    )
    return issue_certificate(enrolment_id=enrolment.pk)[0]


def verify(client, code, address=ADDRESS_A, **extra):
    return client.get(f"/en/certificates/verify/{code}/", REMOTE_ADDR=address, **extra)


def test_a_few_misses_are_not_throttled(client, certificate):
    for n in range(10):
        assert verify(client, f"typo{n}").status_code == 404


def test_valid_codes_are_answered_whatever_the_misses(client, certificate):
    for n in range(VERIFICATION_MISSES.failures):
        assert verify(client, f"guess{n}").status_code == 404
    assert verify(client, "one-more").status_code == 429
    assert verify(client, certificate.code).status_code == 200
    assert verify(client, certificate.number).status_code == 200
    assert verify(client, "and-another").status_code == 429  # a valid code resets nothing


def test_verification_misses_behind_a_trusted_proxy_count_per_client(client, db, settings):
    settings.AULA_TRUSTED_PROXY_COUNT = 1
    for n in range(VERIFICATION_MISSES.failures):
        verify(client, f"guess{n}", "10.0.0.2", HTTP_X_FORWARDED_FOR=ADDRESS_A)
    assert verify(client, "x", "10.0.0.2", HTTP_X_FORWARDED_FOR=ADDRESS_A).status_code == 429
    assert verify(client, "x", "10.0.0.2", HTTP_X_FORWARDED_FOR=ADDRESS_B).status_code == 404


# --- the counters live in the shared cache ----------------------------------------------------


def test_two_processes_share_the_counters(invitation_cohort, ana):
    """Two clients stand for two web processes: what one counts, the other sees, because the
    counters are in ``caches["default"]`` (Redis in production) and nowhere else."""
    guesser = learner()
    first, second = Client(), Client()
    first.force_login(guesser)
    second.force_login(guesser)
    for _attempt in range(3):
        enrol(first, invitation_cohort, "guess")
    for _attempt in range(2):
        enrol(second, invitation_cohort, "guess")
    assert "Too many wrong codes" in enrol(first, invitation_cohort, "RIGHT")

    fail_logins(ana.email, 5, REMOTE_ADDR=ADDRESS_A)
    assert TOO_MANY in log_in(Client(), ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A).text

    caches["default"].clear()  # the counters go with the shared cache, so they were in it
    assert "You are enrolled" in enrol(first, invitation_cohort, "RIGHT")
    client = Client()
    assert log_in(client, ana.email, PASSWORD, REMOTE_ADDR=ADDRESS_A).status_code == 302
    assert logged_in_as(client, ana)
