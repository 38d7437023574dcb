from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.cosmos.schema import ASPECTS


class ModelsForm(forms.Form):
    enabled = forms.MultipleChoiceField(
        label=_("Models shown for this initiative"),
        help_text=_("A hidden model keeps its answers; you can show it again later."),
        choices=[(a.id, a.label) for a in ASPECTS if a.is_model],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("COSMOS export (.zip)"),
        help_text=_(
            "The .zip file that the Export button in COSMOS 3.7 made. It replaces the answers "
            "of this initiative's models; earlier answers stay in the history."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
