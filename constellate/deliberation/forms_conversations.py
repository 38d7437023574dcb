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
