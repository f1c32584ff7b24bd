from django.db.models.signals import post_delete, post_save

from .models import Enrolment, LessonProgress
from .progress_cache import on_progress_saved


def connect() -> None:
    for model in (Enrolment, LessonProgress):
        for signal in (post_save, post_delete):
            signal.connect(
                on_progress_saved,
                sender=model,
                dispatch_uid=f"progress-{model.__name__}-{id(signal)}",
            )
