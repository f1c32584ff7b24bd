"""Erasing people leaves every NSG figure exactly as it was (TESTS-SECURITY 34).

Four people are erased (a learner, a young roster participant, a trained trainer
with certificates, a merged person); before and after, the whole record's figures
and those of several periods are computed by the aggregate layer
(monitoring.selectors.figures.all_figures), for every country and all countries,
and the protected dashboards built from them (monitoring.selectors.dashboard).
Every value of every row must be the same; only a label that was an erased
person's name (the lead of a cohort in the cascade tree) now reads their code.
"""

from __future__ import annotations

import datetime
import time

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import models
from django.urls import reverse

from certificates.models import Certificate, CertificateBatch
from monitoring.selectors.dashboard import dashboard_for
from monitoring.selectors.figures import all_figures
from privacy.models import ErasureRequest
from privacy.services.erasure import erasure_request
from tests.factories import at, clock, staff_with_mfa
from tests.monitoring.pages_world import TODAY
from tests.privacy.world import build_erasure_world

PERIODS = [
    (None, TODAY),  # the whole record
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)),
    (datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)),
    (datetime.date(2026, 5, 1), TODAY),
    (None, datetime.date(2026, 4, 15)),
    (datetime.date(2026, 6, 1), TODAY),
]


def _figures() -> dict:
    """{(since, until): {country id or None: Figures}}."""
    return {(since, until): all_figures(since=since, until=until) for since, until in PERIODS}


def _table_cells(table, renames: dict[str, str]) -> dict:
    """Every value of a table, by row key and measure, with the row's words (names renamed)."""
    cells = {}
    rows = [*table.rows, *([table.total] if table.total else [])]
    for index, row in enumerate(rows):
        key = row.key if index < len(table.rows) else "<total>"
        if hasattr(row, "cells"):  # a protected row: what is shown, and whether hidden
            for cell in row.cells:
                cells[(key, cell.measure)] = (cell.value, cell.hidden)
        else:
            for measure, value in sorted(row.values.items()):
                cells[(key, measure)] = value
        for field in ("label", "detail", "parent", "group"):
            text = getattr(row, field, None)
            cells[(key, field)] = renames.get(text, text) if isinstance(text, str) else text
    return cells


def _all_cells(figures_by_period: dict, renames: dict[str, str]) -> dict:
    cells = {}
    for period, by_scope in figures_by_period.items():
        for scope, figures in by_scope.items():
            for name, table in figures.tables.items():
                for address, value in _table_cells(table, renames).items():
                    cells[("figures", period, scope, name, *address)] = value
    return cells


def _dashboard_cells(figures_by_period: dict, countries: dict, renames: dict[str, str]) -> dict:
    cells = {}
    for period, by_scope in figures_by_period.items():
        for scope, figures in by_scope.items():
            dashboard = dashboard_for(countries[scope], figures=figures)
            for name, table in dashboard.tables.items():
                for address, value in _table_cells(table, renames).items():
                    cells[("dashboard", period, scope, name, *address)] = value
                cells[("dashboard", period, scope, name, "hidden")] = table.hidden
    return cells


def _countries(world) -> dict:
    return {None: None, world.bulgaria.pk: world.bulgaria, world.romania.pk: world.romania}


def _erase_all(erasure_world, coordinator, django_capture_on_commit_callbacks) -> list:
    requests = []
    with django_capture_on_commit_callbacks(execute=True):
        requests.append(
            erasure_request(user=erasure_world.learner, by=erasure_world.learner, origin="person")
        )
        requests.append(
            erasure_request(participant=erasure_world.young, by=coordinator, origin="coordinator")
        )
        requests.append(
            erasure_request(user=erasure_world.trainer.user, by=coordinator, origin="coordinator")
        )
        requests.append(
            erasure_request(
                participant=erasure_world.merged_typed, by=coordinator, origin="coordinator"
            )
        )
    return [ErasureRequest.objects.get(pk=request.pk) for request in requests]


def _anywhere(needle: str) -> set[tuple[str, object, str]]:
    """(model, row id, field) of every text, JSON or file-name value holding `needle`
    (case-insensitive), in every table of the database."""
    needle = needle.casefold()
    found = set()
    for model in apps.get_models():
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model._base_manager.values("pk", *(field.attname for field in fields)):
            for field in fields:
                value = row[field.attname]
                text = value if isinstance(value, str) else repr(value)
                if value and needle in text.casefold():
                    found.add((model._meta.label, row["pk"], field.name))
    return found


