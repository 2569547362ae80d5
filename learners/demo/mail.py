"""The demo's emails (enrolment confirmations, certificates, reminders…) go to a file, not the
console: ``seed_demo`` sends dozens, which would push the address and the demo logins that
``make run`` prints out of sight. Only when email goes to the console (``make run``, ``make
serve``): a real mail server still gets them."""

from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend
from django.test.utils import override_settings

CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_BACKEND = "learners.demo.mail.DemoEmailBackend"
EMAIL_LOG = Path("var") / "demo-emails.log"


class DemoEmailBackend(FileEmailBackend):
    """Django's file backend, appending every message to one file (``EMAIL_FILE_PATH`` is
    its directory) and counting them."""

    sent = 0

    def _get_filename(self):
        return str(Path(self.file_path) / EMAIL_LOG.name)

    def send_messages(self, email_messages):
        count = super().send_messages(email_messages)
        DemoEmailBackend.sent += count or 0
        return count


@contextmanager
def demo_emails_to_file(base_dir: Path | None = None):
    """While the demo is built, emails meant for the console are appended to
    ``var/demo-emails.log``; yields the log's path, or None when email goes elsewhere."""
    if settings.EMAIL_BACKEND != CONSOLE_BACKEND:
        yield None
        return
    log = Path(base_dir or settings.BASE_DIR) / EMAIL_LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    DemoEmailBackend.sent = 0
    with override_settings(EMAIL_BACKEND=DEMO_BACKEND, EMAIL_FILE_PATH=str(log.parent)):
        yield log
