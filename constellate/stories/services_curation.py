"""Writes of curation, the second stage of community reporting: themes and codings, quotes
and clips, insights, redaction of personal data, and theme suggestions (a background task).

Every function is keyword-only, atomic and validating; permission checks are the caller's
(views use stories/rules.py `stories.curate`). What the teller's current consent does not
allow is refused here, whoever calls: quotes and clips only for stories whose teller allows
quotes (selectors.stories_quotable).

Redaction: the accepted redactions replace the story's text (Story.text), so every page,
export, package and analysis outside the curation workspace uses the redacted text. The
unredacted original is kept (StoryRedaction.original_text, shown only in the curation
workspace, and the redactions can be undone) only where the teller's consent allows it:
when the teller chose to be named, or to be heard by the initiative's team only. Otherwise
the original is gone for good once the curator confirms; a later change of consent that no
longer allows it deletes a kept original.

Withdrawal or expiry of a story removes its codings, quotes, clips and redaction data
(`curation_forget_stories`, called by services.story_withdraw, stories_expire and
stories_erase) and its links from insights; an insight counts the evidence it lost
(`Insight.evidence_withdrawn`) and says so on its page."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from constellate.accounts.models import User
from constellate.analysis.redaction import KINDS, apply_redactions
from constellate.core.services import audit_record
from constellate.initiatives.models import Initiative
from constellate.stories.choices import (
    Audience,
    Medium,
    StoryStatus,
    SuggestionDecision,
    SuggestionRunState,
    ThemeKind,
)
from constellate.stories.models import (
    Clip,
    Consent,
    Insight,
    Quote,
    Story,
    StoryCoding,
    StoryMedia,
    StoryRedaction,
    Theme,
    ThemeSuggestionChoice,
    ThemeSuggestionRun,
)

logger = logging.getLogger(__name__)

NAME_MAX = 120
TITLE_MAX = 200
INSIGHT_MAX = 5000
DESCRIPTION_MAX = 1000
CLIP_LABEL_MAX = 200
# A clip may end this much after the known length of its file (players round lengths).
CLIP_SLACK_SECONDS = 0.5
# A queued or running suggestion run older than this is taken to have died.
RUN_STALE = timedelta(minutes=30)

# What stands in the text for what was redacted, in the story's language.
PLACEHOLDERS = {
    "name": gettext_lazy("[name]"),
    "email": gettext_lazy("[e-mail]"),
    "phone": gettext_lazy("[phone number]"),
    "bsn": gettext_lazy("[BSN]"),
    "iban": gettext_lazy("[bank account]"),
    "address": gettext_lazy("[address]"),
    "postcode": gettext_lazy("[postcode]"),
}


def _clean(value: str | None) -> str:
    return (value or "").replace("\x00", "").strip()


def _story_initiative_id(story: Story) -> int:
    return story.activity.initiative_id


# Themes and codings ------------------------------------------------------------------------


@transaction.atomic
def theme_create(
    *,
    initiative: Initiative,
    actor: User,
    name: str,
    kind: str,
    description: str = "",
    from_suggestion: bool = False,
) -> Theme:
    """A new theme (code) of the initiative; names are unique per initiative."""
    name, description = _clean(name), _clean(description)
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Give the theme a name.")]
    elif len(name) > NAME_MAX:
        errors["name"] = [_("The name is too long: at most %(n)d characters.") % {"n": NAME_MAX}]
    elif Theme.objects.filter(initiative=initiative, name__iexact=name).exists():
        errors["name"] = [_("There is already a theme with this name.")]
    if kind not in ThemeKind.values:
        errors["kind"] = [_("Choose what kind of theme it is.")]
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = [
            _("The description is too long: at most %(n)d characters.") % {"n": DESCRIPTION_MAX}
        ]
    if errors:
        raise ValidationError(errors)
    return Theme.objects.create(
        initiative=initiative,
        name=name,
        kind=kind,
        description=description,
        from_suggestion=from_suggestion,
        created_by=actor,
    )


@transaction.atomic
def story_themes_set(*, story: Story, themes: Iterable[Theme], actor: User) -> list[Theme]:
    """Code the story with exactly these themes of its initiative (ticked boxes): new ones
    are added, unticked ones removed. Returns the story's themes."""
    if story.status != StoryStatus.ACTIVE:
        raise ValidationError(_("This story was withdrawn."))
    chosen = {theme.pk: theme for theme in themes}
    initiative_id = _story_initiative_id(story)
    if any(theme.initiative_id != initiative_id for theme in chosen.values()):
        raise ValidationError({"themes": _("Choose themes of this initiative.")})
    current = set(StoryCoding.objects.filter(story=story).values_list("theme_id", flat=True))
    StoryCoding.objects.filter(story=story).exclude(theme_id__in=chosen).delete()
    StoryCoding.objects.bulk_create(
        [
            StoryCoding(story=story, theme=theme, coded_by=actor)
            for pk, theme in chosen.items()
            if pk not in current
        ]
    )
    return sorted(chosen.values(), key=lambda t: (t.kind, t.name))


