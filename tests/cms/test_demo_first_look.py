"""What a new user sees first in `make demo` (the README's quick start).

The demo runs as a deployment does, with DEBUG off: the site's own 404 and 500 pages, never
Django's debug pages (a developer brings those back with `make demo DEBUG=true`); links in
its e-mails point to the port it is served on; and their footers name the organisation that
runs the platform, not the platform a second time. The commands are those `make demo` would
run (a dry run of the Makefile), and the settings those commands give the demo.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from cms.demo.content import en
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
# What the demo's commands are given, and nothing of the suite's own environment.
DEMO_VARIABLES = ("DEBUG", "PORT", "WAGTAILADMIN_BASE_URL", "CERTIFICATES_BASE_URL")
LOOKED_AT = ("DEBUG", "WAGTAILADMIN_BASE_URL", "CERTIFICATES_BASE_URL", "PRIVACY_CONTROLLER_NAME")


def clean_environment() -> dict[str, str]:
    return {
        name: value
        for name, value in os.environ.items()
        if name not in (*DEMO_VARIABLES, "PRIVACY_CONTROLLER_NAME", "MAKEFLAGS", "MAKELEVEL")
    }


def demo_commands(*variables: str) -> list[str]:
    """The manage.py commands `make demo` runs (a dry run; its prerequisites taken as made)."""
    made = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", "static", "demo", *variables],
        cwd=ROOT,
        env=clean_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in made.stdout.splitlines() if "manage.py" in line]


def demo_settings(command: str | None = None) -> dict:
    """The development settings (manage.py's) as `command` reads them: with the variables it
    sets in front of manage.py, or none."""
    environment = clean_environment()
    for word in shlex.split(command or ""):
        if "=" not in word or word.startswith("-"):
            break
        name, value = word.split("=", 1)
        environment[name] = value
    program = (
        "import json, cms.settings.dev as s; "
        f"print(json.dumps({{name: getattr(s, name) for name in {LOOKED_AT!r}}}))"
    )
    read = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(read.stdout)


def test_the_demo_runs_without_debug_pages_and_links_to_its_own_port():
    commands = demo_commands("PORT=8766")
    assert [command.split("manage.py ")[1].split()[0] for command in commands] == [
        "migrate",
        "load_demo",
        "runserver",
    ]
    assert commands[-1].endswith("runserver 127.0.0.1:8766")
    # Every step reads the same settings: the certificates load_demo signs carry the address too.
    assert len({command.split(" .venv/")[0] for command in commands}) == 1
    served = demo_settings(commands[-1])
    assert served["DEBUG"] is False
    assert served["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8766"
    assert served["CERTIFICATES_BASE_URL"] == "http://127.0.0.1:8766"
    # The default port is the one the README names.
    assert demo_settings(demo_commands()[-1])["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8000"


def test_a_developer_still_gets_the_debug_pages():
    assert demo_settings(demo_commands("DEBUG=true")[-1])["DEBUG"] is True
    assert demo_settings()["DEBUG"] is True  # manage.py runserver, by hand
    readme = (ROOT / "README.md").read_text()
    assert "make demo DEBUG=true" in readme


@pytest.mark.django_db
def test_the_demos_emails_link_to_its_port_and_name_who_runs_it(client, settings):
    served = demo_settings(demo_commands("PORT=8766")[-1])
    operator = served["PRIVACY_CONTROLLER_NAME"]
    # The organisation of the demo's own story: the course comes from its project.
    assert operator == "SOS Children's Villages International"
    assert "SOS Children's Villages carried out" in " ".join(en.COURSE["description"])
    settings.WAGTAILADMIN_BASE_URL = served["WAGTAILADMIN_BASE_URL"]
    settings.PRIVACY_CONTROLLER_NAME = operator
    user = UserFactory(email="learner.reset@example.org")  # with a verified address

    response = client.post("/en/accounts/password/reset/", {"email": user.email})

    assert response.status_code == 302
    [message] = mail.outbox
    text = " ".join(message.body.split())
    assert "http://127.0.0.1:8766/en/accounts/password/reset/key/" in message.body
    assert "127.0.0.1:8000" not in message.body
    assert f"Sent by Leaving Care Training, run by {operator}." in text
    assert "run by Leaving Care Training" not in text
