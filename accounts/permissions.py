"""Permissions read once per change, not once per request.

Every page a signed-in person opens asks what they may do (read facilitation
notes, open the admin). Django's ModelBackend answers with two queries each
request. This backend keeps the answer under the *permissions version* (a
`shared_cache.VersionedCache`) that any change to users, groups, permissions
or roles replaces (signals.py), so a role that is revoked is refused on the
very next request, in every process.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend

from shared_cache import VersionedCache

permissions = VersionedCache("accounts:permissions", size=20000, prefetch=True)


def new_permissions_version(**_signal_kwargs) -> None:
    permissions.changed()


class CachedPermissionsBackend(AuthenticationBackend):
    """allauth's login (e-mail) and Django's permissions, with permissions cached."""

    def get_all_permissions(self, user_obj, obj=None):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            read = super().get_all_permissions
            user_obj._perm_cache = permissions.get_or_build(
                ("all", user_obj.pk), lambda: frozenset(read(user_obj))
            )
        return user_obj._perm_cache
