import re
from collections import defaultdict

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.languages import reader_language, written_in

from .models import (
    Attendance,
    Cohort,
    CohortSession,
    CohortTrainer,
    Country,
    Organisation,
    Participant,
)
from .selectors import consent, course_page_model
from .services.consent import SignupDetails, date_of_birth_keep, signup_details_save
from .services.participants import participant_profile_change

# The largest id a database integer column holds: a bigger number names no record.
MAX_RECORD_ID = 2**63 - 1

# Years a cohort or session may be in; outside them a typing slip, never a real training.
SESSION_YEARS = (2000, 2100)


# Runs of whitespace and control characters: one space in a one-line text.
CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


class OneLineField(forms.CharField):
    """A name or a title: typed on one line, kept on one line (a posted line break or control
    character becomes a space, so it never starts a paragraph in a page or an e-mail)."""

    def to_python(self, value):
        text = super().to_python(value)
        return " ".join(CONTROL_OR_SPACE.split(text)).strip() if text else text


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


class CourseSelect(forms.Select):
    """The courses to choose from: an option whose title is not in the reader's language
    (a course nobody has translated yet, offered by its original's title) says which
    language it is in, so that a screen reader reads it as that language."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        page = getattr(value, "instance", None)
        if page is not None and page.translation_key not in self.translated_keys:
            language = written_in(page)
            if language != reader_language():
                option["attrs"] = {**option["attrs"], "lang": language}
        return option

    translated_keys: frozenset = frozenset()


class ByLabel(forms.models.ModelChoiceIterator):
    """A model choice field's options in the order of their labels, as the reader reads them
    (a course's title or a country's name in the reader's language, not the original's)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(instance) for instance in self.queryset]
        yield from sorted(choices, key=lambda choice: str(choice[1]).casefold())


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
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "course": CourseSelect}
        field_classes = {"name": OneLineField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].iterator = ByLabel  # before the queryset, which draws the options
        self.fields["course"].queryset = (
            course_page_model().objects.live().filter(locale__language_code="en")
        )
        # Each course by its title in the reader's language where it is translated (one
        # query); the option's value stays the original the cohort is planned for.
        reader = reader_language()
        titles = (
            dict(
                course_page_model()
                .objects.live()
                .filter(locale__language_code=reader)
                .values_list("translation_key", "title")
            )
            if reader != "en"
            else {}
        )
        self.fields["course"].widget.translated_keys = frozenset(titles)
        self.fields["course"].label_from_instance = lambda page: titles.get(
            page.translation_key, page.title
        )
        self.fields["country"].iterator = ByLabel
        self.fields["country"].queryset = Country.objects.all()
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
        field_classes = {"display_name": OneLineField}

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
        field_classes = {"name": OneLineField}
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


# The empty choice of both selects on a person's own country and organisation.
NOT_LISTED = _("Not listed / I prefer not to say")


