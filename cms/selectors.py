"""Reads for the site app that the admin and pages share."""

from __future__ import annotations

from django.db.models import F, OuterRef, QuerySet, Subquery
from wagtail.models import Page
from wagtail_localize.models import Translation


def outdated_translations() -> QuerySet[Translation]:
    """Translations whose source page was published again after it was last sent for translation.

    wagtail-localize translates from a snapshot of the source taken when the
    page is submitted or synced; an edit published after that snapshot is not
    in any translation until someone syncs it.
    """
    source_published_at = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    ).values("last_published_at")[:1]
    return (
        Translation.objects.filter(enabled=True)
        .annotate(source_changed_at=Subquery(source_published_at))
        .filter(source_changed_at__gt=F("source__last_updated_at"))
        .select_related("source", "source__locale", "target_locale")
        .order_by("-source_changed_at", "target_locale__language_code")
    )
