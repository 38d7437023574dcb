"""Opening and closing rounds, and answering them: one response per person, revisable until the
round closes, and bad input refused with a clear message and nothing saved."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import services
from constellate.compass.models import Element, Rating, Response, Round
from constellate.compass.tests.factories import answers, framework, open_round
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    elements = framework(org)
    round_ = open_round(initiative, lead)
    return {
        "org": org,
        "lead": lead,
        "initiative": initiative,
        "round": round_,
        "elements": elements,
    }


def _all(scene):
    return list(scene["round"].elements.all())


# Opening and closing -------------------------------------------------------------------------


def test_a_new_round_covers_every_active_element_by_default(scene):
    org = scene["org"]
    Element.objects.filter(organisation=org, key="empathy").update(is_active=False)
    round_ = open_round(scene["initiative"], scene["lead"], title="Tweede ronde")
    keys = set(round_.elements.values_list("key", flat=True))
    assert len(keys) == 17 and "empathy" not in keys
    assert len(round_.token) >= 20


def test_round_dates_and_elements_are_checked_together(scene):
    today = timezone.localdate()
    other_org_element = next(iter(framework(OrganisationFactory()).values()))
    with pytest.raises(ValidationError) as exc:
        services.round_create(
            initiative=scene["initiative"],
            actor=scene["lead"],
            title="",
            opens_on=today,
            closes_on=today - datetime.timedelta(days=1),
            elements=[other_org_element],
        )
    errors = exc.value.message_dict
    assert set(errors) == {"title", "closes_on", "elements"}
    with pytest.raises(ValidationError) as exc:
        services.round_create(
            initiative=scene["initiative"],
            actor=scene["lead"],
            title="Leeg",
            opens_on=today,
            closes_on=today,
            elements=[],
        )
    assert "elements" in exc.value.message_dict
    assert Round.objects.count() == 1


def test_closing_early_closes_the_round_and_touches_the_initiative(scene):
    round_ = scene["round"]
    before = scene["initiative"].updated_at
    services.round_close(round=round_, actor=scene["lead"])
    round_.refresh_from_db()
    assert round_.closed_at is not None
    assert round_.is_closed_on(timezone.localdate())
    scene["initiative"].refresh_from_db()
    assert scene["initiative"].updated_at > before
    with pytest.raises(ValidationError):
        services.round_close(round=round_, actor=scene["lead"])


# Answering ------------------------------------------------------------------------------------


def test_one_response_per_person_revisable_until_the_round_closes(scene):
    round_, lead = scene["round"], scene["lead"]
    elements = _all(scene)
    first = services.response_submit(round=round_, user=lead, answers=answers(elements, 2, 5))
    second = services.response_submit(round=round_, user=lead, answers=answers(elements[:3], 4, 3))
    assert first.pk == second.pk
    assert Response.objects.count() == 1
    assert Rating.objects.filter(response=first).count() == 3
    assert set(Rating.objects.values_list("progress", flat=True)) == {4}
    services.round_close(round=round_, actor=lead)
    with pytest.raises(ValidationError) as exc, translation.override("en"):
        services.response_submit(round=round_, user=lead, answers=answers(elements, 1, 1))
    assert "closed" in exc.value.messages[0]
    assert set(Rating.objects.values_list("progress", flat=True)) == {4}


def test_answers_after_the_closing_day_are_refused(scene):
    round_ = scene["round"]
    later = round_.closes_on + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.response_submit(
            round=round_, user=scene["lead"], answers=answers(_all(scene)), today=later
        )
    assert not Response.objects.exists()


def test_a_round_that_has_not_opened_refuses_answers(scene):
    today = timezone.localdate()
    future = services.round_create(
        initiative=scene["initiative"],
        actor=scene["lead"],
        title="Later",
        opens_on=today + datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=10),
    )
    with pytest.raises(ValidationError):
        services.response_submit(round=future, user=scene["lead"], answers=answers(_all(scene)))


@pytest.mark.parametrize("bad", [0.5, 6, -1, "7", "abc", "3; DROP", 99999999999999999999])
def test_ratings_out_of_range_are_refused_and_nothing_is_saved(scene, bad):
    element = _all(scene)[0]
    with pytest.raises(ValidationError) as exc:
        services.response_submit(
            round=scene["round"],
            user=scene["lead"],
            answers={element.pk: {"progress": bad, "importance": 3}},
        )
    assert f"e{element.pk}-progress" in exc.value.message_dict
    assert not Response.objects.exists() and not Rating.objects.exists()


def test_elements_outside_the_round_and_empty_answers_are_refused(scene):
    other = next(iter(framework(OrganisationFactory()).values()))
    with pytest.raises(ValidationError):
        services.response_submit(
            round=scene["round"], user=scene["lead"], answers={other.pk: {"progress": 3}}
        )
    with pytest.raises(ValidationError) as exc, translation.override("en"):
        services.response_submit(
            round=scene["round"],
            user=scene["lead"],
            answers={_all(scene)[0].pk: {"progress": None, "importance": None}},
        )
    assert "at least one" in exc.value.messages[0]
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "links",
    [
        "javascript:alert(1)",
        "ftp://example.org/file",
        "not a link",
        "https://example.org/\x00",
        "\n".join(f"https://example.org/{n}" for n in range(6)),
        "https://example.org/" + "a" * 600,
    ],
)
def test_evidence_links_must_be_web_addresses(scene, links):
    element = _all(scene)[0]
    with pytest.raises(ValidationError) as exc:
        services.response_submit(
            round=scene["round"],
            user=scene["lead"],
            answers={element.pk: {"progress": 3, "evidence": links}},
        )
    assert f"e{element.pk}-evidence" in exc.value.message_dict
    assert not Response.objects.exists()


def test_good_evidence_links_and_notes_are_kept(scene):
    element = _all(scene)[0]
    response = services.response_submit(
        round=scene["round"],
        user=scene["lead"],
        answers={
            element.pk: {
                "progress": 2,
                "note": "  Bewoners beslissen nog niet mee.  ",
                "evidence": "https://example.org/verslag\nhttp://example.org/foto\nhttps://example.org/verslag",
            }
        },
    )
    rating = response.ratings.get()
    assert rating.note == "Bewoners beslissen nog niet mee."
    assert rating.evidence == ["https://example.org/verslag", "http://example.org/foto"]
    assert rating.importance is None


def test_participants_choose_a_group_but_never_staff(scene):
    participant, _secret = participant_create()
    with pytest.raises(ValidationError) as exc:
        services.response_submit(
            round=scene["round"],
            participant=participant,
            group="staff",
            answers=answers(_all(scene)),
        )
    assert "group" in exc.value.message_dict
    response = services.response_submit(
        round=scene["round"],
        participant=participant,
        group="citizens",
        answers=answers(_all(scene)),
    )
    assert response.group == "citizens" and response.user is None


@pytest.mark.parametrize(
    ("org_role", "initiative_role", "group"),
    [
        (OrgRole.ADMIN, None, "staff"),
        (OrgRole.FACILITATOR, None, "staff"),
        (OrgRole.OBSERVER, None, "others"),
        (OrgRole.FACILITATOR, InitiativeRole.LEAD, "staff"),
        (OrgRole.FACILITATOR, InitiativeRole.FACILITATOR, "staff"),
        (OrgRole.REPORTER, InitiativeRole.REPORTER, "others"),
        (OrgRole.PARTNER, InitiativeRole.PARTNER, "partners"),
        (OrgRole.OBSERVER, InitiativeRole.OBSERVER, "others"),
    ],
)
def test_signed_in_people_count_in_the_group_of_their_role(scene, org_role, initiative_role, group):
    user = member(scene["org"], org_role)
    if initiative_role:
        InitiativeMembershipFactory(initiative=scene["initiative"], user=user, role=initiative_role)
    response = services.response_submit(
        round=scene["round"], user=user, group="citizens", answers=answers(_all(scene))
    )
    assert response.group == group


def test_the_database_refuses_a_second_response_of_the_same_person(scene):
    services.response_submit(round=scene["round"], user=scene["lead"], answers=answers(_all(scene)))
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(round=scene["round"], user=scene["lead"], group="staff")
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(response=Response.objects.get(), element=_all(scene)[0], progress=6)


# Through the pages -------------------------------------------------------------------------------


def _post_body(round_, progress="3", **extra):
    body = {}
    for element in round_.elements.all():
        body[f"e{element.pk}-progress"] = progress
        body[f"e{element.pk}-importance"] = "4"
    body.update(extra)
    return body


def test_double_submission_through_the_link_keeps_one_response(scene):
    round_ = scene["round"]
    client = Client()
    url = reverse("compass:respond_link", args=[round_.token])
    body = _post_body(round_, group="citizens")
    assert client.post(url, body).status_code == 302
    assert client.post(url, body).status_code == 302
    assert Response.objects.count() == 1
    response = Response.objects.get()
    assert response.participant is not None and response.group == "citizens"
    page = client.get(url).content.decode()
    assert 'value="3" checked' in page or 'checked value="3"' in page or "checked" in page


def test_a_tampered_link_shows_a_clear_page_and_changes_nothing(scene):
    client = Client()
    for token in [scene["round"].token + "x", "x" * 200, "abc\x00def", scene["round"].token[:-1]]:
        response = client.get(f"/compass/r/{token}/")
        assert response.status_code == 404
        assert response.templates[0].name == "compass/link_invalid.html"
        assert (
            client.post(
                f"/compass/r/{token}/", _post_body(scene["round"], group="citizens")
            ).status_code
            == 404
        )
    assert not Response.objects.exists()


def test_answering_after_close_through_the_page_shows_a_message_and_changes_nothing(scene):
    round_ = scene["round"]
    client = Client()
    url = reverse("compass:respond_link", args=[round_.token])
    client.post(url, _post_body(round_, group="citizens"))
    services.round_close(round=round_, actor=scene["lead"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(url, _post_body(round_, progress="1", group="others"), follow=True)
    body = response.content.decode()
    assert "closed" in body
    assert set(Rating.objects.values_list("progress", flat=True)) == {3}
    assert Response.objects.get().group == "citizens"
    # They still see their own answers.
    assert "Your answers" in body or "Uw antwoorden" in body or "<caption>" in body


def test_bad_input_through_the_page_shows_the_errors_next_to_the_fields(scene):
    round_ = scene["round"]
    element = round_.elements.order_by("number").first()
    client = Client()
    client.force_login(scene["lead"])
    body = _post_body(round_)
    body[f"e{element.pk}-progress"] = "9"
    body[f"e{element.pk}-evidence"] = "javascript:alert(1)"
    response = client.post(reverse("compass:respond", args=[round_.pk]), body)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert f'href="#id_e{element.pk}-evidence"' in page
    assert not Response.objects.exists()


def test_an_open_round_shows_its_link_as_a_qr_code_to_print(scene):
    round_ = scene["round"]
    client = Client()
    client.force_login(scene["lead"])
    body = client.get(reverse("compass:round", args=[round_.pk])).content.decode()
    link = "http://testserver" + round_.get_link_url()
    assert f"<title>{link}</title>" in body  # the QR code's text alternative is the link
    download = client.get(reverse("compass:round_qr", args=[round_.pk]))
    assert download["Content-Type"] == "image/svg+xml"
    assert "attachment" in download["Content-Disposition"]
    assert link in download.content.decode()
