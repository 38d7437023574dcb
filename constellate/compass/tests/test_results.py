"""What a closed round shows: figures per element and group, the gaps between groups in plain
words, next steps with questions and methods, CSV and print, and the privacy rules."""

import csv
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import report, services
from constellate.compass.tests.factories import (
    answers,
    framework,
    open_round,
    respond_as_participants,
)
from constellate.core.registry import MethodCatalogue, registry
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
POWER = "share_power_risk"


def build(n_staff=5, n_citizens=5, n_partners=0, note=""):
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    framework(org)
    round_ = open_round(initiative, lead)
    elements = list(round_.elements.all())
    staff = [lead] + [member(org, OrgRole.FACILITATOR) for _ in range(n_staff - 1)]
    for user in staff[:n_staff]:
        services.response_submit(
            round=round_,
            user=user,
            answers=answers(elements, progress={POWER: 4}, importance=4),
        )
    respond_as_participants(
        round_, "citizens", n_citizens, elements, progress={POWER: 2}, importance=5, note=note
    )
    respond_as_participants(round_, "partners", n_partners, elements)
    return org, lead, initiative, round_


def close(round_, lead):
    services.round_close(round=round_, actor=lead)
    round_.refresh_from_db()


def page(client, round_, lang="en"):
    with translation.override(lang):
        return client.get(reverse("compass:round", args=[round_.pk]), HTTP_ACCEPT_LANGUAGE=lang)


def test_the_gap_between_staff_and_citizens_is_shown_in_plain_words():
    org, lead, initiative, round_ = build()
    close(round_, lead)
    client = Client()
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    body = page(client, round_).content.decode()
    with translation.override("en"):
        element = report.selectors.round_elements(round=round_)[0].elements[3]
    assert element.key == POWER
    sentence = "Staff rate “Power, risk and resources are shared” 4.0 on average, citizens and service users 2.0."
    assert sentence in body
    # The biggest gap comes first in the list of differences.
    gaps = body.split('class="gap-list"')[1]
    assert gaps.index("Power, risk and resources are shared") < gaps.index("points.")
    assert body.count('class="compass-chart"') == 3
    assert "<polyline" in body and 'stroke-dasharray="9 5"' in body


def test_results_are_hidden_while_the_round_is_open():
    org, lead, initiative, round_ = build()
    client = Client()
    client.force_login(lead)
    body = page(client, round_).content.decode()
    assert "compass-chart" not in body and "gap-list" not in body
    assert client.get(reverse("compass:round_csv", args=[round_.pk])).status_code == 404
    assert client.get(reverse("compass:round_print", args=[round_.pk])).status_code == 404


def test_groups_under_five_are_merged_or_hidden_with_a_note():
    org, lead, initiative, round_ = build(n_staff=5, n_citizens=2, n_partners=2)
    close(round_, lead)
    data = report.build(round_)
    assert [g["key"] for g in data["groups"]] == ["staff"]
    assert data["hidden_respondents"] == 4
    with translation.override("en"):
        assert [str(m) for m in data["merged"]] == ["Citizens and service users", "Partners"]
    assert data["gaps"] == []
    client = Client()
    client.force_login(lead)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = page(client, round_).content.decode()
    assert "The answers of 4 people are not shown" in body
    assert "Citizens and service users:" not in body


def test_merged_small_groups_show_as_others_when_together_five():
    org, lead, initiative, round_ = build(n_staff=5, n_citizens=3, n_partners=2)
    close(round_, lead)
    data = report.build(round_)
    assert [g["key"] for g in data["groups"]] == ["staff", "others"]
    assert data["groups"][1]["size"] == 5
    assert data["hidden_respondents"] == 0


class FakeCatalogue:
    def __init__(self):
        self.calls = []

    def for_elements(self, organisation, keys):
        self.calls.append((organisation, list(keys)))
        return {
            POWER: [
                {
                    "key": "open_space",
                    "name": "Open Space " + SCRIPT,
                    "purpose": "Let people set the agenda.",
                    "url": "/library/methods/open_space/",
                }
            ]
        }


@pytest.fixture
def catalogue(monkeypatch):
    fake = FakeCatalogue()
    monkeypatch.setattr(
        registry,
        "method_catalogue",
        MethodCatalogue(
            choices=lambda org: [],
            label=lambda key: None,
            url=lambda key: None,
            for_elements=fake.for_elements,
        ),
    )
    return fake


def test_weak_and_disputed_elements_get_questions_and_methods(catalogue):
    org, lead, initiative, round_ = build()
    close(round_, lead)
    data = report.build(round_)
    by_key = {s["element"].key: s for s in data["suggestions"]}
    assert POWER in by_key
    power = by_key[POWER]
    assert power["result"].disputed
    assert power["methods"][0]["key"] == "open_space"
    assert power["element"].questions  # the element's reflective questions
    assert catalogue.calls and catalogue.calls[0][0] == org
    assert POWER in catalogue.calls[0][1]
    client = Client()
    client.force_login(lead)
    body = page(client, round_).content.decode()
    assert 'href="/library/methods/open_space/"' in body
    assert SCRIPT not in body and "&lt;script&gt;" in body


def test_without_a_method_library_the_questions_still_show(monkeypatch):
    monkeypatch.setattr(registry, "method_catalogue", None)
    org, lead, initiative, round_ = build()
    close(round_, lead)
    data = report.build(round_)
    power = next(s for s in data["suggestions"] if s["element"].key == POWER)
    assert power["methods"] == [] and len(power["element"].questions) >= 2


