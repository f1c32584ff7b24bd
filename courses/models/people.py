"""Countries, organisations and the people training reaches."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=16)
def _country_names(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language, sep="-").territories)
    except (ValueError, UnknownLocaleError):
        return {}


# The highest age of digital consent a coordinator may set for a country: from this age on
# nobody needs a guardian's consent, whatever country they choose.
HIGHEST_AGE_OF_DIGITAL_CONSENT = 18


def country_name(code: str, fallback: str) -> str:
    """A country's name in the interface language (CLDR), e.g. 'България' for BG in Bulgarian.

    `fallback` (the name kept in the database) serves a code CLDR does not know.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    return _country_names(language).get(code.upper(), fallback)


class Country(models.Model):
    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    age_of_digital_consent = models.PositiveSmallIntegerField(
        _("age of digital consent"),
        default=16,
        # GDPR art. 8 lets a country choose from 13 to 16; 18 leaves room for a stricter law.
        validators=[MinValueValidator(13), MaxValueValidator(HIGHEST_AGE_OF_DIGITAL_CONSENT)],
        help_text=_(
            "Below this age a guardian must consent to an account (GDPR art. 8). From 13 to "
            "18; 16 where the country has set none. Changes are written to the audit trail."
        ),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        # Shown in the reader's language everywhere: pages, admin lists, select options.
        return country_name(self.code, self.name)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-governmental organisation")
        PUBLIC_AGENCY = "public_agency", _("Public child-protection agency")
        CARE_PROVIDER = "care_provider", _("Care provider")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NGO)
    region = models.CharField(_("region"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["country__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "name"], name="one_organisation_name_per_country"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A person training reached: counted once however many cohorts they sit in.

    Either a registered person (with an account) or a roster-only person
    recorded by a trainer: young people, possibly minors, with a first name or
    a code and an age band, and no contact data.
    """

    class AgeBand(models.TextChoices):
        UNDER_14 = "under_14", _("Under 14")
        AGE_14_17 = "14_17", _("14 to 17")
        AGE_18_21 = "18_21", _("18 to 21")
        AGE_22_25 = "22_25", _("22 to 25")
        ADULT = "adult", _("Over 25")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant",
        verbose_name=_("account"),
    )
    display_name = models.CharField(
        _("name or code"),
        max_length=150,
        help_text=_("For roster-only young people: a first name or a code, never a full name."),
    )
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, blank=True)
    # Empty for someone learning online on their own until they join a cohort.
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("employer or care setting"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_duplicates",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_roster_only(self) -> bool:
        return self.user_id is None

    @property
    def is_minor(self) -> bool:
        return self.age_band in {self.AgeBand.UNDER_14, self.AgeBand.AGE_14_17}
