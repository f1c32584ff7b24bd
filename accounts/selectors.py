"""Reads about a person's account: are they staff, have they used a second factor."""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from .models import RoleAssignment
from .models import is_coordinator as coordinator_role_held
from .permissions import permissions


def is_coordinator(user) -> bool:
    """Whether this person is a programme coordinator, read once per permissions version.

    The admin asks it for every menu item and every row's buttons; like
    `is_staff_account`, the answer is kept on the user object and under the
    permissions version, which any role change replaces. Services that change
    the record ask `accounts.models.is_coordinator` directly.
    """
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_coordinator"):
        user._is_coordinator = permissions.get_or_build(
            ("coordinator", user.pk), lambda: coordinator_role_held(user)
        )
    return user._is_coordinator


def is_staff_account(user) -> bool:
    """Whether this person reaches the admin or sees across cohorts.

    Staff are superusers, `is_staff` accounts, anyone with Wagtail's
    `wagtailadmin.access_admin` permission and anyone holding a role
    (coordinator, National Steering Group member). The answer is kept under the
    permissions version, which any change to people, groups, permissions or
    roles replaces, so it costs no query on most requests.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if not hasattr(user, "_is_staff_account"):
        user._is_staff_account = permissions.get_or_build(
            ("staff", user.pk),
            lambda: (
                user.has_perm("wagtailadmin.access_admin")
                or RoleAssignment.objects.filter(user=user).exists()
            ),
        )
    return user._is_staff_account


def has_totp(user) -> bool:
    """Whether this person has activated an authenticator app (TOTP).

    Asked on every staff page; kept under the permissions version, which adding
    or removing an authenticator replaces (signals.py).
    """
    return permissions.get_or_build(
        ("totp", user.pk),
        lambda: Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
    )


def used_second_factor(request: HttpRequest) -> bool:
    """Whether the signed-in person passed a second factor in this session.

    allauth records each authentication step in the session (password, then
    "mfa" after a TOTP or recovery code), for the user it was made for.
    """
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
