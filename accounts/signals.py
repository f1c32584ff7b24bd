from allauth.mfa.models import Authenticator
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
    for model in (Group, Permission, RoleAssignment):
        for signal in (post_save, post_delete):
            signal.connect(
                new_permissions_version,
                sender=model,
                dispatch_uid=f"perms-{model.__name__}-{id(signal)}",
            )
    post_save.connect(on_user_saved, sender=User, dispatch_uid="perms-User-saved")
    post_delete.connect(new_permissions_version, sender=User, dispatch_uid="perms-User-deleted")
    # Whether staff have an authenticator (accounts.selectors.has_totp) is cached too.
    post_save.connect(
        on_authenticator_saved, sender=Authenticator, dispatch_uid="perms-Authenticator-saved"
    )
    post_delete.connect(
        new_permissions_version, sender=Authenticator, dispatch_uid="perms-Authenticator-deleted"
    )
    user_logged_in.connect(start_activity_clock, dispatch_uid="accounts-activity-clock")


def on_user_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """Any change to a person may change what they may do, but signing in only stamps
    `last_login`: that alone does not retire every process's permissions."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    new_permissions_version()


def on_authenticator_saved(sender, instance, created=False, **kwargs) -> None:
    """A new authenticator counts; using one (its last use, its codes) changes no answer."""
    if created:
        new_permissions_version()


def start_activity_clock(sender, request, user, **kwargs) -> None:
    """A new sign-in starts the idle timeout afresh."""
    from .middleware import mark_activity

    if request is not None and hasattr(request, "session"):
        mark_activity(request)
