"""Bad input on the decision log's pages: a clear, translated message, nothing half-saved,
never a server error."""

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.decisions.models import Decision, EvidenceLink, Milestone
from constellate.decisions.tests.factories import decision, form_data
from constellate.initiatives.tests.support import (
    BIG_NUMBER,
    HUGE,
    NUL,
    SCRIPT,
    client_for,
    shared_world_fixture,
)
from constellate.stories import services as story_services
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()


def _client(world):
    client = client_for(world, "lead")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _rows():
    return (Decision.objects.count(), Milestone.objects.count(), EvidenceLink.objects.count())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"percent_done": "101"}, "Give a whole number from 0 to 100."),
        ({"percent_done": "-1"}, "Give a whole number from 0 to 100."),
        ({"percent_done": "veertig"}, "Give a whole number from 0 to 100."),
        ({"percent_done": BIG_NUMBER}, "Give a whole number from 0 to 100."),
        ({"decided_on": "2026-02-30"}, "Give a date as year-month-day"),
        ({"decided_on": "gisteren"}, "Give a date as year-month-day"),
        ({"decided_on": "1700-01-01"}, "Give a date between"),
        ({"decided_on": ""}, "This field is required."),
        ({"title": HUGE}, "at most 200 characters"),
        ({"title": " "}, "This field is required."),
        ({"participation": "ruled"}, "Select a valid choice."),
        ({"status": "stopped", "status_note": ""}, "Say why the decision was stopped."),
        ({"title": NUL}, ""),
    ],
)
def test_bad_decision_input(world, changes, message):
    client = _client(world)
    before = _rows()
    response = client.post(reverse("decisions:new", args=[world.public.pk]), form_data(**changes))
    if changes == {"title": NUL}:
        # The NUL character is refused by the form field or dropped; never a server error.
        assert response.status_code in (302, 400)
        return
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _rows() == before


@pytest.mark.django_db
def test_text_is_escaped(world):
    client = _client(world)
    response = client.post(
        reverse("decisions:new", args=[world.public.pk]), form_data(title=SCRIPT)
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;" in page


@pytest.mark.django_db
def test_tampered_and_foreign_evidence_is_refused_and_nothing_is_linked(world):
    client = _client(world)
    lead = world.users["lead"]
    d = decision(world.public, lead)
    own = told_story(gathering_activity(initiative=world.public), text="Eigen.")[0]
    private = told_story(gathering_activity(initiative=world.private), text="Ander.")[0]
    foreign = told_story(gathering_activity(initiative=world.b_initiative), text="B.")[0]
    withdrawn = told_story(gathering_activity(initiative=world.public), text="Weg.")[0]
    story_services.story_withdraw(story=withdrawn)
    url = reverse("decisions:evidence_add", args=[d.pk])
    for values in (
        [f"story:{private.pk}"],  # another initiative
        [f"story:{foreign.pk}"],  # another organisation
        [f"story:{withdrawn.pk}"],  # withdrawn
        [f"story:{own.pk}", f"story:{private.pk}"],  # one bad value refuses them all
        ["story:999999999"],
        [f"story:{BIG_NUMBER}"],
        ["nothing:1"],
        ["story"],
        [SCRIPT],
    ):
        response = client.post(url, {"items": values, "outcome": "taken_up"})
        assert response.status_code == 400, values
        assert "This evidence cannot be linked. Choose from the list." in response.content.decode()
        assert not EvidenceLink.objects.filter(decision=d).exists(), values
        if f"story:{own.pk}" in values:
            # What may be linked stays chosen on the page, with the message.
            assert f'value="story:{own.pk}"' in response.content.decode()
    response = client.post(url, {"outcome": "taken_up"})
    assert response.status_code == 400
    assert "Choose at least one piece of evidence." in response.content.decode()
    # Not (fully) taken up needs a reason.
    response = client.post(url, {"items": [f"story:{own.pk}"], "outcome": "partly"})
    assert response.status_code == 400
    assert "Say why it was not (fully) taken up." in response.content.decode()
    response = client.post(url, {"items": [f"story:{own.pk}"], "outcome": "maybe"})
    assert response.status_code == 400
    assert not EvidenceLink.objects.filter(decision=d).exists()


@pytest.mark.django_db
def test_bad_milestones_and_ids(world):
    client = _client(world)
    d = decision(world.public, world.users["lead"])
    before = _rows()
    response = client.post(
        reverse("decisions:milestone_add", args=[d.pk]),
        {"milestone-title": "Start", "milestone-due_on": "2026-13-01"},
    )
    assert response.status_code == 400
    assert "Give a date as year-month-day" in response.content.decode()
    response = client.post(
        reverse("decisions:milestone_add", args=[d.pk]),
        {"milestone-title": "", "milestone-due_on": ""},
    )
    assert response.status_code == 400
    assert _rows() == before
    for url in (
        f"/decisions/{BIG_NUMBER}/",
        f"/decisions/{d.pk}/milestones/{BIG_NUMBER}/",
        f"/decisions/{d.pk}/evidence/{BIG_NUMBER}/",
        f"/p/{world.public.pk}/{world.public.slug}/decisions/{BIG_NUMBER}/",
    ):
        method = client.post if "milestones" in url or "evidence" in url else client.get
        assert method(url).status_code == 404, url
    # A milestone of another decision cannot be changed through this one.
    other = decision(world.public, world.users["lead"], title="Ander")
    from constellate.decisions import services

    m = services.milestone_add(decision=other, actor=world.users["lead"], title="M")
    response = client.post(reverse("decisions:milestone_done", args=[d.pk, m.pk]), {"done": "1"})
    assert response.status_code == 404
    m.refresh_from_db()
    assert not m.done
