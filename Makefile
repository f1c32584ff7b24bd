# Two commands on a fresh machine with Python 3.11:
#   make demo   install, migrate, load the demo and serve it on 127.0.0.1:$(PORT)
#   make test   the whole suite (starts PostgreSQL, Redis and Chromium itself)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo runs as a deployment does: the site's own 404 and 500 pages, static files served by
# whitenoise. `make demo DEBUG=true` shows Django's debug pages instead.
DEBUG ?= false
# What the demo's settings (cms/settings/dev.py) read: links in e-mails and certificates point
# to the address the demo is served on.
DEMO_ENV = DEBUG=$(DEBUG) WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)
PYTEST_ARGS ?=
# The suite runs on two processes (the machine's 2 cores); tests that start servers of their
# own share one of them (tests/conftest.py). PYTEST_PROCESSES= runs it on one.
PYTEST_PROCESSES ?= -n 2 --dist loadgroup

.PHONY: demo test install messages player fonts contexts icons static lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

messages: install
	$(BIN)/python manage.py compile_catalogues

# The H5P player comes from npm (pinned in package-lock.json) and is copied into
# static files; it is never committed. --ignore-scripts: its install scripts
# insist on yarn, and nothing it needs is built at install time.
PLAYER := assessments/static/assessments/h5p-standalone
$(PLAYER)/main.bundle.js: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && apt-get install -y -qq --no-install-recommends npm; } \
		|| { echo "npm is needed: install Node.js and npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(PLAYER)
	cp -R node_modules/h5p-standalone/dist $(PLAYER)

player: $(PLAYER)/main.bundle.js

# The certificate font (Noto Serif: Latin, Latin Extended, Cyrillic, Cyrillic
# Extended) comes from npm with the player (`npm ci` above) and is copied where
# the PDF's stylesheet reads it (certificates/pdf.py); never committed.
FONTS := certificates/fonts
FONT_PACKAGE := node_modules/@fontsource/noto-serif
$(FONTS)/.copied: $(PLAYER)/main.bundle.js
	rm -rf $(FONTS)
	mkdir -p $(FONTS)
	cp $(FONT_PACKAGE)/LICENSE $(FONTS)/LICENSE
	for subset in latin latin-ext cyrillic cyrillic-ext; do \
		for face in 400-normal 700-normal; do \
			cp $(FONT_PACKAGE)/files/noto-serif-$$subset-$$face.woff2 $(FONTS)/ || exit 1; \
		done; \
	done
	touch $@

fonts: $(FONTS)/.copied

# The JSON-LD contexts that signed credentials name, from their npm packages
# (installed with the player above); the Open Badges one ships only as a JS module.
CONTEXTS := certificates/credentials/contexts
$(CONTEXTS)/credentials-v2.jsonld: scripts/extract_contexts.mjs $(PLAYER)/main.bundle.js
	node scripts/extract_contexts.mjs $(CONTEXTS)

contexts: $(CONTEXTS)/credentials-v2.jsonld

# The site's icons: one SVG sprite of only those the templates name ({% icon "name" %}), from
# the npm package lucide-static (installed with the player above); never committed. The
# templates are read every time (quick); the file is rewritten only when it changes.
ICONS := cms/static/cms/icons
icons: $(PLAYER)/main.bundle.js
	node scripts/build_icon_sprite.mjs $(ICONS)/sprite.svg

static: messages player fonts contexts icons
	$(BIN)/python manage.py collectstatic --noinput -v0

demo: static
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@echo ""
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: messages player fonts contexts icons
	$(BIN)/python scripts/test_services.py -- $(BIN)/python -m pytest $(PYTEST_PROCESSES) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: static
	$(BIN)/python bench/serve_pages.py
	$(BIN)/python bench/certificates.py
	$(BIN)/python bench/dashboard.py

clean:
	rm -rf $(VENV) static .tmp node_modules $(PLAYER) $(FONTS) $(CONTEXTS) $(ICONS)
