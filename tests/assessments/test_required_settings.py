"""The settings that decide who completes a course are a coordinator's to change.

Written from the side of a staff member who holds Django's change and delete
permissions on assessments but not the coordinator role.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission

from assessments.models import Assessment
from audit.models import AuditEntry
from tests.factories import (
    UserFactory,
    assessment,
    build_course,
    cohort_led_by,
    coordinator,
    make_trainer,
    question,
    staff_with_mfa,
)

pytestmark = pytest.mark.django_db

LOCKED = "Only a programme coordinator can change this"


def edit_url(item) -> str:
    return f"/admin/snippets/assessments/assessment/edit/{item.pk}/"


def delete_url(item) -> str:
    return f"/admin/snippets/assessments/assessment/delete/{item.pk}/"


def with_permissions(user, *codenames):
    user.is_staff = True
    user.save()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


def form_data(html: str, item) -> dict:
    """What the browser would send back from the edit form, untouched.

    The question list is a JavaScript widget: its fields are written out here.
    """
    soup = BeautifulSoup(html, "html.parser")
    form = next(f for f in soup.find_all("form") if f.find(attrs={"name": "title"}))
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name:
            continue
        if element.name == "input" and element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data[name] = element.get("value", "on")
        elif element.name == "select":
            option = element.find("option", selected=True)
            data[name] = option.get("value") if option else ""
        elif element.name == "textarea":
            data[name] = element.text
        else:
            data[name] = element.get("value", "")
    data = {key: value for key, value in data.items() if not key.startswith("questions")}
    data["questions-count"] = str(len(item.questions))
    for index, block in enumerate(item.questions):
        data.update(
            {
                f"questions-{index}-type": "question",
                f"questions-{index}-value": str(block.value.pk),
                f"questions-{index}-deleted": "",
                f"questions-{index}-order": str(index),
                f"questions-{index}-id": block.id,
            }
        )
    return data


@pytest.fixture
def post_test():
    tree = build_course(modules=1, lessons_per_module=1, slug="c")
    items = [question("single", f"Q{n}?", [("Right", True), ("Wrong", False)]) for n in range(2)]
    return assessment(
        "post_test", items, course=tree.course, pass_mark=75, required_for_completion=True
    )


@pytest.fixture
def editor(client):
    user = with_permissions(UserFactory(), "change_assessment", "delete_assessment")
    staff_with_mfa(client, user)
    return user


def test_editor_cannot_untick_required(client, editor, post_test):
    data = form_data(client.get(edit_url(post_test)).content.decode(), post_test)
    data.pop("required_for_completion")
    data["title"] = "Final test (typed)"

    response = client.post(edit_url(post_test), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert LOCKED in page
    assert 'value="Final test (typed)"' in page  # what was typed is kept
    post_test.refresh_from_db()
    assert post_test.required_for_completion is True
    assert post_test.title == "Post test"
    assert not AuditEntry.objects.filter(
        action=AuditEntry.Action.COMPLETION_SETTINGS_CHANGED
    ).exists()


def test_editor_cannot_lower_pass_mark(client, editor, post_test):
    data = form_data(client.get(edit_url(post_test)).content.decode(), post_test)
    data["pass_mark"] = "10"

    response = client.post(edit_url(post_test), data)

    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    post_test.refresh_from_db()
    assert post_test.pass_mark == 75


def test_editor_still_changes_the_title(client, editor, post_test):
    data = form_data(client.get(edit_url(post_test)).content.decode(), post_test)
    data["title"] = "Final test"

    response = client.post(edit_url(post_test), data)

    assert response.status_code == 302
    post_test.refresh_from_db()
    assert post_test.title == "Final test"
    assert post_test.required_for_completion is True


def test_editor_cannot_delete_required_test(client, editor, post_test):
    response = client.post(delete_url(post_test))

    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # Wagtail's "no permission" redirect
    assert Assessment.objects.filter(pk=post_test.pk).exists()


def test_editor_cannot_bulk_delete_required_test(client, editor, post_test):
    spare = assessment("knowledge_check", title="Spare")

    client.post(f"/admin/bulk/assessments/assessment/delete/?id={post_test.pk}&id={spare.pk}")

    assert Assessment.objects.filter(pk=post_test.pk).exists()
    # The bulk action itself works: the test that decides nothing goes.
    assert not Assessment.objects.filter(pk=spare.pk).exists()


def test_editor_cannot_delete_a_test_whose_course_has_a_cohort(client, editor):
    from courses import services as courses

    tree = build_course(modules=1, lessons_per_module=1, slug="d")
    survey = assessment("evaluation", course=tree.course)
    lead = courses.participant_for_user(make_trainer())
    cohort_led_by(lead, course=tree.course, created_by=coordinator())

    response = client.post(delete_url(survey))

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert Assessment.objects.filter(pk=survey.pk).exists()


def test_coordinator_changes_the_settings_and_it_is_recorded(client, post_test):
    chief = with_permissions(coordinator(), "change_assessment")
    staff_with_mfa(client, chief)
    data = form_data(client.get(edit_url(post_test)).content.decode(), post_test)
    data.pop("required_for_completion")
    data["pass_mark"] = "80"

    response = client.post(edit_url(post_test), data)

    assert response.status_code == 302
    post_test.refresh_from_db()
    assert (post_test.required_for_completion, post_test.pass_mark) == (False, 80)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.COMPLETION_SETTINGS_CHANGED)
    assert entry.actor == chief
    assert entry.target_id == str(post_test.pk)
    assert entry.details == {
        "changed": {"required_for_completion": [True, False], "pass_mark": [75, 80]}
    }


def test_coordinator_deletes_a_required_test(client, post_test):
    chief = with_permissions(coordinator(), "delete_assessment")
    staff_with_mfa(client, chief)

    response = client.post(delete_url(post_test))

    assert response.status_code == 302
    assert not Assessment.objects.filter(pk=post_test.pk).exists()
