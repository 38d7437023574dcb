"""Pol.is interchange (issue 6 point 7): importing an export into a conversation and
exporting a conversation in the Pol.is format, round trips, and hostile exports.

The real conversations are read from ../shared/data/polis/ (skipped when absent), never
copied into the project. Data was gathered using the Polis software
(compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with Attribution to The
Computational Democracy Project. Source: github.com/compdemocracy/openData."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from constellate.accounts.models import Participant
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.analysis import polis_export
from constellate.analysis.opinion import opinion_groups
from constellate.analysis.polis_export import read_folder, read_polis_export, read_polis_files
from constellate.deliberation import services_conversations as services
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Statement, Vote
from constellate.deliberation.selectors_polis import polis_export_files, polis_export_zip
from constellate.deliberation.services_polis import polis_files_from_uploads, polis_import
from constellate.deliberation.tests.factories import (
    conversation_activity,
    planted_votes,
    statements,
)
from constellate.initiatives.tests.factories import InitiativeMembershipFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
POLIS = ROOT.parent / "shared" / "data" / "polis"
REAL = ("15-per-hour-seattle", "brexit-consensus", "vtaiwan.uberx")
SOURCE = "CC BY 4.0, The Computational Democracy Project, Pol.is open data"

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1,,0,0,0,0,1,The desk should open longer\n"
    "1,,1,0,0,0,1,Forms should be shorter\n"
    "1,,2,0,0,0,-1,Spam statement\n"
    "1,,3,0,0,0,0,Not checked yet\n"
)
VOTES = (
    "timestamp,datetime,comment-id,voter-id,vote\n"
    "10,,0,0,1\n11,,1,0,-1\n12,,0,1,-1\n13,,1,1,0\n14,,0,1,1\n15,,2,1,1\n"
)
SUMMARY = "topic,The desk\nurl,https://pol.is/example\nconversation-description,About the desk\n"


def _files(**changes):
    files = {
        "comments.csv": COMMENTS.encode(),
        "votes.csv": VOTES.encode(),
        "summary.csv": SUMMARY.encode(),
    }
    for name, text in changes.items():
        name = name.replace("_", "-") + ".csv"
        if text is None:
            files.pop(name)
        else:
            files[name] = text.encode() if isinstance(text, str) else text
    return files


def _zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def scene(dummy_tasks):
    activity, conversation = conversation_activity()
    lead = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    return activity, conversation, lead


def _matrix(export):
    """The votes as a multiset of voters' rows, voters unnamed: statements by their place."""
    votes = export["votes"]
    place = {sid: i for i, sid in enumerate(sorted(export["statements"]))}
    rows: dict[int, list] = {}
    for r, c, v in zip(
        votes.rows.tolist(), votes.cols.tolist(), votes.values.tolist(), strict=True
    ):
        rows.setdefault(r, []).append((place[votes.statements[c].item()], v))
    return sorted(tuple(sorted(row)) for row in rows.values())


def _partition(groups):
    """Groups as a set of frozensets of members (labels do not matter)."""
    out: dict = {}
    for member_id, group in groups.items():
        if group is not None:
            out.setdefault(group, set()).add(member_id)
    return {frozenset(m) for m in out.values()}


def _statements(export):
    return [
        (export["statements"][sid].strip(), export["moderation"][sid])
        for sid in sorted(export["statements"])
    ]


def _round_trip(conversation, tmp_path, original):
    services.opinion_compute_now(conversation=conversation)
    path = tmp_path / "export.zip"
    path.write_bytes(polis_export_zip(conversation=conversation))
    back = read_polis_export(path)
    assert _statements(back) == _statements(original)
    assert _matrix(back) == _matrix(original)
    # The group-id in participants-votes.csv is the platform's grouping; reading the file
    # back and computing again (leaving out what is not accepted, as the platform does)
    # gives the same groups.
    again = opinion_groups(
        back["votes"], moderated_out=[s for s, m in back["moderation"].items() if m != 1]
    )
    assert _partition({p["id"]: p["group"] for p in again["participants"]}) == _partition(
        back["polis_groups"]
    )
    stored = conversation.results.latest().result
    assert sorted(g["size"] for g in stored["groups"]) == sorted(
        len(m) for m in _partition(back["polis_groups"])
    )
    return back, path


