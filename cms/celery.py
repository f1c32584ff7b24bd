"""The Celery application. Tasks live in each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

# Queued after a commit, a task the broker cannot take is recorded, not lost (jobs/queueing.py).
app = Celery("cms", task_cls="jobs.queueing:Task")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
