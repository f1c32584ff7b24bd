"""Admin screens for coordinators: countries, organisations, cohorts and accreditation."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Cohort, Country, Organisation, TrainerAccreditation


class CountryViewSet(ModelViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["name", "code", "age_of_digital_consent"]
    form_fields = ["name", "code", "age_of_digital_consent"]
    search_fields = ["name", "code"]


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "country", "kind", "region"]
    list_filter = ["country", "kind"]
    form_fields = ["name", "country", "kind", "region"]
    search_fields = ["name", "region"]


class NoAddingPolicy(ModelPermissionPolicy):
    """Cohorts are planned by trainers on the site, where their place in the cascade is set."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Cohort, NoAddingPolicy(Cohort))


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "calendar"
    menu_label = _("Cohorts")
    list_display = ["name", "kind", "country", "generation", "starts_on", "status"]
    list_filter = ["country", "kind", "status", "generation"]
    search_fields = ["name"]
    # The cascade fields are set by the services from the lead trainer's
    # accreditation; the admin changes only what does not move a cohort.
    form_fields = ["name", "status", "capacity", "attendance_threshold", "starts_on", "ends_on"]


class AccreditationViewSet(ModelViewSet):
    model = TrainerAccreditation
    icon = "tick-inverse"
    menu_label = _("Trainer accreditation")
    list_display = ["participant", "level", "country", "valid_from", "valid_until", "revoked_at"]
    list_filter = ["country", "level"]
    # Added here: the first generation, accredited by a coordinator. Later
    # generations are accredited by completing a training of trainers.
    form_fields = ["participant", "level", "country", "valid_from", "valid_until", "revoked_at"]


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Training")
    menu_icon = "group"
    menu_order = 300
    items = (CohortViewSet, AccreditationViewSet, CountryViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