def test_the_csv_has_aggregates_only_and_is_safe_in_a_spreadsheet():
    org, lead, initiative, round_ = build(note="Mijn buurman Jan")
    round_.title = '=HYPERLINK("http://evil")'
    round_.save()
    close(round_, lead)
    client = Client()
    client.force_login(lead)
    response = client.get(reverse("compass:round_csv", args=[round_.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, body = rows[0], rows[1:]
    assert "group" in header and "progress_mean" in header
    assert len(body) == 18 * 3  # staff, citizens, all shown groups
    assert {r[header.index("group")] for r in body} == {"staff", "citizens", "all"}
    assert all(r[0].startswith("'=") for r in body)
    text = response.content.decode()
    assert "Jan" not in text and lead.email not in text and str(lead) not in text
    power = next(r for r in body if r[3] == POWER and r[5] == "citizens")
    assert power[header.index("progress_mean")] == "2.00"


def test_csv_safe_neutralises_formulas():
    assert report.csv_safe("=1+1") == "'=1+1"
    assert report.csv_safe("+cmd") == "'+cmd"
    assert report.csv_safe("@SUM") == "'@SUM"
    assert report.csv_safe("-2") == "'-2"
    assert report.csv_safe("Gewoon") == "Gewoon"
    assert report.csv_safe(3) == 3


def test_notes_show_without_names_only_from_shown_groups():
    org, lead, initiative, round_ = build(n_staff=5, n_citizens=5, note="Niemand vraagt ons iets")
    partner = respond_as_participants(
        round_, "partners", 2, list(round_.elements.all()), note="Geheime partnernotitie"
    )
    assert partner
    close(round_, lead)
    client = Client()
    client.force_login(lead)
    body = page(client, round_).content.decode()
    assert "Niemand vraagt ons iets" in body
    assert "Geheime partnernotitie" not in body  # the partners' group is hidden
    assert "#" not in body.split('class="compass-notes"')[1].split("</section>")[0].replace(
        "&#x27;", ""
    )


def test_a_respondent_sees_their_own_answers_but_not_others():
    org, lead, initiative, round_ = build()
    client = Client()
    url = reverse("compass:respond_link", args=[round_.token])
    element = round_.elements.order_by("number").first()
    body = {
        f"e{element.pk}-progress": "1",
        f"e{element.pk}-note": "Alleen van mij",
        "group": "others",
    }
    client.post(url, body)
    mine = client.get(url).content.decode()
    assert "Alleen van mij" in mine
    other = Client().get(url).content.decode()
    assert "Alleen van mij" not in other
    close(round_, lead)
    after = client.get(url).content.decode()
    assert "Alleen van mij" in after


def test_print_report_has_the_charts_and_a_print_stylesheet():
    org, lead, initiative, round_ = build()
    close(round_, lead)
    client = Client()
    client.force_login(lead)
    body = client.get(reverse("compass:round_print", args=[round_.pk])).content.decode()
    assert "compass-print.css" in body and body.count("<svg") == 3


def test_escaping_of_round_titles_and_element_texts():
    org, lead, initiative, round_ = build()
    round_.title = SCRIPT
    round_.save()
    element = round_.elements.order_by("number").first()
    element.texts["nl"]["name"] = SCRIPT
    element.texts["en"]["name"] = SCRIPT
    element.save()
    close(round_, lead)
    client = Client()
    client.force_login(lead)
    for url in [
        reverse("compass:round", args=[round_.pk]),
        reverse("compass:round_print", args=[round_.pk]),
        reverse("compass:rounds", args=[initiative.pk]),
        reverse("compass:compare", args=[initiative.pk]),
        reverse("compass:framework", args=[org.slug]),
        reverse("compass:respond_link", args=[round_.token]),
    ]:
        body = client.get(url).content.decode()
        assert SCRIPT not in body, url


def test_rounds_over_time_side_by_side():
    org, lead, initiative, round_ = build()
    close(round_, lead)
    second = open_round(initiative, lead, title="Najaar")
    elements = list(second.elements.all())
    for user in [lead] + [member(org, OrgRole.FACILITATOR) for _ in range(4)]:
        services.response_submit(round=second, user=user, answers=answers(elements, progress=5))
    close(second, lead)
    client = Client()
    client.force_login(lead)
    with translation.override("en"):
        body = client.get(reverse("compass:compare", args=[initiative.pk])).content.decode()
    assert body.index(round_.title) < body.index("Najaar")
    assert "▲" in body


def _rounds_and_answers(n_people: int):
    org, lead, initiative, round_ = build(n_staff=5, n_citizens=n_people)
    close(round_, lead)
    client = Client()
    client.force_login(lead)
    return client, round_, initiative


@pytest.mark.parametrize(
    "url_name",
    ["compass:round", "compass:round_print", "compass:round_csv", "compass:compare"],
)
def test_result_pages_make_the_same_number_of_queries_with_more_answers(url_name):
    counts = []
    for n in (5, 25):
        client, round_, initiative = _rounds_and_answers(n)
        arg = initiative.pk if url_name == "compass:compare" else round_.pk
        client.get(reverse(url_name, args=[arg]))  # warm the session and caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url_name, args=[arg])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
