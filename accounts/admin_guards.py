"""The admin screens that hold the record or give access, and how they are guarded.

Coordinators write there: a Django model permission (change_traineraccreditation,
add_roleassignment) is not enough on its own to change who is a trainer or who
sees what, and the services behind these screens check the coordinator role
again. Wagtail's copy view is not there, nor delete where records are kept whole.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.urls import path
from wagtail.permission_policies import ModelPermissionPolicy

from .models import RoleAssignment
from .selectors import is_coordinator

WRITES = frozenset({"add", "change", "delete"})


class CoordinatorsWritePolicy(ModelPermissionPolicy):
    """Coordinators add, change and delete; Django's model permissions govern viewing.

    With `deletable=False` nobody deletes (a cohort is cancelled, an
    accreditation revoked instead), so the screens show no delete button.
    """

    def __init__(self, model, *, deletable: bool = True):
        super().__init__(model)
        self.deletable = deletable

    def user_has_permission(self, user, action):
        if action == "delete" and not self.deletable:
            return False
        if action in WRITES:
            return is_coordinator(user)
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        reads = [action for action in actions if action not in WRITES]
        writes = [
            action
            for action in actions
            if action in WRITES and (action != "delete" or self.deletable)
        ]
        condition = Q(pk__in=[])
        if reads:
            condition |= Q(pk__in=super().users_with_any_permission(reads).values("pk"))
        if writes:
            condition |= Q(is_superuser=True) | Q(roles__role=RoleAssignment.Role.COORDINATOR)
        return get_user_model().objects.filter(condition, is_active=True).distinct()


class CoordinatorsViewOnlyPolicy(CoordinatorsWritePolicy):
    """Coordinators see the records; nobody adds, changes or deletes one in the admin.

    For records that name a person (certificates, monthly reports): a Django model
    permission alone opens nothing, and what is done to them goes through screens of
    their own whose services check the coordinator role again.
    """

    def __init__(self, model):
        super().__init__(model, deletable=False)

    def user_has_permission(self, user, action):
        return action == "view" and is_coordinator(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and is_coordinator(user)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(["change"])
        return users if "view" in actions else users.none()


def not_here(request, *args, **kwargs):
    raise Http404


class GuardedViewSetMixin:
    """No copy view, and none of `closed_views`: their addresses answer 404.

    Wagtail's copy view saves the posted form over the original (its form posts
    to "add"; a POST to "copy" itself rewrote the record) and lets in anyone
    who may merely view it. A closed address answers 404 here rather than
    falling through to the site, which would redirect it to a language prefix.
    Closing "delete" goes with a policy that lets nobody delete, so that no
    button links to it.
    """

    copy_view_enabled = False
    closed_views: tuple[str, ...] = ("copy",)

    def get_urlpatterns(self):
        routed = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in self.closed_views
        ]
        return routed + [path(f"{name}/<str:pk>/", not_here) for name in self.closed_views]
