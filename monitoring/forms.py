from django import forms
from django.utils.translation import gettext_lazy as _

from courses.forms import DateInput

from .models import Target


class TargetForm(forms.ModelForm):
    """A national target: what is counted, how many, from when and by when.

    The country comes from the address, never from the form; the service
    (services/targets.py) checks who may set it and writes it.
    """

    class Meta:
        model = Target
        fields = ["measure", "value", "starts_on", "due_on", "note"]
        widgets = {
            "value": forms.NumberInput(attrs={"min": 1, "step": 1, "inputmode": "numeric"}),
            "starts_on": DateInput(),
            "due_on": DateInput(),
        }
        help_texts = {
            "measure": _(
                "Each is a figure of the dashboard. Professionals reached: care professionals "
                "who started a training (a cohort, or the course online)."
            ),
            "starts_on": _("Only what happens from this day counts towards the target."),
        }
