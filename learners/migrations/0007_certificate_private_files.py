"""Certificate PDFs move from public media (``certificates/<year>/<month>/<code>.pdf``, served to
anyone who knew the verification code) to the private storage ``certificates`` under random
names; the public copies are deleted. Revoked and replaced certificates keep no file at all.

Not reversible in substance: going back leaves the files where they are (private), and the
rows of an older code base would then point at names its public storage does not have, which
it renders again on the next download.
"""

from django.core.files.storage import storages
from django.db import migrations, models, transaction

import learners.certificates.files
from learners.certificates.files import new_pdf_name


def move_to_private_storage(apps, schema_editor):
    certificate_model = apps.get_model("learners", "Certificate")
    public, private = storages["default"], storages["certificates"]
    rows = (
        certificate_model.objects.exclude(pdf="")
        .values_list("pk", "pdf", "revoked_at", "replaced_at")
        .order_by("pk")
    )
    for pk, old, revoked_at, replaced_at in rows.iterator():
        valid = revoked_at is None and replaced_at is None
        new = old
        if public.exists(old):
            new = ""
            if valid:
                with public.open(old, "rb") as handle:
                    new = private.save(new_pdf_name(), handle)
            transaction.on_commit(lambda name=old: public.delete(name))
        elif not private.exists(old):
            new = ""  # lost: a valid certificate's PDF is rendered again on its next download
        elif not valid:
            new = ""
            transaction.on_commit(lambda name=old: private.delete(name))
        if new != old:
            certificate_model.objects.filter(pk=pk).update(pdf=new)


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0006_tutor_report_permission"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=learners.certificates.files.certificate_storage,
                upload_to=learners.certificates.files.new_pdf_name,
                verbose_name="PDF",
            ),
        ),
        migrations.RunPython(move_to_private_storage, migrations.RunPython.noop),
    ]
