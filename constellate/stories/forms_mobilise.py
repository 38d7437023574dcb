"""Forms of mobilisation: packages, conversations of change, priorities and actions. The
checks that matter are in services_mobilise; these forms only read what the browser sent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.stories.choices import ActionStatus, PackageVisibility


class _LinksMixin:
    """A checkbox list of insights to link, from the insights offered. Stories are chosen
    with a StoryPicker (stories/picker.py): there may be many thousands."""

    def _set_links(self, insights):
        self.objects = {"insights": {i.pk: i for i in insights}}
        self.fields["insights"].choices = [(i.pk, i.title) for i in insights]

    def chosen(self, name: str) -> list:
        return [self.objects[name][pk] for pk in self.cleaned_data.get(name, [])]


def _insights_field(label):
    return forms.TypedMultipleChoiceField(
        label=label, coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )


class PackageForm(_LinksMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("Who sees it"),
        choices=PackageVisibility.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A public package shows only stories whose teller allows everyone to hear them, "
            "and quotes and clips only where the teller allows quotes."
        ),
    )
    insights = _insights_field(_("Insights in the package"))

    def __init__(self, *args, insights=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._set_links(list(insights))


class ConversationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    package = forms.TypedChoiceField(
        label=_("Package discussed"), coerce=int, required=False, empty_value=None
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups of the initiative that were there"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_groups = forms.CharField(
        label=_("Other stakeholder groups that were there"),
        help_text=_("One group a line."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, packages=(), target_groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.packages = {p.pk: p for p in packages}
        self.fields["package"].choices = [("", _("No package"))] + [
            (p.pk, p.title) for p in packages
        ]
        groups = [g for g in target_groups if g]
        if groups:
            self.fields["target_groups"].choices = [(g, g) for g in groups]
        else:
            del self.fields["target_groups"]

    def groups(self) -> list[str]:
        data = self.cleaned_data
        lines = (data.get("other_groups") or "").splitlines()
        return list(data.get("target_groups") or []) + lines

    def chosen_package(self):
        pk = self.cleaned_data.get("package")
        return self.packages.get(pk) if pk is not None else None


class PriorityForm(_LinksMixin, forms.Form):
    text = forms.CharField(label=_("Priority"), max_length=300)
    insights = _insights_field(_("Insights that led to it"))

    def __init__(self, *args, insights=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._set_links(list(insights))


class ActionForm(_LinksMixin, forms.Form):
    what = forms.CharField(label=_("What will be done"), max_length=300)
    owner = forms.TypedChoiceField(
        label=_("Who does it (a member)"), coerce=int, required=False, empty_value=None
    )
    owner_name = forms.CharField(
        label=_("Or who does it (a name)"),
        max_length=120,
        required=False,
        help_text=_("For someone without an account, for example a partner at the table."),
    )
    due_on = forms.DateField(
        label=_("Done by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    priority = forms.TypedChoiceField(
        label=_("Priority it serves"), coerce=int, required=False, empty_value=None
    )
    insights = _insights_field(_("Insights that led to it"))

    def __init__(self, *args, owners=(), priorities=(), insights=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = {u.pk: u for u in owners}
        self.priorities = {p.pk: p for p in priorities}
        self.fields["owner"].choices = [("", _("Nobody chosen"))] + [(u.pk, str(u)) for u in owners]
        self.fields["priority"].choices = [("", _("None"))] + [
            (p.pk, f"{p.rank}. {p.text}") for p in priorities
        ]
        self._set_links(list(insights))

    def chosen_owner(self):
        pk = self.cleaned_data.get("owner")
        return self.owners.get(pk) if pk is not None else None

    def chosen_priority(self):
        pk = self.cleaned_data.get("priority")
        return self.priorities.get(pk) if pk is not None else None


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
