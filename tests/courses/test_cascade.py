"""The cascade: who trained whom, back to the international ToT, and how far it reached."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import selectors, services
from courses.models import Cohort, TrainerAccreditation
from tests.factories import (
    at,
    build_course,
    clock,
    cohort_graduate,
    coordinator,
    country,
    organisation,
    trainee,
)

pytestmark = pytest.mark.django_db

Kind = Cohort.Kind
START = datetime.date(2019, 3, 1)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


class Cascade:
    """An international ToT, national ToTs, trainings and youth modules over four generations."""

    def __init__(self):
        self.course = build_course(modules=1, lessons_per_module=1, slug="cascade").course
        self.bulgaria = country()
        self.host = organisation()
        self.coordinator = coordinator()
        self.people = {}

    def person(self, name):
        if name not in self.people:
            self.people[name] = trainee(name)
        return self.people[name]

    def cohort(self, name, kind, lead, members, starts=0, completed=True, accredit=()):
        """A cohort as it happens: planned by a coordinator, held (one session on its first
        day), its members present, and the ToT's graduates accredited on its last day."""
        cohort = services.cohort_create(
            name=name,
            course=self.course,
            kind=kind,
            country=self.bulgaria,
            language="bg",
            host_organisation=self.host,
            lead_trainer=self.person(lead),
            starts_on=day(starts),
            ends_on=day(starts + 5),
            created_by=self.coordinator,
        )
        services.session_create(
            cohort, starts_at=at(day(starts)), place="Sofia", created_by=self.coordinator
        )
        people = [self.person(member) for member in members]
        if completed and people:
            cohort_graduate(cohort, people, by=self.coordinator)
        else:
            for person in people:
                services.cohort_add_member(cohort, person)
        with clock(at(day(starts + 5), 17)):
            for member in accredit:
                services.accreditation_grant_for_cohort(
                    cohort, self.person(member), granted_by=self.coordinator
                )
        return cohort


@pytest.fixture
def cascade():
    world = Cascade()
    world.tot = world.cohort(
        "International ToT",
        Kind.INTERNATIONAL_TOT,
        "Rutger",
        ["Maria", "Ivan"],
        accredit=["Maria", "Ivan"],
    )
    world.national_tot = world.cohort(
        "National ToT Sofia",
        Kind.NATIONAL_TOT,
        "Maria",
        ["Petya", "Georgi"],
        starts=10,
        accredit=["Petya", "Georgi"],
    )
    world.training_b = world.cohort(
        "Training Plovdiv", Kind.NATIONAL_TRAINING, "Petya", ["Ana", "Boris", "Dora"], starts=20
    )
    world.youth_c = world.cohort(
        "Youth module Plovdiv",
        Kind.YOUTH_MODULE,
        "Petya",
        ["Y1", "Y2", "Y3", "Y4", "Ana"],
        starts=25,
    )
    world.training_d = world.cohort(
        "Training Varna", Kind.NATIONAL_TRAINING, "Georgi", ["Dora", "Emil"], starts=20
    )
    world.second_tot = world.cohort(
        "National ToT Burgas",
        Kind.NATIONAL_TOT,
        "Petya",
        ["Stoyan"],
        starts=30,
        accredit=["Stoyan"],
    )
    world.youth_f = world.cohort(
        "Youth module Burgas", Kind.YOUTH_MODULE, "Stoyan", ["Y5", "Y6", "Y1"], starts=50
    )
    return world


def test_each_cohort_sits_below_the_cohort_that_trained_its_lead(cascade):
    assert cascade.tot.generation == 0 and cascade.tot.parent is None
    assert cascade.national_tot.parent == cascade.tot and cascade.national_tot.generation == 1
    assert cascade.training_b.parent == cascade.national_tot and cascade.training_b.generation == 2
    assert cascade.youth_f.parent == cascade.second_tot and cascade.youth_f.generation == 3


def test_lineage_of_a_cohort_reaches_generation_zero_in_two_queries(cascade):
    with CaptureQueriesContext(connection) as queries:
        lineage = selectors.cohort_lineage(cascade.youth_f)
    assert len(queries) == 2
    assert [step.cohort.name for step in lineage] == [
        "International ToT",
        "National ToT Sofia",
        "National ToT Burgas",
        "Youth module Burgas",
    ]
    assert [step.lead_trainer.display_name for step in lineage] == [
        "Rutger",
        "Maria",
        "Petya",
        "Stoyan",
    ]