@pytest.mark.parametrize("name", REAL)
def test_round_trip_of_a_real_polis_conversation(scene, tmp_path, name):
    folder = POLIS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    _activity, conversation, lead = scene
    files = read_folder(folder)
    original = read_polis_files(files)
    counts = polis_import(conversation=conversation, actor=lead, files=files, source=SOURCE)
    assert counts["statements"] == len(original["statements"])
    assert counts["participants"] == original["votes"].shape[0]
    assert counts["votes"] == len(original["votes"].values)
    conversation.refresh_from_db()
    assert conversation.source == SOURCE and conversation.imported_at
    back, path = _round_trip(conversation, tmp_path, original)
    assert back["summary"]["attribution"] == SOURCE
    # the command line reads the export too
    assert polis_export.main([str(path), "--strict-moderation"]) == 0


def test_synthetic_round_trip_and_back_again(scene, tmp_path, capsys):
    activity, conversation, lead = scene
    planted_votes(conversation, sizes=(14, 12))
    statements(conversation, ["Waits for a check"], StatementStatus.PENDING)
    (rejected,) = statements(conversation, ["Was rejected"], StatementStatus.REJECTED)
    person, _secret = participant_create(activity=activity)
    Vote.objects.create(conversation=conversation, statement=rejected, participant=person, value=1)
    original = read_polis_files(polis_export_files(conversation=conversation))
    back, path = _round_trip(conversation, tmp_path, original)
    assert set(back["moderation"].values()) == {1, 0, -1}
    assert len(_partition(back["polis_groups"])) == 2
    # import the export into a second conversation: the same again
    _a2, second = conversation_activity(initiative=activity.initiative)
    polis_import(conversation=second, actor=lead, files=read_folder(path), source=SOURCE)
    assert _statements(read_polis_files(polis_export_files(conversation=second))) == _statements(
        original
    )
    _round_trip(second, tmp_path, original)
    assert polis_export.main([str(path)]) == 0
    assert '"groups"' in capsys.readouterr().out


def test_the_export_does_not_link_voters_to_anyone(scene):
    _activity, conversation, _lead = scene
    _made, groups = planted_votes(conversation, sizes=(14, 12))
    first = polis_export_files(conversation=conversation)
    second = polis_export_files(conversation=conversation)
    one, two = read_polis_files(first), read_polis_files(second)
    assert set(one["votes"].participants.tolist()) == set(range(26))
    assert one["polis_groups"].keys() == set(range(26))
    # fresh numbers in a random order at each export (chance of equal orders: 1 in 26!)
    assert first["votes.csv"] != second["votes.csv"]
    assert _matrix(one) == _matrix(two)
    text = b"".join(first.values()).decode()
    for person in (p for people in groups for p in people):
        assert person.pseudonym not in text
    # times cut to the day; authors left out
    lines = first["votes.csv"].decode().splitlines()[1:]
    assert all(int(line.split(",")[0]) % 86_400_000 == 0 for line in lines)
    comments = first["comments.csv"].decode().splitlines()[1:]
    assert all(line.split(",")[3] == "" for line in comments)


def test_an_import_makes_pseudonymous_participants_and_keeps_moderation(scene):
    activity, conversation, lead = scene
    before = Participant.objects.count()
    with translation.override("en"):
        counts = polis_import(conversation=conversation, actor=lead, files=_files())
    assert counts == {"statements": 4, "participants": 2, "votes": 5}
    assert Participant.objects.count() == before + 2
    people = Participant.objects.filter(joined_via=activity)
    assert all(p.user_id is None and p.pseudonym.startswith("#") for p in people)
    status = dict(conversation.statements.values_list("text", "status"))
    assert status == {
        "The desk should open longer": StatementStatus.ACCEPTED,
        "Forms should be shorter": StatementStatus.ACCEPTED,
        "Spam statement": StatementStatus.REJECTED,
        "Not checked yet": StatementStatus.PENDING,
    }
    # the last vote counts: voter 1 first disagreed with statement 0, then agreed
    assert sorted(
        Vote.objects.filter(conversation=conversation).values_list("value", flat=True)
    ) == [-1, 0, 1, 1, 1]
    conversation.refresh_from_db()
    assert conversation.source == "Pol.is conversation “The desk” (https://pol.is/example)"
    assert conversation.topic == "The desk" and conversation.description == "About the desk"
    assert conversation.recompute_queued_at is not None  # the groups are computed next


