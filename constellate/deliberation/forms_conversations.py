"""Forms of conversations: they parse the shape of the input; the rules are in
services_conversations.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.deliberation.services_conversations import STATEMENT_MAX


class ConversationSettingsForm(forms.Form):
    topic = forms.CharField(
        label=_("Topic"),
        max_length=300,
        required=False,
        help_text=_("The question people think about, e.g. “How can the desk help you better?”"),
    )
    description = forms.CharField(
        label=_("Explanation for participants"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    participants_can_add = forms.BooleanField(
        label=_("Participants may add statements"), required=False
    )
    moderated = forms.BooleanField(
        label=_("Check new statements before others see them"), required=False
    )


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": STATEMENT_MAX}),
        help_text=_("One short sentence that others can agree or disagree with."),
    )


class _MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class _MultipleFileField(forms.FileField):
    """One or more files from one input."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", _MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            if not data:
                return [single(None, initial)]
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class PolisImportForm(forms.Form):
    files = _MultipleFileField(
        label=_("Pol.is export"),
        help_text=_(
            "The zip file that Pol.is gives you, or its files comments.csv and votes.csv "
            "(participants-votes.csv and summary.csv may come along). At most 30 MB."
        ),
        widget=_MultipleFileInput(attrs={"accept": ".zip,.csv,application/zip,text/csv"}),
    )
    source = forms.CharField(
        label=_("Source and licence"),
        max_length=500,
        required=False,
        help_text=_(
            "Where the conversation comes from and under which licence, e.g. “CC BY 4.0, "
            "Pol.is conversation on the city budget”. Left empty, we take the topic and the "
            "address from the export's summary.csv."
        ),
    )
