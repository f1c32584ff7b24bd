from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    Attendance,
    Cohort,
    CohortSession,
    CohortTrainer,
    Country,
    Organisation,
    Participant,
)
from .selectors import course_page_model

# The largest id a database integer column holds: a bigger number names no record.
MAX_RECORD_ID = 2**63 - 1

# Years a cohort or session may be in; outside them a typing slip, never a real training.
SESSION_YEARS = (2000, 2100)


def _check_year(value):
    first, last = SESSION_YEARS
    if value is not None and not first <= value.year <= last:
        raise forms.ValidationError(
            _("Enter a date between %(first)s and %(last)s.") % {"first": first, "last": last},
            code="out_of_range",
        )
    return value


def _check_cohort_dates(form, cleaned) -> None:
    """The dates of a cohort form: sensible years, and an end not before the start."""
    for name in ("starts_on", "ends_on"):
        try:
            _check_year(cleaned.get(name))
        except forms.ValidationError as error:
            form.add_error(name, error)
    starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        form.add_error("ends_on", _("The cohort cannot end before it starts."))


def record_id(value: str) -> int | None:
    """The record id in a submitted value, or None when it is none ("²", "1e3", "-1", huge)."""
    if value.isascii() and value.isdigit() and int(value) <= MAX_RECORD_ID:
        return int(value)
    return None


class DateInput(forms.DateInput):
    """A browser date picker: its value is always ISO (2025-11-04), whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """A browser date-and-time picker: its value is always ISO (2025-11-04T17:09)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class CohortForm(forms.ModelForm):
    """A trainer plans a cohort they will lead."""

    class Meta:
        model = Cohort
        fields = [
            "name",
            "course",
            "kind",
            "country",
            "language",
            "host_organisation",
            "capacity",
            "starts_on",
            "ends_on",
            "attendance_threshold",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            course_page_model().objects.live().filter(locale__language_code="en").order_by("title")
        )
        self.fields["course"].label_from_instance = lambda page: page.title
        self.fields["country"].queryset = Country.objects.order_by("name")
        self.fields["host_organisation"].queryset = Organisation.objects.select_related("country")

    def clean(self):
        cleaned = super().clean()
        _check_cohort_dates(self, cleaned)
        organisation, country = cleaned.get("host_organisation"), cleaned.get("country")
        if organisation and country and organisation.country_id != country.pk:
            self.add_error(
                "host_organisation", _("Choose an organisation in the cohort's country.")
            )
        return cleaned


class SessionForm(forms.ModelForm):
    class Meta:
        model = CohortSession
        fields = ["starts_at", "duration_minutes", "place"]
        widgets = {"starts_at": DateTimeInput()}

    def clean_starts_at(self):
        return _check_year(self.cleaned_data["starts_at"])


class AttendanceForm(forms.Form):
    """One choice per member: present, absent or excused."""

    def __init__(self, *args, members, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for participant in members:
            self.fields[f"member_{participant.pk}"] = forms.ChoiceField(
                label=participant.display_name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=current.get(participant.pk),
                required=False,
            )

    def marks(self) -> dict[int, str]:
        """The marks made, with any sent for someone not on the roster.

        Those are kept so that the service refuses them by name (not a member,
        on the team, oneself) instead of the page saying "saved" for nothing.
        """
        marks = {
            participant.pk: self.cleaned_data[f"member_{participant.pk}"]
            for participant in self.members
            if self.cleaned_data.get(f"member_{participant.pk}")
        }
        statuses = set(Attendance.Status.values)
        for name, status in self.data.items():
            participant_id = record_id(name.removeprefix("member_"))
            if name.startswith("member_") and participant_id is not None and status in statuses:
                marks.setdefault(participant_id, status)
        return marks


class YoungPersonForm(forms.ModelForm):
    """A young person recorded by a trainer: first name or code and age band, nothing else."""

    class Meta:
        model = Participant
        fields = ["display_name", "age_band"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_band"].required = True
        self.fields["age_band"].choices = [
            choice for choice in Participant.AgeBand.choices if choice[0] != "adult"
        ]


class TeamMemberForm(forms.Form):
    """Whom to invite to the team; they join once they accept."""

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("They get an invitation at this address, with or without an account yet."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (CohortTrainer.Role.CO_TRAINER, CohortTrainer.Role.CO_TRAINER.label),
            (CohortTrainer.Role.YOUNG_EXPERT, CohortTrainer.Role.YOUNG_EXPERT.label),
        ],
    )


class CohortSettingsForm(forms.ModelForm):
    """What a trainer may change once a cohort exists; its place in the cascade stays."""

    class Meta:
        model = Cohort
        fields = ["name", "status", "capacity", "starts_on", "ends_on", "attendance_threshold"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def clean(self):
        cleaned = super().clean()
        _check_cohort_dates(self, cleaned)
        return cleaned


class RecordIdsField(forms.Field):
    """Several record ids sent under one name (ticked checkboxes), as numbers."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        ids = [record_id(item) for item in value or []]
        if None in ids:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return ids


class ConfirmGraduatesForm(forms.Form):
    """The graduates a lead trainer confirms for accreditation (ticked on the page)."""

    participant = RecordIdsField(
        error_messages={
            "required": _("Choose at least one graduate to accredit."),
            "invalid": _("The people ticked could not be read. Tick them again."),
        }
    )


class MergeForm(forms.Form):
    """Two records of the same person in this cohort: keep one, fold the other into it."""

    keep = forms.ModelChoiceField(label=_("Keep this record"), queryset=Participant.objects.none())
    duplicate = forms.ModelChoiceField(
        label=_("Fold this record into it"), queryset=Participant.objects.none()
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = members
        self.fields["duplicate"].queryset = members

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep") and cleaned.get("keep") == cleaned.get("duplicate"):
            self.add_error("duplicate", _("Choose two different records."))
        return cleaned


class MoveForm(forms.Form):
    participant = forms.ModelChoiceField(label=_("Member"), queryset=Participant.objects.none())
    target = forms.ModelChoiceField(label=_("Move to cohort"), queryset=Cohort.objects.none())

    def __init__(self, *args, members, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = members
        self.fields["target"].queryset = targets
