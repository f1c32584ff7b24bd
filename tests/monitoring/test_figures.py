"""The aggregate layer's rules of who counts where, on a small cascade built through the services.

Romania hosts the international training of trainers (generation 0, 2–6 March 2026), led by
Anna, a first-generation master trainer of Romania. It makes master trainers of Boris
(Bulgaria), Eva (Estonia) and Radu (Romania), accredited in Romania as the service does.
Boris leads a national training in Bulgaria in April (six professionals, four complete, two
of them certified), a national training of trainers in May that accredits Dana and is
cancelled afterwards, and a training planned for September (two people). Dana leads a youth
module in June (three young people). Radu leads a national training in Romania in April (five
professionals). The figures are read on 30 June 2026.

Every expected number is worked out by hand from that story, in the comments beside it.
"""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from assessments.models import Attempt
from certificates.models import Certificate
from certificates.services.issuing import (
    certificate_for_accreditation,
    certificate_for_membership,
)
from courses import services
from courses.models import Cohort, CohortMembership, Participant, TrainerAccreditation
from monitoring.selectors.dashboard import dashboard_for
from monitoring.selectors.figures import all_figures
from tests.factories import (
    assessment,
    at,
    build_course,
    clock,
    cohort_graduate,
    cohort_led_by,
    coordinator,
    country,
    first_generation_trainer,
    organisation,
    participant,
    restore_default_site,
    trainee,
)

pytestmark = pytest.mark.django_db

READ_ON = datetime.date(2026, 6, 30)
MASTER = TrainerAccreditation.Level.MASTER_TRAINER


class Cascade:
    def __init__(self):
        self.course = build_course(modules=1, lessons_per_module=1, slug="figures").course
        self.romania = country("RO", "Romania")
        self.bulgaria = country("BG", "Bulgaria")
        self.estonia = country("EE", "Estonia")
        self.bucharest = organisation("Hope and Homes for Children Romania", self.romania)
        self.sofia = organisation("SOS Children's Villages Bulgaria", self.bulgaria)
        self.plovdiv = organisation("Plovdiv Social Services", self.bulgaria)
        self.coordinator = coordinator()

        self.anna = trainee("Anna de Vries", self.romania)
        first_generation_trainer(self.anna, by=self.coordinator, level=MASTER, country=self.romania)
        with clock(at(datetime.date(2026, 2, 1))):
            self.tot = self.cohort(
                self.anna,
                "International ToT Bucharest",
                Cohort.Kind.INTERNATIONAL_TOT,
                self.romania,
                self.bucharest,
                datetime.date(2026, 3, 2),
                by=self.coordinator,
            )
        self.boris = trainee("Boris Petrov", self.bulgaria)
        self.eva = trainee("Eva Tamm", self.estonia)
        self.radu = trainee("Radu Ionescu", self.romania)
        masters = [self.boris, self.eva, self.radu]
        cohort_graduate(self.tot, masters, by=self.coordinator)
        with clock(at(self.tot.ends_on, 18)):
            for person in masters:
                services.accreditation_grant_for_cohort(
                    self.tot, person, granted_by=self.coordinator, level=MASTER
                )

        with clock(at(datetime.date(2026, 3, 20))):
            self.training = self.cohort(
                self.boris,
                "Национално обучение София",
                Cohort.Kind.NATIONAL_TRAINING,
                self.bulgaria,
                self.sofia,
                datetime.date(2026, 4, 6),
            )
            self.romanian_training = self.cohort(
                self.radu,
                "Formare națională București",
                Cohort.Kind.NATIONAL_TRAINING,
                self.romania,
                self.bucharest,
                datetime.date(2026, 4, 13),
            )
        self.professionals = [participant(f"Специалист {n}", self.bulgaria) for n in range(6)]
        for person in self.professionals:
            services.cohort_add_member(self.training, person)
        cohort_graduate(self.training, self.professionals[:4], by=self.boris.user)
        for membership in CohortMembership.objects.filter(
            cohort=self.training, participant__in=self.professionals[:2]
        ):
            issued_on(certificate_for_membership(membership, by=self.boris.user), 4, 20)
        romanians = [participant(f"Participant {n}", self.romania) for n in range(5)]
        cohort_graduate(self.romanian_training, romanians, by=self.radu.user)

        with clock(at(datetime.date(2026, 4, 20))):
            self.national_tot = self.cohort(
                self.boris,
                "Обучение на обучители Пловдив",
                Cohort.Kind.NATIONAL_TOT,
                self.bulgaria,
                self.plovdiv,
                datetime.date(2026, 5, 4),
            )
        self.dana = trainee("Dana Georgieva", self.bulgaria)
        cohort_graduate(self.national_tot, [self.dana], by=self.coordinator, accredit=True)
        with clock(at(datetime.date(2026, 5, 20))):
            self.youth = self.cohort(
                self.dana,
                "Младежки модул Пловдив",
                Cohort.Kind.YOUTH_MODULE,
                self.bulgaria,
                self.plovdiv,
                datetime.date(2026, 6, 1),
            )
            self.planned = self.cohort(
                self.boris,
                "Национално обучение Варна",
                Cohort.Kind.NATIONAL_TRAINING,
                self.bulgaria,
                self.sofia,
                datetime.date(2026, 9, 7),
            )
        young = [
            participant(f"Младеж {n}", self.bulgaria, age_band=Participant.AgeBand.AGE_14_17)
            for n in range(3)
        ]
        cohort_graduate(self.youth, young, by=self.dana.user)
        for name in ("Бъдещ 1", "Бъдещ 2"):
            services.cohort_add_member(self.planned, participant(name, self.bulgaria))
        # The training of trainers is cancelled after it accredited Dana.
        Cohort.objects.filter(pk=self.national_tot.pk).update(status=Cohort.Status.CANCELLED)
        # The certificates of Boris's two were issued with their trainers' (Anna's and his)
        # accreditation certificates, on the day their accreditations began.
        for certificate in Certificate.objects.filter(kind="accreditation"):
            start = certificate.accreditation.valid_from
            issued_on(certificate, start.month, start.day, year=start.year)

    def cohort(self, lead, name, kind, in_country, host, starts_on, *, by=None):
        return cohort_led_by(
            lead,
            course=self.course,
            created_by=by or lead.user,
            name=name,
            kind=kind,
            country=in_country,
            host_organisation=host,
            language=in_country.code.lower() if kind != Cohort.Kind.INTERNATIONAL_TOT else "en",
            starts_on=starts_on,
        )


