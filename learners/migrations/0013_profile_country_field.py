# The profile's country as a django-countries code (after 0012 moved the free text).

import django_countries.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("learners", "0012_profile_country_codes")]

    operations = [
        migrations.AlterField(
            model_name="learnerprofile",
            name="country",
            field=django_countries.fields.CountryField(
                blank=True, max_length=2, verbose_name="country"
            ),
        ),
    ]
