"""Forms of the stakeholders app. They parse; the services validate the rules (consent for
contact details, the introduced-by chain, lengths)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.initiatives.choices import PARTICIPATION_LANGUAGES
from constellate.stakeholders.choices import (
    ContactKind,
    Entity,
    Kind,
    Level,
    ReachWay,
    RelationKind,
    ServiceRole,
    Status,
)

DATE_WIDGET = {"type": "date"}
DATE_HELP = _("For example 2026-03-01.")
BLANK = [("", "—")]


def _date_field(label, required=False, help_text=DATE_HELP) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
    )


def _set_group_choices(form: forms.Form, groups, blank_label) -> None:
    """The initiative's target groups as choices (and the value already held, should the
    initiative's groups have changed since); no field when the initiative has none."""
    current = form.initial.get("target_group") or ""
    groups = list(groups)
    if current and current not in groups:
        groups.append(current)
    if groups:
        form.fields["target_group"].choices = [("", blank_label)] + [(g, g) for g in groups]
    else:
        del form.fields["target_group"]


class StakeholderForm(forms.Form):
    entity = forms.ChoiceField(
        label=_("Person, group or organisation"),
        choices=Entity.choices,
        widget=forms.RadioSelect,
        initial=Entity.PERSON,
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("For a person only with their agreement. Otherwise describe them below."),
    )
    description = forms.CharField(
        label=_("Short description"),
        max_length=300,
        required=False,
        help_text=_("For example: the mother who runs the Tuesday walking group."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        help_text=_("Which of the initiative's target groups they belong to, if any."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles in the service"),
        choices=ServiceRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    strengths = forms.CharField(
        label=_("Strengths and assets"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What they bring: one per line, for example “knows every shop owner”."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=PARTICIPATION_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reach_way = forms.ChoiceField(
        label=_("Best way to reach them"), choices=BLANK + list(ReachWay.choices), required=False
    )
    reach_place = forms.CharField(
        label=_("Where to find them"),
        max_length=200,
        required=False,
        help_text=_("A place, not an address: the market, the mosque, the library café."),
    )
    introduced_by = forms.TypedChoiceField(
        label=_("Introduced by"), coerce=int, empty_value=None, required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, initial=Status.CONTACTED)
    level = forms.ChoiceField(
        label=_("Engagement level"), choices=BLANK + list(Level.choices), required=False
    )
    consent_purpose = forms.CharField(
        label=_("They agreed to be contacted for"),
        max_length=300,
        required=False,
        help_text=_("Needed before you write down a phone number or e-mail address."),
    )
    consent_on = _date_field(_("Date of their consent"))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    notes = forms.CharField(
        label=_("Notes"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only what the team needs. They can ask to see everything written here."),
    )

    def __init__(self, *args, choices, groups=(), can_manage=True, **kwargs):
        super().__init__(*args, **kwargs)
        _set_group_choices(self, groups, _("None of these, or not known"))
        self.fields["introduced_by"].choices = [("", _("Nobody: we found them ourselves"))] + [
            (pk, label) for pk, label in choices
        ]
        if not can_manage:
            del self.fields["level"]

    def clean_strengths(self):
        return [
            line.strip() for line in self.cleaned_data["strengths"].splitlines() if line.strip()
        ]

    def service_data(self, *, stakeholders: dict[int, object]) -> dict:
        data = dict(self.cleaned_data)
        data["introduced_by"] = stakeholders.get(data.get("introduced_by"))
        return data


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type of contact"), choices=ContactKind.choices)
    happened_on = _date_field(_("Date"), required=True)
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_step = forms.CharField(label=_("Next step"), max_length=300, required=False)
    follow_up_on = _date_field(
        _("Follow up on"), help_text=_("You get a reminder on your dashboard from a week before.")
    )


class RelationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Relation"), choices=RelationKind.choices)
    target = forms.TypedChoiceField(label=_("With"), coerce=int)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = list(choices)


class ReferralLinkForm(forms.Form):
    stakeholder = forms.TypedChoiceField(
        label=_("Who shares this link"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The people they suggest are recorded as introduced by them."),
    )
    label = forms.CharField(
        label=_("What the link is for"),
        max_length=200,
        required=False,
        help_text=_("For your own overview, for example “Market day Tuesday”."),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholder"].choices = [("", _("Nobody in particular"))] + list(choices)


class ReferralForm(forms.Form):
    """The light form for anyone with a referral link: no account, few questions."""

    entity = forms.ChoiceField(
        label=_("Is it a person, a group or an organisation?"),
        choices=Entity.choices,
        widget=forms.RadioSelect,
        initial=Entity.PERSON,
    )
    name = forms.CharField(
        label=_("Name or description"),
        max_length=200,
        help_text=_("A name, or a description like “the man who runs the repair café”."),
    )
    reason = forms.CharField(
        label=_("Why should we talk to them?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    target_group = forms.ChoiceField(
        label=_("Do they belong to one of these groups? (optional)"),
        required=False,
        widget=forms.RadioSelect,
    )
    how_to_reach = forms.CharField(
        label=_("Where or how can we find them?"),
        max_length=200,
        required=False,
        help_text=_("For example: at the community centre on Thursday mornings."),
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    email = forms.CharField(label=_("E-mail (optional)"), max_length=254, required=False)
    consent = forms.BooleanField(
        label=_("They agree that we contact them about this initiative"),
        required=False,
        help_text=_("Only then do we keep a phone number or e-mail address."),
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        _set_group_choices(self, groups, _("I don't know, or none of these"))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Saved as CSV UTF-8, at most 5 MB and 2000 rows. The first row names the columns; "
            "name and kind are required."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