class LanguageSelect(forms.Select):
    """Languages named in their own language, each option marked with that language."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value and value != reader_language():
            option["attrs"] = {**option["attrs"], "lang": value}
        return option


def _languages_named_in_their_own() -> list[tuple[str, str]]:
    return [
        (code, translation.get_language_info(code)["name_local"])
        for code, _name in settings.LANGUAGES
    ]


class CountryAndOrganisationForm(forms.Form):
    """Where a person works: a country and an organisation in it, both optional.

    Countries are named in the reader's language; organisations are grouped by
    country. An organisation must be in the chosen country; with no country
    chosen, the organisation's country is taken. With `country_required` (a
    cohort gave the person a country) the country can be changed, not emptied.
    """

    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_("Optional. It lets the training that reached your country be counted for it."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.select_related("country"),
        required=False,
        help_text=_("Your employer or care setting."),
    )
    email_language = forms.ChoiceField(
        label=_("Language for e-mails"),
        choices=_languages_named_in_their_own,
        widget=LanguageSelect,
        # Left out of a post (an older page, a script): the language stays as it is.
        required=False,
        help_text=_("The language of the e-mails the platform sends you, such as a certificate."),
    )

    def __init__(self, *args, country_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.country_required = country_required
        countries = sorted(Country.objects.all(), key=lambda country: str(country).casefold())
        in_country = defaultdict(list)
        for organisation in Organisation.objects.order_by("name"):
            in_country[organisation.country_id].append((organisation.pk, organisation.name))
        country_choices = [(country.pk, str(country)) for country in countries]
        if country_required:
            self.fields["country"].help_text = _(
                "You train in a cohort, which counts you in a country. Choose another one if "
                "you now work elsewhere."
            )
        else:
            country_choices.insert(0, ("", NOT_LISTED))
        self.fields["country"].choices = country_choices
        self.fields["organisation"].choices = [
            ("", NOT_LISTED),
            *(
                (str(country), in_country[country.pk])
                for country in countries
                if in_country[country.pk]
            ),
        ]

    def clean(self):
        cleaned = super().clean()
        country, organisation = cleaned.get("country"), cleaned.get("organisation")
        if organisation is not None:
            if country is None:
                if "country" not in self.errors:
                    cleaned["country"] = organisation.country
            elif organisation.country_id != country.pk:
                self.add_error(
                    "organisation",
                    _(
                        "“%(organisation)s” is in %(organisation_country)s, not in %(country)s. "
                        "Choose an organisation in %(country)s, or “Not listed / I prefer not "
                        "to say”."
                    )
                    % {
                        "organisation": organisation.name,
                        "organisation_country": organisation.country,
                        "country": country,
                    },
                )
        elif self.country_required and country is None and "country" not in self.errors:
            self.add_error(
                "country",
                _(
                    "You train in a cohort, so choose a country: its own, or the one you now "
                    "work in."
                ),
            )
        return cleaned

    def change_profile(self, user, *, by):
        """Record the chosen country and organisation on the person's record (and the
        language of their e-mails, where the form asks for it)."""
        return participant_profile_change(
            user,
            country=self.cleaned_data.get("country"),
            organisation=self.cleaned_data.get("organisation"),
            by=by,
            email_language=self.cleaned_data.get("email_language") or None,
        )


class SignupForm(CountryAndOrganisationForm):
    """Extra fields on allauth's sign-up (ACCOUNT_SIGNUP_FORM_CLASS): the name printed on
    certificates, the date of birth, and where the person works (optional).

    The date of birth is read to know whether the person is below the age of
    digital consent of the country chosen (16 with none): then the form asks for
    a parent's or guardian's e-mail address and no account is made until they
    consent (courses/services/consent.py). The date is kept only for an account
    made at once while its holder is under 18, until their 18th birthday, so that
    a later change of country meets the same rule (`date_of_birth_keep`).
    """

    # Sign-up takes the language of the page it is made on; the account page changes it.
    email_language = None
    first_name = OneLineField(label=_("First name"), max_length=150)
    last_name = OneLineField(label=_("Last name"), max_length=150)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=DateInput(attrs={"autocomplete": "bday"}),
        help_text=_(
            "Asked to know whether a parent or guardian must agree first. If you are under 18, "
            "it is kept until your 18th birthday, so that the same rule applies when you change "
            "country; otherwise it is not stored."
        ),
    )
    guardian_email = forms.EmailField(
        label=_("E-mail address of your parent or guardian"),
        required=False,
        # Shown (as an e-mail field) only to someone below the age of digital consent.
        widget=forms.HiddenInput,
    )

    # The optional questions come last, after what an account needs.
    field_order = [
        "email",
        "first_name",
        "last_name",
        "date_of_birth",
        "password1",
        "password2",
        "country",
        "organisation",
        "guardian_email",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].help_text = _(
            "Optional. It lets the training that reached your country be counted for it, and "
            "sets the age from which you can sign up without a parent's or guardian's consent "
            "(16 when no country is chosen). You can change it later in your account, but not "
            "to a country whose age you have not reached, unless a parent or guardian has "
            "consented."
        )
        self.age_rule = None
        self.guardian_consent_needed = False

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(
                _("The date of birth cannot be in the future."), code="future"
            )
        if born.year < today.year - 120:
            raise forms.ValidationError(_("Check the year of your date of birth."), code="old")
        return born

    def clean(self):
        cleaned = super().clean()
        born = cleaned.get("date_of_birth")
        if born is None or "country" in self.errors:
            return cleaned
        self.age_rule = consent.age_rule(cleaned.get("country"))
        self.guardian_consent_needed = consent.below_age_of_consent(born, self.age_rule)
        if self.guardian_consent_needed:
            field = self.fields["guardian_email"]
            field.widget = forms.EmailInput(attrs={"autocomplete": "off"})
            field.help_text = _(
                "We e-mail them a link to agree. Your account is made only once they do."
            )
            guardian = cleaned.get("guardian_email")
            if not guardian and "guardian_email" not in self.errors:
                self.add_error("guardian_email", self._consent_needed_message())
            elif guardian and guardian.strip().lower() == (cleaned.get("email") or "").lower():
                self.add_error(
                    "guardian_email",
                    _("Enter the address of your parent or guardian, not your own."),
                )
        return cleaned

    def _consent_needed_message(self) -> str:
        country = self.cleaned_data.get("country")
        if country is not None:
            return _(
                "In %(country)s, an account for someone under %(age)s needs the consent of a "
                "parent or legal guardian. Enter their e-mail address: we will ask them."
            ) % {"country": country, "age": self.age_rule.age}
        return _(
            "Without a country, an account for someone under %(age)s needs the consent of a "
            "parent or legal guardian. Enter their e-mail address, or choose your country."
        ) % {"age": self.age_rule.age}

    def signup_details(self) -> SignupDetails:
        """What the account is made of, for a sign-up kept until a guardian consents."""
        data = self.cleaned_data
        return SignupDetails(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            password=data["password1"],
            language=(get_language() or "")[:8],
            country=data.get("country"),
            organisation=data.get("organisation"),
        )

    def signup(self, request, user) -> None:
        date_of_birth_keep(user, born_on=self.cleaned_data["date_of_birth"])
        signup_details_save(
            user,
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
            language=get_language() or "",
            country=self.cleaned_data.get("country"),
            organisation=self.cleaned_data.get("organisation"),
        )


class GuardianAnswerForm(forms.Form):
    """A guardian's answer on the page their link opens: consent (with their name) or refuse."""

    guardian_name = forms.CharField(label=_("Your full name"), max_length=150, required=False)
    confirm = forms.BooleanField(
        label=_(
            "I am this young person's parent or legal guardian, and I consent to their account "
            "and to the use of their data described in the privacy notice."
        ),
        required=False,
    )
    answer = forms.ChoiceField(
        choices=[("consent", _("I consent")), ("refuse", _("I refuse"))],
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose whether you consent or refuse.")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == "consent":
            if not (cleaned.get("guardian_name") or "").strip():
                self.add_error("guardian_name", _("Enter your name."))
            if not cleaned.get("confirm"):
                self.add_error(
                    "confirm", _("Tick the box to confirm that you are their parent or guardian.")
                )
        return cleaned


class PaperConsentForm(forms.Form):
    """A trainer records that a guardian signed the paper consent form for a young person."""

    participant = forms.ModelChoiceField(
        label=_("Young person"), queryset=Participant.objects.none()
    )
    guardian_name = forms.CharField(label=_("Guardian's full name"), max_length=150)
    guardian_email = forms.EmailField(
        label=_("Guardian's e-mail address"),
        required=False,
        help_text=_("Optional: only if it is written on the form."),
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput())
    holds_form = forms.BooleanField(
        label=_("I hold the consent form, signed by the parent or legal guardian."),
        error_messages={"required": _("Record a consent only once you hold the signed form.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = Participant.objects.filter(
            pk__in=[person.pk for person in people]
        ).order_by("display_name", "pk")
        self.fields["participant"].label_from_instance = lambda person: (
            f"{person.display_name} ({person.get_age_band_display()})"
        )

    def clean_signed_on(self):
        signed_on = _check_year(self.cleaned_data["signed_on"])
        if signed_on > timezone.localdate():
            raise forms.ValidationError(
                _("The form cannot be signed in the future."), code="future"
            )
        return signed_on
