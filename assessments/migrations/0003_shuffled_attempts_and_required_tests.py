import django.db.models.manager
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_h5p_package_named_by_platform"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="attempt",
            options={
                "base_manager_name": "everything",
                "ordering": ["-submitted_at", "-pk"],
                "verbose_name": "attempt",
                "verbose_name_plural": "attempts",
            },
        ),
        migrations.AlterModelManagers(
            name="attempt",
            managers=[
                ("objects", django.db.models.manager.Manager()),
                ("everything", django.db.models.manager.Manager()),
            ],
        ),
        migrations.AddField(
            model_name="assessment",
            name="required_for_completion",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "People complete the course only once they have passed this post-test or "
                    "knowledge check, online or on paper. Needs a pass mark."
                ),
                verbose_name="required to complete the course",
            ),
        ),
        migrations.AddField(
            model_name="assessment",
            name="shuffle_questions",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Show the questions in a different order to each person and attempt. "
                    "Answer options are always shuffled."
                ),
                verbose_name="shuffle the questions",
            ),
        ),
        migrations.AddField(
            model_name="attempt",
            name="presented_order",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="attempt",
            name="status",
            field=models.CharField(
                choices=[("in_progress", "In progress"), ("submitted", "Sent")],
                default="submitted",
                editable=False,
                max_length=12,
            ),
        ),
        migrations.AddConstraint(
            model_name="attempt",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "in_progress")),
                fields=("participant", "activity_key"),
                name="one_open_attempt_per_person_and_test",
            ),
        ),
    ]
