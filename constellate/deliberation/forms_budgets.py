"""Forms of shared budgets: they parse the shape of the input; amounts are read and checked
by services_budgets.py (so "12.500" and "€ 12,500" are understood, and bad amounts get the
service's message)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.deliberation.choices import BudgetRule
from constellate.deliberation.services_budgets import DESCRIPTION_MAX, TITLE_MAX


class BudgetSettingsForm(forms.Form):
    total = forms.CharField(
        label=_("Budget in euros"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Whole euros, e.g. 12500."),
    )
    description = forms.CharField(
        label=_("Explanation for participants"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minimum_percent = forms.CharField(
        label=_("Minimum share of the budget a choice must use (%)"),
        max_length=5,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("0 means no minimum."),
    )
    rule = forms.ChoiceField(
        label=_("Counting rule"),
        choices=BudgetRule.choices,
        widget=forms.RadioSelect,
        initial=BudgetRule.GREEDY,
    )


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Project"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cost = forms.CharField(
        label=_("Cost in euros"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Whole euros, e.g. 2500."),
    )
