from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.compass.models import LINK_GROUPS, Constellation, Element, Round

DONT_KNOW = "0"
PROGRESS_POINTS = [
    ("1", _("1 · Not at all")),
    ("2", _("2 · A little")),
    ("3", _("3 · Halfway")),
    ("4", _("4 · Mostly")),
    ("5", _("5 · Fully")),
    (DONT_KNOW, _("Don't know")),
]
IMPORTANCE_POINTS = [
    ("1", _("1 · Not important")),
    ("2", _("2 · A little important")),
    ("3", _("3 · Important")),
    ("4", _("4 · Very important")),
    ("5", _("5 · Essential")),
    (DONT_KNOW, _("Don't know")),
]
GROUP_CHOICE_LABELS = {
    "citizens": _("I live here or use the service (citizen or service user)"),
    "partners": _("I work with a partner organisation (NGO, business, school...)"),
    "others": _("Something else"),
}


class RoundForm(forms.ModelForm):
    elements = forms.ModelMultipleChoiceField(
        label=_("Elements this round covers"),
        queryset=Element.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("All elements in use are chosen. Leave out those you do not want to ask."),
        error_messages={"required": _("Choose at least one element for the round.")},
    )

    class Meta:
        model = Round
        fields = ["title", "opens_on", "closes_on", "elements"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "title": _("For example: Compass spring 2026."),
            "opens_on": _("For example 2026-03-01."),
            "closes_on": _("After this day answers can no longer change and the results appear."),
        }

    def __init__(self, *args, elements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elements"].queryset = elements
        self.fields["elements"].label_from_instance = lambda e: str(e)
        self.fields["title"].max_length = 200


class ResponseForm(forms.Form):
    """A person's answers: per element two radio groups, a note and evidence links. Built
    from the round's elements; `with_group` adds the group choice for link respondents."""

    def __init__(self, *args, elements, with_group: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.elements = list(elements)
        if with_group:
            self.fields["group"] = forms.ChoiceField(
                label=_("Which describes you best?"),
                choices=[(g.value, GROUP_CHOICE_LABELS[g.value]) for g in LINK_GROUPS],
                widget=forms.RadioSelect,
                help_text=_("Your answers count in this group. We do not ask your name."),
                error_messages={"required": _("Choose the group that fits you best.")},
            )
        for element in self.elements:
            prefix = f"e{element.pk}-"
            self.fields[prefix + "progress"] = forms.ChoiceField(
                label=_("How far is the initiative?"),
                choices=PROGRESS_POINTS,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[prefix + "importance"] = forms.ChoiceField(
                label=_("How much does it matter?"),
                choices=IMPORTANCE_POINTS,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[prefix + "note"] = forms.CharField(
                label=_("Note (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Once the round closes, the team may read it without your name."),
            )
            self.fields[prefix + "evidence"] = forms.CharField(
                label=_("Evidence links (optional)"),
                required=False,
                max_length=2600,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Web addresses that show what you mean, one per line."),
            )

    def clean(self):
        cleaned = super().clean()
        # The links are checked here as well as in the service, so that every mistake on the
        # page is reported at once, whatever else is wrong.
        from constellate.compass.services import evidence_links_clean

        for element in self.elements:
            name = f"e{element.pk}-evidence"
            if name in cleaned:
                errors: dict[str, list[str]] = {}
                evidence_links_clean(cleaned[name], name, errors)
                for error in errors.get(name, []):
                    self.add_error(name, error)
        return cleaned

    def element_fields(self):
        """[(element, progress, importance, note, evidence)] bound fields, for the template."""
        rows = []
        for element in self.elements:
            prefix = f"e{element.pk}-"
            rows.append(
                {
                    "element": element,
                    "progress": self[prefix + "progress"],
                    "importance": self[prefix + "importance"],
                    "note": self[prefix + "note"],
                    "evidence": self[prefix + "evidence"],
                    "has_extra": bool(
                        self[prefix + "note"].value()
                        or self[prefix + "evidence"].value()
                        or self[prefix + "note"].errors
                        or self[prefix + "evidence"].errors
                    ),
                }
            )
        return rows

    def answers(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            e.pk: {
                "progress": data.get(f"e{e.pk}-progress") or None,
                "importance": data.get(f"e{e.pk}-importance") or None,
                "note": data.get(f"e{e.pk}-note", ""),
                "evidence": data.get(f"e{e.pk}-evidence", ""),
            }
            for e in self.elements
        }

    @staticmethod
    def initial_from(response) -> dict:
        initial = {"group": response.group}
        for rating in response.ratings.all():
            prefix = f"e{rating.element_id}-"
            initial[prefix + "progress"] = str(rating.progress or DONT_KNOW)
            initial[prefix + "importance"] = str(rating.importance or DONT_KNOW)
            initial[prefix + "note"] = rating.note
            initial[prefix + "evidence"] = "\n".join(rating.evidence or [])
        return initial

    def summary(self) -> list[dict]:
        """The error summary: each error with the element it belongs to and a link to it."""
        names = {f"e{e.pk}-": f"{e.number}. {e.name}" for e in self.elements}
        items = [{"text": str(error), "anchor": ""} for error in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == "__all__":
                continue
            field = self[name]
            element = names.get(name.split("-")[0] + "-", "")
            for error in errors:
                text = f"{field.label}: {error}"
                items.append(
                    {"text": f"{element} – {text}" if element else text, "anchor": field.auto_id}
                )
        return items


class LinesField(forms.CharField):
    """Questions, one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value


class ElementForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two or three plain sentences."),
    )
    questions = LinesField(
        label=_("Reflective questions"),
        required=False,
        help_text=_(
            "Questions a team can discuss when this element is weak or disputed. One per line."
        ),
    )
    constellation = forms.ModelChoiceField(
        label=_("Constellation"), queryset=Constellation.objects.none(), empty_label=None
    )
    is_active = forms.BooleanField(
        label=_("In use: new rounds ask about this element"), required=False
    )

    def __init__(self, *args, organisation, with_active: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["constellation"].queryset = Constellation.objects.filter(
            organisation=organisation
        ).order_by("position", "pk")
        if not with_active:
            del self.fields["is_active"]


class ConstellationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, scenes: int = 2, **kwargs):
        super().__init__(*args, **kwargs)
        self.scene_count = scenes
        for n in range(1, scenes + 1):
            self.fields[f"scene{n}_title"] = forms.CharField(
                label=_("Scene %(n)d: title") % {"n": n}, required=False, max_length=120
            )
            self.fields[f"scene{n}_situation"] = forms.CharField(
                label=_("Scene %(n)d: the situation") % {"n": n},
                required=False,
                max_length=1500,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            self.fields[f"scene{n}_questions"] = LinesField(
                label=_("Scene %(n)d: reflective questions, one per line") % {"n": n},
                required=False,
            )

    def scenes(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "title": data.get(f"scene{n}_title", ""),
                "situation": data.get(f"scene{n}_situation", ""),
                "questions": data.get(f"scene{n}_questions", ""),
            }
            for n in range(1, self.scene_count + 1)
        ]

    @staticmethod
    def initial_from(texts: dict) -> dict:
        initial = {"name": texts.get("name", ""), "description": texts.get("description", "")}
        for n, scene in enumerate(texts.get("scenes") or [], start=1):
            if isinstance(scene, dict):
                initial[f"scene{n}_title"] = scene.get("title", "")
                initial[f"scene{n}_situation"] = scene.get("situation", "")
                initial[f"scene{n}_questions"] = scene.get("questions", [])
        return initial


class LanguageForm(forms.Form):
    language = forms.CharField(
        label=_("Language code"),
        max_length=10,
        help_text=_("For example de (German), fr (French) or pt-br (Brazilian Portuguese)."),
    )
