from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from constellate.initiatives.choices import Phase
from constellate.library.choices import (
    COUNTRIES,
    ELEMENTS,
    METHOD_TEXT_LABELS,
    Effort,
    MethodCategory,
    element_choices_grouped,
)
from constellate.library.services import GROUP_LIMIT, LINE_LIMIT, LIST_LIMITS, TEXT_LIMITS
from constellate.library.texts import METHOD_LIST_FIELDS, METHOD_TEXT_FIELDS


class SearchInput(forms.TextInput):
    input_type = "search"


# Filters -----------------------------------------------------------------------------------


class MethodFilterForm(forms.Form):
    """The filters of the method list: a GET form that works without JavaScript. An invalid
    value shows a message next to its field; the other filters still apply."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False, widget=SearchInput)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("Any category")), *MethodCategory.choices],
    )
    phase = forms.ChoiceField(
        label=_("Co-creation phase"), required=False, choices=[("", _("Any phase")), *Phase.choices]
    )
    element = forms.ChoiceField(
        label=_("Element of the roadmap"),
        required=False,
        choices=[("", _("Any element")), *element_choices_grouped()],
    )
    effort = forms.ChoiceField(
        label=_("Effort"), required=False, choices=[("", _("Any effort")), *Effort.choices]
    )
    group_size = forms.IntegerField(
        label=_("Number of people"),
        required=False,
        min_value=1,
        max_value=GROUP_LIMIT,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    staff_learning = forms.BooleanField(label=_("Only learning material for staff"), required=False)

    def filters(self) -> dict:
        """The valid filters (all of them when the form is valid)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q") or "",
            "category": data.get("category") or "",
            "phase": data.get("phase") or "",
            "element": data.get("element") or "",
            "effort": data.get("effort") or "",
            "group_size": data.get("group_size"),
            "staff_learning": bool(data.get("staff_learning")),
        }


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False, widget=SearchInput)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("Any country")), *COUNTRIES]
    )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"query": data.get("q") or "", "country": data.get("country") or ""}


def clean_query(params) -> dict:
    """The GET parameters with the search trimmed to its maximum and NUL characters removed
    (PostgreSQL refuses them), so a pasted long text still searches instead of failing."""
    params = params.copy()
    if "q" in params:
        params["q"] = params["q"].replace("\x00", "")[:100]
    return params


# An organisation's own method ------------------------------------------------------------


class LinesField(forms.CharField):
    """A list of short texts typed one per line; the checks run on the typed text first."""

    widget = forms.Textarea(attrs={"rows": 5})

    def __init__(self, *, max_lines: int, **kwargs):
        self.max_lines = max_lines
        kwargs.setdefault("max_length", max_lines * (LINE_LIMIT + 2))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def clean(self, value):
        text = super().clean(value) or ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if any(len(line) > LINE_LIMIT for line in lines):
            raise forms.ValidationError(
                _("Keep each line under %(limit)d characters.") % {"limit": LINE_LIMIT},
                code="line_too_long",
            )
        if len(lines) > self.max_lines:
            raise forms.ValidationError(
                _("Write at most %(limit)d lines.") % {"limit": self.max_lines}, code="too_many"
            )
        return lines


def _language_label(field: str, language_name) -> str:
    return format_lazy("{} ({})", METHOD_TEXT_LABELS[field], language_name)


TEXT_HELP = {
    "purpose": _("In plain words: what does it do and for whom?"),
    "steps": _("One step per line, in order."),
    "tips": _("One tip per line."),
    "needs": _("One thing per line, for example: a large room, sticky notes."),
    "duration": _("For example: two hours, or three evenings."),
}


