from django.db.models import QuerySet
from django.http import HttpRequest

from constellate.accounts.models import (
    Invitation,
    Membership,
    Organisation,
    Participant,
    User,
    token_hash,
)

PARTICIPANT_COOKIE = "constellate_participant"


def org_roles_for_user(user: User) -> dict[int, str]:
    """{organisation id: role} for a user, loaded once per request object."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_org_roles", None)
    if cached is None:
        cached = dict(Membership.objects.filter(user=user).values_list("organisation_id", "role"))
        user._org_roles = cached  # type: ignore[attr-defined]
    return cached


def organisation_list_for_user(*, user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def member_list(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__display_name", "user__email")
    )


def invitation_list_open(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation=organisation, accepted_at__isnull=True).order_by(
        "-created_at"
    )


def invitation_by_token(*, token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )
    return invitation if invitation and invitation.is_usable else None


def participant_by_secret(*, secret: str) -> Participant | None:
    if not secret or len(secret) > 200:
        return None
    return Participant.objects.select_related("user").filter(secret_hash=token_hash(secret)).first()


def participant_for_request(request: HttpRequest) -> Participant | None:
    """The pseudonymous participant this browser carries in its cookie, cached per request."""
    if not hasattr(request, "_participant"):
        secret = request.get_signed_cookie(PARTICIPANT_COOKIE, default="", salt="participant") or ""
        request._participant = participant_by_secret(secret=secret)  # type: ignore[attr-defined]
    return request._participant  # type: ignore[attr-defined]
