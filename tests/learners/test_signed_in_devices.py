"""Issue 13, item 3: "Signed-in devices" (allauth.usersessions) lists where the account is
logged in and logs the others out; erasing the account deletes them (addresses, browsers)."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.test import Client

from learners.privacy.export import export_zip
from learners.privacy.services import erase_account
from tests.factories import learner

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def logged_in_client(user, browser: str) -> Client:
    client = Client(HTTP_USER_AGENT=browser)
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def ana(site_tree):
    user = learner(email="ana@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_devices_are_listed_and_the_others_logged_out(ana):
    office = logged_in_client(ana, "Firefox at the office")
    phone = logged_in_client(ana, "Chrome on the phone")
    html = phone.get("/en/accounts/sessions/").content.decode()
    assert '<h1 id="devices">Signed-in devices</h1>' in html
    assert "Firefox at the office" in html and "Chrome on the phone" in html
    assert "(this device)" in html

    response = phone.post("/en/accounts/sessions/")
    assert response.status_code == 302
    assert office.get("/en/learn/").status_code == 302  # logged out: sent to log in
    assert phone.get("/en/learn/").status_code == 200
    assert UserSession.objects.filter(user=ana).count() == 1


def test_the_page_speaks_spanish(ana):
    html = logged_in_client(ana, "Firefox").get("/es/accounts/sessions/").content.decode()
    assert "Dispositivos con sesión iniciada" in html


def test_erasing_the_account_deletes_its_devices(ana):
    logged_in_client(ana, "Firefox at the office")
    assert UserSession.objects.filter(user=ana).exists()
    erase_account(user=ana, keep_certificates=True)
    assert not UserSession.objects.filter(user=ana).exists()


def test_the_data_export_lists_the_devices(ana):
    logged_in_client(ana, "Firefox at the office")
    with zipfile.ZipFile(io.BytesIO(export_zip(user=ana))) as archive:
        [device] = json.loads(archive.read("signed_in_devices.json"))
        assert "signed_in_devices.csv" in archive.namelist()
    assert (device["browser"], device["address"]) == ("Firefox at the office", "127.0.0.1")
