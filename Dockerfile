# Front-end and data packages from npm at build time: the H5P player (its install
# scripts insist on yarn: skipped), the certificate font and the JSON-LD contexts
# that signed credentials name.
FROM node:20-bookworm-slim AS player
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY scripts/extract_contexts.mjs ./scripts/
RUN node scripts/extract_contexts.mjs /build/contexts

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY accounts ./accounts
COPY audit ./audit
COPY assessments ./assessments
COPY cms ./cms
COPY courses ./courses
COPY certificates ./certificates
RUN pip install --no-cache-dir .
COPY . .
COPY --from=player /build/node_modules/h5p-standalone/dist ./assessments/static/assessments/h5p-standalone
COPY --from=player /build/node_modules/@fontsource/noto-serif/files ./certificates/fonts
COPY --from=player /build/contexts ./certificates/credentials/contexts
RUN python manage.py compile_catalogues \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput -v0

RUN useradd --create-home --uid 1000 app && mkdir -p /app/media /app/var/certificates \
    && chown -R app /app/media /app/var
USER app
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
