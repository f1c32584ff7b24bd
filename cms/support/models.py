"""A support service young people can turn to, kept per country (a translatable snippet)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SupportService(TranslatableMixin, models.Model):
    """One service in a country's "Where to find support" list.

    Its words (name, what it offers, who it is for) are translated; where and how
    to reach it are the same in every language, and a translation cannot change
    them: a young person must never be sent to a number a translator typed.
    """

    country = models.ForeignKey(
        "courses.Country",
        on_delete=models.PROTECT,
        related_name="support_services",
        verbose_name=_("country"),
    )
    position = models.PositiveSmallIntegerField(
        _("position in the country's list"),
        default=10,
        help_text=_("Lower numbers come first."),
    )
    name = models.CharField(_("name"), max_length=150)
    offer = models.CharField(
        _("what it offers"),
        max_length=300,
        help_text=_(
            "One short sentence a young person understands, e.g. “Talk to other young "
            "people who have left care.”"
        ),
    )
    audience = models.CharField(
        _("who it is for"),
        max_length=200,
        blank=True,
        help_text=_("For example: “Young people aged 16 to 25 who live in care or have left.”"),
    )
    is_peer_platform = models.BooleanField(
        _("peer platform"),
        default=False,
        help_text=_("Young people support each other there (such as YouthLinks)."),
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("offer"),
        TranslatableField("audience"),
        SynchronizedField("country", overridable=False),
        SynchronizedField("position", overridable=False),
        SynchronizedField("is_peer_platform", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support service")
        verbose_name_plural = _("support services")
        ordering = ["country__name", "position", "name"]

    def __str__(self) -> str:
        return self.name
