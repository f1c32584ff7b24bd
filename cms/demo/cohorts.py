"""A demo cascade in five countries over four generations, shaped like the Leaving Care project.

An international training of trainers produces master trainers (two per
country); they run national trainings of trainers and national trainings;
the trainers they accredit run national trainings and youth modules (young
people recorded roster-only, by first name and age band); in Romania and
Bulgaria a second national training of trainers produces a fourth
generation that runs youth modules. Sessions have attendance.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms.models import CoursePage, LessonPage
from courses import services
from courses.models import (
    Cohort,
    CohortSession,
    Country,
    Organisation,
    Participant,
    TrainerAccreditation,
)

from .results import enter_cohort_results

Kind = Cohort.Kind


@dataclass(frozen=True)
class DemoCountry:
    code: str
    name: str
    language: str
    age_of_digital_consent: int
    organisations: tuple[str, str]
    cities: tuple[str, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    # Bulgarian surnames agree with the person: Петров, Петрова.
    feminine_first_names: frozenset[str] = frozenset()

    def full_name(self, first: str, last: str) -> str:
        return f"{first} {last}а" if first in self.feminine_first_names else f"{first} {last}"


COUNTRIES = (
    DemoCountry(
        "BG",
        "Bulgaria",
        "bg",
        14,
        ("SOS Children's Villages Bulgaria", "Agency for Social Assistance"),
        ("Sofia", "Plovdiv", "Varna"),
        ("Мария", "Иван", "Елена", "Георги", "Десислава", "Николай", "Ралица", "Стоян"),
        ("Петров", "Иванов", "Димитров", "Георгиев", "Колев", "Стоянов"),
        frozenset({"Мария", "Елена", "Десислава", "Ралица"}),
    ),
    DemoCountry(
        "EE",
        "Estonia",
        "et",
        13,
        ("SOS Children's Villages Estonia", "Social Insurance Board"),
        ("Tallinn", "Tartu", "Pärnu"),
        ("Kadri", "Mart", "Liis", "Tõnu", "Kätlin", "Jüri", "Mari", "Andres"),
        ("Tamm", "Saar", "Sepp", "Mägi", "Kask", "Põder"),
    ),
    DemoCountry(
        "HU",
        "Hungary",
        "hu",
        16,
        ("SOS Children's Villages Hungary", "Regional Child Protection Service"),
        ("Budapest", "Kecskemét", "Debrecen"),
        ("Zsófia", "Gábor", "Eszter", "Ödön", "Réka", "Balázs", "Anna", "Győző"),
        ("Kovács", "Szabó", "Tóth", "Kőműves", "Horváth", "Fűzfa"),
    ),
    DemoCountry(
        "IT",
        "Italy",
        "it",
        14,
        ("SOS Villaggi dei Bambini Italia", "Servizi Sociali Comunali"),
        ("Roma", "Milano", "Vicenza"),
        ("Giulia", "Marco", "Chiara", "Luca", "Francesca", "Andrea", "Sara", "Matteo"),
        ("Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci"),
    ),
    DemoCountry(
        "RO",
        "Romania",
        "ro",
        16,
        ("SOS Satele Copiilor România", "DGASPC Sector 6 București"),
        ("București", "Iași", "Cluj-Napoca"),
        ("Ioana", "Andrei", "Elena", "Mihai", "Ștefania", "Bogdan", "Ana", "Radu"),
        ("Popescu", "Țărănescu", "Ionescu", "Dumitrescu", "Stănescu", "Munteanu"),
    ),
)

START = datetime.date(2025, 9, 15)


AGE_BANDS = (Participant.AgeBand.AGE_14_17, Participant.AgeBand.AGE_18_21)


class CascadeBuilder:
    def __init__(self, course: CoursePage, coordinator):
        self.course = course
        # The demo coordinator plans, marks and accredits, as the rules allow only them to
        # for cohorts whose (fictional) trainers have no account.
        self.coordinator = coordinator
        self.random = random.Random(2026)
        self.results_random = random.Random(12)
        self.count = 0
        self.lessons: list[LessonPage] | None = None

    def person(self, country: Country, organisation: Organisation, names: DemoCountry):
        self.count += 1
        name = names.full_name(
            self.random.choice(names.first_names), self.random.choice(names.last_names)
        )
        return Participant.objects.create(
            display_name=name, country=country, organisation=organisation
        )

    def trainee(self, country: Country, organisation: Organisation, names: DemoCountry):
        """A future trainer: a person with an account who has done the course online.

        A training of trainers completes (and accredits) only people with an
        account whose online part is complete; the demo accounts cannot sign in.
        """
        person = self.person(country, organisation, names)
        user = get_user_model().objects.create(
            username=f"demo-trainee-{self.count:04d}",
            email=f"demo-trainee-{self.count:04d}@example.invalid",
            first_name=person.display_name,
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        person.user = user
        person.save(update_fields=["user"])
        if self.lessons is None:
            self.lessons = list(LessonPage.objects.descendant_of(self.course).live())
        for lesson in self.lessons:
            services.lesson_complete(user, lesson)
        return person

    def youth(self, country: Country, names: DemoCountry, city: str):
        self.count += 1
        first = self.random.choice(names.first_names)
        return Participant.objects.create(
            display_name=f"{first} ({city[:3].upper()}-{self.count:03d})",
            country=country,
            age_band=self.random.choice(AGE_BANDS),
        )

    def cohort(
        self,
        name,
        kind,
        lead,
        members,
        *,
        country,
        host,
        language,
        starts_on,
        days=4,
        everyone_present=False,
    ):
        cohort = services.cohort_create(
            name=name,
            course=self.course,
            kind=kind,
            country=country,
            language=language,
            host_organisation=host,
            lead_trainer=lead,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=days),
            capacity=max(25, len(members)),
            attendance_threshold=75,
            created_by=self.coordinator,
        )
        cohort.status = (
            Cohort.Status.COMPLETED
            if cohort.ends_on < timezone.localdate()
            else (Cohort.Status.PLANNED)
        )
        cohort.save(update_fields=["status"])
        memberships = [services.cohort_add_member(cohort, member) for member in members]
        sessions = self.sessions(cohort, (0, 2), minutes=210, place=host.region or host.name)
        if cohort.status == Cohort.Status.COMPLETED:
            # The course requires its post-test passed: results come first, so that
            # marking attendance completes those who passed (and only them).
            enter_cohort_results(cohort, self.results_random)
            self.attend(sessions, memberships, everyone_present=everyone_present)
        return cohort

    def sessions(self, cohort: Cohort, days, *, minutes: int, place: str) -> list[CohortSession]:
        """The cohort's sessions, at 9:30 on each of `days` (counted from its first day)."""
        return [
            services.session_create(
                cohort,
                starts_at=timezone.make_aware(
                    datetime.datetime.combine(
                        cohort.starts_on + datetime.timedelta(days=day), datetime.time(9, 30)
                    )
                ),
                duration_minutes=minutes,
                place=place,
                created_by=self.coordinator,  # the demo records its history as the coordinator
            )
            for day in days
        ]

    def attend(self, sessions: list[CohortSession], memberships, *, everyone_present) -> None:
        """Mark attendance; the service completes members who attended enough."""
        weights = (100, 0, 0) if everyone_present else (88, 7, 5)
        for session in sessions:
            marks = {
                membership.participant_id: self.random.choices(
                    ("present", "absent", "excused"), weights=weights
                )[0]
                for membership in memberships
            }
            services.attendance_mark(
                session, marks, marked_by=self.coordinator, marked_at=session.starts_at
            )

    def accredit_graduates(self, cohort: Cohort, level: str, *, waiting=0) -> list[Participant]:
        """Accredit the cohort's graduates, but the last `waiting` of them; returns those
        accredited."""
        graduates = [
            membership.participant
            for membership in cohort.memberships.filter(completed_at__isnull=False).order_by("pk")
        ]
        graduates = graduates[: len(graduates) - waiting]
        for graduate in graduates:
            # History: recorded as granted on the training's last day (the one
            # caller of `granted_on`; the service still refuses a day before it).
            services.accreditation_grant_for_cohort(
                cohort,
                graduate,
                level=level,
                granted_by=self.coordinator,
                granted_on=cohort.ends_on,
            )
        return graduates