@pytest.mark.django_db
def test_erasing_four_people_changes_no_figure_and_leaves_no_name(
    django_capture_on_commit_callbacks, settings, client
):
    settings.MONITORING_SMALL_CELL_THRESHOLD = 5
    with clock(at(TODAY, 12)):
        world = build_erasure_world()
        countries = _countries(world.world)
        names = {
            "learner": world.learner.get_full_name(),
            "trainer": world.trainer.display_name,
            "young": world.young.display_name,
        }
        archive_name = CertificateBatch.objects.get(cohort=world.plovdiv).archive.name
        assert CertificateBatch.objects.get(cohort=world.plovdiv).archive.storage.exists(
            archive_name
        )
        started = time.perf_counter()
        before = _figures()
        counting = time.perf_counter() - started

        started = time.perf_counter()
        requests = _erase_all(world, world.coordinator, django_capture_on_commit_callbacks)
        erasing = time.perf_counter() - started
        assert [request.state for request in requests] == ["done"] * 4

        after = _figures()
        codes = {request.pk: request.code for request in requests}
        renames = {names["trainer"]: codes[requests[2].pk]}

        expected = _all_cells(before, renames)
        actual = _all_cells(after, {})
        assert actual == expected
        expected_screens = _dashboard_cells(before, countries, renames)
        actual_screens = _dashboard_cells(after, countries, {})
        assert actual_screens == expected_screens

    compared = len(expected) + len(expected_screens)
    numbers = sum(
        isinstance(value, int | float) and not isinstance(value, bool)
        for value in [
            *expected.values(),
            *(
                value[0] if isinstance(value, tuple) else value
                for value in expected_screens.values()
            ),
        ]
    )
    print(
        f"\nfigures compared: {compared} cells ({numbers} numbers) over {len(PERIODS)} periods "
        f"and {len(countries)} scopes; one pass of all periods {counting:.2f} s; "
        f"four erasures {erasing:.2f} s"
    )
    # The cascade tree names the cohort's lead by the code now, and the erased count as before.
    tree = after[(None, TODAY)][world.plovdiv.country_id].tables["cascade_tree"]
    assert tree.row(str(world.plovdiv.pk)).detail == codes[requests[2].pk]

    # The PDFs and the cohort's zip that held the learner's are gone from storage.
    batch = CertificateBatch.objects.get(cohort=world.plovdiv)
    assert not batch.archive and not batch.archive.storage.exists(archive_name)
    assert set(requests[0].counts) >= {"certificate_files"}
    assert requests[0].counts["certificate_files"] == 2  # her PDF and the zip

    # A trainee's verification page names the trainer by the code.
    trainee_certificate = Certificate.objects.filter(
        trainer=world.trainer, cohort=world.plovdiv, revoked_at=None
    ).first()
    page = client.get(reverse("certificates:verify", args=[trainee_certificate.code]))
    text = page.content.decode()
    assert codes[requests[2].pk] in text and names["trainer"] not in text

    # No name or address of theirs is left anywhere in the database, but in the signed
    # credentials of the thirteen people the trainer trained, which name who delivered
    # their training: those are theirs, and verify only as they were signed.
    trainees_credentials = {
        ("certificates.Certificate", pk, "credential")
        for pk in Certificate.objects.filter(trainer=world.trainer, revoked_at=None)
        .exclude(participant=world.trainer)
        .values_list("pk", flat=True)
    }
    assert len(trainees_credentials) == 13
    for who, person in world.people().items():
        for needle in [*person["names"], *([person["email"]] if person["email"] else [])]:
            left = _anywhere(needle)
            if who == "trainer" and needle == names["trainer"]:
                left -= trainees_credentials
            assert left == set(), needle


def _shared_cache_holding(needle: str) -> list[str]:
    """Keys of the shared cache (Redis with REDIS_URL, else in memory) whose value holds
    `needle`."""
    cache = caches["default"]
    if isinstance(getattr(cache, "_cache", None), dict):
        items = list(cache._cache.items())
    else:
        client = cache._cache.get_client(write=False)
        items = [(key, client.get(key) or b"") for key in client.scan_iter("*")]
    return [str(key) for key, value in items if needle.encode() in bytes(value)]


@pytest.mark.django_db
def test_a_periods_figures_kept_in_the_shared_cache_leave_with_the_erased_trainer(
    client, django_capture_on_commit_callbacks
):
    """A period no snapshot keeps is counted once and kept in the shared cache under the
    snapshots' time, for half an hour: the erasure's refresh takes it out at once."""
    april = "/en/monitoring/bg/?since=2026-04&until=2026-04"
    with clock(at(TODAY, 12)):
        world = build_erasure_world()
        name = world.trainer.display_name
        staff_with_mfa(client, world.world.users["nsg bg"])
        assert name in client.get(april).content.decode()
        assert _shared_cache_holding(name)

    # A moment later (the snapshots take a new time), a coordinator erases the trainer.
    with django_capture_on_commit_callbacks(execute=True):
        erasure = erasure_request(
            user=world.trainer.user, by=world.coordinator, origin="coordinator"
        )

    assert ErasureRequest.objects.get(pk=erasure.pk).state == "done"
    assert _shared_cache_holding(name) == []
    staff_with_mfa(client, world.world.users["nsg bg"])  # a sign-in of today's
    page = client.get(april)
    assert page.status_code == 200
    assert name not in page.content.decode() and erasure.code in page.content.decode()