def issued_on(certificate, month, day, *, year=2026):
    """Certificates are stamped with the moment they are written: this one on that day."""
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=at(datetime.date(year, month, day), 18)
    )


@pytest.fixture
def cascade():
    return Cascade()


def figures(since=None, until=READ_ON):
    with clock(at(READ_ON, 12)):
        return all_figures(since=since, until=until)


def total(figures_of_a_scope, measure):
    return figures_of_a_scope.tables["by_generation"].total.values[measure]


def column(table, measure):
    return {row.key: row.values[measure] for row in table.rows if row.values[measure]}


# --- 1. A person's country is their own record's --------------------------------------------


def test_people_count_for_the_country_on_their_own_record(cascade):
    counted = figures()
    bg, ro, ee = (counted[c.pk] for c in (cascade.bulgaria, cascade.romania, cascade.estonia))

    # Bulgaria: Boris (trained in Romania), six professionals, three young people, and Dana,
    # whose only cohort was cancelled, reached online when she did its online part.
    assert total(bg, "reached") == 1 + 6 + 3 + 1
    assert total(bg, "young_people") == 3
    # Romania: Radu and his five; not the Bulgarian and Estonian masters it trained.
    assert total(ro, "reached") == 1 + 5
    assert total(ee, "reached") == 1  # Eva
    assert column(counted[None].tables["by_country"], "reached") == {
        str(cascade.bulgaria.pk): 11,
        str(cascade.romania.pk): 6,
        str(cascade.estonia.pk): 1,
    }
    # Boris's other rows are the training that first reached him: its Romanian host, its
    # generation and its language.
    assert column(bg.tables["by_organisation"], "reached") == {
        str(cascade.bucharest.pk): 1,
        str(cascade.sofia.pk): 6,
        str(cascade.plovdiv.pk): 3,  # the youth module
        "": 1,  # Dana, learning online, gave no organisation
    }
    assert column(bg.tables["by_generation"], "reached") == {"0": 1, "1": 6, "2": 3, "": 1}
    assert column(bg.tables["by_language"], "reached")["en"] == 1


