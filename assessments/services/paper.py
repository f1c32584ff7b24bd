"""Results of tests taken on paper, entered by the trainer: on one screen or from a file.

A paper result is a score in points out of the test's knowledge questions
(attitude statements are not entered). There is one paper result per person
and test: entering it again corrects it. Entered results are marked as such
(`Attempt.Source.PAPER`, with who entered them) and count in knowledge gain
like results given online.

The file has a header row and one person a row. Columns:

    email         the e-mail of a member with an account, or
    name_or_code  the member's name or code as on the roster
    pre_test      points on the pre-test (empty: not taken)
    post_test     points on the post-test (empty: not taken)

Every row is checked before anything is written; every problem is named with
its line, and then nothing is entered.

Only someone who runs the cohort (its lead or a co-trainer) or a coordinator
enters results: a pass completes people, and a training of trainers' graduates
are accredited on it. Anyone else is refused (`ValidationError`, code
`not_allowed`) before anything is read or written.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Cohort, Participant
from courses.selectors.access import can_manage_cohort
from courses.spreadsheets import ImportRejected, RowError, fold, read_rows

from ..models import Assessment, Attempt
from ..selectors.paper import max_points, paper_tests
from .completion import completion_refresh
from .scoring import TWO_PLACES

PAPER_COLUMNS = ("email", "name_or_code", "pre_test", "post_test")
MAX_ROWS = 2000


def parse_points(raw: str, assessment: Assessment) -> Decimal | None:
    """'9', '9.5' or '9,5' → points; '' → None; ValueError with a message when impossible."""
    text = raw.strip().replace(",", ".")
    if not text:
        return None
    try:
        points = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not a number of points.") % {"value": raw}) from None
    top = max_points(assessment)
    if not points.is_finite() or not 0 <= points <= top:
        raise ValueError(
            _("%(value)s is not between 0 and %(max)s points.") % {"value": raw, "max": top}
        )
    return points.quantize(TWO_PLACES)


def _check_may_enter(cohort: Cohort, entered_by) -> None:
    # A young expert co-facilitates but changes nothing; learners and other trainers never.
    if entered_by is None or not can_manage_cohort(entered_by, cohort):
        raise ValidationError(
            _("Only the cohort's trainers enter its test results."), code="not_allowed"
        )


@transaction.atomic
def paper_results_enter(
    cohort: Cohort, scores: dict[tuple[int, int], Decimal | None], *, entered_by
) -> int:
    """Enter points per (participant id, assessment id); None leaves a result as it is.

    Every participant must be a member of the cohort and every assessment one of
    the cohort's course tests. Returns how many results were entered or corrected.
    Refused (`ValidationError`, code `not_allowed`) unless `entered_by` runs the
    cohort or is a coordinator.
    """
    _check_may_enter(cohort, entered_by)
    # One entry at a time per cohort (a double-clicked Save enters once).
    Cohort.objects.select_for_update().get(pk=cohort.pk)
    tests = {test.pk: test for test in paper_tests(cohort).by_column().values()}
    members = set(cohort.memberships.values_list("participant_id", flat=True))
    entered = 0
    passed_someone: set[int] = set()
    for (participant_id, assessment_id), points in scores.items():
        if participant_id not in members or assessment_id not in tests:
            raise ValueError("a result for someone or something outside this cohort")
        if points is None:
            continue
        assessment = tests[assessment_id]
        top = Decimal(max_points(assessment))
        if not 0 <= points <= top:
            raise ValueError("points outside the test's range")
        percent = (points * 100 / top).quantize(TWO_PLACES) if top else None
        passed = assessment.passes(percent)
        Attempt.objects.update_or_create(
            participant_id=participant_id,
            activity_key=assessment.translation_key,
            source=Attempt.Source.PAPER,
            defaults={
                "assessment": assessment,
                "course_key": cohort.course.translation_key,
                "kind": assessment.kind,
                "cohort": cohort,
                "score": points,
                "max_score": top,
                "percent": percent,
                "passed": passed,
                "entered_by": entered_by,
                "submitted_at": timezone.now(),
            },
        )
        entered += 1
        if passed:
            passed_someone.add(participant_id)
    # A pass may be the last thing a member needed (a roster-only member too).
    for participant in Participant.objects.filter(pk__in=passed_someone):
        completion_refresh(participant, cohort.course.translation_key)
    return entered


def paper_results_import(cohort: Cohort, data: bytes, filename: str, *, entered_by) -> int:
    """Enter a file of paper results (see the module docstring): every row, or none.

    Refused like `paper_results_enter` before the file is read.
    """
    _check_may_enter(cohort, entered_by)
    tests = paper_tests(cohort).by_column()
    rows = read_rows(
        data,
        filename,
        columns=PAPER_COLUMNS,
        aliases={"e_mail": "email", "pre": "pre_test", "post": "post_test"},
        required=(("email",), ("name_or_code",)),
        required_message=_("The header row needs a column email or name_or_code."),
        max_rows=MAX_ROWS,
    )
    by_email, by_name = _members(cohort)
    scores: dict[tuple[int, int], Decimal | None] = {}
    errors: list[RowError] = []
    first_line: dict[int, int] = {}
    for line, values in rows:
        person = None
        if values["email"]:
            person = by_email.get(fold(values["email"]))
        elif values["name_or_code"]:
            matches = by_name.get(fold(values["name_or_code"]), [])
            if len(matches) > 1:
                errors.append(
                    RowError(
                        line,
                        "name_or_code",
                        _("Two members are called “%(name)s”: use their e-mail instead.")
                        % {"name": values["name_or_code"]},
                    )
                )
                continue
            person = matches[0] if matches else None
        if person is None:
            errors.append(
                RowError(
                    line,
                    "",
                    _("Nobody on this cohort's roster matches “%(who)s”.")
                    % {"who": values["email"] or values["name_or_code"]},
                )
            )
            continue
        if person.pk in first_line:
            errors.append(
                RowError(
                    line,
                    "",
                    _("This person is already on line %(line)s.") % {"line": first_line[person.pk]},
                )
            )
            continue
        first_line[person.pk] = line
        for column in ("pre_test", "post_test"):
            if not values[column]:
                continue
            test = tests.get(column)
            if test is None:
                errors.append(
                    RowError(line, column, _("This course has no such test to enter results for."))
                )
                continue
            try:
                scores[(person.pk, test.pk)] = parse_points(values[column], test)
            except ValueError as error:
                errors.append(RowError(line, column, str(error)))
    if errors:
        raise ImportRejected(errors)
    return paper_results_enter(cohort, scores, entered_by=entered_by)


def _members(cohort: Cohort):
    by_email: dict[str, Participant] = {}
    by_name: dict[str, list[Participant]] = {}
    for participant in Participant.objects.filter(memberships__cohort=cohort).select_related(
        "user"
    ):
        if participant.user is not None:
            by_email[fold(participant.user.email)] = participant
        by_name.setdefault(fold(participant.display_name), []).append(participant)
    return by_email, by_name
