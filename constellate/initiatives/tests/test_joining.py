"""Taking part without an account: the activity's link, the pseudonymous participant, the
personal link that brings it to another browser, and claiming an account."""

import datetime

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.models import Participant, User, token_hash
from constellate.accounts.selectors import PARTICIPANT_COOKIE
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives.choices import Visibility
from constellate.initiatives.tests.factories import ActivityFactory, InitiativeFactory
from constellate.initiatives.tests.support import NEW_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def activity():
    return ActivityFactory(title="Buurtgesprek", initiative__title="Samen Houten")


def _join(client, activity):
    return client.post(reverse("initiatives:join", args=[activity.join_token]))


def test_join_page_explains_taking_part_without_an_account(client, activity):
    response = client.get(reverse("initiatives:join", args=[activity.join_token]))
    assert response.status_code == 200
    assert "Buurtgesprek" in response.content.decode()
    assert b'method="post"' in response.content


def test_joining_creates_a_pseudonymous_participant_with_minimal_data(client, activity):
    assert Participant.objects.count() == 0
    response = _join(client, activity)
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:joined", args=[activity.join_token])
    participant = Participant.objects.get()
    assert participant.joined_via == activity
    assert participant.user is None
    assert participant.pseudonym.startswith("#")
    # The model has no place for a name, an e-mail address, an IP address or device details.
    fields = {f.name for f in Participant._meta.get_fields() if f.concrete}
    assert fields == {
        "id",
        "pseudonym",
        "secret_hash",
        "joined_via",
        "user",
        "created_at",
        "last_seen_on",
    }


