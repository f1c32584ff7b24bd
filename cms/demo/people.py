"""Demo people: one per role the platform has so far, each with a verified e-mail.

A National Steering Group member per demo country (nsg.bg@example.org, ...)
reads their country's dashboard in the country's language (English where the
site has no such language).
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from accounts.models import RoleAssignment
from courses.models import Country

from .cohorts import COUNTRIES

DEMO_PASSWORD = "leaving-care-demo"


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    role: str
    language: str
    is_superuser: bool = False
    groups: tuple[str, ...] = ()
    nsg_country: str = ""  # ISO code: a National Steering Group member of that country

    @property
    def is_staff(self) -> bool:
        """Staff sign in with a second factor (accounts.selectors.is_staff_account)."""
        return self.is_superuser or "Editors" in self.groups or bool(self.nsg_country)


def _site_language(language: str) -> str:
    """The country's language where the site has it, else English."""
    return language if language in dict(settings.LANGUAGES) else "en"


NSG_MEMBER_NAMES = {
    "BG": ("Ралица", "Колева"),
    "EE": ("Liis", "Kask"),
    "HU": ("Eszter", "Horváth"),
    "IT": ("Chiara", "Ricci"),
    "RO": ("Ștefania", "Ionescu"),
}

PEOPLE = (
    DemoPerson(
        "coordinator@example.org",
        "Elena",
        "Marinescu",
        "Programme coordinator (admin)",
        "en",
        is_superuser=True,
    ),
    DemoPerson(
        "editor@example.org",
        "Katrin",
        "Tamm",
        "Content editor and translator",
        "et",
        groups=("Editors",),
    ),
    DemoPerson(
        "trainer@example.org",
        "Георги",
        "Иванов",
        "Trainer (sees facilitation notes)",
        "bg",
        groups=("Trainers",),
    ),
    DemoPerson("learner@example.org", "Ioana", "Țărănescu", "Learner (care professional)", "ro"),
    DemoPerson("learner.hu@example.org", "Zsófia", "Kőműves", "Learner (care professional)", "hu"),
    *(
        DemoPerson(
            f"nsg.{country.code.lower()}@example.org",
            *NSG_MEMBER_NAMES[country.code],
            f"National Steering Group member, {country.name}",
            _site_language(country.language),
            nsg_country=country.code,
        )
        for country in COUNTRIES
    ),
)


def trainers_group() -> Group:
    """The group whose members read trainer-only facilitation notes."""
    group, _ = Group.objects.get_or_create(name="Trainers")
    group.permissions.add(
        Permission.objects.get(codename="view_facilitation_notes", content_type__app_label="cms")
    )
    return group


@transaction.atomic
def load_people() -> list[DemoPerson]:
    User = get_user_model()
    trainers_group()
    for person in PEOPLE:
        user = User.objects.filter(email__iexact=person.email).first() or User(
            username=person.email.split("@")[0].replace(".", "_"), email=person.email
        )
        user.first_name = person.first_name
        user.last_name = person.last_name
        user.preferred_language = person.language
        user.is_superuser = person.is_superuser
        user.is_staff = person.is_superuser or "Editors" in person.groups
        user.set_password(DEMO_PASSWORD)
        user.save()
        for name in person.groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        EmailAddress.objects.update_or_create(
            user=user, email=person.email, defaults={"verified": True, "primary": True}
        )
        if person.nsg_country:
            RoleAssignment.objects.get_or_create(
                user=user,
                role=RoleAssignment.Role.NSG_MEMBER,
                country=demo_country(person.nsg_country),
            )
    return list(PEOPLE)


def demo_country(code: str) -> Country:
    """A demo country, made as the cascade makes it when it is not there yet."""
    data = next(country for country in COUNTRIES if country.code == code)
    return Country.objects.get_or_create(
        code=code,
        defaults={"name": data.name, "age_of_digital_consent": data.age_of_digital_consent},
    )[0]


def staff_authenticator_secrets() -> dict[str, str]:
    """The authenticator-app secret of each demo staff login, by e-mail.

    Staff (the coordinator, the editor, the NSG members) sign in with a code
    from an authenticator app (accounts.middleware). Each demo staff person
    gets an app secret once (kept on later runs) and recovery codes; `make
    demo` prints the secrets so a person can add them to an app of their own.
    """
    User = get_user_model()
    secrets = {}
    for person in PEOPLE:
        if not person.is_staff:
            continue
        user = User.objects.get(email__iexact=person.email)
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            totp = TOTP.activate(user, generate_totp_secret()).instance
            RecoveryCodes.activate(user)
        secrets[person.email] = decrypt(totp.data["secret"])
    return secrets