def _refused(conversation, lead, files, code=None, source=""):
    before = (Participant.objects.count(), Statement.objects.count(), Vote.objects.count())
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        polis_import(conversation=conversation, actor=lead, files=files, source=source)
    after = (Participant.objects.count(), Statement.objects.count(), Vote.objects.count())
    assert after == before
    if code:
        error = caught.value
        codes = (
            [e.code for errors in error.error_dict.values() for e in errors]
            if hasattr(error, "error_dict")
            else [error.code]
        )
        assert code in codes, error
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("changes", "code", "words"),
    [
        ({"comments": None}, "missing_file", "comments.csv"),
        ({"votes": None}, "missing_file", "votes.csv"),
        ({"votes": "comment-id,voter-id\n0,1\n"}, "missing_columns", "vote"),
        ({"comments": "comment-id,text\n0,a\n"}, "missing_columns", "comment-body"),
        ({"votes": VOTES + "16,,9,0,1\n"}, "unknown_statement", "statement 9"),
        ({"comments": COMMENTS + "1,,1,0,0,0,1,Twice\n"}, "duplicate_id", "appears twice"),
        ({"votes": VOTES + "16,,0,0,2\n"}, "bad_vote", "line 8"),
        (
            {"participants_votes": "participant,group-id\n0,\n0,1\n"},
            "duplicate_id",
            "line 3: participant 0 appears twice",
        ),
        ({"participants_votes": "participant,group-id\n0,x\n"}, "not_a_number", "group-id"),
        ({"votes": VOTES + "x,,0,0,1\n"}, "not_a_number", "timestamp"),
        ({"votes": VOTES + "16,,,0,1\n"}, "missing_value", "comment-id"),
        ({"comments": COMMENTS + '1,,7,0,0,0,1,"open quote\n'}, "malformed", "comments.csv"),
        ({"comments": COMMENTS + '1,,7,0,0,0,1,"a"b\n'}, "malformed", "comments.csv"),
        ({"votes": b"\xff\xfe\x00v\x00o"}, "encoding", "UTF-8"),
        ({"votes": "a\x00b\n"}, "malformed", "votes.csv"),
        ({"comments": COMMENTS + "1,,8,0,0,0,1,  \n"}, "empty_text", "no text"),
        ({"comments": COMMENTS + "1,,8,0,0,0,1," + "x" * 1001 + "\n"}, "long_text", "1000"),
        (
            {"comments": "comment-id,comment-body\n", "votes": "comment-id,voter-id,vote\n"},
            "no_statements",
            "no statements",
        ),
    ],
)
def test_a_bad_export_is_refused_whole(scene, changes, code, words):
    _activity, conversation, lead = scene
    message = _refused(conversation, lead, _files(**changes), code)
    assert words in message


def test_row_limits(scene, settings):
    _activity, conversation, lead = scene
    settings.POLIS_IMPORT_LIMITS = {"votes": 5}
    assert "more than 5 rows" in _refused(conversation, lead, _files(), "too_many_rows")
    settings.POLIS_IMPORT_LIMITS = {"statements": 3}
    assert "comments.csv" in _refused(conversation, lead, _files(), "too_many_rows")


def test_a_source_is_required_when_the_export_has_no_summary(scene):
    _activity, conversation, lead = scene
    message = _refused(conversation, lead, _files(summary=None), "no_source")
    assert "licence" in message
    polis_import(conversation=conversation, actor=lead, files=_files(summary=None), source=SOURCE)
    conversation.refresh_from_db()
    assert conversation.source == SOURCE


def test_only_an_empty_conversation_takes_an_import_and_only_from_its_team(scene):
    activity, conversation, lead = scene
    partner = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(
        initiative=activity.initiative, user=partner, role=InitiativeRole.PARTNER
    )
    with pytest.raises(PermissionDenied):
        polis_import(conversation=conversation, actor=partner, files=_files())
    statements(conversation, ["Already here"])
    assert "new conversation" in _refused(conversation, lead, _files(), "not_empty")


def _upload(name, data):
    return SimpleUploadedFile(name, data)


def test_uploads_a_zip_or_csv_files(scene):
    zipped = _zip({"export/comments.csv": COMMENTS, "export/votes.csv": VOTES, "x.txt": "hi"})
    files = polis_files_from_uploads([_upload("anything.zip", zipped)])
    assert set(files) == {"comments.csv", "votes.csv"}
    files = polis_files_from_uploads(
        [_upload("C:\\data\\Comments.CSV", COMMENTS.encode()), _upload("votes.csv", VOTES.encode())]
    )
    assert set(files) == {"comments.csv", "votes.csv"}


