from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save

from .permissions import new_permissions_version


def connect() -> None:
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            new_permissions_version, sender=through, dispatch_uid=f"perms-{through.__name__}"
        )
    for model in (User, Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                new_permissions_version,
                sender=model,
                dispatch_uid=f"perms-{model.__name__}-{id(signal)}",
            )