def test_a_trainer_knows_who_trained_them(cascade):
    lineage = selectors.participant_lineage(cascade.person("Stoyan"))
    assert [
        (step.cohort.name, step.lead_trainer.display_name, step.generation) for step in lineage
    ] == [
        ("International ToT", "Rutger", 0),
        ("National ToT Sofia", "Maria", 1),
        ("National ToT Burgas", "Petya", 2),
    ]
    youth = selectors.participant_lineage(cascade.person("Y5"))
    assert youth[-1].cohort == cascade.youth_f and youth[0].cohort == cascade.tot


def test_subtree_counts_people_once_per_generation_and_overall(cascade):
    report = selectors.trainer_cascade(cascade.person("Maria"))
    assert [cohort.name for cohort in report.cohorts_led] == ["National ToT Sofia"]
    by_generation = {g.generation: g for g in report.generations}
    assert by_generation[1].cohorts == 1 and by_generation[1].people_reached == 2
    assert by_generation[1].trainers_produced == 2
    # Generation 2: Ana is in two cohorts, Dora in two: each counted once.
    assert by_generation[2].cohorts == 4
    assert by_generation[2].people_reached == len(
        {"Ana", "Boris", "Dora", "Y1", "Y2", "Y3", "Y4", "Emil", "Stoyan"}
    )
    assert by_generation[2].trainers_produced == 1
    assert by_generation[3].people_reached == 3
    # Y1 sits in generation 2 and 3: counted once overall.
    everyone = {
        "Petya",
        "Georgi",
        "Ana",
        "Boris",
        "Dora",
        "Y1",
        "Y2",
        "Y3",
        "Y4",
        "Emil",
        "Stoyan",
        "Y5",
        "Y6",
    }
    assert report.people_reached == len(everyone)
    assert report.people_trained_directly == 2


def test_reach_multiplier_of_a_master_trainer(cascade):
    assert selectors.reach_multiplier(cascade.person("Maria")) == pytest.approx(13 / 2)
    assert selectors.reach_multiplier(cascade.person("Emil")) is None


def test_cascade_queries_do_not_grow_with_the_tree(cascade):
    with CaptureQueriesContext(connection) as small:
        selectors.trainer_cascade(cascade.person("Stoyan"))
    with CaptureQueriesContext(connection) as large:
        selectors.trainer_cascade(cascade.person("Rutger"))
    assert len(small) == len(large) == 5


def test_an_expired_accreditation_cannot_lead_a_new_cohort(cascade):
    accreditation = TrainerAccreditation.objects.get(participant=cascade.person("Georgi"))
    after_expiry = accreditation.valid_until + datetime.timedelta(days=1)
    with pytest.raises(services.CascadeError) as refused:
        cascade.cohort(
            "Too late", Kind.NATIONAL_TRAINING, "Georgi", [], starts=(after_expiry - START).days
        )
    assert refused.value.code == "no_valid_accreditation"


def test_someone_never_accredited_cannot_lead_a_training(cascade):
    with pytest.raises(services.CascadeError):
        cascade.cohort("Unaccredited", Kind.NATIONAL_TRAINING, "Boris", [], starts=40)


def test_only_completed_members_of_a_training_of_trainers_are_accredited(cascade):
    with pytest.raises(services.CascadeError) as not_tot:
        services.accreditation_grant_for_cohort(
            cascade.training_b, cascade.person("Ana"), granted_by=cascade.coordinator
        )
    assert not_tot.value.code == "not_a_tot"
    unfinished = cascade.cohort(
        "ToT unfinished", Kind.NATIONAL_TOT, "Maria", ["Zlatka"], starts=60, completed=False
    )
    with pytest.raises(services.CascadeError) as not_done, clock(at(day(66))):
        services.accreditation_grant_for_cohort(
            unfinished, cascade.person("Zlatka"), granted_by=cascade.coordinator
        )
    assert not_done.value.code == "not_completed"


