import pytest
from django.core.management import CommandError, call_command

from constellate.accounts.models import Invitation, Organisation
from constellate.accounts.roles import OrgRole


@pytest.mark.django_db
def test_create_organisation_invites_its_first_admin(mailoutbox, client):
    call_command(
        "create_organisation", name="Gemeente Houten", slug="houten", admin_email="Coord@Houten.nl"
    )
    org = Organisation.objects.get(slug="houten")
    invitation = Invitation.objects.get(organisation=org)
    assert invitation.email == "coord@houten.nl" and invitation.role == OrgRole.ADMIN
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["coord@houten.nl"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/invitation/" in line)
    response = client.get(link.replace("http://127.0.0.1:8000", ""))
    assert response.status_code == 200
    assert b"Gemeente Houten" in response.content


@pytest.mark.django_db
def test_create_organisation_refuses_a_taken_short_name():
    call_command("create_organisation", name="A", slug="same", admin_email="a@example.org")
    with pytest.raises(CommandError):
        call_command("create_organisation", name="B", slug="same", admin_email="b@example.org")
    assert Organisation.objects.filter(slug="same").count() == 1
