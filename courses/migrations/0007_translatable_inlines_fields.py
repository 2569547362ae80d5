"""The pages' inline items become translatable (courses/inlines.py): their locale and
translation key, nullable until 0008 fills them in for the existing rows."""

import django.db.models.deletion
from django.db import migrations, models

INLINES = [
    "applicationquestion",
    "coursecompetency",
    "courselearningoutcome",
    "coursesupportlink",
    "livesessionspeaker",
]


def fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_coursepage_completion_min_posts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [operation for name in INLINES for operation in fields(name)]
