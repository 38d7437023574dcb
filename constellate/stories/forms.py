"""Forms of the stories app. They parse and check the shape of the input; the rules (what a
consent needs, which scales an activity asks) are in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from constellate.stories.choices import Audience, Channel, Keep, StoryType
from constellate.stories.scales import scale_choices

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes(value) -> bool:
    return value == "yes"


class StoryFields(forms.Form):
    story_type = forms.ChoiceField(
        label=_("What kind of story is it?"),
        choices=StoryType.choices,
        initial=StoryType.SNAPSHOT,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title (if you like)"), required=False, max_length=200)
    text = forms.CharField(
        label=_("Your story"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Write it in your own words. You can also add a recording, photo or video."),
    )
    media = forms.FileField(
        label=_("Recording, photo or video (if you like)"),
        required=False,
        widget=forms.FileInput(
            attrs={"accept": "audio/*,image/*,video/*", "capture": "", "data-recorder": "1"}
        ),
        help_text=_("On a phone you can record it now or choose a file."),
    )
    image_alt = forms.CharField(
        label=_("What is on the photo? (a few words, for people who cannot see it)"),
        required=False,
        max_length=300,
    )
    place_shared = forms.BooleanField(
        label=_("Find the place of my story from where the photo was taken"),
        required=False,
        help_text=_(
            "We look for the nearest of the places we know and keep only its name, never the "
            "exact spot. You decide on the next step whether we show it. We always remove "
            "the location from the file itself."
        ),
    )


class TellForm(StoryFields):
    def __init__(self, *args, has_places: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_places:
            # Nothing to find the place among: the location is simply removed.
            del self.fields["place_shared"]


NO_PLACE = ""
PLACE_FROM_PHOTO = "photo"


class ConsentFields(forms.Form):
    audience = forms.ChoiceField(
        label=_("Who may hear your story?"),
        choices=Audience.choices,
        widget=forms.RadioSelect,
    )
    analysis = forms.TypedChoiceField(
        label=_("May we use your story to find out what needs to change?"),
        choices=YES_NO,
        coerce=_yes,
        widget=forms.RadioSelect,
    )
    quotes = forms.TypedChoiceField(
        label=_("May we quote sentences from your story?"),
        choices=YES_NO,
        coerce=_yes,
        widget=forms.RadioSelect,
    )
    named = forms.TypedChoiceField(
        label=_("Do we show your name with the story?"),
        choices=[("no", _("No, keep me anonymous")), ("yes", _("Yes, show my name"))],
        coerce=_yes,
        widget=forms.RadioSelect,
        initial="no",
    )
    teller_name = forms.CharField(
        label=_("Your name (only if we may show it)"), required=False, max_length=120
    )
    keep = forms.ChoiceField(
        label=_("How long may we keep your story?"),
        choices=Keep.choices,
        widget=forms.RadioSelect,
        initial=Keep.TWO_YEARS,
        help_text=_("After that we delete it."),
    )
    keep_until = forms.DateField(
        label=_("Keep it until (only for a date you choose)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    teller_email = forms.EmailField(
        label=_("Your e-mail address (if you want to hear what happens with your story)"),
        required=False,
        max_length=254,
    )
    place = forms.ChoiceField(
        label=_("May we show on a map which place your story is about?"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "We only show the name of the place on a map, with other stories about it. "
            "Never your address or where exactly you were."
        ),
        error_messages={
            "invalid_choice": _("Choose one of the places in the list, or no place."),
        },
    )

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.places = {str(p.pk): p for p in places}
        if self.places:
            self.fields["place"].choices = [
                (NO_PLACE, _("No, do not show a place")),
                *[(key, p.name) for key, p in self.places.items()],
            ]
            self.fields["place"].initial = NO_PLACE
        else:
            # The initiative keeps no places: there is nothing to choose.
            del self.fields["place"]

    def consent(self) -> dict:
        data = self.cleaned_data
        return {
            "audience": data["audience"],
            "analysis": data["analysis"],
            "quotes": data["quotes"],
            "named": data["named"],
            "keep": data["keep"],
            "keep_until": data.get("keep_until"),
            "place": self.places.get(data.get("place") or ""),
        }


class ConsentForm(ConsentFields):
    @classmethod
    def initial_from(cls, consent, story) -> dict:
        if consent is None:
            # Before the first consent: the place suggested from the photo, if any.
            return {"place": str(story.place_id)} if story.place_id else {}
        return {
            "place": str(consent.place_id) if consent.place_id else NO_PLACE,
            "audience": consent.audience,
            "analysis": "yes" if consent.analysis else "no",
            "quotes": "yes" if consent.quotes else "no",
            "named": "yes" if consent.named else "no",
            "keep": Keep.DATE,
            "keep_until": consent.keep_until,
            "teller_name": story.teller_name,
            "teller_email": story.teller_email,
        }


def add_scale_fields(form: forms.Form, scales) -> None:
    for scale in scales:
        form.fields[f"scale_{scale.key}"] = forms.ChoiceField(
            label=scale.question,
            choices=list(scale.options),
            required=False,
            widget=forms.RadioSelect,
        )


def scale_answers(form: forms.Form, scales) -> dict[str, str]:
    return {s.key: form.cleaned_data.get(f"scale_{s.key}") or "" for s in scales}


class ScalesForm(forms.Form):
    def __init__(self, *args, scales, **kwargs):
        super().__init__(*args, **kwargs)
        self.scales = scales
        add_scale_fields(self, scales)

    def answers(self) -> dict[str, str]:
        return scale_answers(self, self.scales)


class AssistedForm(StoryFields, ConsentFields):
    """A community reporter enters a story told on paper, by phone or face to face."""

    channel = forms.ChoiceField(
        label=_("How was the story told?"),
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
        widget=forms.RadioSelect,
    )
    teller_agreed = forms.BooleanField(
        label=_("The teller agreed to these choices"),
        required=False,
        help_text=_("Read the choices to the teller in plain words before you save."),
    )

    field_order = [
        "channel",
        "story_type",
        "title",
        "text",
        "media",
        "image_alt",
        "audience",
        "analysis",
        "quotes",
        "named",
        "teller_name",
        "teller_email",
        "keep",
        "keep_until",
        "place",
    ]

    def __init__(self, *args, scales, places=(), **kwargs):
        super().__init__(*args, places=places, **kwargs)
        self.scales = scales
        add_scale_fields(self, scales)
        # The place is one question here: a place from the list, where the photo was taken,
        # or none. The checkbox of the teller's own form is not needed.
        del self.fields["place_shared"]
        if "place" in self.fields:
            choices = list(self.fields["place"].choices)
            self.fields["place"].choices = [
                choices[0],
                (PLACE_FROM_PHOTO, _("Where the photo was taken (the nearest place below)")),
                *choices[1:],
            ]
            self.fields["place"].label = _("May we show on a map which place the story is about?")
        self.fields["teller_name"].label = _("Name of the teller (only if they want it shown)")
        self.fields["teller_email"].label = _("E-mail address of the teller (if they want news)")
        self.fields["text"].label = _("The story")
        self.fields["text"].help_text = _("In the teller's own words, as far as you can.")
        # The agreement comes last, right above the button.
        self.fields["teller_agreed"] = self.fields.pop("teller_agreed")

    def answers(self) -> dict[str, str]:
        return scale_answers(self, self.scales)

    def place_from_photo(self) -> bool:
        return self.cleaned_data.get("place") == PLACE_FROM_PHOTO


class CoordinateField(forms.FloatField):
    """A number in decimal degrees; a decimal comma (as Dutch is written) is fine too."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class PlaceForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the place"),
        max_length=120,
        help_text=_("As people know it: a neighbourhood, a library, a community centre."),
        error_messages={"required": _("Give the place a name.")},
    )
    latitude = CoordinateField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        help_text=_("In decimal degrees, for example 52.0283 (north is positive)."),
        error_messages={
            "required": _("Give the latitude."),
            "invalid": _("The latitude is a number from -90 to 90."),
            "min_value": _("The latitude is a number from -90 to 90."),
            "max_value": _("The latitude is a number from -90 to 90."),
        },
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        help_text=_("In decimal degrees, for example 5.1684 (east is positive)."),
        error_messages={
            "required": _("Give the longitude."),
            "invalid": _("The longitude is a number from -180 to 180."),
            "min_value": _("The longitude is a number from -180 to 180."),
            "max_value": _("The longitude is a number from -180 to 180."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in ("latitude", "longitude"):
            # A text field: a phone keyboard with a minus sign and a decimal point.
            self.fields[key].widget = forms.TextInput(attrs={"inputmode": "decimal"})


class SettingsForm(forms.Form):
    question = forms.CharField(
        label=_("The open question for snapshot stories"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Empty: the purpose of the activity is the question."),
    )
    scales = forms.MultipleChoiceField(
        label=_("Scales the teller answers after telling"),
        choices=scale_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw my story and delete it"),
        required=True,
        error_messages={"required": _("Tick the box to confirm that you want to withdraw.")},
    )


class StorySearchForm(forms.Form):
    """Search and filters of the staff's story list (GET). A value that is not one of the
    choices is left out, so an odd link still shows a list."""

    q = forms.CharField(label=_("Search in the stories"), required=False, max_length=200)
    activity = forms.TypedChoiceField(label=_("Activity"), required=False, coerce=int)
    story_type = forms.ChoiceField(label=_("Type of story"), required=False)
    medium = forms.ChoiceField(label=_("With a file"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    audience = forms.ChoiceField(label=_("Who may hear it"), required=False)

    def __init__(self, data=None, *, activities=(), audiences=None, **kwargs):
        from django.conf import settings

        from constellate.stories.choices import Medium

        super().__init__(data, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "maxlength": "200"})
        self.fields["q"].widget.input_type = "search"
        self.fields["activity"].choices = [("", _("All activities"))] + [
            (a.pk, a.title) for a in activities
        ]
        self.fields["story_type"].choices = [("", _("All types"))] + [
            (value, label.split(":")[0]) for value, label in StoryType.choices
        ]
        self.fields["medium"].choices = [("", _("With or without a file"))] + [
            (value, label) for value, label in Medium.choices
        ]
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, name) for code, name in settings.LANGUAGES
        ]
        scopes = Audience.choices if audiences is None else audiences
        self.fields["audience"].choices = [("", _("All choices"))] + list(scopes)

    def filters(self) -> dict:
        """The valid search and filter values, as arguments of `selectors.story_search`."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q") or "",
            "activity_id": data.get("activity") or None,
            "story_type": data.get("story_type") or "",
            "medium": data.get("medium") or "",
            "language": data.get("language") or "",
            "audience": data.get("audience") or "",
        }

    def any_used(self) -> bool:
        return any(self.filters().values())
