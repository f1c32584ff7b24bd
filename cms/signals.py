"""Start a new content version whenever what readers see may have changed."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from assessments.models import Assessment

from .caching import new_content_version
from .support.models import SupportService


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(new_content_version, dispatch_uid=f"cms-content-version-{id(signal)}")
    post_delete.connect(new_content_version, sender=Page, dispatch_uid="cms-page-deleted")
    m2m_changed.connect(
        new_content_version,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="cms-restriction-groups",
    )
    # Assessments are authored content too (a course page lists its tests by their titles), and
    # so are the support lists that end the youth module.
    models = (
        get_document_model(),
        get_image_model(),
        PageViewRestriction,
        Site,
        Assessment,
        SupportService,
    )
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                new_content_version, sender=model, dispatch_uid=f"cms-{model.__name__}-{id(signal)}"
            )
