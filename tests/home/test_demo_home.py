"""The demo's home page is composed in English and Spanish, and the emails ``seed_demo`` sends
while it builds go to a file it names, not the console (so `make run` ends with the address and
the logins)."""

import pytest
from django.core import mail
from django.core.mail import send_mail

from learners.demo.mail import CONSOLE_BACKEND, DemoEmailBackend, demo_emails_to_file

pytestmark = pytest.mark.usefixtures("modules_open")


@pytest.mark.parametrize(
    ("language", "heading", "organisation"),
    [
        ("en", "Professional courses on care", "Regional Training Centre"),
        ("es", "Cursos profesionales sobre los cuidados", "Centro Regional de Formación"),
    ],
)
def test_the_demo_home_page_has_every_section_in_each_language(
    demo, client, language, heading, organisation
):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html and organisation in html
    assert len(response.context["featured"]) == 3
    assert all(course.locale.language_code == language for course in response.context["featured"])
    assert len(response.context["organisation_cards"]) == 3
    assert 'class="verify-box"' in html


def test_demo_emails_meant_for_the_console_go_to_the_named_file(settings, tmp_path, capsys):
    settings.EMAIL_BACKEND = CONSOLE_BACKEND

    with demo_emails_to_file(base_dir=tmp_path) as log:
        send_mail("Your enrolment", "Welcome.", "aula@example.org", ["learner@example.org"])
        send_mail("Your certificate", "Well done.", "aula@example.org", ["learner@example.org"])

    assert log == tmp_path / "var" / "demo-emails.log"
    written = log.read_text()
    assert "Your enrolment" in written and "Your certificate" in written
    assert DemoEmailBackend.sent == 2
    assert "Your enrolment" not in capsys.readouterr().out


def test_demo_emails_still_reach_a_real_backend(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    with demo_emails_to_file(base_dir=tmp_path) as log:
        send_mail("Your enrolment", "Welcome.", "aula@example.org", ["learner@example.org"])

    assert log is None
    assert [message.subject for message in mail.outbox] == ["Your enrolment"]
    assert not (tmp_path / "var").exists()
