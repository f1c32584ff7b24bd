import assessments.models.h5p
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_assessments_and_h5p"),
    ]

    operations = [
        migrations.AlterField(
            model_name="h5pcontent",
            name="package",
            field=models.FileField(
                help_text="An .h5p file exported from an H5P editor (h5p.org, Lumi, Moodle…).",
                upload_to=assessments.models.h5p.package_path,
                verbose_name="H5P package",
            ),
        ),
    ]
