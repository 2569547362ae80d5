"""The inline items' locale and translation key are required and unique together, as
Wagtail's TranslatableMixin declares them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

INLINES = [
    "applicationquestion",
    "coursecompetency",
    "courselearningoutcome",
    "coursesupportlink",
    "livesessionspeaker",
]


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("courses", "0008_translatable_inlines_data")]

    operations = [operation for name in INLINES for operation in required(name)]
