"""The period a dashboard or a download covers: `?since=2026-01-01&until=2026-03-31`.

Both dates are optional (no `since`: from the beginning; no `until`: today).
Dates come from the browser's date picker, so always as ISO dates; anything
else, a first day after the last, or a date outside MIN_DAY..MAX_DAY is a
form error shown beside the field, never a server error.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from courses.forms import DateInput

MIN_DAY = datetime.date(2000, 1, 1)
MAX_DAY = datetime.date(2099, 12, 31)


class PeriodForm(forms.Form):
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def _in_range(self, name: str) -> datetime.date | None:
        day = self.cleaned_data.get(name)
        if day is not None and not MIN_DAY <= day <= MAX_DAY:
            raise forms.ValidationError(
                _("Choose a day from %(first)s to %(last)s."),
                code="out_of_range",
                params={
                    "first": date_format(MIN_DAY, "DATE_FORMAT"),
                    "last": date_format(MAX_DAY, "DATE_FORMAT"),
                },
            )
        return day

    def clean_since(self):
        return self._in_range("since")

    def clean_until(self):
        return self._in_range("until")

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The last day comes before the first."))
        return data

    @property
    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        """(since, until) of a valid form; (None, None) when it is not valid."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("since"), self.cleaned_data.get("until")

    @property
    def query(self) -> str:
        """The period as a query string for links (downloads), empty without a period."""
        since, until = self.period
        values = {
            name: day.isoformat() for name, day in (("since", since), ("until", until)) if day
        }
        return urlencode(values)


def period_form(query) -> PeriodForm:
    """The period of a request's query (a bound form only when a date field is present)."""
    if any(query.get(name) for name in ("since", "until")):
        return PeriodForm(query)
    return PeriodForm()
