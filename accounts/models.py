from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account. Logs in with e-mail; the username is generated."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Used for e-mails and certificates."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email or self.username


def user_display(user) -> str:
    """How allauth names a person in messages ('You are signed in as …')."""
    return user.display_name


class RoleAssignment(models.Model):
    """A role beyond learning and training, scoped to a country where it needs one.

    Trainers are trainers through their accreditation and young experts through
    the cohorts they co-facilitate; these are the roles that see across cohorts.
    """

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Programme coordinator (all countries)")
        NSG_MEMBER = "nsg_member", _("National Steering Group member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    country = models.ForeignKey(
        "courses.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("country"),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "country"], name="one_role_per_scope"),
            models.CheckConstraint(
                condition=models.Q(role="coordinator") | models.Q(country__isnull=False),
                name="nsg_member_has_a_country",
            ),
        ]

    def __str__(self) -> str:
        scope = f" ({self.country})" if self.country_id else ""
        return f"{self.user}: {self.get_role_display()}{scope}"


def is_coordinator(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser
        or RoleAssignment.objects.filter(user=user, role=RoleAssignment.Role.COORDINATOR).exists()
    )
