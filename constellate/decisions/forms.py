"""Forms of the decision log. The checks that matter are in services; these forms only read
what the browser sent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.decisions.choices import (
    PARTICIPATION_EXPLAINED,
    DecisionStatus,
    Outcome,
    Participation,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _participation_choices():
    return [
        (value, f"{label}: {PARTICIPATION_EXPLAINED[value]}")
        for value, label in Participation.choices
    ]


class DecisionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("What was decided"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    decided_on = forms.DateField(
        label=_("Date of the decision"),
        widget=DATE,
        error_messages={"invalid": _("Give a date as year-month-day, for example 2026-05-31.")},
    )
    decided_by = forms.CharField(
        label=_("Who decided"),
        max_length=300,
        help_text=_("For example: the municipal executive, the team with the residents' panel."),
    )
    participation = forms.ChoiceField(
        label=_("How citizens shared in the decision"),
        choices=[],
        widget=forms.RadioSelect,
    )
    participation_note = forms.CharField(
        label=_("More about how citizens shared in it"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=DecisionStatus.choices)
    percent_done = forms.IntegerField(
        label=_("Percent done"),
        min_value=0,
        max_value=100,
        initial=0,
        error_messages={
            "invalid": _("Give a whole number from 0 to 100."),
            "min_value": _("Give a whole number from 0 to 100."),
            "max_value": _("Give a whole number from 0 to 100."),
        },
    )
    status_note = forms.CharField(
        label=_("About the status"),
        help_text=_("Required when the decision was stopped: say why."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participation"].choices = _participation_choices()


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        widget=DATE,
        error_messages={"invalid": _("Give a date as year-month-day, for example 2026-05-31.")},
    )


class EvidenceSearchForm(forms.Form):
    source = forms.ChoiceField(label=_("Kind of evidence"), choices=[])
    q = forms.CharField(label=_("Search words"), required=False, max_length=200)

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [(s.key, s.label) for s in sources]


class _AnyChoices(forms.MultipleChoiceField):
    """Shows the offered choices; what was sent is checked by the service (so a tampered
    value gets its clear message there, and nothing is linked)."""

    def valid_value(self, value) -> bool:
        return True


class EvidenceLinkForm(forms.Form):
    items = _AnyChoices(
        label=_("Evidence to link"), required=True, widget=forms.CheckboxSelectMultiple
    )
    outcome = forms.ChoiceField(
        label=_("What became of it"),
        choices=Outcome.choices,
        initial=Outcome.TAKEN_UP,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"),
        help_text=_("Required when it was not (fully) taken up. Contributors read this."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = list(candidates)
        self.fields["items"].error_messages["required"] = _(
            "Choose at least one piece of evidence."
        )


class EvidenceOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("What became of it"), choices=Outcome.choices)
    reason = forms.CharField(
        label=_("Why"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
