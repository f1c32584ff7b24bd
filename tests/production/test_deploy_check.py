"""The production settings, configured from .env.example alone, pass Django's deployment check."""

import subprocess
import sys

from tests.production.configuration import ROOT, example_environment, process_environment


def deploy_check(deployment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=process_environment(
            {**deployment, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_production_settings_from_env_example_pass_the_deploy_check():
    # .env.example's values, with its blanks to fill (the secret key, the signing key) filled.
    result = deploy_check(example_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_production_settings_refuse_the_blank_secret_key_of_env_example():
    result = deploy_check(example_environment(SECRET_KEY=""))
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment for production." in result.stderr


def public_address(deployment: dict[str, str]) -> subprocess.CompletedProcess:
    """The address links in e-mails get, as a deployment's settings give it."""
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; "
            "print(settings.WAGTAILADMIN_BASE_URL, settings.CERTIFICATES_BASE_URL)",
        ],
        env=process_environment(
            {**deployment, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_links_in_e_mails_take_the_certificates_address_when_no_other_is_given():
    deployment = example_environment(CERTIFICATES_BASE_URL="https://learn.example.org/")
    del deployment["WAGTAILADMIN_BASE_URL"]

    result = public_address(deployment)

    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()[-1].split()  # after the shell's own greeting
    assert printed == ["https://learn.example.org", "https://learn.example.org"]


def test_production_refuses_to_start_without_a_public_address_for_links():
    deployment = example_environment()
    del deployment["WAGTAILADMIN_BASE_URL"], deployment["CERTIFICATES_BASE_URL"]

    result = public_address(deployment)

    assert result.returncode != 0
    assert "Set WAGTAILADMIN_BASE_URL (or CERTIFICATES_BASE_URL)" in result.stderr
    assert "127.0.0.1" not in result.stdout
