"""The form of the staff competence check: one 1-to-5 choice per competence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.compass.selectors_competences import scale_labels
from constellate.compass.services_competences import score_field


class CompetenceCheckForm(forms.Form):
    def __init__(self, *args, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.competences = competences
        for competence in competences:
            labels = scale_labels(competence)
            self.fields[score_field(competence)] = forms.TypedChoiceField(
                label=competence.name,
                help_text=competence.t.get("statement") or "",
                choices=[(str(i + 1), f"{i + 1}. {label}") for i, label in enumerate(labels)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how far along you are.")},
            )

    def cleaned_scores(self) -> dict[str, int]:
        return {c.key: self.cleaned_data[score_field(c)] for c in self.competences}
