from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import RoleAssignment
from .permissions import new_permissions_version


def connect() -> None:
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            new_permissions_version, sender=through, dispatch_uid=f"perms-{through.__name__}"
        )
    # Roles make a person staff (accounts.selectors.is_staff_account), cached by this version.
    for model in (User, Group, Permission, RoleAssignment):
        for signal in (post_save, post_delete):
            signal.connect(
                new_permissions_version,
                sender=model,
                dispatch_uid=f"perms-{model.__name__}-{id(signal)}",
            )
    user_logged_in.connect(start_activity_clock, dispatch_uid="accounts-activity-clock")


def start_activity_clock(sender, request, user, **kwargs) -> None:
    """A new sign-in starts the idle timeout afresh."""
    from .middleware import mark_activity

    if request is not None and hasattr(request, "session"):
        mark_activity(request)
