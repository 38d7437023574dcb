"""Hostile and honest imports: wrong encoding, missing columns, duplicates, formula injection,
oversized files, too many rows; nothing imported unless every row passes. Exports are
formula-safe and the network files are well-formed GEXF and GraphML."""

import io
import json
from xml.etree import ElementTree as ET  # noqa: S405 (our own output, parsed in a test)

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stakeholders import transfer
from constellate.stakeholders.models import ImportBatch, Relation, Stakeholder
from constellate.stakeholders.tests.factories import StakeholderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    return initiative, lead, client


def _upload(client, initiative, content: bytes, name="stakeholders.csv"):
    return client.post(
        reverse("stakeholders:import", args=[initiative.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


GOOD = (
    b"name;kind;entity;roles;strengths;languages;introduced_by;phone;consent_purpose;consent_on\n"
    b"Anna Bakker;resident;person;user;kent de buurt;nl;;;;\n"
    b"Buurthuis De Brug;Ngo;organisation;delivery;ruimte;nl;Anna Bakker;;;\n"
    b"Cor;Resident;person;;;;Buurthuis De Brug;+31 6 1234 5678;uitnodigingen;2026-01-05\n"
)


def test_good_file_previews_then_imports_with_the_snowball(scene):
    initiative, _lead, client = scene
    response = _upload(client, initiative, "\ufeff".encode() + GOOD)
    assert response.status_code == 200
    body = response.content.decode()
    assert "3 rows are ready to import" in body
    assert not Stakeholder.objects.exists()  # nothing before the confirmation
    batch = ImportBatch.objects.get()
    response = client.post(
        reverse("stakeholders:import_confirm", args=[initiative.pk]), {"batch": batch.pk}
    )
    assert response.status_code == 302
    cor = Stakeholder.objects.get(name="Cor")
    assert cor.introduced_by.name == "Buurthuis De Brug"
    assert cor.introduced_by.introduced_by.name == "Anna Bakker"
    assert cor.phone == "+31 6 1234 5678" and cor.kind == "resident"
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        ("name,kind\nJosé,resident\n".encode("latin-1"), "not saved as UTF-8"),
        ("name,kind\nA,resident\n".encode("utf-16"), "not saved as UTF-8"),
        (b"naam,soort\nA,resident\n", "columns are missing: name, kind"),
        (b"name,kind,shoe_size\nA,resident,42\n", "columns are unknown: shoe_size"),
        (b"name,kind\n", "no rows below the column names"),
        (b"", "The submitted file is empty"),
    ],
)
def test_unreadable_files_are_rejected_with_a_clear_message(scene, content, message):
    initiative, _lead, client = scene
    response = _upload(client, initiative, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Stakeholder.objects.exists() and not ImportBatch.objects.exists()


def test_duplicates_in_the_file_and_the_register_stop_the_whole_import(scene):
    initiative, _lead, client = scene
    StakeholderFactory(initiative=initiative, name="Piet Smit")
    content = b"name,kind\nNieuw,resident\nNieuw,resident\npiet  smit,resident\n"
    response = _upload(client, initiative, content)
    body = response.content.decode()
    assert "2 rows have a problem. Nothing was imported." in body
    assert "already in row 2 of this file" in body
    assert "already in the register" in body
    assert not ImportBatch.objects.exists()
    assert Stakeholder.objects.count() == 1


def test_formula_cells_are_neutralised_and_reported(scene):
    initiative, _lead, client = scene
    content = b'name,kind,notes\n"=HYPERLINK(""http://x"")",resident,@SUM(A1)\n'
    response = _upload(client, initiative, content)
    body = response.content.decode()
    assert "removed formula signs" in body
    client.post(
        reverse("stakeholders:import_confirm", args=[initiative.pk]),
        {"batch": ImportBatch.objects.get().pk},
    )
    s = Stakeholder.objects.get()
    assert s.name.startswith("HYPERLINK") and s.notes == "SUM(A1)"


def test_contact_details_without_consent_are_a_row_error(scene):
    initiative, _lead, client = scene
    response = _upload(client, initiative, b"name,kind,email\nA,resident,a@example.org\n")
    assert "only be stored with consent" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_target_groups_are_imported_only_when_the_initiative_has_them(scene):
    initiative, _lead, client = scene
    initiative.target_groups = ["Jongeren"]
    initiative.save()
    response = _upload(client, initiative, b"name,kind,target_group\nA,resident,Ouderen\n")
    assert "target_group: Choose one of the initiative&#x27;s target groups." in (
        response.content.decode()
    )
    assert not ImportBatch.objects.exists()
    _upload(client, initiative, b"name,kind,target_group\nA,resident,Jongeren\n")
    client.post(
        reverse("stakeholders:import_confirm", args=[initiative.pk]),
        {"batch": ImportBatch.objects.get().pk},
    )
    assert Stakeholder.objects.get().target_group == "Jongeren"
    exported = client.get(reverse("stakeholders:export", args=[initiative.pk, "csv"]))
    assert b"target_group" in exported.content and b"Jongeren" in exported.content


def test_too_many_rows(scene, monkeypatch):
    initiative, _lead, client = scene
    monkeypatch.setattr(transfer, "MAX_IMPORT_ROWS", 5)
    rows = "".join(f"P{n},resident\n" for n in range(6))
    response = _upload(client, initiative, ("name,kind\n" + rows).encode())
    assert "too many rows" in response.content.decode()
    assert not ImportBatch.objects.exists()


class Unreadable(io.RawIOBase):
    """A 50 MB file object that fails the test if anything tries to read it."""

    size = 50 * 1024 * 1024
    name = "huge.csv"

    def read(self, *args):
        raise AssertionError("an oversized file was read")


def test_50_mb_file_is_refused_without_reading_it():
    with translation.override("en"), pytest.raises(transfer.ImportRejected) as exc:
        transfer.read_upload(Unreadable())
    assert "too big" in exc.value.messages[0] and "5 MB" in exc.value.messages[0]


def test_50_mb_upload_is_refused_before_the_body_is_parsed(scene):
    initiative, _lead, client = scene
    big = SimpleUploadedFile("huge.csv", b"name,kind\n" + b"x,resident\n" * (5 * 1024 * 1024 // 10))
    response = client.post(reverse("stakeholders:import", args=[initiative.pk]), {"file": big})
    assert response.status_code == 413
    assert "too big" in response.content.decode()
    assert not Stakeholder.objects.exists()


def test_confirm_rechecks_and_imports_nothing_when_the_register_changed(scene):
    initiative, _lead, client = scene
    _upload(client, initiative, b"name,kind\nLater dubbel,resident\nAnder,resident\n")
    StakeholderFactory(initiative=initiative, name="Later dubbel")
    response = client.post(
        reverse("stakeholders:import_confirm", args=[initiative.pk]),
        {"batch": ImportBatch.objects.get().pk},
        follow=True,
    )
    assert "register changed since the preview" in response.content.decode()
    assert Stakeholder.objects.count() == 1


def test_csv_export_is_formula_safe(scene):
    initiative, _lead, client = scene
    StakeholderFactory(initiative=initiative, name="=cmd|' /C calc'!A0", notes="+1")
    response = client.get(reverse("stakeholders:export", args=[initiative.pk, "csv"]))
    text = response.content.decode("utf-8-sig")
    assert "'=cmd" in text and ",'+1," in text


def test_json_gexf_and_graphml_exports(scene):
    initiative, _lead, client = scene
    a = StakeholderFactory(initiative=initiative, name="Anna <b>")
    b = StakeholderFactory(initiative=initiative, name="Bram", introduced_by=a)
    Relation.objects.create(initiative=initiative, source=b, target=a, kind="trusts")
    data = json.loads(
        client.get(reverse("stakeholders:export", args=[initiative.pk, "json"])).content
    )
    assert {s["name"] for s in data["stakeholders"]} == {"Anna <b>", "Bram"}
    assert data["relations"] == [{"source": b.pk, "target": a.pk, "kind": "trusts"}]
    gexf = ET.fromstring(  # noqa: S314
        client.get(reverse("stakeholders:export", args=[initiative.pk, "gexf"])).content
    )
    ns = {"g": "http://gexf.net/1.3"}
    assert {n.get("label") for n in gexf.iterfind(".//g:node", ns)} == {"Anna <b>", "Bram"}
    assert len(gexf.findall(".//g:edge", ns)) == 2
    graphml = ET.fromstring(  # noqa: S314
        client.get(reverse("stakeholders:export", args=[initiative.pk, "graphml"])).content
    )
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graphml.findall(".//g:node", ns)) == 2
    assert {e.get("source") for e in graphml.findall(".//g:edge", ns)} == {f"n{a.pk}", f"n{b.pk}"}
    assert (
        client.get(reverse("stakeholders:export", args=[initiative.pk, "exe"])).status_code == 404
    )
