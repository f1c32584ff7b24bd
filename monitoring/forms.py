from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from courses.forms import DateInput

from .models import Target
from .period import MonthField


class TargetForm(forms.ModelForm):
    """A national target: what is counted, how many, from which month and by when.

    Counting starts on the first day of a month (a month picker; a day stands
    for its month), as every period of the dashboards does. The country comes
    from the address, never from the form; the service (services/targets.py)
    checks who may set it, checks the dates and the number of targets, and writes it.
    """

    starts_on = MonthField(
        label=capfirst(Target._meta.get_field("starts_on").verbose_name),
        help_text=_(
            "Counting starts on the first day of this month: only what happens from then "
            "counts towards the target."
        ),
    )

    class Meta:
        model = Target
        fields = ["measure", "value", "starts_on", "due_on", "note"]
        widgets = {
            "value": forms.NumberInput(attrs={"min": 1, "step": 1, "inputmode": "numeric"}),
            "due_on": DateInput(),
        }
        help_texts = {
            "measure": _(
                "Each is a figure of the dashboard. Professionals reached: care professionals "
                "who started a training (a cohort, or the course online)."
            ),
        }