def _code_stories(*, theme: Theme, story_ids: Iterable[int], actor: User) -> int:
    ids = set(story_ids)
    done = set(
        StoryCoding.objects.filter(theme=theme, story_id__in=ids).values_list("story_id", flat=True)
    )
    rows = [StoryCoding(story_id=pk, theme=theme, coded_by=actor) for pk in sorted(ids - done)]
    StoryCoding.objects.bulk_create(rows)
    return len(rows)


# Quotes --------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^\n]*?(?:[.!?…]+[\"'”’)\]]*(?=\s)|\n|$)", re.DOTALL)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, leading and trailing spaces left out: a
    sentence ends at ".", "!", "?" or "…" before a space, or at the end of a line."""
    spans: list[tuple[int, int]] = []
    position = 0
    size = len(text)
    while position < size:
        match = _SENTENCE.match(text, position)
        end = match.end() if match and match.end() > position else size
        start, stop = position, end
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        position = end
    return spans


def locate_passage(text: str, passage: str) -> tuple[int, int] | None:
    """Where `passage` stands in `text` (the first time), allowing differences in spaces and
    line breaks (a passage copied from the page); None when it is not there."""
    words = passage.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text)
    if match is None:
        return None
    return match.start(), match.end()


def story_may_be_quoted(story: Story) -> bool:
    """The teller's current consent allows quotes (and clips) of this story."""
    from constellate.stories.selectors import stories_quotable

    initiative = story.activity.initiative
    return stories_quotable(initiative=initiative).filter(pk=story.pk).exists()


def _check_quotable(story: Story) -> None:
    if story.status != StoryStatus.ACTIVE or not story_may_be_quoted(story):
        raise ValidationError(_("The teller does not allow quotes from this story."))


@transaction.atomic
def quote_create(*, story: Story, actor: User, start: int, end: int) -> Quote:
    """Mark characters `start` to `end` of the story's text as a quote."""
    _check_quotable(story)
    text = Story.objects.filter(pk=story.pk).values_list("text", flat=True).first() or ""
    if not (0 <= start < end <= len(text)):
        raise ValidationError(_("Choose a passage of the story's text."))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError(_("Choose a passage of the story's text."))
    quote = Quote.objects.create(
        story=story, start=start, end=end, text=text[start:end], created_by=actor
    )
    initiative_touch_story(story)
    return quote


@transaction.atomic
def quote_delete(*, quote: Quote) -> None:
    quote.delete()


def initiative_touch_story(story: Story) -> None:
    from constellate.initiatives.services import initiative_touch

    initiative_touch(_story_initiative_id(story))


# Clips ---------------------------------------------------------------------------------------

_TIME = re.compile(r"^(?:(\d{1,2}):)?(?:(\d{1,3}):)?(\d{1,5}(?:[.,]\d{1,3})?)$")


