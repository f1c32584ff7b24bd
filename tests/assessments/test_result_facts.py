"""Pre-test and post-test results of every person at once, as aggregate reports read them."""

import datetime
from decimal import Decimal

import pytest

from assessments.models import Attempt
from assessments.selectors import gain
from tests.factories import assessment, at, build_course, participant

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 31)


@pytest.fixture
def course():
    return build_course(modules=1, lessons_per_module=1, slug="facts").course


def _result(course, person, test, percent, when):
    return Attempt.objects.create(
        participant=person,
        assessment=test,
        activity_key=test.translation_key,
        course_key=course.translation_key,
        kind=test.kind,
        submitted_at=when,
        percent=Decimal(percent),
    )


def test_results_up_to_a_day_leave_out_what_came_after_its_local_end(course):
    pre = assessment("pre_test", course=course)
    post = assessment("post_test", course=course)
    ana = participant("Ana")
    _result(course, ana, pre, 30, at(DAY - datetime.timedelta(days=3)))
    # Half an hour before the day ends, local time, and half an hour after: in UTC (the
    # site is east of it) both are still on the day; the local day decides.
    _result(course, ana, post, 60, at(DAY, 23).replace(minute=30))
    _result(course, ana, post, 90, at(DAY + datetime.timedelta(days=1), 0).replace(minute=30))
    key = (ana.pk, str(course.translation_key))

    assert gain.test_result_facts(until=DAY)[key] == [Decimal(30), Decimal(60)]
    assert gain.test_result_facts(until=DAY - datetime.timedelta(days=1))[key] == [
        Decimal(30),
        None,
    ]
    assert gain.test_result_facts()[key] == [Decimal(30), Decimal(90)]  # no end: everything
    assert key not in gain.test_result_facts(until=DAY - datetime.timedelta(days=4))


def test_two_records_of_one_person_make_one_pair_when_mapped_to_the_person(course):
    """The pre-test on the record a trainer typed, the post-test on the person's account."""
    pre = assessment("pre_test", course=course)
    post = assessment("post_test", course=course)
    typed, account = participant("Boris (typed)"), participant("Boris")
    _result(course, typed, pre, 20, at(DAY, 9))
    _result(course, account, pre, 50, at(DAY, 10))  # a later pre-test: not the first
    _result(course, account, post, 70, at(DAY, 11))
    course_key = str(course.translation_key)

    apart = gain.test_result_facts()
    assert apart[(typed.pk, course_key)] == [Decimal(20), None]
    assert apart[(account.pk, course_key)] == [Decimal(50), Decimal(70)]

    together = gain.test_result_facts(person=lambda pk: account.pk if pk == typed.pk else pk)
    assert together == {(account.pk, course_key): [Decimal(20), Decimal(70)]}
