"""Forms of idea rounds: they parse the shape of the input; the rules are in
services_ideas.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.deliberation.choices import IdeaChannel, IdeaStatus
from constellate.deliberation.services_ideas import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    RESPONSE_MAX,
    RESPONSE_STATUSES,
    TITLE_MAX,
)


class IdeaRoundSettingsForm(forms.Form):
    question = forms.CharField(
        label=_("Question"),
        max_length=300,
        required=False,
        help_text=_("What you ask ideas for, e.g. “How can the library be more welcoming?”"),
    )
    description = forms.CharField(
        label=_("Explanation for participants"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    moderated = forms.BooleanField(
        label=_("Check new ideas before others see them"), required=False
    )


class IdeaForm(forms.Form):
    # No max_length here: the service says how long a text may be, in plain words.
    title = forms.CharField(
        label=_("Title of your idea"),
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX}),
        help_text=_("A few words that say what your idea is."),
    )
    description = forms.CharField(
        label=_("Your idea"),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": DESCRIPTION_MAX}),
        help_text=_("What would you like to change, and why?"),
    )


class IdeaForSomeoneForm(IdeaForm):
    channel = forms.ChoiceField(
        label=_("How did the idea come in?"),
        choices=[
            (c.value, c.label) for c in (IdeaChannel.PAPER, IdeaChannel.PHONE, IdeaChannel.MEETING)
        ],
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX}),
    )


class ResponseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in IdeaStatus if s in RESPONSE_STATUSES],
    )
    response = forms.CharField(
        label=_("Response of the team"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": RESPONSE_MAX}),
        help_text=_("Everyone who sees the idea reads this."),
    )
    reason = forms.CharField(
        label=_("Reason, when the idea is not taken up"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": RESPONSE_MAX}),
    )


class MergeForm(forms.Form):
    target = forms.TypedChoiceField(label=_("Merge into"), coerce=int)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("Choose an idea"))] + [
            (i.pk, i.title) for i in targets
        ]


class IdeaFilterForm(forms.Form):
    """Search, filter and sort of an idea list (GET). A value that is not one of the choices
    is left out, so an odd link still shows a list."""

    q = forms.CharField(label=_("Search in the ideas"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[("newest", _("Newest first")), ("supported", _("Most supported first"))],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs["maxlength"] = "200"
        self.fields["status"].choices = [("", _("All statuses"))] + list(IdeaStatus.choices)

    def filters(self) -> dict:
        data: dict = {}
        if self.is_bound:
            raw = self.data.get("q", "")
            data["q"] = raw.strip()[:200] if isinstance(raw, str) else ""
            for name in ("status", "sort"):
                field = self.fields[name]
                try:
                    data[name] = field.clean(field.widget.value_from_datadict(self.data, {}, name))
                except forms.ValidationError:
                    data[name] = ""
        return {
            "query": data.get("q") or "",
            "status": data.get("status") or "",
            "sort": data.get("sort") or "newest",
        }
