"""Build the demo site: ``python manage.py seed_demo`` (safe to run again).

``--print-logins`` prints the demo accounts (role, email, password) and builds nothing.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from learners.demo.build import LANGUAGE_CODES, PARTIAL_TRANSLATIONS, build_demo, login_lines
from learners.demo.mail import DemoEmailBackend, demo_emails_to_file


class Command(BaseCommand):
    help = (
        "Build the demo site in English and Spanish, with Portuguese and French pages "
        "(courses, pages, demo accounts, cohorts, learners and their enrolments). "
        "Idempotent: a second run creates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-logins",
            action="store_true",
            help="Only print the demo accounts (role, email, password); build nothing.",
        )

    def handle(self, *args, print_logins=False, **options):
        if print_logins:
            for line in login_lines():
                self.stdout.write(line)
            return

        with demo_emails_to_file() as email_log:
            demo = build_demo()
        created = demo.created
        languages = (*LANGUAGE_CODES, *PARTIAL_TRANSLATIONS)
        pages = Page.objects.filter(locale__language_code__in=languages, depth__gt=1)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo site ready: created {created['locales']} locales, "
                f"{created['pages']} pages, {created['users']} users, "
                f"{created['cohorts']} cohorts, {created['enrolments']} enrolments "
                f"({pages.count()} pages and {len(demo.courses)} courses in "
                f"{', '.join(languages[:-1])} and {languages[-1]})."
            )
        )
        if email_log is not None and DemoEmailBackend.sent:
            self.stdout.write(
                f"The demo sent {DemoEmailBackend.sent} emails: they are in {email_log}."
            )
