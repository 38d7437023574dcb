"""Activities run side by side: several at once, each with its window, phases and people."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.models import AuditEvent
from constellate.initiatives.models import Activity
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)
from constellate.initiatives.tests.support import activity_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    return InitiativeFactory()


@pytest.fixture
def lead(initiative):
    user = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.LEAD)
    return user


@pytest.fixture
def client(lead):
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    return client


def _create(client, initiative, **overrides):
    return client.post(
        reverse("initiatives:activity_create", args=[initiative.pk]),
        activity_payload(**overrides),
    )


def _field_errors(response, field):
    return response.context["form"].errors.get(field, [])


def test_several_activities_can_be_open_at_the_same_time(client, initiative, lead):
    today = timezone.localdate()
    for title in ("Verhalen ophalen", "Ideeënronde", "Enquête"):
        response = _create(
            client,
            initiative,
            title=title,
            opens_on=(today - datetime.timedelta(days=2)).isoformat(),
            closes_on=(today + datetime.timedelta(days=10)).isoformat(),
        )
        assert response.status_code == 302
    assert Activity.objects.filter(initiative=initiative).count() == 3
    detail = client.get(reverse("initiatives:detail", args=[initiative.pk]))
    body = detail.content.decode()
    for title in ("Verhalen ophalen", "Ideeënronde", "Enquête"):
        assert title in body
    # All three show as open now, each in its own lane of the timeline.
    assert body.count('class="bar ') == 3
    dashboard = client.get(reverse("initiatives:dashboard"))
    assert len(dashboard.context["open_now"]) == 3


def test_activity_is_saved_with_its_phases_in_cycle_order_and_audited(client, initiative, lead):
    response = _create(client, initiative, phases=["co_evaluation", "co_initiation"])
    activity = Activity.objects.get()
    assert response["Location"] == activity.get_absolute_url()
    assert activity.phases == ["co_initiation", "co_evaluation"]
    assert AuditEvent.objects.filter(action="activity.created", actor=lead).exists()


def test_closing_before_opening_is_refused_next_to_the_closing_date(client, initiative):
    response = _create(client, initiative, opens_on="2026-05-10", closes_on="2026-05-01")
    assert response.status_code == 200
    assert _field_errors(response, "closes_on")
    assert not _field_errors(response, "opens_on")
    body = response.content.decode()
    assert 'id="id_closes_on_errors"' in body
    assert Activity.objects.count() == 0


def test_an_activity_may_open_and_close_on_the_same_day(client, initiative):
    response = _create(client, initiative, opens_on="2026-05-10", closes_on="2026-05-10")
    assert response.status_code == 302


def test_an_activity_without_an_end_keeps_going(client, initiative):
    response = _create(client, initiative, closes_on="")
    assert response.status_code == 302
    assert Activity.objects.get().closes_on is None


def test_at_least_one_phase_is_required(client, initiative):
    response = _create(client, initiative, phases=[])
    assert response.status_code == 200
    assert _field_errors(response, "phases")
    assert 'id="id_phases_errors"' in response.content.decode()
    assert Activity.objects.count() == 0


def test_run_by_must_be_someone_of_the_organisation(client, initiative):
    outsider = member(OrganisationFactory())
    response = _create(client, initiative, run_by=outsider.pk)
    assert response.status_code == 200
    assert _field_errors(response, "run_by")
    assert Activity.objects.count() == 0
    colleague = member(initiative.organisation, OrgRole.PARTNER)
    response = _create(client, initiative, run_by=colleague.pk)
    assert response.status_code == 302
    assert Activity.objects.get().run_by == colleague


def test_run_by_choices_list_only_the_organisations_people(client, initiative):
    outsider = member(OrganisationFactory(), display_name="Buiten Staander")
    colleague = member(initiative.organisation, OrgRole.PARTNER, display_name="Binnen Collega")
    form = client.get(reverse("initiatives:activity_create", args=[initiative.pk])).context["form"]
    choices = list(form.fields["run_by"].queryset)
    assert colleague in choices
    assert outsider not in choices


def test_editing_an_activity_keeps_the_join_link(client, initiative):
    activity = ActivityFactory(initiative=initiative)
    token = activity.join_token
    response = client.post(
        reverse("initiatives:activity_edit", args=[activity.pk]),
        activity_payload(title="Nieuwe naam", joining_open=""),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.join_token, activity.joining_open) == (
        "Nieuwe naam",
        token,
        False,
    )


def test_a_refused_edit_changes_nothing(client, initiative):
    activity = ActivityFactory(initiative=initiative, title="Oude naam")
    response = client.post(
        reverse("initiatives:activity_edit", args=[activity.pk]),
        activity_payload(title="Nieuwe naam", opens_on="2026-05-10", closes_on="2026-01-01"),
    )
    assert response.status_code == 200
    activity.refresh_from_db()
    assert activity.title == "Oude naam"
    # What was typed stays on screen to be corrected.
    assert 'value="Nieuwe naam"' in response.content.decode()


def test_deleting_an_activity_asks_first_then_deletes(client, initiative):
    activity = ActivityFactory(initiative=initiative)
    url = reverse("initiatives:activity_delete", args=[activity.pk])
    assert client.get(url).status_code == 200
    assert Activity.objects.filter(pk=activity.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert AuditEvent.objects.filter(action="activity.deleted").exists()


def test_activity_page_shows_the_join_link_and_a_qr_code(client, initiative):
    activity = ActivityFactory(initiative=initiative)
    response = client.get(activity.get_absolute_url())
    body = response.content.decode()
    assert f"http://testserver/join/{activity.join_token}/" in body
    assert "<svg" in body
    qr = client.get(reverse("initiatives:activity_qr", args=[activity.pk]))
    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<script" not in qr.content


def test_public_page_shows_only_public_activities(initiative):
    ActivityFactory(initiative=initiative, title="Zichtbare activiteit")
    ActivityFactory(initiative=initiative, title="Interne activiteit", is_public=False)
    body = Client().get(initiative.get_public_url()).content.decode()
    assert "Zichtbare activiteit" in body
    assert "Interne activiteit" not in body
