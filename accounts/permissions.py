"""Permissions read once per change, not once per request.

Every page a signed-in person opens asks what they may do (read facilitation
notes, open the admin). Django's ModelBackend answers with two queries each
request. This backend keeps the answer in the cache under a *permissions
version* that any change to users, groups or permissions replaces, so a role
that is revoked is refused on the very next request.
"""

from __future__ import annotations

import time

from allauth.account.auth_backends import AuthenticationBackend
from django.core.cache import cache, caches

VERSION_KEY = "accounts:permissions-version"


def permissions_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, str(time.time_ns()), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def new_permissions_version(**_signal_kwargs) -> None:
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


class CachedPermissionsBackend(AuthenticationBackend):
    """allauth's login (e-mail) and Django's permissions, with permissions cached."""

    def get_all_permissions(self, user_obj, obj=None):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            key = f"accounts:permissions:{permissions_version()}:{user_obj.pk}"
            # The version is shared by every process; the value, keyed by it, can
            # stay in this process's memory.
            permissions = caches["local"].get(key)
            if permissions is None:
                permissions = super().get_all_permissions(user_obj)
                caches["local"].set(key, permissions, 60 * 60)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache
