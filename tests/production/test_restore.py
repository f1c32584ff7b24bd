"""Backup and restore (docs/DEPLOYMENT.md): a pg_dump restored into a fresh database serves.

A certificate is issued through the services, the database is dumped with
`pg_dump -Fc` as the backup procedure says, the certificate is then revoked (a
change after the backup), the dump is restored with `pg_restore` into a database
made for it, and gunicorn started on the restored database shows the
certificate as it was at the backup: valid, with its holder's name.
"""

import glob
import subprocess
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection

from certificates.models import Certificate
from certificates.services.status import certificate_revoke
from tests.certificates.conftest import build_world
from tests.factories import restore_default_site
from tests.live_processes import database_url_for, test_database_url, web_process

VALID = "This certificate was issued by this platform and is valid."


def postgres_program(name: str) -> str:
    """The PostgreSQL client program of the server's major version (else the newest)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        major = int(cursor.fetchone()[0]) // 10000
    same = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    if same.exists():
        return str(same)
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version, reverse=True)
    if not found:
        pytest.fail(f"{name} is not installed under /usr/lib/postgresql (make test installs it)")
    return found[0]


def _version(path: str) -> int:
    return int(Path(path).parent.parent.name)


def run(argv: list[str]) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{argv[0]}: {result.stderr}"


@pytest.fixture
def fresh_database(transactional_db):
    """An empty database on the test server, dropped afterwards."""
    test_database_url()  # skips on SQLite
    name = f"restored_{uuid.uuid4().hex[:12]}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield database_url_for(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        assert response.status == 200
        return response.read().decode()


def test_a_dump_restored_into_a_fresh_database_serves_the_site(tmp_path, fresh_database):
    source = test_database_url()
    restore_default_site()  # an earlier transactional test may have emptied the database
    world = build_world()
    certificate = world.certificate
    dump = tmp_path / "training.dump"
    run([postgres_program("pg_dump"), "--format=custom", f"--file={dump}", f"--dbname={source}"])
    assert dump.stat().st_size > 0

    # After the backup: the certificate is revoked. The restored site must not know it.
    certificate_revoke(certificate, by=world.users["coordinator"], reason="Issued in error")
    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.REVOKED

    run(
        [
            postgres_program("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            f"--dbname={fresh_database}",
            str(dump),
        ]
    )
    with web_process(database_url=fresh_database) as base_url:
        page = get(f"{base_url}/en/verify/{certificate.code}/")
        course_page = get(f"{base_url}{world.course.url}")
    assert "Мария Петрова" in page
    assert VALID in page
    assert world.course.title in course_page
