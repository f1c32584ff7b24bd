"""After an erasure, no table holds the erased person's name or address.

Wagtail's own admin history (wagtailcore_modellogentry) labels each entry with the
record's str(): for an account, its username, which allauth makes from the person's
first name or address. Erasure changes the username but leaves the history's label.
"""

import pytest
from allauth.account.adapter import get_adapter
from django.apps import apps
from django.db import models

from privacy.services.erasure import erasure_request, erasure_run
from tests.factories import UserFactory, staff_with_mfa

NEEDLES = ("Anna", "anna", "anna.alpha@example.org", "Alpha")


def _rows_naming(needles):
    found = []
    for model in apps.get_models(include_auto_created=True):
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        for row in model._base_manager.values_list("pk", *fields):
            text = " ".join(str(value) for value in row[1:])
            for needle in needles:
                if needle in text:
                    found.append((model._meta.label, row[0], needle, text[:120]))
    return found


@pytest.mark.django_db
def test_no_row_names_the_erased_after_an_admin_edited_her_account(client, admin_user):
    anna = UserFactory(
        first_name="Anna", last_name="Alpha", email="anna.alpha@example.org", username=""
    )
    get_adapter().populate_username(None, anna)  # as sign-up does: "anna"
    anna.save()
    staff_with_mfa(client, admin_user)
    response = client.post(
        f"/admin/users/edit/{anna.pk}/",
        {
            "email": anna.email,
            "first_name": "Anna",
            "last_name": "Alfa",  # a typo corrected
            "username": anna.username,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    erasure = erasure_request(user=anna, by=anna, origin="person", queue=False)
    erasure_run(erasure.pk)
    left = _rows_naming(NEEDLES)
    assert left == [], left
