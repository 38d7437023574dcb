"""Curation's writes: themes and codings, quotes only with quote consent, clips within their
file, insights on evidence, redaction (apply, undo, the original kept only where consent
allows), and withdrawal cleaning up everything derived from a story."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stories import services
from constellate.stories import services_curation as curation
from constellate.stories.choices import Audience, Medium, ThemeKind
from constellate.stories.models import (
    Clip,
    Insight,
    Quote,
    Story,
    StoryCoding,
    StoryMedia,
    StoryRedaction,
    ThemeSuggestionRun,
)
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import gathering_activity, told_story

pytestmark = pytest.mark.django_db

TEXT = "Ik ben Anna de Vries. Bel me op 06-12345678. Het loket was dicht! Niemand hielp mij."


@pytest.fixture
def scene():
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative)
    return {"initiative": initiative, "lead": lead, "activity": activity}


def _audio(story, seconds=2.0) -> StoryMedia:
    content = tiny_wav(seconds)
    media = StoryMedia(
        story=story, medium=Medium.AUDIO, mime="audio/wav", size=len(content), duration=seconds
    )
    media.file.save("a.wav", ContentFile(content), save=False)
    media.save()
    return media


# Themes ------------------------------------------------------------------------------------


def test_themes_are_unique_per_initiative_and_coding_follows_the_ticks(scene):
    lead = scene["lead"]
    story, _ = told_story(scene["activity"], text=TEXT)
    wait = curation.theme_create(
        initiative=scene["initiative"], actor=lead, name="Wachten", kind=ThemeKind.ISSUE
    )
    help_ = curation.theme_create(
        initiative=scene["initiative"], actor=lead, name="Buren helpen", kind=ThemeKind.ASSET
    )
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        curation.theme_create(
            initiative=scene["initiative"], actor=lead, name="wachten", kind=ThemeKind.ISSUE
        )
    assert "already a theme" in str(exc.value)
    with pytest.raises(ValidationError):
        curation.theme_create(initiative=scene["initiative"], actor=lead, name="X", kind="nope")
    curation.story_themes_set(story=story, themes=[wait, help_], actor=lead)
    curation.story_themes_set(story=story, themes=[help_], actor=lead)
    assert list(StoryCoding.objects.filter(story=story).values_list("theme__name", flat=True)) == [
        "Buren helpen"
    ]
    other = curation.theme_create(
        initiative=InitiativeFactory(), actor=lead, name="Elders", kind=ThemeKind.ISSUE
    )
    with pytest.raises(ValidationError):
        curation.story_themes_set(story=story, themes=[other], actor=lead)


# Quotes ------------------------------------------------------------------------------------


def test_a_quote_keeps_the_words_and_needs_quote_consent(scene):
    story, _ = told_story(scene["activity"], text=TEXT)
    start = TEXT.index("Het loket")
    quote = curation.quote_create(story=story, actor=scene["lead"], start=start, end=start + 21)
    assert quote.text == "Het loket was dicht! "[:21].strip()
    refused, _ = told_story(scene["activity"], text=TEXT, quotes=False)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        curation.quote_create(story=refused, actor=scene["lead"], start=0, end=5)
    assert "does not allow quotes" in str(exc.value)
    assert not Quote.objects.filter(story=refused).exists()
    with pytest.raises(ValidationError):
        curation.quote_create(story=story, actor=scene["lead"], start=5, end=len(TEXT) + 1)


def test_quotes_follow_the_current_consent(scene):
    story, _ = told_story(scene["activity"], text=TEXT)
    services.consent_give(
        story=story,
        audience=Audience.ORGANISATION,
        analysis=True,
        quotes=False,
        named=False,
        keep="2y",
    )
    with pytest.raises(ValidationError):
        curation.quote_create(story=story, actor=scene["lead"], start=0, end=5)


def test_a_passage_is_found_despite_spaces_and_sentences_are_numbered():
    text = "Eerste zin.  Tweede\nzin loopt door! Derde zin"
    assert curation.locate_passage(text, "Tweede zin  loopt") == (13, 29)
    assert curation.locate_passage(text, "niet aanwezig") is None
    spans = curation.sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Eerste zin.",
        "Tweede",
        "zin loopt door!",
        "Derde zin",
    ]


# Clips -------------------------------------------------------------------------------------


def test_clip_times_must_lie_within_the_file_and_start_before_the_end(scene, story_storage):
    story, _ = told_story(scene["activity"], text=TEXT)
    media = _audio(story, seconds=2.0)
    clip = curation.clip_create(media=media, actor=scene["lead"], start=0.5, end=1.5, label="Kern")
    assert (clip.start, clip.end, clip.story_id) == (0.5, 1.5, story.pk)
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            curation.clip_create(media=media, actor=scene["lead"], start=1, end=1, label="x")
        assert "after the start" in str(exc.value)
        with pytest.raises(ValidationError) as exc:
            curation.clip_create(media=media, actor=scene["lead"], start=1, end=9, label="x")
        assert "after the end of the file (0:02)" in str(exc.value)
    media.duration = None  # unknown length: only start < end is checked
    media.save()
    assert curation.clip_create(media=media, actor=scene["lead"], start=1, end=9, label="y")
    image = StoryMedia.objects.create(
        story=story, medium=Medium.IMAGE, mime="image/png", size=1, file="x.png"
    )
    with pytest.raises(ValidationError):
        curation.clip_create(media=image, actor=scene["lead"], start=0, end=1, label="x")
    no_quotes, _ = told_story(scene["activity"], text=TEXT, quotes=False)
    with pytest.raises(ValidationError):
        curation.clip_create(
            media=_audio(no_quotes), actor=scene["lead"], start=0, end=1, label="x"
        )


@pytest.mark.parametrize(
    ("given", "seconds"),
    [("0:05", 5), ("1:15", 75), ("75", 75), ("1:02:03", 3723), ("0:01,5", 1.5)],
)
def test_clip_times_are_read_as_minutes_and_seconds(given, seconds):
    assert curation.parse_clip_time(given) == seconds


@pytest.mark.parametrize("given", ["", "abc", "1:75", "-3", "1:2:3:4"])
def test_bad_clip_times_are_refused(given):
    with pytest.raises(ValidationError):
        curation.parse_clip_time(given)


# Insights ----------------------------------------------------------------------------------


def test_an_insight_needs_evidence_of_its_own_initiative(scene):
    story, _ = told_story(scene["activity"], text=TEXT)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        curation.insight_save(
            initiative=scene["initiative"], actor=scene["lead"], title="T", text="Inzicht"
        )
    assert "at least one" in str(exc.value)
    elsewhere, _ = told_story(gathering_activity(), text="Elders")
    with pytest.raises(ValidationError):
        curation.insight_save(
            initiative=scene["initiative"],
            actor=scene["lead"],
            title="T",
            text="Inzicht",
            stories=[elsewhere],
        )
    quote = curation.quote_create(story=story, actor=scene["lead"], start=0, end=10)
    insight = curation.insight_save(
        initiative=scene["initiative"],
        actor=scene["lead"],
        title="Het loket",
        text="Mensen vinden het loket dicht.",
        quotes=[quote],
    )
    assert list(insight.quotes.all()) == [quote]


# Redaction ---------------------------------------------------------------------------------


def _proposed(story):
    from constellate.stories.selectors_curation import redaction_proposals

    base = curation.redaction_base(story)
    return [(p.span.start, p.span.end, p.span.kind) for p in redaction_proposals(story, base)]


def test_redaction_replaces_the_text_and_undo_brings_the_original_back(scene):
    # Team only: the original may be kept for the curators.
    story, _ = told_story(scene["activity"], text=TEXT, audience=Audience.TEAM)
    start = TEXT.index("Het loket")
    quote = curation.quote_create(story=story, actor=scene["lead"], start=start, end=len(TEXT))
    spans = _proposed(story)
    kinds = {kind for _s, _e, kind in spans}
    assert {"name", "phone"} <= kinds
    with translation.override("en"):
        redaction = curation.story_redactions_apply(story=story, actor=scene["lead"], spans=spans)
    story.refresh_from_db()
    assert "Anna" not in story.text and "06-12345678" not in story.text
    assert "[naam]" in story.text or "[name]" in story.text  # in the story's language
    assert redaction.original_kept and redaction.original_text == TEXT
    quote.refresh_from_db()
    assert quote.text == "Het loket was dicht! Niemand hielp mij."
    assert story.text[quote.start : quote.end] == quote.text
    curation.story_redactions_undo(story=story, actor=scene["lead"])
    story.refresh_from_db()
    assert story.text == TEXT
    quote.refresh_from_db()
    assert (quote.start, quote.text) == (start, "Het loket was dicht! Niemand hielp mij.")
    assert not StoryRedaction.objects.filter(story=story).exists()


def test_without_consent_to_keep_it_the_original_is_gone_and_cannot_come_back(scene):
    story, _ = told_story(scene["activity"], text=TEXT, audience=Audience.ORGANISATION, named=False)
    curation.story_redactions_apply(story=story, actor=scene["lead"], spans=_proposed(story))
    redaction = StoryRedaction.objects.get(story=story)
    assert not redaction.original_kept and redaction.original_text == ""
    assert "Anna" not in str(redaction.spans) and "06-12345678" not in str(redaction.spans)
    story.refresh_from_db()
    assert "Anna" not in story.text
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        curation.story_redactions_undo(story=story, actor=scene["lead"])
    assert "not kept" in str(exc.value)


def test_a_consent_that_no_longer_allows_it_deletes_the_kept_original(scene):
    story, _ = told_story(scene["activity"], text=TEXT, audience=Audience.TEAM)
    curation.story_redactions_apply(story=story, actor=scene["lead"], spans=_proposed(story))
    assert StoryRedaction.objects.get(story=story).original_text == TEXT
    services.consent_give(
        story=story,
        audience=Audience.PUBLIC,
        analysis=True,
        quotes=True,
        named=False,
        keep="2y",
    )
    redaction = StoryRedaction.objects.get(story=story)
    assert not redaction.original_kept and redaction.original_text == ""
    story.refresh_from_db()
    assert "Anna" not in story.text


def test_redacting_again_with_a_kept_original_replaces_the_choice(scene):
    story, _ = told_story(scene["activity"], text=TEXT, audience=Audience.TEAM)
    spans = _proposed(story)
    phone = [s for s in spans if s[2] == "phone"]
    curation.story_redactions_apply(story=story, actor=scene["lead"], spans=spans)
    curation.story_redactions_apply(story=story, actor=scene["lead"], spans=phone)
    story.refresh_from_db()
    assert "Anna de Vries" in story.text and "06-12345678" not in story.text
    with pytest.raises(ValidationError):
        curation.story_redactions_apply(
            story=story, actor=scene["lead"], spans=[(0, len(TEXT) + 5, "name")]
        )


# Withdrawal --------------------------------------------------------------------------------


def test_withdrawal_removes_everything_derived_and_flags_insights(scene, story_storage):
    lead = scene["lead"]
    story, _ = told_story(scene["activity"], text=TEXT, audience=Audience.TEAM)
    kept, _ = told_story(scene["activity"], text="Een ander verhaal over de bus.")
    media = _audio(story)
    theme = curation.theme_create(
        initiative=scene["initiative"], actor=lead, name="Loket", kind=ThemeKind.ISSUE
    )
    curation.story_themes_set(story=story, themes=[theme], actor=lead)
    quote = curation.quote_create(story=story, actor=lead, start=0, end=10)
    clip = curation.clip_create(media=media, actor=lead, start=0, end=1, label="Begin")
    curation.story_redactions_apply(story=story, actor=lead, spans=_proposed(story))
    only_this = curation.insight_save(
        initiative=scene["initiative"],
        actor=lead,
        title="Alleen dit verhaal",
        text="…",
        stories=[story],
        quotes=[quote],
        clips=[clip],
    )
    both = curation.insight_save(
        initiative=scene["initiative"],
        actor=lead,
        title="Twee verhalen",
        text="…",
        stories=[story, kept],
    )
    run = ThemeSuggestionRun.objects.create(
        initiative=scene["initiative"],
        state="done",
        result={"themes": [{"label": "x", "terms": [], "members": [story.pk, kept.pk]}]},
    )

    services.story_withdraw(story=story)

    assert not StoryCoding.objects.filter(story_id=story.pk).exists()
    assert not Quote.objects.filter(pk=quote.pk).exists()
    assert not Clip.objects.filter(pk=clip.pk).exists()
    assert not StoryRedaction.objects.filter(story_id=story.pk).exists()
    only_this = Insight.objects.get(pk=only_this.pk)
    assert only_this.evidence_withdrawn == 3
    assert not (only_this.stories.exists() or only_this.quotes.exists() or only_this.clips.exists())
    both = Insight.objects.get(pk=both.pk)
    assert both.evidence_withdrawn == 1 and list(both.stories.all()) == [kept]
    run.refresh_from_db()
    assert run.result["themes"][0]["members"] == [kept.pk]
    assert Story.all_objects.get(pk=story.pk).text == ""


def test_expiry_also_cleans_up(scene):
    import datetime

    story, _ = told_story(scene["activity"], text=TEXT)
    curation.quote_create(story=story, actor=scene["lead"], start=0, end=10)
    insight = curation.insight_save(
        initiative=scene["initiative"], actor=scene["lead"], title="T", text="x", stories=[story]
    )
    services.stories_expire(today=datetime.date.today() + datetime.timedelta(days=3650))
    assert not Story.all_objects.filter(pk=story.pk).exists()
    insight.refresh_from_db()
    assert insight.evidence_withdrawn == 1


def test_a_curators_work_is_in_their_data_export_and_leaves_with_them(scene):
    from constellate.accounts import services as account_services

    lead = scene["lead"]
    story, _ = told_story(scene["activity"], text=TEXT)
    theme = curation.theme_create(
        initiative=scene["initiative"], actor=lead, name="Wachten", kind=ThemeKind.ISSUE
    )
    curation.story_themes_set(story=story, themes=[theme], actor=lead)
    insight = curation.insight_save(
        initiative=scene["initiative"], actor=lead, title="Lang wachten", text="x", stories=[story]
    )
    export = account_services.user_data_export(user=lead)
    assert {"what": "theme", "initiative": scene["initiative"].title, "name": "Wachten"} in (
        export["stories_curation"]
    )
    account_services.user_erase(user=lead)
    theme.refresh_from_db()
    insight.refresh_from_db()
    assert theme.created_by is None and insight.created_by is None
    assert StoryCoding.objects.get(story=story).coded_by is None
