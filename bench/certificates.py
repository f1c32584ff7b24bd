#!/usr/bin/env python
"""Certificates per second in one worker, and the worker's memory over many PDFs.

    .venv/bin/python bench/certificates.py [--issue 200] [--render 1000]

Works on a copy of the demo database (the one bench/serve_pages.py creates
under .tmp/bench/, made here on the first run), in this one process, as one
Celery worker process would:

  issue   a national training of people recorded on paper is held through the
          record's services (results, attendance, completion); then --issue of
          its graduates get their certificates as a trainer's request does
          (certificates.services.issuing.certificate_for_membership): the
          record read, the wording chosen, the credential signed
          (eddsa-rdfc-2022), the PDF made (WeasyPrint, QR code, credential
          attached) and stored.
  render  --render PDFs, each signed again and drawn again from a stored
          certificate's facts, with the process's peak memory (max RSS)
          printed as it goes: it must stay flat.

The first certificate is not counted: it warms the process up as a worker's
first task would (the font's subsets joined, the stylesheet parsed, the
JSON-LD contexts read). The figures are CPU time, but another busy process on
the same cores still slows this one's CPU by a tenth or more: compare runs made
under the same load (docs/PERFORMANCE.md gives the load of its runs).

The promise: at least 30 certificates per second per core (CPU time of this
single-threaded process), and peak memory after the last PDF within 10 % of
what it was after the first hundred.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
PYTHON = sys.executable
DEMO_DATABASE = ROOT / ".tmp" / "bench" / "db.sqlite3"


def prepare_database() -> Path:
    """A copy of the demo database, made once, for this run to change."""
    if not DEMO_DATABASE.exists():
        DEMO_DATABASE.parent.mkdir(parents=True, exist_ok=True)
        for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=ROOT,
                check=True,
                env={**os.environ},
                stdout=subprocess.DEVNULL,
            )
    copy = DEMO_DATABASE.parent / "certificates.sqlite3"
    shutil.copyfile(DEMO_DATABASE, copy)
    return copy


def completed_cohort(size: int, coordinator) -> list:
    """`size` + 1 completed members of a new national training of people recorded on
    paper, completed through the record's own services (paper results entered, then
    attendance marked; about two in three pass), led by an accredited demo trainer."""
    import datetime

    from django.utils import timezone

    from cms.demo.cohorts import COUNTRIES as DEMO_COUNTRIES
    from cms.demo.cohorts import CascadeBuilder
    from cms.models import CoursePage
    from courses.models import Cohort, CohortMembership, TrainerAccreditation

    course = CoursePage.objects.filter(locale__language_code="en").first()
    starts_on = timezone.localdate() - datetime.timedelta(days=30)
    accreditation = (
        TrainerAccreditation.objects.filter(
            granted_by_cohort__isnull=False, valid_from__lte=starts_on, valid_until__gte=starts_on
        )
        .select_related("participant", "country")
        .order_by("pk")
        .first()
    )
    builder = CascadeBuilder(course, coordinator)
    country = accreditation.country
    host = country.organisations.order_by("pk").first()
    names = next(data for data in DEMO_COUNTRIES if data.code == country.code)
    cohort = builder.cohort(
        "Benchmark training",
        Cohort.Kind.NATIONAL_TRAINING,
        accreditation.participant,
        [builder.person(country, host, names) for _ in range(2 * size)],
        country=country,
        host=host,
        language=names.language,
        starts_on=starts_on,
        everyone_present=True,
    )
    completed = list(
        CohortMembership.objects.filter(cohort=cohort, completed_at__isnull=False)
        .select_related("cohort", "participant")
        .order_by("pk")[: size + 1]
    )
    if len(completed) < size + 1:
        raise SystemExit(f"only {len(completed)} members completed the benchmark training")
    return completed


def peak_memory_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issue", type=int, default=200, help="certificates to issue")
    parser.add_argument("--render", type=int, default=1000, help="PDFs to draw for memory")
    args = parser.parse_args()

    os.environ["BENCH_DATABASE"] = str(prepare_database())
    os.environ["CERTIFICATES_ROOT"] = tempfile.mkdtemp(prefix="bench-certificates-")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test.utils import override_settings

    from certificates.credentials import proof
    from certificates.models import Certificate
    from certificates.pdf import render_pdf
    from certificates.services.contents import certificate_facts, credential_bytes
    from certificates.services.issuing import certificate_for_membership

    coordinator = get_user_model().objects.get(email="coordinator@example.org")
    memberships = completed_cohort(args.issue, coordinator)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        certificate_for_membership(memberships[0], by=coordinator)  # warm-up: fonts, contexts
        cpu, wall = time.process_time(), time.perf_counter()
        for membership in memberships[1:]:
            certificate_for_membership(membership, by=coordinator)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    made = len(memberships) - 1
    assert Certificate.objects.filter(cohort=memberships[0].cohort).exclude(pdf="").count() == (
        len(memberships)
    ), "every member has a certificate with its PDF"
    rate = made / cpu
    print(f"issue: {made} certificates (record read, wording, signature, PDF with QR, stored)")
    print(f"  CPU {cpu:.2f} s, wall {wall:.2f} s, {1000 * cpu / made:.1f} ms CPU each")
    print(f"  {rate:.1f} certificates/s/core (promise >= 30): {'met' if rate >= 30 else 'NOT met'}")

    stored = list(Certificate.objects.order_by("pk")[:50])
    facts = [certificate_facts(certificate) for certificate in stored]
    unsigned = []
    for certificate in stored:
        document = dict(certificate.credential)
        document.pop("proof", None)
        unsigned.append(document)
    marks = {100, 250, 500, 750, args.render}
    readings = []
    cpu = time.process_time()
    for number in range(1, args.render + 1):
        index = number % len(facts)
        credential = proof.sign(unsigned[index])
        render_pdf(facts[index], credential_json=credential_bytes(credential))
        if number in marks:
            readings.append((number, peak_memory_mib()))
    cpu = time.process_time() - cpu
    print(f"render: {args.render} PDFs signed and drawn, {args.render / cpu:.1f} PDFs/s/core")
    for number, mib in readings:
        print(f"  after {number:>5} PDFs: peak memory {mib:.0f} MiB")
    growth = readings[-1][1] / readings[0][1] - 1
    print(
        f"  growth from {readings[0][0]} to {readings[-1][0]} PDFs: {100 * growth:.1f} % "
        f"(promise <= 10 %): {'flat' if growth <= 0.10 else 'NOT flat'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
