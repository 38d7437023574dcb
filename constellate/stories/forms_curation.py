"""Forms of curation. They parse the shape of the input; the rules (consent for quotes, clip
times within the file, evidence of an insight) are in services_curation.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from constellate.stories.choices import ThemeKind
from constellate.stories.services_curation import parse_clip_time


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("Name of the theme"), max_length=120)
    kind = forms.ChoiceField(
        label=_("What kind of theme is it?"), choices=ThemeKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Description (if you like)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StoryThemesForm(forms.Form):
    themes = forms.TypedMultipleChoiceField(
        label=_("Themes of this story"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [
            (t.pk, f"{t.name} ({t.get_kind_display()})") for t in themes
        ]


class QuoteForm(forms.Form):
    """A passage chosen by its first and last sentence, or pasted (or, with JavaScript,
    selected in the text)."""

    passage = forms.CharField(
        label=_("The exact passage"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3, "data-quote-passage": "1"}),
        help_text=_("Copy the words from the story, or select them in the text above."),
    )
    first = forms.TypedChoiceField(
        label=_("Or from sentence"), coerce=int, required=False, empty_value=None
    )
    last = forms.TypedChoiceField(
        label=_("to sentence"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, sentences=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(s.number, str(s.number)) for s in sentences]
        self.fields["first"].choices = choices
        self.fields["last"].choices = choices
        self.sentences = {s.number: s for s in sentences}

    def clean(self):
        data = super().clean()
        passage = (data.get("passage") or "").strip()
        first, last = data.get("first"), data.get("last")
        if not passage and first is None:
            raise ValidationError(
                _("Paste the passage, or choose the sentence it starts and ends with.")
            )
        if not passage:
            last = first if last is None else last
            if last < first:
                self.add_error("last", _("The last sentence cannot come before the first."))
            data["last"] = last
        return data


class ClipForm(forms.Form):
    media = forms.TypedChoiceField(label=_("File"), coerce=int)
    start = forms.CharField(
        label=_("From (minutes:seconds)"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "0:00"}),
    )
    end = forms.CharField(
        label=_("To (minutes:seconds)"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "0:30"}),
    )
    label = forms.CharField(label=_("What is the clip about?"), max_length=200)

    def __init__(self, *args, media=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["media"].choices = [
            (m.pk, _("%(kind)s %(n)d") % {"kind": m.get_medium_display(), "n": n})
            for n, m in enumerate(media, start=1)
        ]
        if len(media) == 1:
            self.fields["media"].widget = forms.HiddenInput()
            self.fields["media"].initial = media[0].pk

    def clean_start(self):
        return parse_clip_time(self.cleaned_data["start"])

    def clean_end(self):
        return parse_clip_time(self.cleaned_data["end"])


class InsightForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("The insight"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    quotes = forms.TypedMultipleChoiceField(
        label=_("Quotes it rests on"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    clips = forms.TypedMultipleChoiceField(
        label=_("Clips it rests on"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    stories = forms.TypedMultipleChoiceField(
        label=_("Stories it rests on"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = choices or {"stories": [], "quotes": [], "clips": []}
        self.objects = {
            name: {obj.pk: obj for obj in choices[name]} for name in ("stories", "quotes", "clips")
        }
        self.fields["quotes"].choices = [
            (q.pk, _("“%(text)s” (story %(story)s)") % {"text": q.text[:160], "story": q.story_id})
            for q in choices["quotes"]
        ]
        self.fields["clips"].choices = [
            (c.pk, _("%(label)s (story %(story)s)") % {"label": c.label, "story": c.story_id})
            for c in choices["clips"]
        ]
        self.fields["stories"].choices = [(s.pk, story_label(s)) for s in choices["stories"]]
        for name in ("quotes", "clips", "stories"):
            if not self.fields[name].choices:
                del self.fields[name]

    def chosen(self, name: str) -> list:
        return [self.objects[name][pk] for pk in self.cleaned_data.get(name, [])]


def story_label(story) -> str:
    words = story.title or " ".join(story.text.split()[:10]) or str(_("Story without text"))
    return _("Story %(n)s: %(words)s") % {"n": story.pk, "words": words}


class RedactionForm(forms.Form):
    accept = forms.MultipleChoiceField(
        label=_("Redact these passages"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, proposals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept"].choices = [(p.key, p.span.text) for p in proposals]

    def spans(self) -> list[tuple[int, int, str]]:
        out = []
        for key in self.cleaned_data["accept"]:
            start, end, kind = key.split(":", 2)
            out.append((int(start), int(end), kind))
        return out


class _IdsField(forms.TypedMultipleChoiceField):
    """Ids checked against a set by the form (there may be thousands: no list of choices)."""

    def valid_value(self, value) -> bool:
        return True

    def to_python(self, value):
        values = super().to_python(value)
        for v in values:
            if not (v.isdigit() and 0 < int(v) < 2**63):
                raise ValidationError(_("Choose stories of this suggestion."))
        return values


class SuggestionAcceptForm(forms.Form):
    """A suggested theme accepted: every member is coded except those left out (ticked),
    on whatever page of the members they were ticked."""

    name = forms.CharField(label=_("Name of the theme"), max_length=120)
    kind = forms.ChoiceField(
        label=_("What kind of theme is it?"), choices=ThemeKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Description (if you like)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    leave_out = _IdsField(
        label=_("Stories to leave out"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm = forms.BooleanField(
        label=_("Yes, make this theme and code the stories with it"), required=True
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.members = set(members)

    def clean_leave_out(self):
        # Leaving out can only code fewer stories: an id that is no member (any more: the
        # teller withdrew since the page was shown, or it was never one) changes nothing.
        return [pk for pk in self.cleaned_data["leave_out"] if pk in self.members]
