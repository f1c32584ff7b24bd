"""docker-compose.yml, .env.example and the Dockerfile against the settings they configure.

Docker cannot run here: these read the files as compose and docker would, and check
them against what the settings read (tests/production/configuration.py). The health
checks themselves are run for real in test_healthchecks.py.
"""

import re
import shlex
from pathlib import PurePosixPath

import pytest

from tests.production.configuration import (
    APPLICATION_SERVICES,
    ROOT,
    MissingVariable,
    compose,
    compose_variables,
    env_example,
    example_environment,
    interpolate,
    rendered,
    settings_variables,
)

# Variables a container reads that are not settings: Django's own choice of settings module.
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}
# The folders the application writes, by the variable that names them, and the volume each
# must be on (the beat's schedule only in the beat container).
WRITTEN_FOLDERS = {
    "MEDIA_ROOT": "media",
    "H5P_ROOT": "h5p",
    "CERTIFICATES_ROOT": "certificates",
}


@pytest.fixture(scope="module")
def services():
    return rendered(compose()["services"], example_environment())


def mounts(service) -> dict[str, str]:
    """Where each named volume is mounted in `service`: {target: volume}."""
    found = {}
    for mount in service.get("volumes", []):
        volume, target = mount.split(":")[:2]
        found[target] = volume
    return found


def test_the_production_shape_has_five_services(services):
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    for name in APPLICATION_SERVICES:
        assert services[name]["build"] == "."
        assert services[name]["restart"] == "unless-stopped"


def test_redis_keeps_an_append_only_file_on_a_volume(services):
    command = services["redis"]["command"]
    assert command[0] == "redis-server"
    assert command[command.index("--appendonly") + 1] == "yes"
    assert mounts(services["redis"])["/data"] == "redis-data"
    assert mounts(services["postgres"])["/var/lib/postgresql/data"] == "postgres-data"


def test_web_migrates_then_runs_gunicorn_on_cms_wsgi(services):
    shell, flag, script = shlex.split(services["web"]["command"])
    assert (shell, flag) == ("sh", "-c")
    migrate, serve = (shlex.split(step) for step in script.split("&&"))
    assert migrate == ["python", "manage.py", "migrate", "--noinput"]
    # exec: gunicorn takes the shell's place and receives the container's stop signal.
    assert serve[:3] == ["exec", "gunicorn", "cms.wsgi:application"]
    bind = serve[serve.index("--bind") + 1]
    assert bind == "0.0.0.0:8000"
    assert int(serve[serve.index("--workers") + 1]) >= 1
    # Published on loopback only: the TLS proxy on the host faces the internet.
    assert services["web"]["ports"] == ["127.0.0.1:8000:8000"]


def test_worker_and_beat_run_celery_for_cms(services):
    worker, beat = services["worker"]["command"], services["beat"]["command"]
    assert worker[:4] == ["celery", "-A", "cms", "worker"]
    assert re.fullmatch(r"--concurrency=\d+", next(a for a in worker if "concurrency" in a))
    assert beat[:4] == ["celery", "-A", "cms", "beat"]
    # Beat answers Celery's ping (its health check) while its scheduler ticks.
    assert "--enable-remote-control" in beat
    # One beat only: a second would send every recurring job twice.
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    assert "scale" not in services["beat"]


def test_every_service_has_a_health_check_that_asks_it(services):
    checks = {name: service["healthcheck"]["test"] for name, service in services.items()}
    assert checks["postgres"][0] == "CMD-SHELL" and "pg_isready" in checks["postgres"][1]
    assert checks["redis"] == ["CMD", "redis-cli", "ping"]
    assert checks["web"] == ["CMD", "python", "-m", "cms.health", "--port", "8000"]
    # Celery's own ping, to this container's node (compose writes $$ for a literal $).
    assert checks["worker"][0] == "CMD-SHELL"
    assert shlex.split(checks["worker"][1]) == [
        "celery", "-A", "cms", "inspect", "ping", "--destination", "celery@${HOSTNAME}",
        "--timeout", "10",
    ]  # fmt: skip
    assert shlex.split(checks["beat"][1]) == [
        "celery", "-A", "cms", "inspect", "ping", "--destination", "celerybeat@${HOSTNAME}",
        "--timeout", "10",
    ]  # fmt: skip
    for name, service in services.items():
        assert service["healthcheck"]["retries"] >= 3, name


