"""Forms of reflection sessions and actions. They parse; the services validate the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.accounts.models import User
from constellate.compass.models import Constellation, Element, SessionSetting
from constellate.compass.selectors_reflection import Scene

DATE_WIDGET = {"type": "date"}
DATE_HELP = _("For example 2026-03-01.")


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=DATE_HELP,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
    )


class ConstellationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ElementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.name}"


class _SessionFacts(forms.Form):
    held_on = _date_field(_("Date of the session"))
    setting = forms.ChoiceField(
        label=_("Where the session takes place"),
        choices=SessionSetting.choices,
        widget=forms.RadioSelect,
    )
    participant_count = forms.IntegerField(
        label=_("Number of people taking part"),
        min_value=0,
        max_value=10_000,
        required=False,
    )
    participants = forms.CharField(
        label=_("Who took part"),
        max_length=300,
        required=False,
        help_text=_("No names needed. For example: six residents, two staff, one partner."),
    )


class SessionStartForm(_SessionFacts):
    constellation = ConstellationChoiceField(
        label=_("Constellation to reflect on"),
        queryset=Constellation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    field_order = ["constellation", "held_on", "setting", "participant_count", "participants"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["constellation"].queryset = Constellation.objects.filter(
            organisation=organisation
        ).order_by("position", "pk")


class SessionForm(_SessionFacts):
    """The facts of the session, one answer field per question of its scenes, and the
    agreements."""

    agreements = forms.CharField(
        label=_("What the group agreed"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What did the group agree? Turn each agreement into an action below."),
    )

    def __init__(self, *args, scenes: list[Scene], **kwargs):
        super().__init__(*args, **kwargs)
        self.scenes = scenes
        self.answer_keys: dict[str, str] = {}
        for scene in scenes:
            for question in scene.questions:
                self.fields[question.field_name] = forms.CharField(
                    label=question.text,
                    max_length=3000,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                self.answer_keys[question.field_name] = question.key

    def fact_fields(self):
        return [self[name] for name in ("held_on", "setting", "participant_count", "participants")]

    def scene_fields(self):
        """[(scene, [bound answer fields])] in the order of the page."""
        return [(scene, [self[q.field_name] for q in scene.questions]) for scene in self.scenes]

    def cleaned_answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(name) or "" for name, key in self.answer_keys.items()}

    def cleaned_facts(self) -> dict:
        return {
            name: self.cleaned_data.get(name)
            for name in ("held_on", "setting", "participant_count", "participants")
        }


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("What will be done"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        required=False,
        help_text=_(
            "A member of this initiative. For someone without an account, leave this "
            "empty and type their name below."
        ),
    )
    owner_name = forms.CharField(
        label=_("Or the name of someone without an account"),
        max_length=120,
        required=False,
    )
    due_on = _date_field(_("Due date"))
    element = ElementChoiceField(
        label=_("Element it addresses"),
        queryset=Element.objects.none(),
        required=False,
        help_text=_("Optional: the element of the compass this action works on."),
    )

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            initiative_memberships__initiative=initiative
        ).order_by("display_name", "email")
        self.fields["element"].queryset = Element.objects.filter(
            organisation_id=initiative.organisation_id, is_active=True
        ).order_by("number")
