"""Retention: people inactive for longer than PRIVACY_INACTIVE_RETENTION_DAYS are erased.

A daily beat job (privacy.tasks.erase_inactive) asks for the erasure of every
inactive account and roster-only record (privacy/selectors/retention.py says
who is inactive), then runs the erasures waiting from retention, one after
the other, and counts the dashboards' figures once at the end (each erasure
of its own would count them again). An erasure that stops is resumed by the
next day's job, or by a coordinator. A setting of 0 days turns it off.
"""

from __future__ import annotations

import logging

from monitoring.services.snapshots import snapshots_refresh

from ..models import ErasureRequest
from ..selectors.retention import inactive_accounts, inactive_roster_records, inactive_since
from .erasure import erasure_request, erasure_run

logger = logging.getLogger(__name__)


def inactive_people_request() -> list[int]:
    """Ask for the erasure of everyone inactive since the retention limit; the new requests' ids."""
    since = inactive_since()
    if since is None:
        return []
    requested = []
    for user in inactive_accounts(since):
        erasure = erasure_request(
            user=user, by=None, origin=ErasureRequest.Origin.RETENTION, queue=False
        )
        requested.append(erasure.pk)
    for record in inactive_roster_records(since):
        erasure = erasure_request(
            participant=record, by=None, origin=ErasureRequest.Origin.RETENTION, queue=False
        )
        requested.append(erasure.pk)
    return requested


def retention_erasures_run() -> int:
    """Run every retention erasure not done yet, then count the figures once; how many ended.

    One not begun whose person is active again (or with retention turned off) is
    cancelled by the erasure itself, before its first step (erasure_run). One that
    fails is logged and left for the next run; the others go on.
    """
    ended = 0
    waiting = ErasureRequest.objects.filter(origin=ErasureRequest.Origin.RETENTION).exclude(
        state=ErasureRequest.State.DONE
    )
    for erasure_id in waiting.order_by("pk").values_list("pk", flat=True):
        try:
            erasure = erasure_run(erasure_id)
        except Exception:  # recorded on the request; the others go on
            logger.exception("Retention erasure %s stopped", erasure_id)
            continue
        ended += erasure is not None and erasure.is_done
    if ended:
        snapshots_refresh()
    return ended
