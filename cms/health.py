"""The web container's health check: ask /healthz the way the TLS proxy in front does.

    python -m cms.health [--port 8000]

Production settings answer only to the site's own host names and send plain http
to https, so the request names the first of ALLOWED_HOSTS and says it came over
https (X-Forwarded-Proto, as the proxy does). Exit status 0 when the answer is
200, 1 otherwise. The worker and beat are checked by Celery itself
(`celery inspect ping`, docker-compose.yml).
"""

from __future__ import annotations

import argparse
import http.client
import sys


def served_host() -> str:
    """A host name the site answers to: the first of ALLOWED_HOSTS, made concrete."""
    from django.conf import settings

    host = next(iter(settings.ALLOWED_HOSTS), "localhost")
    if host == "*":
        return "localhost"
    # ".example.org" allows example.org and its subdomains.
    return host.lstrip(".")


def web_is_healthy(port: int, timeout: float = 5.0) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "GET", "/healthz", headers={"Host": served_host(), "X-Forwarded-Proto": "https"}
        )
        return connection.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args(argv)
    return 0 if web_is_healthy(arguments.port) else 1


if __name__ == "__main__":
    sys.exit(main())
