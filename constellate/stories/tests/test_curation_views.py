"""Curation pages as a curator uses them, without JavaScript: coding, quotes by sentence
numbers or a pasted passage, clips in minutes:seconds, "Find personal data" and the redacted
text on every other page, insights with their evidence (and when it was withdrawn), and query
counts that stay flat with more data."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from constellate.accounts import services as account_services
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import page_queries
from constellate.stakeholders.tests.factories import StakeholderFactory
from constellate.stories import services
from constellate.stories import services_curation as curation
from constellate.stories.choices import Audience, Medium, ThemeKind
from constellate.stories.models import Clip, Insight, Quote, StoryCoding, StoryMedia
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import gathering_activity, told_story

pytestmark = pytest.mark.django_db

TEXT = (
    "Ik ben Anna de Vries en woon hier al lang. Mijn buurman Pieter Bakker hielp me.\n\n"
    "Het loket was dicht! Niemand nam de telefoon op. Bel me op 06-12345678."
)


@pytest.fixture
def scene(story_storage):
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative)
    story, secret = told_story(activity, text=TEXT, audience=Audience.ORGANISATION)
    client = Client()
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    return {
        "initiative": initiative,
        "lead": lead,
        "activity": activity,
        "story": story,
        "secret": secret,
        "client": client,
    }


def _audio(story, seconds=90.0):
    content = tiny_wav(0.1)
    media = StoryMedia(
        story=story, medium=Medium.AUDIO, mime="audio/wav", size=len(content), duration=seconds
    )
    media.file.save("a.wav", ContentFile(content), save=False)
    media.save()
    return media


def test_the_reading_view_numbers_sentences_and_codes_with_ticked_themes(scene):
    client, story = scene["client"], scene["story"]
    theme = curation.theme_create(
        initiative=scene["initiative"], actor=scene["lead"], name="Loket", kind=ThemeKind.ISSUE
    )
    page = client.get(reverse("stories:curation_story", args=[story.pk])).content.decode()
    assert '<li id="sentence-3">Het loket was dicht!</li>' in page
    assert 'name="themes"' in page and "Loket (Issue)" in page
    response = client.post(
        reverse("stories:curation_story_themes", args=[story.pk]), {"themes": [theme.pk]}
    )
    assert response.status_code == 302
    assert StoryCoding.objects.filter(story=story, theme=theme).exists()
    listing = client.get(reverse("stories:curation", args=[scene["initiative"].pk]) + "?coded=no")
    assert f"/stories/{story.pk}/curate/" not in listing.content.decode()
    listing = client.get(
        reverse("stories:curation", args=[scene["initiative"].pk]) + f"?theme={theme.pk}"
    )
    assert f"/stories/{story.pk}/curate/" in listing.content.decode()


def test_a_quote_is_marked_by_sentences_or_by_a_pasted_passage(scene):
    client, story = scene["client"], scene["story"]
    url = reverse("stories:curation_quote_new", args=[story.pk])
    assert client.post(url, {"first": "3", "last": "4"}).status_code == 302
    assert Quote.objects.get().text == "Het loket was dicht! Niemand nam de telefoon op."
    pasted = "Mijn   buurman Pieter\nBakker hielp me."
    assert client.post(url, {"passage": pasted}).status_code == 302
    assert Quote.objects.latest("pk").text == "Mijn buurman Pieter Bakker hielp me."
    missing = client.post(url, {"passage": "Dit staat er niet in."})
    assert missing.status_code == 400
    assert "This passage is not in the story" in missing.content.decode()
    backwards = client.post(url, {"first": "4", "last": "2"})
    assert backwards.status_code == 400
    assert "cannot come before the first" in backwards.content.decode()
    nothing = client.post(url, {})
    assert "Paste the passage, or choose" in nothing.content.decode()
    assert Quote.objects.count() == 2


def test_no_quote_form_where_the_teller_does_not_allow_quotes(scene):
    story, _ = told_story(scene["activity"], text=TEXT, quotes=False)
    _audio(story)
    page = scene["client"].get(reverse("stories:curation_story", args=[story.pk]))
    text = page.content.decode()
    assert "does not allow quotes or clips" in text
    assert "Mark the quote" not in text and "Mark the clip" not in text
    refused = scene["client"].post(
        reverse("stories:curation_quote_new", args=[story.pk]), {"first": "1"}
    )
    assert refused.status_code == 400 and not Quote.objects.exists()


def test_a_clip_is_marked_in_minutes_and_seconds(scene):
    client, story = scene["client"], scene["story"]
    media = _audio(story, seconds=90.0)
    url = reverse("stories:curation_clip_new", args=[story.pk])
    ok = client.post(url, {"media": media.pk, "start": "0:15", "end": "1:05", "label": "Loket"})
    assert ok.status_code == 302
    clip = Clip.objects.get()
    assert (clip.start, clip.end) == (15, 65)
    page = client.get(reverse("stories:curation_story", args=[story.pk])).content.decode()
    assert "(0:15–1:05)" in page
    late = client.post(url, {"media": media.pk, "start": "1:00", "end": "2:00", "label": "x"})
    assert late.status_code == 400 and "after the end of the file (1:30)" in late.content.decode()
    bad = client.post(url, {"media": media.pk, "start": "een", "end": "2:00", "label": "x"})
    assert "minutes:seconds" in bad.content.decode()
    assert Clip.objects.count() == 1


def test_find_personal_data_proposes_known_names_and_the_redacted_text_is_shown_elsewhere(
    scene,
):
    client, story = scene["client"], scene["story"]
    StakeholderFactory(initiative=scene["initiative"], name="Pieter Bakker")
    url = reverse("stories:curation_redact", args=[story.pk])
    page = client.get(url).content.decode()
    assert "Pieter Bakker" in page and "06-12345678" in page
    assert "gone for good" in page  # organisation-wide and anonymous: not kept
    keys = [
        f"{TEXT.index('Pieter')}:{TEXT.index('Pieter') + len('Pieter Bakker')}:name",
        f"{TEXT.index('06-')}:{TEXT.index('06-') + len('06-12345678')}:phone",
    ]
    assert all(f'value="{key}"' in page for key in keys)
    assert client.post(url, {"accept": keys}).status_code == 302
    detail = client.get(reverse("stories:detail", args=[story.pk])).content.decode()
    assert "Pieter Bakker" not in detail and "06-12345678" not in detail
    assert "Anna de Vries" in detail  # not ticked, so not redacted
    teller = Client().get(reverse("stories:link", args=[scene["secret"]])).content.decode()
    assert "Pieter Bakker" not in teller
    reading = client.get(reverse("stories:curation_story", args=[story.pk])).content.decode()
    assert "Pieter Bakker" not in reading and "The original text" not in reading


def test_a_changed_proposal_list_is_refused_without_changing_the_text(scene):
    client, story = scene["client"], scene["story"]
    response = client.post(
        reverse("stories:curation_redact", args=[story.pk]), {"accept": ["0:99999:name"]}
    )
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.text == TEXT


def test_insights_show_their_evidence_and_say_when_it_was_withdrawn(scene):
    client, story = scene["client"], scene["story"]
    quote = curation.quote_create(story=story, actor=scene["lead"], start=0, end=20)
    url = reverse("stories:curation_insight_new", args=[scene["initiative"].pk])
    form = client.get(url + f"?quote={quote.pk}").content.decode()
    assert f'value="{quote.pk}" id="id_quotes_0" checked' in form or "checked" in form
    empty = client.post(url, {"title": "Loket", "text": "Dicht."})
    assert "at least one story, quote or clip" in empty.content.decode()
    assert (
        client.post(
            url,
            {
                "title": "Loket dicht",
                "text": "Mensen staan voor een dichte deur.",
                "quotes": [quote.pk],
            },
        ).status_code
        == 302
    )
    insight = Insight.objects.get()
    listing = reverse("stories:curation_insights", args=[scene["initiative"].pk])
    page = client.get(listing).content.decode()
    assert "Loket dicht" in page and quote.text in page
    services.story_withdraw(story=story)
    page = client.get(listing).content.decode()
    assert "Loket dicht" in page and quote.text not in page
    assert "withdrew every story this insight rested on" in page
    insight.refresh_from_db()
    assert insight.evidence_withdrawn == 1


def test_curation_pages_cost_the_same_queries_with_more_data(scene):
    client, initiative, lead = scene["client"], scene["initiative"], scene["lead"]
    activity = scene["activity"]
    theme = curation.theme_create(
        initiative=initiative, actor=lead, name="Loket", kind=ThemeKind.ISSUE
    )
    first = scene["story"]

    def grow(n):
        for i in range(n):
            story, _ = told_story(activity, text=TEXT)
            _audio(story)
            curation.story_themes_set(story=story, themes=[theme], actor=lead)
            quote = curation.quote_create(story=story, actor=lead, start=0, end=10)
            clip = curation.clip_create(
                media=story.media.first(), actor=lead, start=0, end=5, label=f"c{i}"
            )
            curation.quote_create(story=first, actor=lead, start=0, end=10 + i)
            curation.insight_save(
                initiative=initiative,
                actor=lead,
                title=f"I{i}",
                text="x",
                stories=[story],
                quotes=[quote],
                clips=[clip],
            )

    urls = [
        reverse("stories:curation", args=[initiative.pk]),
        reverse("stories:curation_insights", args=[initiative.pk]),
        reverse("stories:curation_insight_new", args=[initiative.pk]),
        reverse("stories:curation_story", args=[first.pk]),
    ]
    grow(2)
    few = [page_queries(client, url)[0] for url in urls]
    grow(8)
    many = [page_queries(client, url) for url in urls]
    assert few == [count for count, _sql in many], ["\n".join(sql) for count, sql in many]


def test_erasing_a_teller_also_forgets_curation(scene):
    activity = scene["activity"]
    participant, _ = account_services.participant_create(activity=activity)
    story, _ = told_story(activity, participant=participant, text=TEXT)
    curation.quote_create(story=story, actor=scene["lead"], start=0, end=10)
    insight = curation.insight_save(
        initiative=scene["initiative"], actor=scene["lead"], title="T", text="x", stories=[story]
    )
    user = account_services.participant_claim(
        participant=participant,
        email="teller@example.org",
        password="een lange zin die ik goed kan onthouden",
    )
    services.stories_erase(user=user)
    insight.refresh_from_db()
    assert insight.evidence_withdrawn == 1 and not Quote.objects.filter(story=story).exists()


def test_names_from_the_register_and_the_teller_are_looked_for(scene):
    from constellate.stakeholders.choices import Entity

    activity = scene["activity"]
    text = "Het ging slecht. Yusuf hielp me met alles. Daarna kwam Zwaan ook."
    story, _ = told_story(activity, text=text, named=True, teller_name="Lotte Zwaan")
    url = reverse("stories:curation_redact", args=[story.pk])
    page = scene["client"].get(url).content.decode()
    assert 'value="17:22:name"' not in page  # not a name to the heuristic alone
    assert f'value="{text.index("Zwaan")}:{len(text) - 5}:name"' in page  # the teller's name
    StakeholderFactory(initiative=scene["initiative"], name="Yusuf Amrani")
    StakeholderFactory(initiative=scene["initiative"], name="Daarna", entity=Entity.GROUP)
    page = scene["client"].get(url).content.decode()
    assert 'value="17:22:name"' in page
    assert 'value="43:49:name"' not in page  # a group's name is not a person's
    assert "can undo the redactions later" in page  # named: the original may be kept
