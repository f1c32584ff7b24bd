from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Attendance, Cohort, CohortSession, Country, Organisation
from .selectors import course_page_model


class DateInput(forms.DateInput):
    input_type = "date"


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
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The cohort cannot end before it starts."))
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
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


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
        return {
            participant.pk: self.cleaned_data[f"member_{participant.pk}"]
            for participant in self.members
            if self.cleaned_data.get(f"member_{participant.pk}")
        }
