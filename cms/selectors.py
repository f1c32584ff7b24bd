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
    source_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            source_changed_at=Subquery(source_page.values("last_published_at")[:1]),
            # The source page's id, for a link to edit it without loading each page.
            source_page_id=Subquery(source_page.values("pk")[:1]),
        )
        .filter(source_changed_at__gt=F("source__last_updated_at"))
        .select_related("source", "source__locale", "target_locale")
        .order_by("-source_changed_at", "target_locale__language_code")
    )