def parse_clip_time(value: str) -> float:
    """Seconds from "mm:ss", "h:mm:ss" or plain seconds ("75", "1:15", "0:01:15.5")."""
    value = (value or "").strip()
    match = _TIME.match(value)
    if match is None:
        raise ValidationError(_("Give the time as minutes:seconds, for example 1:05."))
    first, second, seconds = match.groups()
    if second is not None:  # h:mm:ss
        hours, minutes = int(first), int(second)
    else:
        hours, minutes = 0, int(first) if first is not None else 0
    secs = float(seconds.replace(",", "."))
    if (first is not None and secs >= 60) or (second is not None and minutes >= 60):
        raise ValidationError(_("Give the time as minutes:seconds, for example 1:05."))
    return hours * 3600 + minutes * 60 + secs


def format_clip_time(seconds: float) -> str:
    """ "m:ss" (or "h:mm:ss") of a number of seconds, rounded down to the second."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@transaction.atomic
def clip_create(*, media: StoryMedia, actor: User, start: float, end: float, label: str) -> Clip:
    """Mark seconds `start` to `end` of a story's recording or video as a clip."""
    story = media.story
    _check_quotable(story)
    errors: dict[str, list[str]] = {}
    if media.medium not in (Medium.AUDIO, Medium.VIDEO):
        errors["media"] = [_("Clips are made from a recording or a video.")]
    label = _clean(label)
    if not label:
        errors["label"] = [_("Say in a few words what the clip is about.")]
    elif len(label) > CLIP_LABEL_MAX:
        errors["label"] = [
            _("The label is too long: at most %(n)d characters.") % {"n": CLIP_LABEL_MAX}
        ]
    if start < 0:
        errors["start"] = [_("The start cannot be before the beginning.")]
    elif end <= start:
        errors["end"] = [_("The end must come after the start.")]
    elif media.duration is not None and end > media.duration + CLIP_SLACK_SECONDS:
        errors["end"] = [
            _("The end is after the end of the file (%(length)s).")
            % {"length": format_clip_time(media.duration)}
        ]
    if errors:
        raise ValidationError(errors)
    clip = Clip.objects.create(
        story=story, media=media, start=start, end=end, label=label, created_by=actor
    )
    initiative_touch_story(story)
    return clip


@transaction.atomic
def clip_delete(*, clip: Clip) -> None:
    clip.delete()


# Insights ------------------------------------------------------------------------------------


@transaction.atomic
def insight_save(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    text: str,
    stories: Sequence[Story] = (),
    quotes: Sequence[Quote] = (),
    clips: Sequence[Clip] = (),
    insight: Insight | None = None,
) -> Insight:
    """Write a new insight, or change one (`insight`), resting on at least one story, quote
    or clip of the initiative. The evidence replaces the earlier evidence; a curator who
    saves an insight has seen what it rests on now, so the count of withdrawn evidence
    starts again."""
    title, text = _clean(title), _clean(text)
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Give the insight a title.")]
    elif len(title) > TITLE_MAX:
        errors["title"] = [_("The title is too long: at most %(n)d characters.") % {"n": TITLE_MAX}]
    if not text:
        errors["text"] = [_("Write the insight.")]
    elif len(text) > INSIGHT_MAX:
        errors["text"] = [
            _("The insight is too long: at most %(n)d characters.") % {"n": INSIGHT_MAX}
        ]
    story_ids = {s.pk for s in stories}
    quote_story = {q.pk: q.story_id for q in quotes}
    clip_story = {c.pk: c.story_id for c in clips}
    if not (story_ids or quote_story or clip_story):
        errors["evidence"] = [_("Link the insight to at least one story, quote or clip.")]
    every_story = story_ids | set(quote_story.values()) | set(clip_story.values())
    usable = set(
        Story.objects.filter(pk__in=every_story, activity__initiative=initiative).values_list(
            "pk", flat=True
        )
    )
    if every_story - usable:
        errors["evidence"] = [_("Link the insight only to stories of this initiative.")]
    if errors:
        raise ValidationError(errors)
    before: set[int] = set()
    if insight is None:
        insight = Insight.objects.create(
            initiative=initiative, title=title, text=text, created_by=actor
        )
    else:
        before = _insight_story_ids(insight)
        if insight.initiative_id != initiative.pk:
            raise ValidationError(_("This insight belongs to another initiative."))
        insight.title, insight.text, insight.evidence_withdrawn = title, text, 0
        insight.save(update_fields=["title", "text", "evidence_withdrawn", "updated_at"])
    insight.stories.set(sorted(story_ids))
    insight.quotes.set(sorted(quote_story))
    insight.clips.set(sorted(clip_story))
    from constellate.stories.choices import NewsKind
    from constellate.stories.services_mobilise import story_news_add

    # The tellers of stories that now (directly or through a quote or clip) carry the
    # insight hear of it.
    story_news_add(story_ids=_insight_story_ids(insight) - before, kind=NewsKind.INSIGHT)
    from constellate.initiatives.services import initiative_touch

    initiative_touch(initiative.pk)
    return insight