def test_a_person_without_a_country_counts_for_their_first_cohorts(cascade):
    person = participant("Без държава", cascade.bulgaria)
    Participant.objects.filter(pk=person.pk).update(country=None)
    CohortMembership.objects.create(cohort=cascade.training, participant=person)

    counted = figures()

    assert total(counted[cascade.bulgaria.pk], "reached") == 11 + 1


def test_trainers_count_for_their_own_country_in_every_view(cascade):
    counted = figures()

    levels = {
        scope: {row.key: row.values["accredited"] for row in counted[scope].tables["trainers"].rows}
        for scope in (cascade.bulgaria.pk, cascade.romania.pk, cascade.estonia.pk, None)
    }
    assert levels[cascade.bulgaria.pk] == {"master_trainer": 1, "trainer": 1}  # Boris, Dana
    assert levels[cascade.romania.pk] == {"master_trainer": 2, "trainer": 0}  # Anna, Radu
    assert levels[cascade.estonia.pk] == {"master_trainer": 1, "trainer": 0}  # Eva
    assert levels[None] == {"master_trainer": 4, "trainer": 1}
    # The all-countries row of a country is that country's dashboard.
    by_country = column(counted[None].tables["by_country"], "trainers")
    for place in (cascade.bulgaria, cascade.romania, cascade.estonia):
        assert by_country[str(place.pk)] == total(counted[place.pk], "trainers")
    assert by_country == {
        str(cascade.bulgaria.pk): 2,
        str(cascade.romania.pk): 2,
        str(cascade.estonia.pk): 1,
    }
    # Boris's other rows are still those of the training that accredited him.
    bulgarian_trainers = counted[cascade.bulgaria.pk].tables["by_organisation"]
    assert column(bulgarian_trainers, "trainers") == {
        str(cascade.bucharest.pk): 1,  # Boris
        str(cascade.plovdiv.pk): 1,  # Dana
    }


# --- 2. Master trainers' reach, counted in the pass -------------------------------------------


def master_rows(figures_of_a_scope):
    return {row.label: row.values for row in figures_of_a_scope.tables["master_trainers"].rows}


def test_master_trainers_reach_counts_cohorts_held_or_running_by_the_day(cascade):
    counted = figures()

    everywhere = master_rows(counted[None])
    assert list(everywhere) == ["Anna de Vries", "Boris Petrov", "Eva Tamm", "Radu Ionescu"]
    # Anna led the international training (3 people); below it, Boris's training (6),
    # Radu's (5) and Dana's youth module (3, under the cancelled training of trainers that
    # accredited her): 3 + 6 + 5 + 3 people.
    assert everywhere["Anna de Vries"] == {
        "cohorts": 1,
        "trained_directly": 3,
        "reached": 17,
        "multiplier": 5.7,  # 17 / 3
    }
    # Boris: his April training. Not the cancelled one, nor September's, not started yet.
    assert everywhere["Boris Petrov"] == {
        "cohorts": 1,
        "trained_directly": 6,
        "reached": 6 + 3,
        "multiplier": 1.5,
    }
    assert everywhere["Eva Tamm"] == {
        "cohorts": 0,
        "trained_directly": 0,
        "reached": 0,
        "multiplier": None,
    }
    # A country lists its own master trainers and counts its own cohorts.
    assert master_rows(counted[cascade.romania.pk]) == {
        "Anna de Vries": {"cohorts": 1, "trained_directly": 3, "reached": 8, "multiplier": 2.7},
        "Radu Ionescu": {"cohorts": 1, "trained_directly": 5, "reached": 5, "multiplier": 1.0},
    }
    assert list(master_rows(counted[cascade.bulgaria.pk])) == ["Boris Petrov"]
    assert list(master_rows(counted[cascade.estonia.pk])) == ["Eva Tamm"]
    keys = {row.key for row in counted[None].tables["master_trainers"].rows}
    assert keys == {str(p.pk) for p in (cascade.anna, cascade.boris, cascade.eva, cascade.radu)}


def test_master_trainers_reach_as_of_the_end_of_a_period(cascade):
    """On 8 April Boris's training has started (6 April), Radu's (13 April) has not."""
    counted = figures(until=datetime.date(2026, 4, 8))

    everywhere = master_rows(counted[None])
    assert everywhere["Anna de Vries"]["reached"] == 3 + 6
    assert everywhere["Radu Ionescu"] == {
        "cohorts": 0,
        "trained_directly": 0,
        "reached": 0,
        "multiplier": None,
    }


