"""Every existing inline item gets the locale of its page and a translation key; the items of
a page's translations share the keys of the source page's items, position by position (the
n-th outcome of the Spanish course is the translation of the n-th outcome of the English one),
so wagtail-localize updates them in place instead of replacing them. Nothing is deleted."""

import uuid
from collections import defaultdict

from django.conf import settings
from django.db import migrations

INLINES = [
    "courselearningoutcome",
    "coursecompetency",
    "coursesupportlink",
    "applicationquestion",
    "livesessionspeaker",
]


def source_first(pages, default_locale_id):
    """The pages of one translation key, the source first: the default language's copy, else
    the oldest."""
    return sorted(pages, key=lambda page: (page.locale_id != default_locale_id, page.pk))


def fill(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    locale_model = apps.get_model("wagtailcore", "Locale")
    default = locale_model.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    default_locale_id = default.pk if default else None
    for model_name in INLINES:
        model = apps.get_model("courses", model_name)
        items_by_page = defaultdict(list)
        for item in model.objects.order_by("sort_order", "pk"):
            items_by_page[item.page_id].append(item)
        if not items_by_page:
            continue
        pages = page_model.objects.filter(pk__in=items_by_page).only(
            "pk", "locale_id", "translation_key"
        )
        pages_by_key = defaultdict(list)
        for page in pages:
            pages_by_key[page.translation_key].append(page)
        changed = []
        for group in pages_by_key.values():
            keys = []  # the translation keys of the source page's items, in order
            for page in source_first(group, default_locale_id):
                for position, item in enumerate(items_by_page[page.pk]):
                    if position == len(keys):
                        keys.append(uuid.uuid4())
                    item.translation_key = keys[position]
                    item.locale_id = page.locale_id
                    changed.append(item)
        model.objects.bulk_update(changed, ["translation_key", "locale"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("courses", "0007_translatable_inlines_fields")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
