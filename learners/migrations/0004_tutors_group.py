"""The "Tutors" group: plain accounts that may open the Wagtail admin and nothing more.

What a tutor sees there (the enrolments of the cohorts they tutor) is decided by
learners/permissions.py, not by model permissions.
"""

from django.db import migrations

TUTORS_GROUP = "Tutors"


def create_tutors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=TUTORS_GROUP)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        group.permissions.add(access_admin)


def remove_tutors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TUTORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0003_rosterupload"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # After Wagtail gives every admin group the "choose" permissions: tutors get none.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_tutors_group, remove_tutors_group)]
