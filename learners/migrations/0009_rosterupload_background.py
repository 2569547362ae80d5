"""Learner lists are imported in the background: the upload keeps its status (uploaded, queued,
running, done, failed), how many learners it holds and how many are imported, the rows to fix
and the error that stopped it. Lists imported before this migration are marked done."""

from django.db import migrations, models


def mark_imported_done(apps, schema_editor):
    RosterUpload = apps.get_model("learners", "RosterUpload")
    RosterUpload.objects.filter(imported_at__isnull=False).update(status="done")


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0008_privacy"),
    ]

    operations = [
        migrations.AddField(
            model_name="rosterupload",
            name="error",
            field=models.TextField(blank=True, verbose_name="error"),
        ),
        migrations.AddField(
            model_name="rosterupload",
            name="processed",
            field=models.PositiveIntegerField(default=0, verbose_name="learners imported so far"),
        ),
        migrations.AddField(
            model_name="rosterupload",
            name="queued_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="confirmed at"),
        ),
        migrations.AddField(
            model_name="rosterupload",
            name="row_errors",
            field=models.PositiveIntegerField(default=0, verbose_name="rows that need fixing"),
        ),
        migrations.AddField(
            model_name="rosterupload",
            name="started_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="import started at"),
        ),
        migrations.AddField(
            model_name="rosterupload",
            name="status",
            field=models.CharField(
                choices=[
                    ("uploaded", "Not imported yet"),
                    ("queued", "Waiting to start"),
                    ("running", "Importing"),
                    ("done", "Imported"),
                    ("failed", "Stopped by an error"),
                ],
                default="uploaded",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="rosterupload",
            name="total",
            field=models.PositiveIntegerField(default=0, verbose_name="learners in the list"),
        ),
        migrations.RunPython(mark_imported_done, migrations.RunPython.noop),
    ]
