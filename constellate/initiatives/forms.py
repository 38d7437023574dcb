from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from constellate.accounts.models import User
from constellate.accounts.roles import InitiativeRole
from constellate.initiatives import canvas as canvas_mod
from constellate.initiatives.choices import PARTICIPATION_LANGUAGES, Phase
from constellate.initiatives.models import Activity, Initiative
from constellate.initiatives.services import ACTIVITY_FIELDS, INITIATIVE_FIELDS


class LinesField(forms.CharField):
    """A list of short texts, typed one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        # CharField's NUL check sees the list, not the text, so it is repeated here (NUL
        # cannot be stored in PostgreSQL's JSON).
        if any("\x00" in line for line in value):
            raise forms.ValidationError(
                ProhibitNullCharactersValidator.message, code="null_characters_not_allowed"
            )
        for line in value:
            if len(line) > 120:
                raise forms.ValidationError(
                    _("Keep each line under 120 characters."), code="line_too_long"
                )
        if len(value) > 30:
            raise forms.ValidationError(_("List at most 30 groups."), code="too_many")


class InitiativeForm(forms.ModelForm):
    target_groups = LinesField(
        label=_("Target groups"),
        required=False,
        help_text=_("One group per line, for example: young people without work."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages people can take part in"),
        choices=PARTICIPATION_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Initiative
        fields = list(INITIATIVE_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "summary": _("In plain words: what is this about and for whom?"),
            "place": _("A town, district or neighbourhood."),
        }


class ActivityForm(forms.ModelForm):
    phases = forms.MultipleChoiceField(
        label=_("Co-creation phases it serves"),
        choices=Phase.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one phase this activity serves.")},
    )

    class Meta:
        model = Activity
        fields = list(ACTIVITY_FIELDS)
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "setting": forms.RadioSelect,
        }
        help_texts = {
            "purpose": _("What should this activity bring, and for whom?"),
            "closes_on": _("Leave empty if it keeps going."),
            "location": _("An address, a meeting link, or which streets."),
            "run_by_note": _("A partner, volunteer or team that runs it with you."),
            "opens_on": _("For example 2026-03-01."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run_by"].queryset = User.objects.filter(
            memberships__organisation=organisation
        ).order_by("display_name", "email")
        self.fields["run_by"].required = False


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=InitiativeRole.choices)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            memberships__organisation=organisation
        ).order_by("display_name", "email")


# The canvas ------------------------------------------------------------------------------


class ContextForm(forms.Form):
    place = forms.CharField(
        label=_("Place"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target_group = forms.CharField(
        label=_("Target group"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    policy = forms.CharField(
        label=_("Policy"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    service = forms.CharField(
        label=_("Service"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GoalForm(forms.Form):
    goal = forms.CharField(label=_("Goal"), max_length=300, required=False)
    why = forms.CharField(label=_("Why"), max_length=1000, required=False)
    driver = forms.ChoiceField(label=_("Driver"), choices=canvas_mod.GOAL_DRIVERS, initial="need")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("why") and not cleaned.get("goal"):
            self.add_error("goal", _("Write the goal, or empty this row."))
        return cleaned


class ValueForm(forms.Form):
    value = forms.CharField(label=_("Value"), max_length=200, required=False)
    meaning = forms.CharField(label=_("What it means in practice"), max_length=1000, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("meaning") and not cleaned.get("value"):
            self.add_error("value", _("Name the value, or empty this row."))
        return cleaned


class ResourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=canvas_mod.RESOURCE_KINDS)
    description = forms.CharField(label=_("What is available"), max_length=1000, required=False)


class BarrierForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=canvas_mod.BARRIER_KINDS)
    description = forms.CharField(label=_("Barrier"), max_length=1000, required=False)
    contradiction = forms.CharField(
        label=_("Contradiction behind it"), max_length=1000, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contradiction") and not cleaned.get("description"):
            self.add_error("description", _("Describe the barrier, or empty this row."))
        return cleaned


class ToolsForm(forms.Form):
    """The sixth question: methods chosen from the library (standard and the organisation's
    own, see canvas.method_choices)."""

    tools = forms.MultipleChoiceField(
        label=_("Tools and techniques"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tools_note = forms.CharField(
        label=_("How we will use them"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, tool_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tools"].choices = list(tool_choices)


MAX_ROWS = 20


class RowFormSet(forms.BaseFormSet):
    def clean(self):
        # Django accepts a negative row count and then silently drops every submitted row.
        if self.management_form.cleaned_data.get(forms.formsets.TOTAL_FORM_COUNT, 0) < 0:
            raise forms.ValidationError(
                self.error_messages["missing_management_form"],
                params={"field_names": forms.formsets.TOTAL_FORM_COUNT},
                code="missing_management_form",
            )


def _row_formset(form_class):
    return forms.formset_factory(
        form_class,
        formset=RowFormSet,
        extra=0,
        max_num=MAX_ROWS,
        validate_max=True,
        # A tampered row count builds at most this many forms (Django's default is 1,000 more
        # than max_num: a cheap request that costs seconds to answer).
        absolute_max=MAX_ROWS + 1,
    )


GoalFormSet = _row_formset(GoalForm)
ValueFormSet = _row_formset(ValueForm)
ResourceFormSet = _row_formset(ResourceForm)
BarrierFormSet = _row_formset(BarrierForm)

LIST_SECTIONS = {
    "goals": (GoalFormSet, "goal"),
    "values": (ValueFormSet, "value"),
    "resources": (ResourceFormSet, "description"),
    "barriers": (BarrierFormSet, "description"),
}


class CanvasForms:
    """All forms of the canvas page, bound together. Lists get one empty row to fill; the
    "add a row" buttons post the page back with one more, so no JavaScript is needed."""

    def __init__(
        self,
        data=None,
        *,
        initial: dict | None = None,
        add_row: str = "",
        tool_choices: list[tuple[str, str]] | tuple = (),
    ):
        initial = canvas_mod.normalise(initial)
        self.tool_choices = list(tool_choices)
        self.context = ContextForm(data, prefix="context", initial=initial["context"])
        self.tools = ToolsForm(
            data,
            prefix="tools",
            initial={"tools": initial["tools"], "tools_note": initial["tools_note"]},
            tool_choices=self.tool_choices,
        )
        self.lists = {}
        for key, (formset_class, _main) in LIST_SECTIONS.items():
            rows = list(initial[key])
            if data is None:
                rows = rows + [{}]
            formset = formset_class(data, prefix=key, initial=rows)
            self.lists[key] = formset
        self.add_row = add_row if add_row in LIST_SECTIONS else ""

    def is_valid(self) -> bool:
        results = [self.context.is_valid(), self.tools.is_valid()]
        results += [fs.is_valid() for fs in self.lists.values()]
        return all(results)

    def with_extra_row(self, key: str, data) -> "CanvasForms":
        """The submitted page again, exactly as typed, with one more empty row in list `key`.

        Re-binding the same data (rather than rebuilding from cleaned values) keeps even
        invalid input on screen, so nothing typed is lost. The new row gets the focus."""
        data = data.copy()
        try:
            total = max(0, int(data.get(f"{key}-TOTAL_FORMS") or 0))
        except ValueError:
            total = 0
        data[f"{key}-TOTAL_FORMS"] = str(max(0, min(total + 1, MAX_ROWS)))
        # The new row starts with its fields' defaults (e.g. a driver), as a fresh page would.
        for name, field in LIST_SECTIONS[key][0].form.base_fields.items():
            if field.initial is not None:
                data.setdefault(f"{key}-{total}-{name}", field.initial)
        forms_ = CanvasForms(data, add_row=key, tool_choices=self.tool_choices)
        formset = forms_.lists[key]
        if total < MAX_ROWS and formset.is_bound and formset.management_form.is_valid():
            new_row = formset.forms[-1]
            new_row.fields[LIST_SECTIONS[key][1]].widget.attrs["autofocus"] = True
        return forms_

    def cleaned_canvas(self) -> dict:
        """The canvas from valid forms (call is_valid() first); empty rows drop out later."""
        tools = self.tools.cleaned_data
        return {
            "context": self.context.cleaned_data,
            "tools": tools.get("tools", []),
            "tools_note": tools.get("tools_note", ""),
            **{
                key: [f.cleaned_data for f in formset.forms if f.cleaned_data]
                for key, formset in self.lists.items()
            },
        }

    @property
    def error_count(self) -> int:
        count = len(self.context.errors) + len(self.tools.errors)
        for formset in self.lists.values():
            count += sum(len(e) for e in formset.errors) + len(formset.non_form_errors())
        return count
