"""The ages of digital consent of the programme's countries (GDPR art. 8, as each country set it).

Written into the countries that exist; a country added later starts at 16, the
GDPR's default, and a coordinator sets its own age in the admin. The values are
kept here as they were on the day of this migration, not read from the code.
"""

from django.db import migrations

AGES = {"AT": 14, "BG": 14, "EE": 13, "HU": 16, "IT": 14, "RO": 16}


def set_ages(apps, schema_editor):
    Country = apps.get_model("courses", "Country")
    for code, age in AGES.items():
        Country.objects.filter(code__iexact=code).update(age_of_digital_consent=age)


class Migration(migrations.Migration):
    dependencies = [("courses", "0007_guardian_consent")]

    operations = [migrations.RunPython(set_ages, migrations.RunPython.noop)]
