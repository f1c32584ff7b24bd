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
