"""The team's CSV export of stories, for analysis outside the platform.

Only what the current consent allows: the stories the viewer may hear (the list's search and
filters applied) whose teller agreed to use for analysis; the teller's name only when they
chose to be named; never an e-mail address, a private link or a file. A withdrawn or expired
story has no consent row left, so it is simply not there. Text is as it stands after any
redaction. Headings and choices are in the viewer's language (people open this in a
spreadsheet); cells are made formula-safe."""

import csv
from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from constellate.core.spreadsheet import formula_safe
from constellate.stories.choices import Audience, Channel, Medium, StoryType
from constellate.stories.models import ScaleAnswer, Story, StoryCoding
from constellate.stories.scales import SCALES
from constellate.stories.selectors import consent_annotated


class _Line:
    """A file-like object for csv.writer that hands back the line it was given."""

    def write(self, value: str) -> str:
        return value


def _headings() -> list[str]:
    return [
        _("Number"),
        _("Activity"),
        _("Kind of story"),
        _("How it was told"),
        _("Told on"),
        _("Language"),
        _("Question"),
        _("Title"),
        _("Story"),
        _("Files"),
        _("Who may hear it"),
        _("Quotes allowed"),
        _("Name of the teller"),
        _("Keep until"),
        _("Themes"),
        _("The teller's own reading"),
    ]


def exportable(stories: QuerySet[Story]) -> QuerySet[Story]:
    """`stories` (already scoped to what the viewer may hear) narrowed to the ones the teller
    allows for analysis, with what a row shows, in one query per 500 stories."""
    return (
        consent_annotated(stories)
        .filter(consent_analysis=True)
        .select_related("activity")
        .prefetch_related(
            "media",
            Prefetch("scale_answers", queryset=ScaleAnswer.objects.order_by("pk")),
            Prefetch(
                "codings",
                queryset=StoryCoding.objects.select_related("theme").order_by("theme__name"),
            ),
        )
    )


def _row(story: Story) -> list[str]:
    yes, no = _("yes"), _("no")
    media = sorted({str(Medium(m.medium).label) for m in story.media.all()})
    readings = []
    for answer in story.scale_answers.all():
        scale = SCALES.get(answer.scale)
        if scale is not None:
            readings.append(f"{scale.question}: {scale.label_of(answer.value)}")
    return [
        str(story.pk),
        story.activity.title,
        str(StoryType(story.story_type).label) if story.story_type else "",
        str(Channel(story.channel).label) if story.channel else "",
        story.created_at.date().isoformat(),
        story.language,
        story.question,
        story.title,
        story.text,
        ", ".join(media),
        str(Audience(story.audience).label),
        yes if story.consent_quotes else no,
        story.teller_name if story.consent_named else "",
        story.consent_keep_until.isoformat() if story.consent_keep_until else "",
        "; ".join(c.theme.name for c in story.codings.all()),
        "; ".join(readings),
    ]


def stories_csv(stories: QuerySet[Story]) -> Iterator[str]:
    """The CSV lines (with a byte-order mark so spreadsheets read UTF-8)."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(_headings())
    for story in exportable(stories).iterator(chunk_size=500):
        yield writer.writerow([formula_safe(cell) for cell in _row(story)])
