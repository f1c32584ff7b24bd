"""Every learner, trainer, NSG and certificate page in a real browser: accessible (axe-core, no
serious or critical violation, in English, Bulgarian and Romanian), in its language, without
horizontal overflow at 360 px and 1280 px (screenshots in test-artefacts/screenshots/); the
learner's journey by keyboard alone with the focus always visible; a lesson light enough for a
slow phone, with nothing from another host.

The lesson's weight is what production sends, not what the test server sends: production
serves static files through whitenoise, gzip-compressed when they are collected (the test
compresses each static response's body the same way, with whitenoise's own Compressor), and
sends the HTML as the application writes it; headers are counted too. The test server
compresses nothing, so it sends more; both figures are printed.

One transactional test: each empties the database when it ends, and the world takes seconds.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from tests.browser.axe import with_axe
from tests.browser.tour import (
    LANGUAGES,
    build_tour_world,
    clear_screenshots,
    learner_journey_by_keyboard,
    lesson_weight,
    signed_in_context,
    visit,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LESSON_BUDGET = 200 * 1024  # bytes, everything a lesson without media needs


def test_every_page_is_accessible_light_and_usable_by_keyboard(browser, live_server):
    started = time.monotonic()
    clear_screenshots()
    world = build_tour_world()
    base = live_server.url

    # Light pages: a lesson of text, as a signed-in learner opens it with nothing cached.
    context = signed_in_context(browser, live_server, world, "learner")
    transfers, requested = lesson_weight(context.new_page(), f"{base}{world.plain_lesson.url}")
    context.close()
    production = sum(transfer.production for transfer in transfers)
    print(
        f"\nLesson without media: {production} bytes as production sends them "
        f"({sum(transfer.sent for transfer in transfers)} as the test server sent them), "
        f"{len(transfers)} responses"
    )
    for transfer in transfers:
        print(f"  {transfer.production:>7} {transfer.url.removeprefix(base)}")
    assert production <= LESSON_BUDGET
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(base).netloc}

    # Keyboard only: the learner's journey from logging in, the focus visible at every stop.
    context = signed_in_context(browser, live_server, world, "anonymous")
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    problems = learner_journey_by_keyboard(page, base, world)
    assert "2 of 6 required lessons done" in page.content()  # the first was done before
    context.close()
    assert problems == [], "\n".join(problems)
    learner = world.users["learner"]
    assert world.knowledge_check.attempts.filter(participant__user=learner).count() == 1

    # The tour: each page in each language, as the person it is for.
    found = []
    pages = {}
    for stop in world.stops:
        if stop.role not in pages:
            context = with_axe(signed_in_context(browser, live_server, world, stop.role))
            pages[stop.role] = context.new_page()
        for language in LANGUAGES:
            found += visit(pages[stop.role], base, stop, language)
    for page in pages.values():
        page.context.close()
    print(
        f"{len(world.stops)} pages in {len(LANGUAGES)} languages and the rest "
        f"in {time.monotonic() - started:.0f} s"
    )
    assert found == [], "\n".join(found)
