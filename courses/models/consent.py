"""A guardian's consent for a young person below their country's age of digital consent.

GDPR article 8: below the age a country sets (13 to 16), an account is made for
a young person only with the consent of a parent or legal guardian. Three records:

- `PendingSignup`: a sign-up below the age, waiting for the guardian. No account
  exists yet; it holds what the account will be made of (never the password,
  only its hash) and never the date of birth. The guardian's link is a random
  token of which only a hash is kept. The row is deleted when the guardian
  consents or it expires.
- `DateOfBirth`: the date of birth of someone whose account was made at once
  (at or above the age of the country they chose) while under 18, the highest
  age a country may set, kept until their 18th birthday and no longer. It
  applies the rule again when they change country or join a cohort elsewhere,
  and after a coordinator changes a country's age. Nobody else's is kept: not an
  adult's, and not a young person's whose guardian consented (that consent
  covers every country).
- `GuardianConsent`: the proof that a guardian consented: who, at which
  address, when, how (a link by e-mail, or a signed paper form a trainer holds)
  and the rule that applied (the country and its age). It belongs to the account
  it allowed, or to the roster record of a young person a trainer registered.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingSignup(models.Model):
    email = models.CharField(_("e-mail"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    password_hash = models.CharField(max_length=128)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    country = models.ForeignKey(
        "courses.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        "courses.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    # The rule that applied when the person signed up, kept as it was then: a
    # coordinator changing the country's age later does not change this sign-up.
    rule_country_code = models.CharField(_("country of the rule"), max_length=2, blank=True)
    age_of_digital_consent = models.PositiveSmallIntegerField(_("age of digital consent"))
    guardian_email = models.CharField(_("guardian's e-mail"), max_length=254)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("link valid until"))
    guardian_email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-up waiting for a guardian")
        verbose_name_plural = _("sign-ups waiting for a guardian")

    def __str__(self) -> str:
        return f"{self.pk} ({self.rule_country_code or '—'} {self.age_of_digital_consent})"


class GuardianConsent(models.Model):
    class Method(models.TextChoices):
        EMAIL_LINK = "email_link", _("By the guardian, through a link sent by e-mail")
        PAPER_FORM = "paper_form", _("On a paper form signed by the guardian, held by a trainer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="guardian_consent",
        verbose_name=_("account"),
    )
    participant = models.OneToOneField(
        "courses.Participant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="guardian_consent",
        verbose_name=_("roster record"),
    )
    guardian_name = models.CharField(_("guardian's name"), max_length=150)
    guardian_email = models.CharField(_("guardian's e-mail"), max_length=254, blank=True)
    given_at = models.DateTimeField(_("consent given at"))
    method = models.CharField(_("how"), max_length=16, choices=Method.choices)
    rule_country_code = models.CharField(_("country of the rule"), max_length=2, blank=True)
    age_of_digital_consent = models.PositiveSmallIntegerField(_("age of digital consent"))
    # The trainer who recorded a paper form (nobody for a consent given by e-mail).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("guardian's consent")
        verbose_name_plural = _("guardians' consents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(participant__isnull=False),
                name="guardian_consent_belongs_to_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} · {self.given_at:%Y-%m-%d}"


class DateOfBirth(models.Model):
    """A young person's date of birth, kept until the day nobody needs a guardian's consent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="date_of_birth_kept",
        verbose_name=_("account"),
    )
    born_on = models.DateField(_("date of birth"))
    # The 18th birthday (1 March for someone born on 29 February, in a year without one):
    # the daily job deletes the row then.
    kept_until = models.DateField(_("kept until"), db_index=True)

    class Meta:
        verbose_name = _("date of birth of a young person")
        verbose_name_plural = _("dates of birth of young people")

    def __str__(self) -> str:
        return f"{self.user_id} (until {self.kept_until:%Y-%m-%d})"