def test_a_cycle_is_impossible(cascade):
    # Stoyan was trained inside the national ToT's subtree: he cannot become its lead.
    before = Cohort.objects.get(pk=cascade.national_tot.pk).cascade_path
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_change_lead(
            cascade.national_tot, cascade.person("Stoyan"), by=cascade.coordinator
        )
    assert refused.value.code == "no_valid_accreditation"  # dates alone already forbid it
    # Even with dates corrected by hand to allow it, the cascade refuses a loop.
    TrainerAccreditation.objects.filter(participant=cascade.person("Stoyan")).update(
        valid_from=day(0)
    )
    with pytest.raises(services.CascadeError) as refused:
        services.cohort_change_lead(
            cascade.national_tot, cascade.person("Stoyan"), by=cascade.coordinator
        )
    assert refused.value.code == "cascade_cycle"
    assert Cohort.objects.get(pk=cascade.national_tot.pk).cascade_path == before


def test_changing_a_lead_moves_the_whole_subtree(cascade):
    other_tot = cascade.cohort(
        "International ToT 2", Kind.INTERNATIONAL_TOT, "Eva", ["Zoran"], accredit=["Zoran"]
    )
    services.cohort_change_lead(
        cascade.national_tot, cascade.person("Zoran"), by=cascade.coordinator
    )
    youth_f = Cohort.objects.get(pk=cascade.youth_f.pk)
    assert selectors.cohort_lineage(youth_f)[0].cohort == other_tot
    assert youth_f.generation == 3
    assert selectors.trainer_cascade(cascade.person("Eva")).people_reached == 14


def test_first_generation_trainers_accredited_by_a_coordinator(cascade):
    veteran = cascade.person("Vesela")
    services.accreditation_grant_first_generation(
        veteran,
        level=TrainerAccreditation.Level.MASTER_TRAINER,
        country=cascade.bulgaria,
        valid_from=day(0),
        valid_until=day(1000),
        granted_by=cascade.coordinator,
    )
    cohort = cascade.cohort("Legacy ToT", Kind.NATIONAL_TOT, "Vesela", ["Nikola"], starts=5)
    assert cohort.parent is None and cohort.generation == 1
    assert selectors.cohort_lineage(cohort)[0].cohort == cohort


def test_one_person_joins_a_cohort_once(cascade):
    first = services.cohort_add_member(cascade.training_b, cascade.person("Ana"))
    again = services.cohort_add_member(cascade.training_b, cascade.person("Ana"))
    assert first.pk == again.pk


def outline(nodes, depth=0):
    lines = []
    for node in nodes:
        lines.append(f"{'  ' * depth}{node.name} ({node.lead_trainer}, {node.people})")
        lines.extend(outline(node.children, depth + 1))
    return lines


def test_a_master_trainers_cascade_as_a_tree_of_cohorts(cascade):
    with CaptureQueriesContext(connection) as queries:
        tree = selectors.trainer_cascade_tree(cascade.person("Maria"))
    assert len(queries) == 2
    assert outline(tree.roots) == [
        "National ToT Sofia (Maria, 2)",
        "  Training Plovdiv (Petya, 3)",
        "  Training Varna (Georgi, 2)",
        "  Youth module Plovdiv (Petya, 5)",
        "  National ToT Burgas (Petya, 1)",
        "    Youth module Burgas (Stoyan, 3)",
    ]
    assert (tree.shown, tree.hidden) == (6, 0)


def test_a_large_tree_is_cut_and_says_how_much_is_left_out(cascade):
    tree = selectors.trainer_cascade_tree(cascade.person("Maria"), limit=3)
    assert outline(tree.roots) == [
        "National ToT Sofia (Maria, 2)",
        "  Training Plovdiv (Petya, 3)",
        "  Training Varna (Georgi, 2)",
    ]
    assert (tree.shown, tree.total, tree.hidden) == (3, 6, 3)


def test_the_trainer_page_shows_the_tree_and_links_only_their_own_cohorts(client, cascade):
    user = get_user_model().objects.create(username="petya", email="petya@example.org")
    petya = cascade.person("Petya")
    petya.user = user
    petya.save()
    client.force_login(user)
    html = client.get("/en/learning/training/").content.decode()
    assert "Cohorts in your cascade" in html
    assert f'href="/en/learning/training/cohorts/{cascade.youth_c.pk}/"' in html
    assert "Youth module Burgas" in html and "led by Stoyan" in html
    assert f'href="/en/learning/training/cohorts/{cascade.youth_f.pk}/"' not in html
