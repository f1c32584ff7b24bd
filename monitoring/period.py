"""The period a dashboard or a download covers, in whole months: `?since=2026-01&until=2026-03`.

Whole months only. Figures of two periods a day apart (until the 14th, until the
15th) could be subtracted from each other to read one day's events, small
numbers that suppression hides inside each period. So `since` is the first day
of its month and `until` the last day of its month; while that month is under
way (or for a month to come, when nothing has happened yet) it is today. Both
are optional: no `since` counts from the beginning, no `until` up to today.

A month comes from the browser's month picker as 2026-03; a day (2026-03-15,
from older links, or typed where a browser has no month picker) stands for its
month. Anything else, a month outside FIRST_DAY..LAST_DAY, or a first month
after the last is a form error shown beside the field, never a server error.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# The days any monitoring date may take (periods and targets alike).
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2099, 12, 31)

# 2026-03, or a day of that month (2026-03-15); ASCII digits only.
MONTH_OR_DAY = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?", re.ASCII)


def month_text(day: datetime.date) -> str:
    """The month of `day` as a month picker writes it: 2026-03."""
    return f"{day.year:04d}-{day.month:02d}"


def last_day_of_month(day: datetime.date) -> datetime.date:
    following = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return following - datetime.timedelta(days=1)


class MonthInput(forms.TextInput):
    """A browser month picker (value 2026-03); where a browser has none, a text box for it."""

    input_type = "month"

    def __init__(self, attrs=None):
        defaults = {
            "min": month_text(FIRST_DAY),
            "max": month_text(LAST_DAY),
            "pattern": "[0-9]{4}-[0-9]{2}",
            "placeholder": "2026-03",
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        """A date, or a typed day, as its month (a picker shows no 2026-03-15); else as typed."""
        if isinstance(value, datetime.date):
            return month_text(value)
        if isinstance(value, str):
            match = MONTH_OR_DAY.fullmatch(value.strip())
            if match:
                return f"{match[1]}-{match[2]}"
        return super().format_value(value)


class MonthField(forms.Field):
    """A month, cleaned to its first day; 2026-03 or any day of it (2026-03-15) is accepted."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Enter a month as year and month, for example 2026-03."),
        "out_of_range": _("Choose a month from %(first)s to %(last)s."),
    }

    def to_python(self, value) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        match = MONTH_OR_DAY.fullmatch(str(value).strip())
        if match is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month, day = match.groups()
        try:
            first = datetime.date(int(year), int(month), 1)
            if day is not None:
                first.replace(day=int(day))  # a day that exists in that month
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return first

    def validate(self, value) -> None:
        super().validate(value)
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={
                    "first": date_format(FIRST_DAY, "YEAR_MONTH_FORMAT"),
                    "last": date_format(LAST_DAY, "YEAR_MONTH_FORMAT"),
                },
            )


class PeriodForm(forms.Form):
    since = MonthField(label=_("From"), required=False)
    until = MonthField(label=_("To"), required=False)

    def clean_until(self) -> datetime.date | None:
        """The last day of the month, or today while it (or a month to come) is not over."""
        first = self.cleaned_data.get("until")
        if first is None:
            return None
        return min(last_day_of_month(first), timezone.localdate())

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since is None:
            return data
        if since > timezone.localdate():
            self.add_error("since", _("This month has not begun yet."))
        elif until is not None and since > until:
            self.add_error("until", _("The last month comes before the first."))
        return data

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        """(first day, last day) of a valid form; (None, None) when it is not valid."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("since"), self.cleaned_data.get("until")

    @property
    def query(self) -> str:
        """The period as a query string for links (downloads), empty without a period."""
        since, until = self.period
        values = {
            name: month_text(day) for name, day in (("since", since), ("until", until)) if day
        }
        return urlencode(values)

    def file_name(self, stem: str, extension: str) -> str:
        """A download's file name: `stem`, the period's first and last day when one is asked for."""
        period = "".join(f"-{day.isoformat()}" for day in self.period if day)
        return f"{stem}{period}.{extension}"


def period_form(query) -> PeriodForm:
    """The period of a request's query (a bound form only when a month field is present)."""
    if any(query.get(name) for name in ("since", "until")):
        return PeriodForm(query)
    return PeriodForm()