def _upload_refused(uploads, code=None):
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        polis_files_from_uploads(uploads)
    if code:
        assert caught.value.code == code
    return " ".join(caught.value.messages)


def test_hostile_uploads_are_refused(scene, settings):
    assert "Choose" in _upload_refused([])
    assert "do not know the file" in _upload_refused([_upload("evil.exe", b"MZ...")])
    assert "twice" in _upload_refused([_upload("votes.csv", b"a"), _upload("votes.csv", b"b")])
    assert "not a Pol.is export" in _upload_refused(
        [_upload("x.zip", b"PK\x03\x04" + b"\x00" * 100)], "not_zip"
    )
    traversal = _zip({"../comments.csv": COMMENTS, "votes.csv": VOTES})
    assert "../comments.csv" in _upload_refused([_upload("x.zip", traversal)], "zip_unsafe")
    absolute = _zip({"/etc/comments.csv": COMMENTS})
    _upload_refused([_upload("x.zip", absolute)], "zip_unsafe")
    many = _zip({f"f{i}.txt": "x" for i in range(51)})
    assert "more than 50 files" in _upload_refused([_upload("x.zip", many)], "zip_entries")
    twice = _zip({"a/votes.csv": VOTES, "b/votes.csv": VOTES})
    _upload_refused([_upload("x.zip", twice)], "zip_duplicate")
    # a zip bomb: 200 MB of zeros packed into a few hundred kB
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("votes.csv", "w", force_zip64=True) as handle,
    ):
        for _ in range(200):
            handle.write(b"0" * (1024 * 1024))
    assert len(bomb.getvalue()) < 1024 * 1024
    assert "too large" in _upload_refused([_upload("x.zip", bomb.getvalue())], "too_large")
    # a bomb that lies about its size in the headers is stopped while unpacking
    settings.POLIS_IMPORT_LIMITS = {"file_bytes": 1024, "ratio": 10**9}
    lying = bytearray(_zip({"votes.csv": "1" * 5000}))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = lying.find(header)
        size_at = at + (22 if header == b"PK\x03\x04" else 24)
        lying[size_at : size_at + 4] = (10).to_bytes(4, "little")
    message = _upload_refused([_upload("x.zip", bytes(lying))])
    assert "too large" in message or "damaged" in message
    settings.POLIS_IMPORT_LIMITS = {"zip_bytes": 100}
    assert "too large" in _upload_refused([_upload("x.zip", _zip({"votes.csv": VOTES}))])


def test_the_management_command_imports_a_folder_or_a_zip(scene, tmp_path):
    from django.core.management import CommandError, call_command

    activity, conversation, lead = scene
    folder = tmp_path / "export"
    folder.mkdir()
    for name, data in _files().items():
        (folder / name).write_bytes(data)
    out = io.StringIO()
    call_command(
        "import_polis", str(activity.pk), str(folder), user=lead.email, compute_now=True, stdout=out
    )
    assert "statements=4 participants=2 votes=5" in out.getvalue()
    assert conversation.results.exists()
    _a2, second = conversation_activity(initiative=activity.initiative)
    (tmp_path / "bad.zip").write_bytes(_zip({"../votes.csv": VOTES}))
    with translation.override("en"), pytest.raises(CommandError, match="file name"):
        call_command("import_polis", str(_a2.pk), str(tmp_path / "bad.zip"), user=lead.email)
    with pytest.raises(CommandError, match="may not run"):
        outsider = member(activity.initiative.organisation, OrgRole.OBSERVER)
        call_command("import_polis", str(_a2.pk), str(folder), user=outsider.email)
    assert not second.statements.exists()


def test_an_export_with_participants_votes_only_and_an_empty_conversation(scene):
    activity, conversation, lead = scene
    # nothing to export yet: the files are there, with their headers
    empty = read_polis_files(polis_export_files(conversation=conversation))
    assert empty["votes"].shape == (0, 0) and empty["statements"] == {}
    wide = (
        "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3\n"
        "0,,0,2,1,1,1,-1,,\n"
        "1,,0,3,1,1,1,0,1,\n"
    )
    files = _files(votes=None, participants_votes=wide)
    files["summary.csv"] = b"\xef\xbb\xbf" + SUMMARY.encode()
    counts = polis_import(conversation=conversation, actor=lead, files=files)
    assert counts == {"statements": 4, "participants": 2, "votes": 5}
    conversation.refresh_from_db()
    assert conversation.topic == "The desk"
