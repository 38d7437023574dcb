"""Self-signification: after telling, the teller places the story on a few simple scales, so
their own reading of it is data too. The scales are built in (with translated labels); each
story-gathering activity chooses which of them it asks (`StoryActivitySettings.scales`).

A scale is a question with a fixed, ordered list of answers; an answer is stored as its key,
so a later change of wording never changes what was answered."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Scale:
    key: str
    question: object  # lazy translated string
    options: tuple[tuple[str, object], ...]  # (key, lazy label), in order

    def label_of(self, value: str) -> str:
        return str(dict(self.options).get(value, value))

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(k for k, _label in self.options)


SCALES: dict[str, Scale] = {
    scale.key: scale
    for scale in (
        Scale(
            key="about",
            question=_("Who is your story about?"),
            options=(
                ("me", _("Me")),
                ("family", _("My family")),
                ("neighbourhood", _("My neighbourhood")),
                ("others", _("Other people")),
            ),
        ),
        Scale(
            key="feeling",
            question=_("How did it feel?"),
            options=(
                ("very_bad", _("Very bad")),
                ("bad", _("Bad")),
                ("neutral", _("Not good, not bad")),
                ("good", _("Good")),
                ("very_good", _("Very good")),
            ),
        ),
        Scale(
            key="when",
            question=_("When did it happen?"),
            options=(
                ("now", _("It is happening now")),
                ("this_year", _("This year")),
                ("longer_ago", _("Longer ago")),
            ),
        ),
        Scale(
            key="change",
            question=_("Should something change?"),
            options=(
                ("no", _("No, it is fine as it is")),
                ("a_little", _("Yes, a little")),
                ("a_lot", _("Yes, a lot")),
            ),
        ),
    )
}

DEFAULT_SCALES = ("about", "feeling")


def scale_choices() -> list[tuple[str, object]]:
    return [(s.key, s.question) for s in SCALES.values()]
