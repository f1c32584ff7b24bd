from __future__ import annotations

from wagtail.models import Locale

from ..models import Assessment


def course_assessment(course, kind: str, language: str = "") -> Assessment | None:
    """The course's assessment of this kind: in `language` if translated, else in the default."""
    candidates = list(
        Assessment.objects.filter(
            kind=kind, course__translation_key=course.translation_key
        ).select_related("locale")
    )
    if not candidates:
        return None
    by_language = {assessment.locale.language_code: assessment for assessment in candidates}
    default = Locale.get_default().language_code
    return by_language.get(language) or by_language.get(default) or candidates[0]
