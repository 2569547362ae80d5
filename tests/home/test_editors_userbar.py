"""Wagtail's user bar is for people who may open the admin; whether they may is asked once per
session, so learners' pages carry no permission queries."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory, learner

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def permission_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in queries if "auth_permission" in q["sql"]]


def test_learner_sees_no_user_bar_and_pays_no_permission_query_after_the_first_page(site_tree):
    client = client_for(learner(email="ana@example.org"))
    assert permission_queries(client, "/en/") != []  # asked once…
    assert permission_queries(client, "/en/courses/") == []  # …then remembered
    assert USERBAR not in client.get("/en/").content.decode()


def test_editor_sees_the_user_bar(site_tree):
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(editors)
    client = client_for(editor)
    assert USERBAR in client.get("/en/").content.decode()
    assert USERBAR in client.get("/en/courses/").content.decode()


def test_visitor_sees_no_user_bar(site_tree):
    assert USERBAR not in Client().get("/en/").content.decode()