def _insight_story_ids(insight: Insight) -> set[int]:
    return (
        set(insight.stories.values_list("pk", flat=True))
        | set(insight.quotes.values_list("story_id", flat=True))
        | set(insight.clips.values_list("story_id", flat=True))
    )


@transaction.atomic
def insight_delete(*, insight: Insight) -> None:
    initiative_id = insight.initiative_id
    insight.delete()
    from constellate.initiatives.services import initiative_touch

    initiative_touch(initiative_id)


# Redaction -----------------------------------------------------------------------------------


def original_may_be_kept(consent: Consent | None) -> bool:
    """Whether the teller's consent allows keeping the unredacted original: they chose to be
    named (their identity is theirs to share), or the story stays with the initiative's team
    (the original never leaves the people who curate it)."""
    return consent is not None and (consent.named or consent.audience == Audience.TEAM)


def placeholder_for(kind: str, language: str | None) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return str(PLACEHOLDERS[kind])


Edit = tuple[int, int, int]  # (start, end, length of what replaces it) in the source text


def _map_position(position: int, edits: Sequence[Edit], *, is_end: bool) -> int:
    """Where a position of the source text lands after the edits (sorted, not overlapping).
    Inside a replaced range a start moves to its beginning, an end to its end."""
    shift = 0
    for start, end, length in edits:
        if position >= end:
            shift += length - (end - start)
            continue
        if position <= start:
            break
        return start + shift + (length if is_end else 0)
    return position + shift


def _inverse(edits: Sequence[Edit]) -> list[Edit]:
    """The edits that turn the edited text back into the source."""
    out, shift = [], 0
    for start, end, length in edits:
        out.append((start + shift, start + shift + length, end - start))
        shift += length - (end - start)
    return out


def _edits_of(spans: Iterable[dict[str, Any]]) -> list[Edit]:
    return sorted((s["start"], s["end"], len(s["placeholder"])) for s in spans)


def _move_quotes(story: Story, new_text: str, steps: Sequence[Sequence[Edit]]) -> None:
    """Move the story's quotes along with a change of its text (one or more edit steps),
    taking their words from the new text."""
    changed = []
    for quote in Quote.objects.filter(story=story):
        start, end = quote.start, quote.end
        for edits in steps:
            start = _map_position(start, edits, is_end=False)
            end = _map_position(end, edits, is_end=True)
        end = max(start, min(end, len(new_text)))
        quote.start, quote.end, quote.text = start, end, new_text[start:end]
        changed.append(quote)
    Quote.objects.bulk_update(changed, ["start", "end", "text"])


def redaction_base(story: Story) -> str:
    """The text proposals are made on and redactions applied to: the kept original when
    there is one, else the story's (perhaps already redacted) text."""
    redaction = StoryRedaction.objects.filter(story=story).first()
    if redaction is not None and redaction.original_kept:
        return redaction.original_text
    return Story.objects.filter(pk=story.pk).values_list("text", flat=True).first() or ""


