from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExpectedSharesForm(forms.Form):
    """One percentage per target group; empty fields share what is left equally."""

    def __init__(self, *args, groups: list[str], stored: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        for i, group in enumerate(groups):
            self.fields[f"share_{i}"] = forms.IntegerField(
                label=group,
                required=False,
                min_value=0,
                max_value=100,
                initial=stored.get(group),
                help_text=_("Percent. Leave empty to share what is left equally."),
            )

    def shares(self) -> dict[str, int | None]:
        return {g: self.cleaned_data.get(f"share_{i}") for i, g in enumerate(self.groups)}


class OfflineCountForm(forms.Form):
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=None, empty_label=None)
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    people = forms.IntegerField(
        label=_("How many people took part in all?"), min_value=1, max_value=100_000
    )
    note = forms.CharField(
        label=_("Note (no names)"),
        required=False,
        max_length=200,
        help_text=_("For example: door-to-door round in block C."),
    )

    def __init__(self, *args, groups: list[str], activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.fields["activity"].queryset = activities
        self.fields["held_on"].initial = timezone.localdate
        for i, group in enumerate(groups):
            self.fields[f"group_{i}"] = forms.IntegerField(
                label=_("Of whom in “%(group)s”") % {"group": group},
                required=False,
                min_value=0,
                max_value=100_000,
            )
        # The note last, after the groups.
        self.fields["note"] = self.fields.pop("note")

    def group_counts(self) -> dict[str, int | None]:
        return {g: self.cleaned_data.get(f"group_{i}") for i, g in enumerate(self.groups)}
