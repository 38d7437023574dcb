"""The report: planted groups in synthetic votes appear with their statements, groups under
five people are never shown, nobody's individual votes appear anywhere, and the result says
how old it is. Also the voting page and the registry (export, erasure, counts)."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from constellate.accounts import services as account_services
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import UserFactory, member
from constellate.core.registry import registry
from constellate.deliberation import selectors_conversations as selectors
from constellate.deliberation import services_conversations as services
from constellate.deliberation.models import OpinionResult, Statement, Vote
from constellate.deliberation.tests.factories import conversation_activity, planted_votes
from constellate.initiatives.tests.factories import InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_worker(dummy_tasks):
    return dummy_tasks


def _lead_client(activity):
    lead = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    client = Client()
    client.force_login(lead)
    return client


def _report_page(activity, lang="en"):
    client = _lead_client(activity)
    client.cookies["django_language"] = lang
    with translation.override(lang):
        response = client.get(reverse("deliberation:report", args=[activity.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _tables(page):
    return re.findall(r"<h3 id=\"group-([A-Z])\">.*?</h3>(.*?)</section>", page, re.S)


def test_planted_groups_appear_on_the_report_with_their_own_statements(client):
    activity, conversation = conversation_activity()
    made, _groups = planted_votes(conversation, sizes=(14, 11), n_statements=13)
    services.opinion_compute_now(conversation=conversation)
    page = _report_page(activity)
    assert "Group A: 14 people" in page and "Group B: 11 people" in page
    report = selectors.conversation_report(conversation=conversation)
    first, second = set(range(1, 7)), set(range(7, 13))
    for group, own, other in ((report.groups[0], first, second), (report.groups[1], second, first)):
        agreed = {
            int(s.text.split()[1])
            for s in group.statements
            if s.direction == "agree" and s.text != "Iedereen eens"
        }
        disagreed = {int(s.text.split()[1]) for s in group.statements if s.direction == "disagree"}
        assert agreed | disagreed, group.letter
        assert agreed <= own and disagreed <= other, (group.letter, agreed, disagreed)
        for line in group.statements:
            shown = line.agree if line.direction == "agree" else line.disagree
            assert shown is not None and shown >= 70  # planted: about 92% of the group
    sections = dict(_tables(page))
    assert "%</td>" in sections["A"] and "%</td>" in sections["B"]
    # The statement everybody agreed with is common ground.
    consensus = page.split("What people agree on across the groups")[1]
    assert "Iedereen eens" in consensus
    assert "<svg" in page and 'class="opinion-map"' in page
    assert ">A</text>" in page and ">B</text>" in page


def test_a_group_under_five_people_is_never_shown():
    activity, conversation = conversation_activity()
    planted_votes(conversation, sizes=(15, 4), n_statements=12)
    services.opinion_compute_now(conversation=conversation)
    result = OpinionResult.objects.get(conversation=conversation).result
    sizes = sorted(g["size"] for g in result["groups"])
    if sizes[0] >= 5:  # the algorithm merged them: nothing small to hide
        pytest.skip("no small group formed")
    page = _report_page(activity)
    assert "Group A: 15 people" in page
    assert "Group B" not in page and ">B</text>" not in page
    assert f"{sizes[0]} people are in groups smaller than 5 people" in page
    report = selectors.conversation_report(conversation=conversation)
    assert [g.size for g in report.groups] == [15]


def test_percentages_need_five_votes():
    activity, conversation = conversation_activity()
    planted_votes(conversation, sizes=(8, 8), n_statements=9)
    services.opinion_compute_now(conversation=conversation)
    stored = OpinionResult.objects.get(conversation=conversation)
    # Pretend one statement had only three voters in a group: its percentages are hidden.
    sid = str(stored.result["groups"][0]["representative"][0]["statement"])
    stored.result["votes_by_group"]["0"][sid] = [2, 1, 0]
    stored.save()
    report = selectors.conversation_report(conversation=conversation)
    line = report.groups[0].statements[0]
    assert line.seen == 3 and line.agree is None and line.disagree is None


def test_no_individual_vote_or_pseudonym_appears_on_any_page():
    activity, conversation = conversation_activity()
    _made, groups = planted_votes(conversation, sizes=(7, 7))
    services.opinion_compute_now(conversation=conversation)
    client = _lead_client(activity)
    pages = [
        client.get(reverse(name, args=[activity.pk])).content.decode()
        for name in ("deliberation:report", "deliberation:conversation")
    ]
    pages.append(
        client.get(
            reverse("deliberation:conversations", args=[activity.initiative_id])
        ).content.decode()
    )
    for page in pages:
        for people in groups:
            for person in people:
                assert person.pseudonym not in page
    stored = OpinionResult.objects.get(conversation=conversation).result
    assert "participants" not in stored


def test_the_report_says_how_old_the_result_is_and_from_how_many_votes():
    activity, conversation = conversation_activity()
    planted_votes(conversation, sizes=(6, 6), n_statements=5)
    stored = services.opinion_compute_now(conversation=conversation)
    OpinionResult.objects.filter(pk=stored.pk).update(
        computed_at=timezone.now() - datetime.timedelta(minutes=3)
    )
    page = _report_page(activity)
    assert f"Computed 3\xa0minutes ago, from {stored.votes_count} votes." in page
    Vote.objects.filter(conversation=conversation).first().delete()
    assert "New votes came in since" in _report_page(activity)


def test_without_a_result_the_report_says_so():
    activity, _conversation = conversation_activity()
    assert "There is no result yet" in _report_page(activity)


# Voting through the link ----------------------------------------------------------------------


def _participant_client(activity):
    client = Client()
    client.cookies["django_language"] = "en"
    client.post(reverse("initiatives:join", args=[activity.join_token]))
    return client


def test_voting_one_statement_at_a_time_with_progress():
    activity, conversation = conversation_activity()
    made = [Statement.objects.create(conversation=conversation, text=f"S{n}") for n in range(3)]
    client = _participant_client(activity)
    url = reverse("deliberation:vote", args=[activity.join_token])
    seen = []
    for n in range(3):
        page = client.get(url).content.decode()
        assert f"Statement {n + 1} of 3" in page
        current = re.search(r'name="statement" value="(\d+)"', page)[1]
        seen.append(int(current))
        response = client.post(url, {"statement": current, "value": ["1", "-1", "0"][n]})
        assert response.status_code == 302
    assert sorted(seen) == sorted(s.pk for s in made)
    page = client.get(url).content.decode()
    assert 'name="statement"' not in page
    assert sorted(Vote.objects.values_list("value", flat=True)) == [-1, 0, 1]


def test_a_participant_adds_a_statement_that_waits_for_moderation():
    activity, conversation = conversation_activity()
    client = _participant_client(activity)
    url = reverse("deliberation:statement_add", args=[activity.join_token])
    response = client.post(url, {"text": "Meer avondopenstelling"})
    assert response.status_code == 302
    statement = Statement.objects.get(conversation=conversation)
    assert statement.status == "pending" and statement.author_participant is not None
    # It is not put to vote before the team accepts it.
    page = client.get(reverse("deliberation:vote", args=[activity.join_token])).content.decode()
    assert "Meer avondopenstelling" not in page


def test_the_joined_page_invites_to_vote():
    activity, _conversation = conversation_activity()
    client = Client()
    response = client.post(reverse("initiatives:join", args=[activity.join_token]), follow=True)
    assert reverse("deliberation:vote", args=[activity.join_token]) in response.content.decode()


# The registry: export, erasure and counts -------------------------------------------------------


def test_a_person_exports_their_own_votes_and_statements_and_erasure_removes_them():
    activity, conversation = conversation_activity()
    made, groups = planted_votes(conversation, sizes=(5, 5), n_statements=4)
    user = UserFactory()
    person = groups[0][0]
    account_services.participant_link_to_user(participant=person, user=user)
    own = Statement.objects.create(
        conversation=conversation, text="Mijn eigen stelling", author_participant=person
    )
    data = account_services.user_data_export(user=user)
    votes = data["conversation_votes"]
    assert len(votes) == 4 and {v["vote"] for v in votes} <= {"agree", "disagree", "pass"}
    assert {v["statement"] for v in votes} == {s.text for s in made}
    assert [s["text"] for s in data["conversation_statements"]] == ["Mijn eigen stelling"]
    # Someone else's export holds none of these.
    other = UserFactory()
    other_data = account_services.user_data_export(user=other)
    assert other_data["conversation_votes"] == [] and other_data["conversation_statements"] == []
    before = Vote.objects.count()
    account_services.user_erase(user=user)
    assert Vote.objects.count() == before - 4
    assert not Statement.objects.filter(pk=own.pk).exists()
    assert Statement.objects.filter(pk=made[0].pk).exists()


def test_statements_and_votes_are_registered_contribution_types():
    assert registry.contribution_types["conversation_vote"].get_model() is Vote
    assert registry.contribution_types["conversation_statement"].get_model() is Statement
    from constellate.participation.selectors import _contribution_rows

    activity, conversation = conversation_activity()
    planted_votes(conversation, sizes=(3,), n_statements=2)
    person = participant_create(activity=activity)[0]
    Statement.objects.create(conversation=conversation, text="Eigen", author_participant=person)
    Statement.objects.create(conversation=conversation, text="Van het team")
    votes = sum(
        r["n"]
        for r in _contribution_rows(
            registry.contribution_types["conversation_vote"], activity.initiative, "week"
        )
    )
    statements_n = sum(
        r["n"]
        for r in _contribution_rows(
            registry.contribution_types["conversation_statement"], activity.initiative, "week"
        )
    )
    assert votes == 3  # three voters (two votes each) count as three people taking part
    assert statements_n == 1  # the team's statements are not a participant's contribution


def test_a_participant_sees_and_changes_only_their_own_votes():
    activity, conversation = conversation_activity()
    first, second = (
        Statement.objects.create(conversation=conversation, text=t) for t in ("Eerste", "Tweede")
    )
    me = _participant_client(activity)
    vote_url = reverse("deliberation:vote", args=[activity.join_token])
    me.post(vote_url, {"statement": first.pk, "value": "1"})
    someone = _participant_client(activity)
    someone.post(vote_url, {"statement": second.pk, "value": "-1"})
    url = reverse("deliberation:my_votes", args=[activity.join_token])
    page = me.get(url).content.decode()
    assert "Eerste" in page and "Tweede" not in page
    assert "Only you see this page" in page
    me.post(url, {"statement": first.pk, "value": "0"})
    assert Vote.objects.get(statement=first).value == 0
    assert Vote.objects.get(statement=second).value == -1
    other_page = someone.get(url).content.decode()
    assert "Tweede" in other_page and "Eerste" not in other_page
    # Without a participation: first join.
    assert Client().get(url).status_code == 302


def test_a_fresh_result_says_just_now():
    activity, conversation = conversation_activity()
    planted_votes(conversation, sizes=(6, 6), n_statements=5)
    stored = services.opinion_compute_now(conversation=conversation)
    assert f"Computed just now, from {stored.votes_count} votes." in _report_page(activity)
