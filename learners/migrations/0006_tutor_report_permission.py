"""The "Can view progress reports" permission (learners.view_progress_report): staff granted it
(or superusers) open the progress report in the admin (learners/reports.py). Tutors are not
given it: they see their own cohorts on the tutor dashboard."""

from django.db import migrations

CODENAME = "view_progress_report"


def create_permission(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="learners", model="enrolment"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can view progress reports"},
    )


def remove_permission(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="learners", codename=CODENAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0005_progress_live_sessions_certificates"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_permission, remove_permission)]