def test_joining_sets_a_signed_httponly_cookie_holding_only_the_secret(client, activity):
    response = _join(client, activity)
    cookie = response.cookies[PARTICIPANT_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 60 * 60 * 24 * 300
    request = RequestFactory().get("/")
    request.COOKIES[PARTICIPANT_COOKIE] = cookie.value
    secret = request.get_signed_cookie(PARTICIPANT_COOKIE, salt="participant")
    assert cookie.value != secret  # signed, not the bare secret
    participant = Participant.objects.get()
    # The database keeps only a hash of the secret, so a leak reveals no working link.
    assert participant.secret_hash == token_hash(secret)
    assert secret not in participant.secret_hash


def test_a_tampered_participant_cookie_is_ignored(client, activity):
    _join(client, activity)
    client.cookies[PARTICIPANT_COOKIE] = client.cookies[PARTICIPANT_COOKIE].value + "x"
    response = client.get(reverse("accounts:participant_home"))
    assert response.status_code == 200
    assert response.context["participant"] is None


def test_personal_link_is_shown_once_after_joining(client, activity):
    _join(client, activity)
    participant = Participant.objects.get()
    first = client.get(reverse("initiatives:joined", args=[activity.join_token]))
    assert first.status_code == 200
    link = first.context["return_url"]
    assert "/me/" in link
    assert link in first.content.decode()
    assert participant.pseudonym in first.content.decode()
    again = client.get(reverse("initiatives:joined", args=[activity.join_token]))
    assert again.status_code == 200
    assert again.context["return_url"] == ""
    assert link not in again.content.decode()


def test_personal_link_restores_the_participant_in_another_browser(client, activity):
    _join(client, activity)
    link = client.get(reverse("initiatives:joined", args=[activity.join_token])).context[
        "return_url"
    ]
    participant = Participant.objects.get()
    other_browser = Client(raise_request_exception=False)
    assert other_browser.get(reverse("accounts:participant_home")).context["participant"] is None
    response = other_browser.get(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:participant_home")
    assert response.cookies[PARTICIPANT_COOKIE]["httponly"]
    page = other_browser.get(reverse("accounts:participant_home"))
    assert page.context["participant"] == participant
    assert participant.pseudonym in page.content.decode()
    # Joining again from the second browser reuses the same participant.
    _join(other_browser, activity)
    assert Participant.objects.count() == 1


def test_joining_twice_in_one_browser_keeps_one_participant(client, activity):
    _join(client, activity)
    second = ActivityFactory(initiative=activity.initiative)
    _join(client, second)
    assert Participant.objects.count() == 1


def test_wrong_personal_link_gives_a_friendly_404(client):
    response = client.get(reverse("accounts:participant_return", args=["not-a-real-secret"]))
    assert response.status_code == 404
    assert "accounts/participant_link_invalid.html" in [t.name for t in response.templates]
    assert PARTICIPANT_COOKIE not in response.cookies


def test_claiming_an_account_links_the_participant_and_signs_in(client, activity):
    _join(client, activity)
    participant = Participant.objects.get()
    response = client.post(
        reverse("accounts:participant_home"),
        {
            "email": "Bewoner@Example.org",
            "display_name": "",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="bewoner@example.org")
    participant.refresh_from_db()
    # The same participant (and so everything contributed under it) now belongs to the user.
    assert participant.user == user
    assert list(user.participants.all()) == [participant]
    assert user.check_password(NEW_PASSWORD)
    page = client.get(reverse("accounts:participant_home"))
    assert page.context["user"] == user
    assert page.context["form"] is None


def test_claiming_with_an_existing_address_shows_a_message_next_to_the_field(client, activity):
    org = OrganisationFactory()
    member(org, email="bestaat@example.org")
    _join(client, activity)
    response = client.post(
        reverse("accounts:participant_home"),
        {"email": "bestaat@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert Participant.objects.get().user is None
    assert User.objects.count() == 1


def test_signed_in_user_can_link_a_participation_to_the_account(client, activity):
    _join(client, activity)
    user = member(OrganisationFactory())
    client.force_login(user)
    response = client.post(reverse("accounts:participant_home"))
    assert response.status_code == 302
    assert Participant.objects.get().user == user


def test_joining_when_joining_is_closed_shows_a_clear_message(client, activity):
    activity.joining_open = False
    activity.save()
    page = client.get(reverse("initiatives:join", args=[activity.join_token]))
    assert page.status_code == 200
    assert b'method="post"' not in page.content.split(b"<main", 1)[1]
    response = client.post(reverse("initiatives:join", args=[activity.join_token]), follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert Participant.objects.count() == 0
    assert PARTICIPANT_COOKIE not in client.cookies


@pytest.mark.parametrize(
    ("opens", "closes", "said"),
    [
        (3, 30, "This activity starts on"),
        (-30, -1, "This activity ended on"),
    ],
)
def test_outside_the_activitys_dates_nobody_joins_and_the_page_says_why(
    client, activity, opens, closes, said
):
    today = timezone.localdate()
    activity.opens_on = today + datetime.timedelta(days=opens)
    activity.closes_on = today + datetime.timedelta(days=closes)
    activity.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("initiatives:join", args=[activity.join_token])).content.decode()
    assert said in page and 'method="post"' not in page.split("<main", 1)[1]
    response = client.post(reverse("initiatives:join", args=[activity.join_token]), follow=True)
    assert [said in str(m) for m in response.context["messages"]] == [True]
    assert Participant.objects.count() == 0


@pytest.mark.parametrize(
    "token",
    ["doesnotexist", "x" * 21, "x" * 5000, "%00", "<script>alert(1)</script>", "' OR 1=1 --"],
)
def test_bad_join_token_gives_a_friendly_404(client, token):
    for name in ("initiatives:join", "initiatives:joined"):
        url = reverse(name, args=["PLACEHOLDER"]).replace("PLACEHOLDER", token)
        response = client.get(url)
        assert response.status_code == 404
        templates = {t.name for t in response.templates}
        # A token with a slash does not even reach the view: the site's own 404 page.
        assert templates & {"initiatives/join_invalid.html", "core/error.html"}
        assert b"<script>alert(1)</script>" not in response.content
        assert client.post(url).status_code == 404
    assert Participant.objects.count() == 0


def test_join_page_of_private_initiative_does_not_show_the_initiative(client):
    activity = ActivityFactory(
        initiative__visibility=Visibility.PRIVATE,
        initiative__title="Besloten initiatief",
        initiative__summary="Geheime samenvatting",
        purpose="Geheim doel",
    )
    body = client.get(reverse("initiatives:join", args=[activity.join_token])).content.decode()
    assert "Besloten initiatief" not in body
    assert "Geheim doel" not in body


def test_join_page_of_private_initiative_keeps_the_activity_title_hidden(client):
    activity = ActivityFactory(
        initiative__visibility=Visibility.PRIVATE, title="Verborgen activiteit"
    )
    body = client.get(reverse("initiatives:join", args=[activity.join_token])).content.decode()
    assert "Verborgen activiteit" not in body


def test_welcome_page_of_private_initiative_keeps_the_activity_title_hidden(client, activity):
    _join(client, activity)  # a public activity
    private = ActivityFactory(
        initiative__visibility=Visibility.PRIVATE, title="Verborgen activiteit"
    )
    body = client.get(reverse("initiatives:joined", args=[private.join_token])).content.decode()
    assert "Verborgen activiteit" not in body


def test_signed_in_user_joining_gets_a_participant_linked_to_the_account(client, activity):
    user = member(activity.initiative.organisation)
    client.force_login(user)
    _join(client, activity)
    assert Participant.objects.get().user == user
    # In a browser without the cookie, the account's participant is found again.
    other = ActivityFactory(initiative=InitiativeFactory())
    client.cookies.pop(PARTICIPANT_COOKIE)
    _join(client, other)
    assert Participant.objects.count() == 1


def test_participant_page_keeps_a_private_initiative_hidden(client):
    activity = ActivityFactory(
        initiative__visibility=Visibility.PRIVATE, initiative__title="Besloten initiatief"
    )
    _join(client, activity)
    body = client.get(reverse("accounts:participant_home")).content.decode()
    assert "Besloten initiatief" not in body
    assert activity.initiative.get_public_url() not in body
