"""Apply the retention rules now: ``python manage.py apply_retention`` (what the daily beat task
does). ``--dry-run`` prints what they would do (counts and ids) and changes nothing."""

from django.core.management.base import BaseCommand

from learners.privacy.services import apply_retention


def _ids(ids: list[int]) -> str:
    return ", ".join(map(str, ids)) if ids else "none"


class Command(BaseCommand):
    help = (
        "Anonymise accounts inactive for AULA_RETENTION_INACTIVE_MONTHS months and delete "
        "applications rejected AULA_RETENTION_REJECTED_MONTHS months ago. Accounts with a "
        "staff, editor or tutor role are never anonymised."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be anonymised and deleted (counts and ids); change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        plan = apply_retention(dry_run=dry_run)
        verb = ("would anonymise", "would delete") if dry_run else ("anonymised", "deleted")
        if plan.inactive_since is None:
            self.stdout.write("Inactive accounts: rule off (AULA_RETENTION_INACTIVE_MONTHS).")
        else:
            self.stdout.write(
                f"Inactive accounts (no activity since {plan.inactive_since:%Y-%m-%d}): "
                f"{verb[0]} {len(plan.accounts)}; ids: {_ids(plan.accounts)}"
            )
        if plan.rejected_before is None:
            self.stdout.write("Rejected applications: rule off (AULA_RETENTION_REJECTED_MONTHS).")
        else:
            self.stdout.write(
                f"Rejected applications (decided before {plan.rejected_before:%Y-%m-%d}): "
                f"{verb[1]} {len(plan.applications)}; ids: {_ids(plan.applications)}"
            )
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