def test_master_trainers_reach_costs_no_query_per_trainer(cascade):
    with CaptureQueriesContext(connection) as before:
        figures()
    for name in ("Mihai Popa", "Ioana Stan"):
        more = trainee(name, cascade.romania)
        first_generation_trainer(
            more, by=cascade.coordinator, level=MASTER, country=cascade.romania
        )
        with clock(at(datetime.date(2026, 4, 1))):
            led = cascade.cohort(
                more,
                f"Formare {name}",
                Cohort.Kind.NATIONAL_TRAINING,
                cascade.romania,
                cascade.bucharest,
                datetime.date(2026, 5, 11),
            )
        services.cohort_add_member(led, participant(f"Cursant {name}", cascade.romania))

    with CaptureQueriesContext(connection) as after:
        counted = figures()

    assert len(master_rows(counted[cascade.romania.pk])) == 4
    assert len(after.captured_queries) == len(before.captured_queries)


# --- 3. Knowledge gain as of the period's end, a person's records together ------------------


def _result(cascade, person, test, percent, day):
    return Attempt.objects.create(
        participant=person,
        assessment=test,
        activity_key=test.translation_key,
        course_key=cascade.course.translation_key,
        kind=test.kind,
        submitted_at=at(day, 11),
        percent=Decimal(percent),
    )


def test_knowledge_gain_reads_tests_taken_by_the_day_on_all_of_a_persons_records(cascade):
    pre = assessment("pre_test", course=cascade.course)
    post = assessment("post_test", course=cascade.course)
    first, second, third = cascade.professionals[:3]
    # The first: 40 → 80.
    _result(cascade, first, pre, 40, datetime.date(2026, 4, 6))
    _result(cascade, first, post, 80, datetime.date(2026, 4, 10))
    # The second took the pre-test on the record the trainer typed, and the post-test on the
    # account they made later; the typed record was merged into it: 20 → 70.
    account = participant("Специалист 1", cascade.bulgaria)
    Participant.objects.filter(pk=second.pk).update(merged_into=account)
    _result(cascade, second, pre, 20, datetime.date(2026, 4, 6))
    _result(cascade, account, post, 70, datetime.date(2026, 4, 10))
    # The third: 50 → 60 in April, and 90 in a post-test taken again in July.
    _result(cascade, third, pre, 50, datetime.date(2026, 4, 6))
    _result(cascade, third, post, 60, datetime.date(2026, 4, 10))
    _result(cascade, third, post, 90, datetime.date(2026, 7, 3))

    bulgaria = figures()[cascade.bulgaria.pk]
    gain = bulgaria.tables["by_generation"].total.values
    assert (gain["gain_people"], gain["mean_gain"]) == (3, 33.3)  # (40 + 50 + 10) / 3

    with clock(at(datetime.date(2026, 7, 31), 12)):
        later = all_figures(until=datetime.date(2026, 7, 31))[cascade.bulgaria.pk]
    gain = later.tables["by_generation"].total.values
    assert (gain["gain_people"], gain["mean_gain"]) == (3, 43.3)  # (40 + 50 + 40) / 3


# --- 4. Trainers accredited by a cohort cancelled since ---------------------------------------


def test_a_trainer_accredited_by_a_cohort_cancelled_since_keeps_its_rows(cascade):
    bulgaria = figures()[cascade.bulgaria.pk]

    trainers = {
        name: column(bulgaria.tables[f"by_{name}"], "trainers")
        for name in ("organisation", "region", "generation", "language", "month")
    }
    # Dana's rows are the cancelled training of trainers' (Plovdiv, generation 1, in Bulgarian,
    # May); Boris's the international training's.
    assert trainers["organisation"][str(cascade.plovdiv.pk)] == 1
    assert trainers["generation"] == {"0": 1, "1": 1}
    assert trainers["language"] == {"en": 1, "bg": 1}
    assert trainers["month"] == {"2026-03": 1, "2026-05": 1}
    assert "" not in trainers["organisation"]
    # The cancelled cohort itself counts nowhere.
    cohorts = bulgaria.tables["by_organisation"].total.values
    assert cohorts["cohorts_held"] + cohorts["cohorts_running"] + cohorts["cohorts_planned"] == 3
    tree = {row.key for row in bulgaria.tables["cascade_tree"].rows}
    assert str(cascade.national_tot.pk) not in tree


# --- 5. One state of the record ---------------------------------------------------------------


