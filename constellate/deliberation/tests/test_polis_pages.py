"""The Pol.is import and export pages: who may use them (every role), an upload through the
page (no JavaScript needed), a refused upload with its message, and the download.

Roles as in initiatives/tests/support.py ROLES; the initiative is PRIVATE. Cells: status
code, L for a redirect to sign in."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from constellate.core.models import AuditEvent
from constellate.deliberation import services_conversations as services
from constellate.deliberation.models import Statement, Vote
from constellate.deliberation.tests.factories import planted_votes
from constellate.deliberation.tests.test_polis_conversations import COMMENTS, SUMMARY, VOTES
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

EDITORS = "L L 404 200 403 200 403 403 403 200 404"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


def _zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _conversation(world, **kwargs):
    activity = ActivityFactory(
        initiative=world.private, kind=ActivityKind.CONVERSATION, title="Besloten gesprek", **kwargs
    )
    return activity, services.conversation_ensure(activity=activity)


@pytest.fixture
def conv(world, dummy_tasks):
    activity, conversation = _conversation(world)
    planted_votes(conversation, sizes=(6, 6))
    return activity


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["polis_import", "polis_export", "polis_export_download"])
def test_only_who_runs_the_conversation_imports_and_exports(world, conv, name):
    url = reverse(f"deliberation:{name}", args=[conv.pk])
    for role, expected in _expect(EDITORS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        if expected == "200" and name == "polis_export_download":
            assert response["Content-Type"] == "application/zip"
            names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
            assert sorted(names) == sorted(
                ["comments.csv", "votes.csv", "participants-votes.csv", "summary.csv"]
            )
            assert AuditEvent.objects.filter(
                action="conversation_exported", actor=world.users[role]
            ).exists()


@pytest.mark.django_db
def test_another_organisation_cannot_import(world, dummy_tasks):
    activity = ActivityFactory(initiative=world.b_initiative, kind=ActivityKind.CONVERSATION)
    url = reverse("deliberation:polis_import", args=[activity.pk])
    for role in ("org_admin", "lead"):
        response = client_for(world, role).post(
            url, {"files": SimpleUploadedFile("x.zip", _zip({"comments.csv": COMMENTS}))}
        )
        assert response.status_code == 404, role
    assert not Statement.objects.filter(conversation__activity=activity).exists()


@pytest.mark.django_db
def test_only_editors_import_by_posting(world, dummy_tasks):
    for role, expected in _expect(EDITORS).items():
        activity, conversation = _conversation(world)
        data = _zip({"comments.csv": COMMENTS, "votes.csv": VOTES, "summary.csv": SUMMARY})
        response = client_for(world, role).post(
            reverse("deliberation:polis_import", args=[activity.pk]),
            {"files": SimpleUploadedFile("export.zip", data), "source": "CC BY 4.0, test"},
        )
        imported = conversation.statements.count()
        if expected == "200":
            assert response.status_code == 302, role
            assert imported == 4, role
        else:
            _check(response, expected, role)
            assert imported == 0, role


@pytest.mark.django_db
def test_an_upload_through_the_page_in_english(world, dummy_tasks):
    activity, conversation = _conversation(world)
    client = client_for(world, "lead")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("deliberation:polis_import", args=[activity.pk])
    page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page and "Source and licence" in page
    # a refused upload: the message, the form again, nothing saved
    bad = _zip({"comments.csv": COMMENTS, "votes.csv": VOTES + "16,,9,0,1\n"})
    response = client.post(url, {"files": SimpleUploadedFile("export.zip", bad)})
    assert response.status_code == 200
    assert "which is not in comments.csv" in response.content.decode()
    assert (
        not conversation.statements.exists()
        and not Vote.objects.filter(conversation=conversation).exists()
    )
    # the CSV files themselves, several in one field
    response = client.post(
        url,
        {
            "files": [
                SimpleUploadedFile("comments.csv", COMMENTS.encode()),
                SimpleUploadedFile("votes.csv", VOTES.encode()),
            ],
            "source": "CC BY 4.0, Pol.is conversation The desk",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Imported 4 statements and 5 votes of 2 participants" in page
    assert "Source and licence: CC BY 4.0, Pol.is conversation The desk" in page
    assert "Forms should be shorter" in page
    # the report names the source too, and a second import is refused
    report = client.get(reverse("deliberation:report", args=[activity.pk])).content.decode()
    assert "CC BY 4.0, Pol.is conversation The desk" in report
    assert "already has statements" in client.get(url).content.decode()
    # the export page explains what is left out
    page = client.get(reverse("deliberation:polis_export", args=[activity.pk])).content.decode()
    assert "random order" in page and "cut to the day" in page


@pytest.mark.django_db
def test_an_upload_that_is_too_large_is_refused_before_reading(world, dummy_tasks, settings):
    settings.POLIS_IMPORT_LIMITS = {"zip_bytes": 1000}
    activity, conversation = _conversation(world)
    client = client_for(world, "lead")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        reverse("deliberation:polis_import", args=[activity.pk]),
        {"files": SimpleUploadedFile("export.zip", b"PK" + b"x" * 300_000)},
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    # no file at all
    response = client.post(reverse("deliberation:polis_import", args=[activity.pk]), {})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not conversation.statements.exists()