def test_the_application_waits_for_healthy_services(services):
    for name in APPLICATION_SERVICES:
        depends = services[name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
    # Web applies the migrations: worker and beat start once it answers.
    for name in ("worker", "beat"):
        assert services[name]["depends_on"]["web"]["condition"] == "service_healthy"


def test_folders_the_application_writes_are_volumes(services):
    declared = set(compose()["volumes"])
    for name in APPLICATION_SERVICES:
        service = services[name]
        environment, mounted = service["environment"], mounts(service)
        for variable, volume in WRITTEN_FOLDERS.items():
            assert mounted[environment[variable]] == volume, (name, variable)
        assert set(mounted.values()) <= declared
    schedule = PurePosixPath(services["beat"]["environment"]["CELERY_BEAT_SCHEDULE_FILENAME"])
    assert mounts(services["beat"])[str(schedule.parent)] == "beat"
    assert {"postgres-data", "redis-data", "media", "h5p", "certificates", "beat"} <= declared


def test_application_containers_share_one_configuration(services):
    environments = [services[name]["environment"] for name in APPLICATION_SERVICES]
    assert environments[0] == environments[1] == environments[2]
    environment = environments[0]
    assert environment["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    assert environment["DATABASE_URL"].startswith("postgres://training:")
    assert environment["DATABASE_URL"].endswith("@postgres:5432/training")
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
    for name in APPLICATION_SERVICES:
        assert services[name]["env_file"] == [{"path": ".env", "required": False}]


def test_every_variable_compose_passes_is_one_the_settings_read():
    read = set(settings_variables())
    for name in APPLICATION_SERVICES:
        passed = set(compose()["services"][name]["environment"])
        assert passed - NOT_SETTINGS <= read, passed - NOT_SETTINGS - read


def test_env_example_lists_every_variable_the_settings_read():
    listed = set(env_example())
    read = set(settings_variables())
    assert read - listed == set(), "missing from .env.example"
    # Nothing else: each line is a setting or one of compose's own ${...}.
    assert listed - read - compose_variables() == set(), "read by nothing"


def test_every_line_of_env_example_says_what_it_is_for():
    lines = (ROOT / ".env.example").read_text().splitlines()
    for number, line in enumerate(lines):
        match = re.match(r"^#?\s?([A-Z][A-Z0-9_]*)=", line)
        if not match:
            continue
        above = number - 1
        while above >= 0 and re.match(r"^#?\s?[A-Z][A-Z0-9_]*=", lines[above]):
            above -= 1  # a group of lines under one comment (e.g. a user and its password)
        assert above >= 0 and lines[above].startswith("# "), f"{match[1]} has no comment"


def test_commented_lines_show_the_settings_defaults():
    read = settings_variables()
    for line in env_example().values():
        variable = read.get(line.name)
        # An empty default leaves room for an example (a bucket's name, a Redis address).
        if line.set or variable is None or not variable.default:
            continue
        assert line.value == variable.default, (line.name, variable.file)


def test_compose_stops_when_a_required_variable_is_missing_and_env_example_sets_each():
    text = (ROOT / "docker-compose.yml").read_text()
    required = set(re.findall(r"\$\{([A-Z_]+):\?", text))
    assert {"SECRET_KEY", "CERTIFICATES_SIGNING_KEY", "POSTGRES_PASSWORD"} <= required
    example = env_example()
    for name in required:
        assert example[name].set, f"{name} must be an uncommented line of .env.example"
    with pytest.raises(MissingVariable):
        interpolate(text, {**example_environment(), "SECRET_KEY": ""})
    assert compose_variables() <= set(example)


def test_env_files_never_reach_git_or_the_image():
    assert "/.env" in (ROOT / ".gitignore").read_text().splitlines()
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    for entry in (".env", "var", "media", ".venv", "db.sqlite3*"):
        assert entry in ignored, entry
    assert "!.env.example" in ignored


def test_the_image_builds_like_the_makefile_and_runs_as_its_own_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    instructions = [line for line in dockerfile.splitlines() if line and line[0] != "#"]
    # Front-end packages as `make player fonts contexts` makes them.
    assert "npm ci --ignore-scripts" in dockerfile
    assert "node_modules/h5p-standalone/dist ./assessments/static/assessments/h5p-standalone" in (
        dockerfile
    )
    assert "@fontsource/noto-serif/files ./certificates/fonts" in dockerfile
    assert "node scripts/extract_contexts.mjs" in dockerfile
    assert "./certificates/credentials/contexts" in dockerfile
    # Catalogues and static files at build time, under the production settings.
    assert "ENV PYTHONDONTWRITEBYTECODE=1" in dockerfile
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in dockerfile
    assert "manage.py compile_catalogues" in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile
    # A user of its own, owning the folders the volumes are mounted on.
    user = [line for line in instructions if line.startswith("USER ")]
    assert user and user[-1] != "USER root"
    services = rendered(compose()["services"], example_environment())
    for target in {target for name in APPLICATION_SERVICES for target in mounts(services[name])}:
        assert target in dockerfile, f"{target} is not made (and owned by the user) in the image"
