from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.cosmos.schema import ASPECTS

# The countries of the CoSIE pilots, by the two-letter codes COSMOS stores ("nl").
COUNTRIES = [
    ("ee", _("Estonia")),
    ("fi", _("Finland")),
    ("gr", _("Greece")),
    ("hu", _("Hungary")),
    ("it", _("Italy")),
    ("nl", _("Netherlands")),
    ("pl", _("Poland")),
    ("es", _("Spain")),
    ("se", _("Sweden")),
    ("gb", _("United Kingdom")),
]


class ModelsForm(forms.Form):
    enabled = forms.MultipleChoiceField(
        label=_("Models shown for this initiative"),
        help_text=_("A hidden model keeps its answers; you can show it again later."),
        choices=[(a.id, a.label) for a in ASPECTS if a.is_model],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, current_country: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not chosen")), *COUNTRIES]
        # A code from an imported COSMOS project stays choosable, so saving never loses it.
        if current_country and current_country not in dict(COUNTRIES):
            choices.append((current_country, current_country))
        self.fields["country"].choices = choices
        self.fields["country"].initial = current_country


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("COSMOS export (.zip)"),
        help_text=_(
            "The .zip file that the Export button in COSMOS 3.7 made. It replaces the answers "
            "of this initiative's models; earlier answers stay in the history."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