@transaction.atomic
def story_redactions_apply(
    *, story: Story, actor: User, spans: Sequence[tuple[int, int, str]]
) -> StoryRedaction:
    """Apply the redactions the curator confirmed: `spans` (start, end, kind) of
    `redaction_base(story)`. With a kept original, the confirmed set replaces the earlier one
    (the original is redacted afresh); without it, the redactions are final and add to any
    made before. The story's quotes move with the text."""
    from constellate.stories.services import consent_current

    story = (
        Story.objects.select_for_update(of=("self",)).select_related("activity").get(pk=story.pk)
    )
    redaction = StoryRedaction.objects.filter(story=story).first()
    kept_before = redaction is not None and redaction.original_kept
    base = redaction.original_text if redaction is not None and kept_before else story.text
    cleaned = []
    for start, end, kind in spans:
        if kind not in KINDS or not (0 <= start < end <= len(base)):
            raise ValidationError(_("The proposals changed. Look at them again."))
        cleaned.append((int(start), int(end), kind))
    cleaned.sort()
    if any(a[1] > b[0] for a, b in zip(cleaned, cleaned[1:], strict=False)):
        raise ValidationError(_("The proposals changed. Look at them again."))
    if not cleaned and not kept_before:
        raise ValidationError(_("Tick at least one passage to redact."))
    placeholders = {kind: placeholder_for(kind, story.language) for kind in KINDS}
    new_text = apply_redactions(base, cleaned, placeholders)
    new_spans = [
        {"start": s, "end": e, "kind": k, "placeholder": placeholders[k]} for s, e, k in cleaned
    ]
    steps: list[list[Edit]] = []
    if redaction is not None and kept_before:
        steps.append(_inverse(_edits_of(redaction.spans)))  # current text -> original
    steps.append(_edits_of(new_spans))
    _move_quotes(story, new_text, steps)
    keep = original_may_be_kept(consent_current(story))
    if redaction is None:
        redaction = StoryRedaction(story=story)
    if keep:
        redaction.original_kept = True
        redaction.original_text = base
        redaction.spans = new_spans
    else:
        # Final redactions add to earlier final ones; a kept original was redacted afresh.
        final_before = redaction.pk is not None and not kept_before
        earlier = [{"kind": s["kind"]} for s in redaction.spans] if final_before else []
        redaction.original_kept = False
        redaction.original_text = ""
        redaction.spans = earlier + [{"kind": k} for _s, _e, k in cleaned]
    redaction.redacted_by = actor
    redaction.save()
    Story.all_objects.filter(pk=story.pk).update(text=new_text)
    audit_record(
        actor=actor,
        action="story.redacted",
        obj=story,
        organisation_id=story.activity.initiative.organisation_id,
        detail={"redactions": len(cleaned), "original_kept": keep},
    )
    initiative_touch_story(story)
    return redaction


@transaction.atomic
def story_redactions_undo(*, story: Story, actor: User) -> None:
    """Put the kept original back (possible only where it was kept)."""
    story = (
        Story.objects.select_for_update(of=("self",)).select_related("activity").get(pk=story.pk)
    )
    redaction = StoryRedaction.objects.filter(story=story).first()
    if redaction is None or not redaction.original_kept:
        raise ValidationError(
            _("The original text was not kept, so the redactions cannot be undone.")
        )
    _move_quotes(story, redaction.original_text, [_inverse(_edits_of(redaction.spans))])
    Story.all_objects.filter(pk=story.pk).update(text=redaction.original_text)
    redaction.delete()
    audit_record(
        actor=actor,
        action="story.redaction_undone",
        obj=story,
        organisation_id=story.activity.initiative.organisation_id,
    )
    initiative_touch_story(story)


