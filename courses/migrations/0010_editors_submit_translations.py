"""Editors and moderators may submit pages for translation (wagtail-localize's "Can submit
translations"): wagtail-localize grants it to the groups that exist when its own migration
runs; this grants it to Wagtail's Editors and Moderators groups whenever they were made. What
they may do with a translation then follows their page permissions: editors submit it to the
moderation workflow (courses/translation.py), moderators publish it."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    content_type, _created = content_type_model.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _created = permission_model.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for group in group_model.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_translatable_inlines_required"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