@transaction.atomic
def load_demo_cascade() -> int:
    """Build the demo cascade once; returns the number of cohorts (0 if it was there already)."""
    if Cohort.objects.exists():
        return 0
    course = CoursePage.objects.filter(locale__language_code="en").first()
    coordinator = get_user_model().objects.filter(email="coordinator@example.org").first()
    if coordinator is None:  # the demo people come first (manage.py load_demo)
        return 0
    builder = CascadeBuilder(course, coordinator)
    countries = {}
    for data in COUNTRIES:
        country, _ = Country.objects.update_or_create(
            code=data.code,
            defaults={"name": data.name, "age_of_digital_consent": data.age_of_digital_consent},
        )
        organisations = [
            Organisation.objects.get_or_create(
                name=name, country=country, defaults={"region": data.cities[index]}
            )[0]
            for index, name in enumerate(data.organisations)
        ]
        countries[data.code] = (data, country, organisations)

    # Generation 0: the international training of trainers, two master trainers per country.
    international_lead = Participant.objects.create(
        display_name="Anna de Vries", country=countries["RO"][1]
    )
    # A first-generation trainer, accredited by a coordinator before the platform
    # (her accreditation, and so its certificate, ran out at the end of 2025).
    services.accreditation_grant_first_generation(
        international_lead,
        level=TrainerAccreditation.Level.MASTER_TRAINER,
        country=countries["RO"][1],
        valid_from=datetime.date(2019, 9, 1),
        valid_until=datetime.date(2025, 12, 31),
        granted_by=coordinator,
    )
    masters = {}
    trainer_user = get_user_model().objects.filter(email="trainer@example.org").first()
    for code, (data, country, organisations) in countries.items():
        masters[code] = [builder.trainee(country, organisations[0], data) for _ in range(2)]
    if trainer_user is not None:
        masters["BG"][0] = services.participant_for_user(trainer_user, countries["BG"][1])
        # A member with an account completes a cohort only with the course done online.
        for lesson in LessonPage.objects.descendant_of(course).live():
            services.lesson_complete(trainer_user, lesson)
    ro_data, romania, ro_organisations = countries["RO"]
    tot = builder.cohort(
        "International training of trainers, Bucharest",
        Kind.INTERNATIONAL_TOT,
        international_lead,
        [m for pair in masters.values() for m in pair],
        country=romania,
        host=ro_organisations[0],
        language="en",
        starts_on=START,
        days=5,
        # Every future master trainer attended the whole international training.
        everyone_present=True,
    )
    builder.accredit_graduates(tot, "master_trainer")

    for code, (data, country, organisations) in countries.items():
        first_master, second_master = masters[code]
        # Generation 1: a national ToT and a national training.
        national_tot = builder.cohort(
            f"National training of trainers, {data.cities[0]}",
            Kind.NATIONAL_TOT,
            first_master,
            [builder.trainee(country, organisations[1], data) for _ in range(6)],
            country=country,
            host=organisations[0],
            language=data.language,
            starts_on=START + datetime.timedelta(days=50),
        )
        builder.cohort(
            f"National training, {data.cities[0]}",
            Kind.NATIONAL_TRAINING,
            second_master,
            [builder.person(country, organisations[1], data) for _ in range(14)],
            country=country,
            host=organisations[1],
            language=data.language,
            starts_on=START + datetime.timedelta(days=60),
        )
        trainers = builder.accredit_graduates(national_tot, "trainer")
        # Generation 2: trainings for professionals and youth modules.
        for index, trainer in enumerate(trainers[:4]):
            city = data.cities[index % len(data.cities)]
            starts = START + datetime.timedelta(days=110 + 14 * index)
            if index % 2 == 0:
                builder.cohort(
                    f"National training, {city} ({index + 1})",
                    Kind.NATIONAL_TRAINING,
                    trainer,
                    [builder.person(country, organisations[1], data) for _ in range(12)],
                    country=country,
                    host=organisations[1],
                    language=data.language,
                    starts_on=starts,
                )
            else:
                builder.cohort(
                    f"Youth module, {city} ({index + 1})",
                    Kind.YOUTH_MODULE,
                    trainer,
                    [builder.youth(country, data, city) for _ in range(8)],
                    country=country,
                    host=organisations[0],
                    language=data.language,
                    starts_on=starts,
                )
        # Generation 2 and 3 in Romania and Bulgaria: a second national ToT.
        if code in {"RO", "BG"} and trainers:
            second_tot = builder.cohort(
                f"National training of trainers, {data.cities[1]}",
                Kind.NATIONAL_TOT,
                trainers[0],
                [builder.trainee(country, organisations[1], data) for _ in range(4)],
                country=country,
                host=organisations[0],
                language=data.language,
                starts_on=START + datetime.timedelta(days=170),
            )
            # In Bulgaria the coordinator has accredited the two graduates who lead youth modules
            # but not the third yet: the admin home lists them under "Graduates to accredit".
            accredited = builder.accredit_graduates(
                second_tot, "trainer", waiting=1 if code == "BG" else 0
            )
            for index, trainer in enumerate(accredited[:2]):
                city = data.cities[(index + 1) % len(data.cities)]
                builder.cohort(
                    f"Youth module, {city} (generation 3, {index + 1})",
                    Kind.YOUTH_MODULE,
                    trainer,
                    [builder.youth(country, data, city) for _ in range(8)],
                    country=country,
                    host=organisations[0],
                    language=data.language,
                    starts_on=START + datetime.timedelta(days=230 + 20 * index),
                )
    return Cohort.objects.count()