def redaction_consent_changed(*, story: Story, consent: Consent) -> None:
    """Called when the teller gives a new consent: a kept original the new consent no
    longer allows is deleted (the redacted text stays)."""
    if original_may_be_kept(consent):
        return
    redaction = StoryRedaction.objects.filter(story=story, original_kept=True).first()
    if redaction is None:
        return
    redaction.spans = [{"kind": s["kind"]} for s in redaction.spans]
    redaction.original_kept = False
    redaction.original_text = ""
    redaction.save(update_fields=["spans", "original_kept", "original_text", "redacted_at"])


# Withdrawal --------------------------------------------------------------------------------


def curation_forget_stories(*, story_ids: Iterable[int]) -> None:
    """Remove everything curation derived from these stories (withdrawn, expired or
    erased): codings, quotes, clips, redactions, their links from insights (counted on each
    insight as withdrawn evidence) and their place in theme suggestions. Runs inside the
    caller's transaction."""
    ids = sorted(set(story_ids))
    if not ids:
        return
    through_s = Insight.stories.through
    through_q = Insight.quotes.through
    through_c = Insight.clips.through
    lost: Counter[int] = Counter()
    for through, lookup in (
        (through_s, {"story_id__in": ids}),
        (through_q, {"quote__story_id__in": ids}),
        (through_c, {"clip__story_id__in": ids}),
    ):
        rows = through.objects.filter(**lookup)
        lost.update(rows.values_list("insight_id", flat=True))
        rows.delete()
    for insight_id, count in lost.items():
        Insight.objects.filter(pk=insight_id).update(
            evidence_withdrawn=F("evidence_withdrawn") + count
        )
    StoryCoding.objects.filter(story_id__in=ids).delete()
    Quote.objects.filter(story_id__in=ids).delete()
    Clip.objects.filter(story_id__in=ids).delete()
    StoryRedaction.objects.filter(story_id__in=ids).delete()
    from constellate.stories.services_mobilise import mobilise_forget_stories

    mobilise_forget_stories(story_ids=ids)
    initiative_ids = set(
        Story.all_objects.filter(pk__in=ids).values_list("activity__initiative_id", flat=True)
    )
    gone = set(ids)
    for run in ThemeSuggestionRun.objects.filter(
        initiative_id__in=initiative_ids, result__isnull=False
    ):
        result = run.result or {}
        themes = result.get("themes", [])
        if not any(set(theme.get("members", [])) & gone for theme in themes):
            continue
        for theme in themes:
            theme["members"] = [pk for pk in theme.get("members", []) if pk not in gone]
        ThemeSuggestionRun.objects.filter(pk=run.pk).update(result=result)


# Theme suggestions ---------------------------------------------------------------------------


