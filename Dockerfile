# The image every application container runs (docker-compose.yml: web, worker, beat).
#
# Front-end and data packages from npm at build time, as the Makefile's player,
# fonts, contexts and icons targets do: the H5P player (its install scripts insist on
# yarn: skipped), the certificate font, the JSON-LD contexts that signed
# credentials name and the site's icon sprite.
FROM node:20-bookworm-slim AS player
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY scripts/extract_contexts.mjs ./scripts/
RUN node scripts/extract_contexts.mjs /build/contexts
# The icon sprite holds the icons the templates name: it reads the project's templates.
COPY scripts/build_icon_sprite.mjs ./scripts/
COPY . /project
RUN node scripts/build_icon_sprite.mjs /build/icons/sprite.svg /project

FROM python:3.11-slim-bookworm

# PYTHONPATH: every command (gunicorn, celery, manage.py) runs the code in /app.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=cms.settings.production

# Pango for WeasyPrint (certificate PDFs).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# The dependencies in a layer of their own (rebuilt only when pyproject.toml changes); the
# project itself is not installed, so no second copy of it sits in site-packages.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# .dockerignore keeps out local data, keys, the virtualenv and built files.
COPY . .
COPY --from=player /build/node_modules/h5p-standalone/dist ./assessments/static/assessments/h5p-standalone
COPY --from=player /build/node_modules/@fontsource/noto-serif/files ./certificates/fonts
COPY --from=player /build/node_modules/@fontsource/noto-serif/LICENSE ./certificates/fonts/LICENSE
COPY --from=player /build/contexts ./certificates/credentials/contexts
COPY --from=player /build/icons ./cms/static/cms/icons
# Catalogues and static files at build time (whitenoise serves them with hashed names). The
# production settings insist on a secret key; this one exists only during the build.
RUN SECRET_KEY=build-only-not-a-secret python manage.py compile_catalogues \
    && SECRET_KEY=build-only-not-a-secret python manage.py collectstatic --noinput -v0

# A user of its own, owning only the folders the application writes (volumes in compose).
RUN useradd --create-home --uid 1000 app \
    && mkdir -p /app/media /app/var/h5p /app/var/certificates /app/var/beat \
    && chown -R app /app/media /app/var
USER app
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