class MethodForm(forms.Form):
    """A method of an organisation's own, with its texts in each interface language."""

    category = forms.ChoiceField(label=_("Category"), choices=MethodCategory.choices)
    effort = forms.ChoiceField(
        label=_("Effort"),
        choices=Effort.choices,
        initial=Effort.MEDIUM,
        widget=forms.RadioSelect,
    )
    phases = forms.MultipleChoiceField(
        label=_("Co-creation phases it serves"),
        choices=Phase.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    elements = forms.MultipleChoiceField(
        label=_("Elements of the roadmap it serves"),
        choices=[(key, label) for key, _group, label in ELEMENTS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    group_min = forms.IntegerField(
        label=_("Smallest group"), required=False, min_value=1, max_value=GROUP_LIMIT
    )
    group_max = forms.IntegerField(
        label=_("Largest group"),
        required=False,
        min_value=1,
        max_value=GROUP_LIMIT,
        help_text=_("Leave empty if there is no limit."),
    )
    staff_learning = forms.BooleanField(
        label=_("Learning material for staff"),
        required=False,
        help_text=_("It helps staff build co-creation skills."),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = list(settings.LANGUAGES)
        for code, language_name in self.languages:
            for field in METHOD_TEXT_FIELDS:
                name = f"{code}_{field}"
                label = _language_label(field, language_name)
                if field in METHOD_LIST_FIELDS:
                    self.fields[name] = LinesField(
                        label=label, required=False, max_lines=LIST_LIMITS[field]
                    )
                elif field in ("purpose", "when"):
                    self.fields[name] = forms.CharField(
                        label=label,
                        required=False,
                        max_length=TEXT_LIMITS[field],
                        widget=forms.Textarea(attrs={"rows": 3}),
                    )
                else:
                    self.fields[name] = forms.CharField(
                        label=label, required=False, max_length=TEXT_LIMITS[field]
                    )
                self.fields[name].help_text = TEXT_HELP.get(field, "")
        if organisations is not None and len(organisations) > 1:
            self.fields["organisation"] = forms.TypedChoiceField(
                label=_("Organisation"),
                choices=[(o.pk, o.name) for o in organisations],
                coerce=int,
            )
            self.order_fields(["organisation"])

    def general_fields(self):
        return [self[name] for name in self.fields if not self._is_text_field(name)]

    def language_groups(self):
        """[(language name, code, [bound fields])] for one fieldset per language."""
        return [
            (name, code, [self[f"{code}_{field}"] for field in METHOD_TEXT_FIELDS])
            for code, name in self.languages
        ]

    def _is_text_field(self, name: str) -> bool:
        return any(name == f"{code}_{f}" for code, _n in self.languages for f in METHOD_TEXT_FIELDS)

    def clean(self):
        cleaned = super().clean()
        filled = []
        for code, _name in self.languages:
            values = [cleaned.get(f"{code}_{field}") for field in METHOD_TEXT_FIELDS]
            if not any(values):
                continue
            filled.append(code)
            for field in ("name", "purpose"):
                name = f"{code}_{field}"
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(
                        name,
                        _("Fill this in too, or leave this language empty."),
                    )
        if not filled and not self.errors:
            first = self.languages[0][0]
            for field in ("name", "purpose"):
                self.add_error(f"{first}_{field}", _("Give the name and the purpose."))
        group_min, group_max = cleaned.get("group_min"), cleaned.get("group_max")
        if group_min and group_max and group_min > group_max:
            self.add_error("group_max", _("The largest group cannot be smaller than the smallest."))
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned form as the keyword arguments of method_create / method_update."""
        data = self.cleaned_data
        texts = {
            code: {field: data.get(f"{code}_{field}") or "" for field in METHOD_TEXT_FIELDS}
            for code, _name in self.languages
        }
        for lang in texts.values():
            for field in METHOD_LIST_FIELDS:
                lang[field] = lang[field] or []
        return {
            "category": data["category"],
            "effort": data["effort"],
            "phases": data.get("phases") or [],
            "elements": data.get("elements") or [],
            "group_min": data.get("group_min"),
            "group_max": data.get("group_max"),
            "staff_learning": bool(data.get("staff_learning")),
            "texts": {code: lang for code, lang in texts.items() if any(lang.values())},
        }

    @staticmethod
    def initial_from(method) -> dict:
        initial = {
            "category": method.category,
            "effort": method.effort,
            "phases": method.phases,
            "elements": method.elements,
            "group_min": method.group_min,
            "group_max": method.group_max,
            "staff_learning": method.staff_learning,
        }
        for code, lang in (method.texts or {}).items():
            for field in METHOD_TEXT_FIELDS:
                initial[f"{code}_{field}"] = lang.get(field, "")
        return initial