def theme_suggestions_start(*, initiative: Initiative, actor: User) -> ThemeSuggestionRun:
    """Ask for theme suggestions over the initiative's stories (those whose teller allows
    analysis), computed in a background task. A run that is already waiting or running is
    returned instead of starting another."""
    pending = (
        ThemeSuggestionRun.objects.filter(
            initiative=initiative,
            state__in=(SuggestionRunState.QUEUED, SuggestionRunState.RUNNING),
            created_at__gte=timezone.now() - RUN_STALE,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if pending is not None:
        return pending
    run = ThemeSuggestionRun.objects.create(initiative=initiative, requested_by=actor)
    # Not inside a transaction: the worker must find the run when it takes the task (and
    # the immediate backend runs it right here).
    theme_suggestions_compute.enqueue(run.pk)
    run.refresh_from_db()
    return run


def _suggestion_result(result: dict[str, Any]) -> dict[str, Any]:
    """What is kept of analysis.themes' result: the themes (label, terms, member story ids)
    and the corpus keywords with their number of stories; no per-story data."""
    return {
        "themes": [
            {
                "label": theme["label"],
                "terms": [t["term"] for t in theme["terms"]],
                "members": [m["id"] for m in theme["members"]],
            }
            for theme in result.get("themes", [])
        ],
        "keywords": [
            {"term": k.get("term"), "stories": k.get("documents", k.get("count", 0))}
            for k in result.get("keywords", [])[:20]
        ],
        "summary": result.get("summary", {}),
    }


@task()
def theme_suggestions_compute(run_id: int) -> dict[str, Any]:
    """The background task: suggest themes over the run's initiative's stories for analysis,
    reporting progress on the run, and store the result there."""
    from constellate.analysis.themes import suggest_themes
    from constellate.stories.selectors import stories_for_analysis

    run = ThemeSuggestionRun.objects.select_related("initiative").filter(pk=run_id).first()
    if run is None:
        return {"stories": 0}
    now = timezone.now()
    ThemeSuggestionRun.objects.filter(pk=run.pk).update(
        state=SuggestionRunState.RUNNING, started_at=now, progress=0
    )
    last = [0]

    def progress(done: int, total: int) -> None:
        percent = min(99, int(100 * done / total)) if total else 0
        if percent > last[0]:
            last[0] = percent
            ThemeSuggestionRun.objects.filter(pk=run.pk).update(progress=percent)

    try:
        rows = stories_for_analysis(initiative=run.initiative).values_list(
            "pk", "title", "text", "language"
        )
        documents = [
            {"id": pk, "text": f"{title}\n{text}" if title else text, "language": lang or None}
            for pk, title, text, lang in rows.iterator(chunk_size=2000)
        ]
        result = suggest_themes(documents, progress=progress)
    except Exception:
        logger.exception("theme suggestions failed", extra={"run": run.pk})
        ThemeSuggestionRun.objects.filter(pk=run.pk).update(
            state=SuggestionRunState.FAILED, finished_at=timezone.now()
        )
        raise
    kept = _suggestion_result(result)
    ThemeSuggestionRun.objects.filter(pk=run.pk).update(
        state=SuggestionRunState.DONE,
        progress=100,
        story_count=len(documents),
        result=kept,
        finished_at=timezone.now(),
    )
    return {"stories": len(documents), "themes": len(kept["themes"])}


def _suggestion(run: ThemeSuggestionRun, index: int) -> dict[str, Any]:
    if run.state != SuggestionRunState.DONE or not run.result:
        raise ValidationError(_("These suggestions are not ready."))
    themes = run.result.get("themes", [])
    if not 0 <= index < len(themes):
        raise ValidationError(_("There is no such suggestion."))
    if ThemeSuggestionChoice.objects.filter(run=run, index=index).exists():
        raise ValidationError(_("This suggestion was already accepted or ignored."))
    return themes[index]


@transaction.atomic
def theme_suggestion_accept(
    *,
    run: ThemeSuggestionRun,
    index: int,
    actor: User,
    name: str,
    kind: str,
    description: str = "",
    story_ids: Iterable[int] = (),
) -> Theme:
    """Accept a suggested theme: a new theme, and the stories the curator confirmed (of
    the suggestion's members that are still usable for analysis) coded with it."""
    from constellate.stories.selectors import stories_for_analysis

    suggestion = _suggestion(run, index)
    chosen = set(story_ids)
    if chosen - set(suggestion["members"]):
        raise ValidationError({"stories": _("Choose stories of this suggestion.")})
    usable = set(
        stories_for_analysis(initiative=run.initiative)
        .filter(pk__in=chosen)
        .values_list("pk", flat=True)
    )
    theme = theme_create(
        initiative=run.initiative,
        actor=actor,
        name=name,
        kind=kind,
        description=description,
        from_suggestion=True,
    )
    _code_stories(theme=theme, story_ids=usable, actor=actor)
    try:
        with transaction.atomic():
            ThemeSuggestionChoice.objects.create(
                run=run,
                index=index,
                decision=SuggestionDecision.ACCEPTED,
                theme=theme,
                decided_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError(_("This suggestion was already accepted or ignored.")) from exc
    return theme


@transaction.atomic
def theme_suggestion_ignore(
    *, run: ThemeSuggestionRun, index: int, actor: User
) -> ThemeSuggestionChoice:
    _suggestion(run, index)
    return ThemeSuggestionChoice.objects.create(
        run=run, index=index, decision=SuggestionDecision.IGNORED, decided_by=actor
    )
