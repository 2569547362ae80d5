"""Profiles' countries become ISO codes (issue 13, item 4). A country typed as free text is
read in English, Spanish, Portuguese or French ("Perú", "Peru", "peru" → PE); a text that names
no country is kept in ``country_unmatched`` for staff to review (the progress report shows it)
and listed in the migration's output. 0013 then narrows the column to the two-letter code."""

from django.db import migrations, models


def countries_to_codes(apps, schema_editor):
    from learners.accounts.countries import country_code

    LearnerProfile = apps.get_model("learners", "LearnerProfile")
    # (code, text kept for review) → the profiles to write it to: one UPDATE per country.
    changes, unmatched = {}, {}
    for pk, typed in LearnerProfile.objects.exclude(country="").values_list("pk", "country"):
        text = str(typed).strip()
        code = country_code(text)
        if code == typed:
            continue
        changes.setdefault((code, "" if code else text[:100]), []).append(pk)
        if not code:
            unmatched[text] = unmatched.get(text, 0) + 1
    for (code, kept), pks in changes.items():
        for start in range(0, len(pks), 1000):
            LearnerProfile.objects.filter(pk__in=pks[start : start + 1000]).update(
                country=code, country_unmatched=kept
            )
    if unmatched:
        listed = ", ".join(f"“{text}” ({count})" for text, count in sorted(unmatched.items()))
        print(f"\n  Countries kept for review (learner profiles' country_unmatched): {listed}")


def codes_to_countries(apps, schema_editor):
    """Backwards: the code stays (a valid free text); the unmatched text comes back."""
    LearnerProfile = apps.get_model("learners", "LearnerProfile")
    for pk, text in LearnerProfile.objects.exclude(country_unmatched="").values_list(
        "pk", "country_unmatched"
    ):
        LearnerProfile.objects.filter(pk=pk).update(country=text)


class Migration(migrations.Migration):
    dependencies = [("learners", "0011_certificate_credential")]

    operations = [
        migrations.AddField(
            model_name="learnerprofile",
            name="country_unmatched",
            field=models.CharField(
                blank=True, max_length=100, verbose_name="country as typed, not recognised"
            ),
        ),
        migrations.RunPython(countries_to_codes, codes_to_countries),
    ]
