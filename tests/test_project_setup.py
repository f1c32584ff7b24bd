"""The two commands, CI, settings from the environment, Celery and docker-compose."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from certificates.credentials.keys import generate_secret_key

ROOT = Path(__file__).resolve().parent.parent


def settings_in_subprocess(env: dict, *names: str) -> dict:
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_run_on_one_machine():
    values = settings_in_subprocess(
        {}, "DATABASES", "CELERY_TASK_ALWAYS_EAGER", "EMAIL_BACKEND", "STORAGES"
    )
    assert "sqlite3" in values["DATABASES"]
    assert values["CELERY_TASK_ALWAYS_EAGER"] == "True"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert "FileSystemStorage" in values["STORAGES"]


def test_settings_read_the_environment():
    values = settings_in_subprocess(
        {
            "DATABASE_URL": "postgres://u:p@db.internal:5432/training",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "SECRET_KEY": "from-the-environment",
        },
        "DATABASES",
        "CELERY_BROKER_URL",
        "CELERY_TASK_ALWAYS_EAGER",
        "CACHES",
        "SECRET_KEY",
    )
    assert "postgresql" in values["DATABASES"] and "db.internal" in values["DATABASES"]
    assert values["CELERY_BROKER_URL"] == "redis://cache.internal:6379/0"
    assert values["CELERY_TASK_ALWAYS_EAGER"] == "False"
    assert "RedisCache" in values["CACHES"]
    assert values["SECRET_KEY"] == "from-the-environment"


def test_suite_runs_on_postgresql_when_available(settings):
    postgres_installed = bool(list(Path("/usr/lib/postgresql").glob("*/bin/initdb")))
    if not os.environ.get("DATABASE_URL"):
        pytest.skip("run through `make test`, which starts PostgreSQL when it is installed")
    if not postgres_installed:
        pytest.skip("no PostgreSQL binaries under /usr/lib/postgresql to check against")
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_production_settings_pass_the_deploy_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-for-the-check-0123456789",
        "ALLOWED_HOSTS": "training.example.org",
        "CERTIFICATES_BASE_URL": "https://training.example.org",
        "CERTIFICATES_SIGNING_KEY": generate_secret_key(),
    }
    result = deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

    # Without a key, or under the development address, certificates would be signed for good
    # with what cannot stay: the check says so.
    del env["CERTIFICATES_SIGNING_KEY"]
    env["CERTIFICATES_SIGNING_KEY_FILE"] = str(ROOT / ".tmp" / "no-such-key")
    env["CERTIFICATES_BASE_URL"] = "http://127.0.0.1:8000"
    result = deploy_check(env)
    assert result.returncode != 0
    assert "certificates.E001" in result.stderr and "certificates.W001" in result.stderr


def deploy_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.mark.django_db
def test_every_response_has_a_content_security_policy(client):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "object-src 'none'" in policy
    assert "default-src 'self'" in policy


def test_celery_app_is_configured():
    from cms.celery import app

    assert app.main == "cms"
    assert app.conf.task_acks_late is True
    assert app.conf.task_serializer == "json"


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs a real Redis (make test starts one)"
)
def test_a_real_celery_worker_answers_through_redis():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "CELERY_BROKER_URL": os.environ["REDIS_URL"],
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cms",
            "worker",
            "--pool=solo",
            "--loglevel=warning",
            "--hostname=probe@%h",
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        code = (
            "from cms.celery import app; import time\n"
            "for _ in range(60):\n"
            "    replies = app.control.ping(timeout=1)\n"
            "    if replies: print(replies); break\n"
            "    time.sleep(0.5)\n"
            "else: raise SystemExit('no worker replied')\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "probe@" in result.stdout
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_docker_compose_describes_the_production_stack():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert "--appendonly" in services["redis"]["command"]
    assert "gunicorn cms.wsgi:application" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "cms", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "cms", "beat"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
        assert "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:6379")
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:6379")
        assert "SECRET_KEY" in env
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
        # Certificates: kept on a volume of their own, signed with a key from the environment.
        assert "certificates:/app/var/certificates" in services[name]["volumes"]
        assert env["CERTIFICATES_ROOT"] == "/app/var/certificates"
        assert "CERTIFICATES_SIGNING_KEY" in env and "CERTIFICATES_BASE_URL" in env
    assert "certificates" in compose["volumes"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "cms.settings.production" in dockerfile
    # The PDF's font and the credentials' contexts come from npm into the image.
    assert "@fontsource/noto-serif/files ./certificates/fonts" in dockerfile
    assert (
        "extract_contexts.mjs" in dockerfile and "./certificates/credentials/contexts" in dockerfile
    )


def test_the_h5p_player_comes_from_npm_and_is_never_committed():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    version = package["dependencies"]["h5p-standalone"]
    assert version[0].isdigit()  # pinned, not a range
    assert lock["packages"]["node_modules/h5p-standalone"]["version"] == version
    makefile = (ROOT / "Makefile").read_text()
    assert "npm ci --ignore-scripts" in makefile
    assert "node_modules/h5p-standalone/dist" in makefile
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "npm ci --ignore-scripts" in dockerfile and "h5p-standalone/dist" in dockerfile
    gitignore = (ROOT / ".gitignore").read_text()
    assert "/assessments/static/assessments/h5p-standalone/" in gitignore
    assert "/node_modules/" in gitignore


def test_readme_ci_and_makefile_agree():
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in ("demo:", "test:"):
        assert target in makefile
    assert "$(PORT)" in makefile and "127.0.0.1" in makefile
