"""Theme suggestions run in a background task over the stories whose teller allows
analysis, report their progress, and are only applied when a curator accepts one."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stories import services_curation as curation
from constellate.stories.choices import SuggestionRunState
from constellate.stories.models import StoryCoding, Theme, ThemeSuggestionChoice
from constellate.stories.tests.factories import gathering_activity, told_story

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

BUS = [
    "De bus naar het centrum rijdt te weinig en de bus is vaak te laat.",
    "Met de bus kom ik te laat op mijn werk, de buslijn is geschrapt.",
    "Zonder bus kan ik niet naar de dokter, de bushalte is ver weg.",
    "De bus stopt niet meer in onze wijk, de halte van de bus is weg.",
    "Ik wacht elke ochtend lang op de bus, de bus komt te laat.",
]
GARDEN = [
    "In de moestuin werken buren samen en delen de groenten uit de tuin.",
    "De buurtmoestuin brengt mensen samen, we oogsten samen groenten in de tuin.",
    "In de tuin van het buurthuis kweken we groenten met de buren.",
    "Samen tuinieren in de moestuin geeft ons contact met de buren en groenten.",
    "De groenten uit de gezamenlijke tuin gaan naar buren die het nodig hebben.",
]
SECRET = "Geheim verhaal over de bus zonder toestemming voor analyse XQ9 bus bus."


@pytest.fixture
def scene(db):
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative)
    stories = [told_story(activity, text=text)[0] for text in BUS + GARDEN]
    secret, _ = told_story(activity, text=SECRET, analysis=False)
    return {"initiative": initiative, "lead": lead, "stories": stories, "secret": secret}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.django_db
def test_with_the_immediate_backend_suggestions_are_ready_and_leave_out_unconsented(
    settings, scene
):
    settings.TASKS = IMMEDIATE
    run = curation.theme_suggestions_start(initiative=scene["initiative"], actor=scene["lead"])
    assert run.state == SuggestionRunState.DONE and run.progress == 100
    assert run.story_count == 10  # not the story without consent for analysis
    members = {pk for theme in run.result["themes"] for pk in theme["members"]}
    assert scene["secret"].pk not in members
    assert len(run.result["themes"]) >= 2
    labels = " ".join(theme["label"] for theme in run.result["themes"])
    assert "bus" in labels and ("tuin" in labels or "groente" in labels)
    # Nothing was applied.
    assert not Theme.objects.exists() and not StoryCoding.objects.exists()


@pytest.mark.django_db
def test_accepting_a_suggestion_makes_the_theme_and_codes_only_confirmed_stories(settings, scene):
    settings.TASKS = IMMEDIATE
    initiative = scene["initiative"]
    run = curation.theme_suggestions_start(initiative=initiative, actor=scene["lead"])
    client = _client(scene["lead"])
    page = client.get(reverse("stories:curation_suggestions", args=[initiative.pk]))
    assert page.status_code == 200
    assert "Look and accept" in page.content.decode()
    index = next(i for i, t in enumerate(run.result["themes"]) if "bus" in t["label"])
    members = run.result["themes"][index]["members"]
    url = reverse("stories:curation_suggestion_accept", args=[initiative.pk, run.pk, index])
    form = client.get(url)
    assert form.status_code == 200
    for pk in members:
        assert f'value="{pk}"' in form.content.decode()
    # Without confirming nothing happens.
    refused = client.post(url, {"name": "Openbaar vervoer", "kind": "issue"})
    assert refused.status_code == 200 and not Theme.objects.exists()
    confirmed = members[:-1]
    response = client.post(
        url,
        {"name": "Openbaar vervoer", "kind": "issue", "leave_out": members[-1:], "confirm": "on"},
    )
    assert response.status_code == 302
    theme = Theme.objects.get()
    assert theme.from_suggestion and theme.name == "Openbaar vervoer"
    assert set(StoryCoding.objects.filter(theme=theme).values_list("story_id", flat=True)) == set(
        confirmed
    )
    assert ThemeSuggestionChoice.objects.get(run=run, index=index).decision == "accepted"
    # Accepted once only; another is ignored.
    with translation.override("en"), pytest.raises(Exception, match="already"):
        curation.theme_suggestion_ignore(run=run, index=index, actor=scene["lead"])
    other = 1 - index if len(run.result["themes"]) == 2 else (index + 1) % 2
    client.post(reverse("stories:curation_suggestion_ignore", args=[initiative.pk, run.pk, other]))
    assert ThemeSuggestionChoice.objects.get(run=run, index=other).decision == "ignored"
    assert Theme.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_a_run_waits_runs_and_finishes(settings, scene):
    settings.TASKS = DATABASE
    from django_tasks_db.models import DBTaskResult

    initiative, lead = scene["initiative"], scene["lead"]
    run = curation.theme_suggestions_start(initiative=initiative, actor=lead)
    assert run.state == SuggestionRunState.QUEUED and run.progress == 0
    assert DBTaskResult.objects.count() == 1
    # Asking again while it waits does not queue a second task.
    again = curation.theme_suggestions_start(initiative=initiative, actor=lead)
    assert again.pk == run.pk and DBTaskResult.objects.count() == 1
    client = _client(lead)
    page = client.get(reverse("stories:curation_suggestions", args=[initiative.pk])).content
    page = page.decode()
    assert "waiting their turn" in page and 'hx-trigger="every 3s"' in page
    assert "Reload the page" in page

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    run.refresh_from_db()
    assert run.state == SuggestionRunState.DONE and run.progress == 100
    assert run.started_at is not None and run.finished_at >= run.started_at
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    page = client.get(reverse("stories:curation_suggestions", args=[initiative.pk])).content
    assert b"hx-trigger" not in page and b"Look and accept" in page


@pytest.mark.django_db(transaction=True)
def test_a_failed_run_says_so(settings, scene, monkeypatch):
    settings.TASKS = DATABASE
    import constellate.analysis.themes as themes

    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(themes, "suggest_themes", broken)
    run = curation.theme_suggestions_start(initiative=scene["initiative"], actor=scene["lead"])
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    run.refresh_from_db()
    assert run.state == SuggestionRunState.FAILED
    page = _client(scene["lead"]).get(
        reverse("stories:curation_suggestions", args=[scene["initiative"].pk])
    )
    assert "could not be computed" in page.content.decode()
    # A new run may be asked for.
    monkeypatch.undo()
    settings.TASKS = IMMEDIATE
    fresh = curation.theme_suggestions_start(initiative=scene["initiative"], actor=scene["lead"])
    assert fresh.pk != run.pk and fresh.state == SuggestionRunState.DONE


@pytest.mark.django_db
def test_progress_is_reported_while_running(settings, scene, monkeypatch):
    settings.TASKS = IMMEDIATE
    import constellate.analysis.themes as themes

    real = themes.suggest_themes
    seen = []

    def watched(documents, *, progress=None, **kwargs):
        def report(done, total):
            progress(done, total)
            from constellate.stories.models import ThemeSuggestionRun

            row = ThemeSuggestionRun.objects.get()
            seen.append((row.state, row.progress))

        return real(documents, progress=report, **kwargs)

    monkeypatch.setattr(themes, "suggest_themes", watched)
    curation.theme_suggestions_start(initiative=scene["initiative"], actor=scene["lead"])
    states = {state for state, _ in seen}
    percents = [p for _, p in seen]
    assert states == {"running"}
    assert percents == sorted(percents) and 0 < max(percents) < 100
