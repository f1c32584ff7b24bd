"""The trainer's cascade as a tree diagram, beside the list that holds the same numbers."""

import re

import pytest
from defusedxml import ElementTree
from django.contrib.auth import get_user_model

from tests.courses.test_cascade import cascade  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

# People per cohort in the cascade fixture, counted there by hand.
PEOPLE = {
    "National ToT Sofia": 2,
    "Training Plovdiv": 3,
    "Training Varna": 2,
    "Youth module Plovdiv": 5,
    "National ToT Burgas": 1,
    "Youth module Burgas": 3,
}


def trainer_page(client, world, name, username):
    user = get_user_model().objects.create(username=username, email=f"{username}@example.org")
    person = world.person(name)
    person.user = user
    person.save()
    client.force_login(user)
    return client.get("/en/learning/training/").content.decode()


def diagram(html):
    figure = re.search(r'<figure class="chart-figure".*?</figure>', html, re.S).group(0)
    return figure, ElementTree.fromstring(re.search(r"<svg.*</svg>", figure, re.S).group(0))


def in_list(html):
    """Cohort name → people, as the nested list writes them."""
    tree = html[html.index('<ul class="cascade-tree"') :]
    return {
        name: int(people)
        for name, people in re.findall(
            r'<span class="cascade-node">\s*(?:<a href="[^"]*">|<strong>)([^<]+)</(?:a|strong)>'
            r'\s*<span class="meta">[^<]*· (\d+) (?:person|people)</span>',
            tree,
        )
    }


def test_the_trainer_page_draws_the_cascade_with_the_numbers_of_the_list(client, cascade):  # noqa: F811
    html = trainer_page(client, cascade, "Maria", "maria")
    figure, svg = diagram(html)
    assert html.index("<figure") < html.index('<ul class="cascade-tree"')
    assert "The list below holds the same cohorts and numbers." in figure
    boxes = {}
    for node in svg.iter("g"):
        if node.get("class") == "chart-node":
            texts = {t.get("class"): "".join(t.itertext()) for t in node.iter("text")}
            boxes[texts["chart-node-label"]] = texts
    assert {name: texts["chart-node-value"] for name, texts in boxes.items()} == {
        name: f"{people} {'person' if people == 1 else 'people'}" for name, people in PEOPLE.items()
    }
    assert in_list(html) == PEOPLE
    assert boxes["Training Plovdiv"]["chart-node-detail"] == "Petya · Bulgaria"
    # Its boxes link to Maria's own cohorts: a group of links, not an image.
    assert svg.get("role") == "group"
    assert svg.find("title").text == "Cohorts in your cascade"


def test_the_diagram_links_only_the_trainers_own_cohorts(client, cascade):  # noqa: F811
    html = trainer_page(client, cascade, "Petya", "petya")
    _figure, svg = diagram(html)
    links = {a.get("href") for a in svg.iter("a")}
    own = {cascade.training_b, cascade.youth_c, cascade.second_tot}
    assert links == {f"/en/learning/training/cohorts/{cohort.pk}/" for cohort in own}
    # Stoyan's youth module is in Petya's cascade, drawn, but not Petya's to open.
    labels = [
        "".join(t.itertext()) for t in svg.iter("text") if t.get("class") == "chart-node-label"
    ]
    assert "Youth module Burgas" in labels


def test_no_diagram_for_someone_who_has_led_no_cohort(client, cascade):  # noqa: F811
    html = trainer_page(client, cascade, "Ana", "ana")
    assert '<figure class="chart-figure"' not in html
    assert 'role="group"' not in html  # the diagram's own svg; icons are aria-hidden
