"""What the deployment files say, read the way their programs read them.

- `settings_variables()`: every environment variable cms/settings/base.py and
  production.py read through env(), env_bool() or env_list(), found in their syntax
  tree (never a list kept by hand), with the default each gives;
- `env_example()`: .env.example's variables, set or commented out;
- `compose()` and `interpolate()`: docker-compose.yml, and compose's ${...} rules;
- `example_environment()`: the environment a deployment made from .env.example has.
"""

from __future__ import annotations

import ast
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SETTINGS_FILES = ("cms/settings/base.py", "cms/settings/production.py")
READERS = {"env", "env_bool", "env_list"}
APPLICATION_SERVICES = ("web", "worker", "beat")


@dataclass(frozen=True)
class SettingVariable:
    name: str
    file: str
    # The default as the environment would spell it ("15", "true", ""), or None when
    # the settings compute it (a path under BASE_DIR, another variable).
    default: str | None


def settings_variables() -> dict[str, SettingVariable]:
    """Variables the settings read; where both files read one, production.py's reading wins."""
    found: dict[str, SettingVariable] = {}
    for file in SETTINGS_FILES:
        tree = ast.parse((ROOT / file).read_text(), filename=file)
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in READERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            found[node.args[0].value] = SettingVariable(
                node.args[0].value, file, _spelled_default(node)
            )
    return found


def _spelled_default(call: ast.Call) -> str | None:
    if len(call.args) < 2:
        return ""
    default = call.args[1]
    if not isinstance(default, ast.Constant):
        return None
    if isinstance(default.value, bool):
        return "true" if default.value else "false"
    return str(default.value)


@dataclass(frozen=True)
class ExampleLine:
    name: str
    value: str
    set: bool  # False: commented out, showing the default


EXAMPLE_LINE = re.compile(r"^(?P<comment>#\s?)?(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>.*)$")


def env_example() -> dict[str, ExampleLine]:
    lines: dict[str, ExampleLine] = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = EXAMPLE_LINE.match(line.strip())
        if match:
            name = match["name"]
            assert name not in lines, f"{name} appears twice in .env.example"
            lines[name] = ExampleLine(name, match["value"].strip(), match["comment"] is None)
    return lines


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


INTERPOLATION = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<operator>:?[-?])?"
    r"(?P<argument>[^}]*)\}|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))"
)


class MissingVariable(KeyError):
    pass


def interpolate(text: str, environment: dict[str, str]) -> str:
    """`text` with compose's substitutions made: $$, $VAR, ${VAR}, ${VAR:-default},
    ${VAR-default}, ${VAR:?message}, ${VAR?message} (MissingVariable when one fails)."""

    def substitute(match: re.Match) -> str:
        if match["escaped"]:
            return "$"
        name = match["braced"] or match["plain"]
        value = environment.get(name)
        operator, argument = match["operator"], match["argument"] or ""
        # With a colon, an empty value counts as missing too.
        missing = not value if operator in (":-", ":?") else value is None
        if not missing:
            return value
        if operator in (":-", "-"):
            return interpolate(argument, environment)
        if operator in (":?", "?"):
            raise MissingVariable(f"{name}: {argument}")
        return ""

    return INTERPOLATION.sub(substitute, text)


def compose_variables() -> set[str]:
    """Every variable docker-compose.yml substitutes (from .env or the shell)."""
    text = (ROOT / "docker-compose.yml").read_text()
    return {
        match["braced"] or match["plain"]
        for match in INTERPOLATION.finditer(text)
        if not match["escaped"]
    }


def rendered(value, environment: dict[str, str]):
    """A piece of the compose file with every string interpolated."""
    if isinstance(value, str):
        return interpolate(value, environment)
    if isinstance(value, list):
        return [rendered(item, environment) for item in value]
    if isinstance(value, dict):
        return {key: rendered(item, environment) for key, item in value.items()}
    return value


def example_environment(**overrides: str) -> dict[str, str]:
    """The variables .env.example sets, its blanks to fill filled with fresh secrets."""
    from certificates.credentials.keys import generate_secret_key

    values = {line.name: line.value for line in env_example().values() if line.set}
    fresh = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "CERTIFICATES_SIGNING_KEY": generate_secret_key(),
        "POSTGRES_PASSWORD": secrets.token_urlsafe(16),
    }
    for name, value in fresh.items():
        if name in values and not values[name]:
            values[name] = value
    values.update(overrides)
    return values


# The test run's own services and settings never leak into a process started as a deployment.
_TEST_RUN_VARIABLES = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def process_environment(deployment: dict[str, str]) -> dict[str, str]:
    """This machine's environment (PATH, HOME, ...) without any variable the settings read,
    plus `deployment`."""
    read = set(settings_variables())
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in read and key not in _TEST_RUN_VARIABLES
    }
    return {**base, **deployment}
