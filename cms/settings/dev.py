"""Settings for one machine: `make demo`, and a developer's `manage.py runserver`.

DEBUG is on unless the environment turns it off: `make demo` does (DEBUG=false), so that
the demo shows the site's own error pages and serves static files through whitenoise as a
deployment does; `make demo DEBUG=true` brings Django's debug pages back.
"""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)

# Who runs the demo's platform, as e-mail footers and the privacy notice name them: the
# organisation behind the Leaving Care project (the demo's course and cascade), not the
# platform's own name.
PRIVACY_CONTROLLER_NAME = env("PRIVACY_CONTROLLER_NAME", "SOS Children's Villages International")
