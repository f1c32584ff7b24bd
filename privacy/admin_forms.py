from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from courses.models import Participant


class ErasureRequestForm(forms.Form):
    """A coordinator chooses whose data to erase: an account, or a roster-only person."""

    user = forms.ModelChoiceField(
        label=_("Account"),
        required=False,
        queryset=get_user_model()
        .objects.filter(is_superuser=False, erasure__isnull=True)
        .order_by("email"),
        help_text=_("A person with an account: their account and every record of theirs."),
    )
    participant = forms.ModelChoiceField(
        label=_("Or a person without an account"),
        required=False,
        queryset=Participant.objects.filter(
            user__isnull=True, merged_into__isnull=True, erasure__isnull=True
        ).order_by("display_name"),
        help_text=_("A roster-only person (a young person recorded by a trainer, for instance)."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I have checked that this is the right person: their personal data is erased for good."
        )
    )

    def clean(self):
        cleaned = super().clean()
        user, participant = cleaned.get("user"), cleaned.get("participant")
        if (user is None) == (participant is None) and not self.errors:
            raise forms.ValidationError(
                _("Choose either an account or a person without an account."), code="one_person"
            )
        return cleaned