def test_a_record_written_while_the_figures_are_counted_stops_nothing(cascade):
    """A membership of a person the pass has not read (written meanwhile) counts them."""
    written = []

    def write_once(execute, sql, params, many, context):
        if not written and "courses_cohortmembership" in sql and "SELECT" in sql.upper():
            written.append(True)
            newcomer = Participant.objects.create(display_name="Нов", country=cascade.bulgaria)
            CohortMembership.objects.create(cohort=cascade.training, participant=newcomer)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(write_once):
        counted = figures()

    assert written
    assert total(counted[cascade.bulgaria.pk], "reached") == 11 + 1


@pytest.mark.django_db(transaction=True)
def test_figures_are_counted_from_one_state_of_the_record():
    """A membership committed by another connection in the middle of the pass is not seen."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer and reads one state anyway; this needs PostgreSQL")
    restore_default_site()  # an earlier transactional test may have emptied the database
    cascade = Cascade()
    before = figures()

    def commit_a_membership():
        try:
            newcomer = Participant.objects.create(display_name="Нов", country=cascade.bulgaria)
            CohortMembership.objects.create(cohort=cascade.training, participant=newcomer)
        finally:
            connections.close_all()

    written = []

    def write_once(execute, sql, params, many, context):
        if not written and "courses_cohortmembership" in sql and "SELECT" in sql.upper():
            written.append(True)
            writer = threading.Thread(target=commit_a_membership)
            writer.start()
            writer.join()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(write_once):
        during = figures()
    after = figures()

    assert written
    bulgaria = cascade.bulgaria.pk
    assert total(during[bulgaria], "reached") == total(before[bulgaria], "reached") == 11
    assert total(after[bulgaria], "reached") == 12


# --- 6. The funnel of a period ------------------------------------------------------------------


def test_the_funnel_of_a_period_follows_the_people_reached_in_it(cascade):
    """From 4 March: Boris was reached on 2 March and completed on 6 March."""
    bulgaria = figures(since=datetime.date(2026, 3, 4))[cascade.bulgaria.pk]

    funnel = {row.key: row.values["people"] for row in bulgaria.tables["funnel"].rows}
    # Reached in the period: six professionals, three young people and Dana (online, 8 May).
    # Took part and completed: four professionals, the three young people and Dana.
    # Certified: two professionals.
    assert funnel == {"enrolled": 10, "attended": 8, "completed": 8, "certified": 2}
    # Outside the funnel, completions count by their own date: Boris's too.
    assert total(bulgaria, "completed") == 8 + 1


def test_over_the_whole_record_the_funnel_is_the_headline_figures(cascade):
    """A coordinator accredits one of the two professionals who have not completed as a
    first-generation trainer: a certificate without a completion counts as certified."""
    with clock(at(datetime.date(2026, 4, 21))):
        accreditation = first_generation_trainer(
            cascade.professionals[5],
            by=cascade.coordinator,
            country=cascade.bulgaria,
            valid_from=datetime.date(2026, 4, 21),
        )
    issued_on(certificate_for_accreditation(accreditation), 4, 21)

    bulgaria = figures()[cascade.bulgaria.pk]

    funnel = {row.key: row.values["people"] for row in bulgaria.tables["funnel"].rows}
    # Boris, six professionals, three young people and Dana; all but two professionals took
    # part and completed; certified: Boris, two professionals and the one just accredited.
    assert funnel == {"enrolled": 11, "attended": 9, "completed": 9, "certified": 4}
    headline = bulgaria.tables["by_generation"].total.values
    assert [funnel[stage] for stage in ("enrolled", "completed", "certified")] == [
        headline["reached"],
        headline["completed"],
        headline["certified"],
    ]


# --- 9. Trainer counts are not private ----------------------------------------------------------


def test_trainer_counts_are_shown_exactly_and_people_counts_are_protected(cascade):
    """Estonia has one master trainer, Eva, who is also the one person it reached."""
    with clock(at(READ_ON, 12)):
        estonia = dashboard_for(cascade.estonia, until=READ_ON)

    master = estonia.tables["trainers"].rows[0]
    assert master.key == MASTER
    assert (master.cell("accredited").value, master.cell("accredited").hidden) == (1, False)
    assert estonia.totals.cell("trainers").value == 1
    assert not estonia.totals.cell("trainers").hidden
    assert estonia.totals.cell("reached").hidden
