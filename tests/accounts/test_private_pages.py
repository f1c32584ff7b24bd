"""Pages with personal data are never stored by a browser or a proxy; the admin asks no
avatar service about anyone (no staff e-mail hash leaves the site)."""

import datetime
import hashlib

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from accounts.middleware import PrivatePagesMiddleware
from courses.models import Cohort, CohortSession
from tests.factories import UserFactory, coordinator, country, organisation, staff_with_mfa

pytestmark = pytest.mark.django_db


def is_private(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives and "public" not in directives


@pytest.fixture
def cohort(course_tree):
    cohort = Cohort.objects.create(
        name="Training Plovdiv",
        course=course_tree.course,
        kind=Cohort.Kind.NATIONAL_TRAINING,
        country=country(),
        language="bg",
        host_organisation=organisation(),
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 3, 6),
    )
    CohortSession.objects.create(
        cohort=cohort, starts_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), place="X"
    )
    return cohort


def test_a_learners_pages_are_private(learner_client, course_tree):
    lesson = course_tree.lessons[0]
    for url in (
        "/en/learning/",
        "/en/accounts/email/",
        "/en/accounts/password/change/",
        lesson.url,  # a lesson shows who is signed in and their progress
    ):
        response = learner_client.get(url)
        assert response.status_code == 200, url
        assert is_private(response), (url, response.get("Cache-Control"))


def test_trainer_pages_and_the_admin_are_private(client, cohort):
    elena = coordinator(is_staff=True, is_superuser=True, email="Elena.M@Example.org")
    staff_with_mfa(client, elena)
    session = cohort.sessions.get()
    for url in (
        "/en/learning/training/",
        f"/en/learning/training/cohorts/{cohort.pk}/",
        f"/en/learning/training/cohorts/{cohort.pk}/sessions/{session.pk}/attendance/",
        f"/en/learning/training/cohorts/{cohort.pk}/results/",
        "/admin/",
        "/admin/account/",
        "/admin/users/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_private(response), (url, response.get("Cache-Control"))


def test_account_pages_are_private_before_signing_in_too(client):
    for url in ("/en/accounts/login/", "/en/accounts/password/reset/", "/admin/password_reset/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_private(response), url


def test_public_pages_for_visitors_stay_cacheable(client, course_tree):
    response = client.get(course_tree.course.url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_response_marked_public_keeps_its_caching(learner):
    """Immutable files (H5P libraries) say `public` themselves and hold nothing personal."""
    request = RequestFactory().get("/h5p/libraries/H5P.Example-1.0/example.js")
    request.user = learner
    public = HttpResponse()
    public["Cache-Control"] = "public, max-age=31536000, immutable"
    response = PrivatePagesMiddleware(lambda request: public)(request)
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    plain = PrivatePagesMiddleware(lambda request: HttpResponse())(request)
    assert is_private(plain)


def test_the_admin_sends_no_e_mail_hash_to_an_avatar_service(client):
    email = "Elena.M@Example.org"
    coordinator = UserFactory(is_staff=True, is_superuser=True, email=email)
    staff_with_mfa(client, coordinator)
    hashes = {
        getattr(hashlib, name)(variant.encode()).hexdigest()
        for name in ("md5", "sha256")
        for variant in (email, email.lower())
    }
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html.lower(), url
        assert not any(digest in html for digest in hashes), url
        assert "default-user-avatar" in html, url  # Wagtail's own picture instead
