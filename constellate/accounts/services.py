import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from constellate.accounts.models import (
    ApiToken,
    Invitation,
    LoginThrottle,
    Membership,
    Organisation,
    Participant,
    User,
    new_token,
    token_hash,
)
from constellate.accounts.roles import OrgRole
from constellate.core.registry import registry
from constellate.core.services import audit_record

INVITATION_DAYS = 14
PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# Organisations and memberships -------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *, name: str, slug: str, country: str = "", description: str = "", admin: User | None = None
) -> Organisation:
    org = Organisation(name=name, slug=slug, country=country, description=description)
    org.full_clean()
    org.save()
    if admin is not None:
        Membership.objects.create(organisation=org, user=admin, role=OrgRole.ADMIN)
    return org


def membership_set_role(*, membership: Membership, role: str, actor: User) -> Membership:
    if role not in OrgRole.values:
        raise ValidationError({"role": _("Choose one of the roles in the list.")})
    if membership.role == OrgRole.ADMIN and role != OrgRole.ADMIN:
        _ensure_other_admin(membership)
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit_record(
        actor=actor,
        action="membership.role_changed",
        obj=membership,
        organisation_id=membership.organisation_id,
        detail={"role": role},
    )
    return membership


def membership_remove(*, membership: Membership, actor: User) -> None:
    if membership.role == OrgRole.ADMIN:
        _ensure_other_admin(membership)
    audit_record(
        actor=actor,
        action="membership.removed",
        obj=membership,
        organisation_id=membership.organisation_id,
    )
    membership.delete()


def _ensure_other_admin(membership: Membership) -> None:
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=OrgRole.ADMIN
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(
            _("An organisation needs at least one admin. Make someone else admin first.")
        )


# Invitations -------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User | None,
    accept_url: str = "",
) -> tuple[Invitation, str]:
    """Invite an e-mail address with a role. Returns the invitation and its one-time token.

    `accept_url` is the page for the token (with the token in it); it is e-mailed."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email=email).exists():
        raise ValidationError({"email": _("This person is already a member of the organisation.")})
    Invitation.objects.filter(
        organisation=organisation, email=email, accepted_at__isnull=True
    ).delete()
    token = new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    audit_record(
        actor=invited_by,
        action="invitation.created",
        obj=invitation,
        organisation_id=organisation.pk,
    )
    if accept_url:
        _send(
            to=email,
            subject=_("You are invited to %(org)s on %(site)s")
            % {"org": organisation.name, "site": settings.SITE_NAME},
            template="accounts/email/invitation.txt",
            context={
                "organisation": organisation,
                "role": invitation.get_role_display(),
                "url": accept_url.replace("TOKEN", token),
                "inviter": invited_by or settings.SITE_NAME,
                "days": INVITATION_DAYS,
            },
        )
    return invitation, token


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, password: str = "", display_name: str = "", user: User | None = None
) -> User:
    """Accept an invitation: as the signed-in `user`, or by creating an account."""
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or was already used."))
    if user is None:
        if User.objects.filter(email=invitation.email).exists():
            raise ValidationError(
                _(
                    "An account with this e-mail address exists. Sign in first, then open the link again."
                )
            )
        user = User(email=invitation.email, display_name=display_name.strip())
        validate_password(password, user)
        user.set_password(password)
        user.language = translation.get_language() or settings.LANGUAGE_CODE
        user.full_clean(exclude=["password", "username"])
        user.save()
    Membership.objects.update_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    audit_record(
        actor=user,
        action="invitation.accepted",
        obj=invitation,
        organisation_id=invitation.organisation_id,
    )
    return user


def invitation_revoke(*, invitation: Invitation, actor: User) -> None:
    audit_record(
        actor=actor,
        action="invitation.revoked",
        obj=invitation,
        organisation_id=invitation.organisation_id,
    )
    invitation.delete()


def _send(*, to: str, subject: str, template: str, context: dict[str, Any]) -> None:
    body = render_to_string(template, {**context, "platform_name": settings.SITE_NAME})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


# Sign-in throttling ------------------------------------------------------------------------


def _throttle_key(email: str) -> str:
    return token_hash("login:" + (email or "").strip().lower())


def login_locked_until(*, email: str):
    """The time until which sign-in for this address is locked, or None."""
    row = LoginThrottle.objects.filter(key=_throttle_key(email)).first()
    if row and row.locked_until and row.locked_until > timezone.now():
        return row.locked_until
    return None


@transaction.atomic
def login_failure_record(*, email: str) -> int:
    """Count a failed sign-in. Returns the number of failures in the current window."""
    now = timezone.now()
    window = timedelta(minutes=settings.LOGIN_LOCK_MINUTES)
    row, _created = LoginThrottle.objects.select_for_update().get_or_create(
        key=_throttle_key(email), defaults={"first_failure_at": now}
    )
    if row.first_failure_at < now - window or (row.locked_until and row.locked_until <= now):
        row.failures = 0
        row.first_failure_at = now
        row.locked_until = None
    row.failures += 1
    if row.failures >= settings.LOGIN_FAILURE_LIMIT:
        row.locked_until = now + window
    row.save()
    return row.failures


def login_success_record(*, email: str) -> None:
    LoginThrottle.objects.filter(key=_throttle_key(email)).delete()


# Participants without an account -----------------------------------------------------------


def _pseudonym() -> str:
    code = "".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(5))
    return f"#{code}"


def participant_create(
    *, activity: Any = None, user: User | None = None
) -> tuple[Participant, str]:
    """A new pseudonymous participant. Returns it and the secret for its link and cookie."""
    secret = new_token()
    participant = Participant.objects.create(
        pseudonym=_pseudonym(), secret_hash=token_hash(secret), joined_via=activity, user=user
    )
    return participant, secret


def participant_touch(*, participant: Participant) -> None:
    today = timezone.localdate()
    if participant.last_seen_on != today:
        Participant.objects.filter(pk=participant.pk).update(last_seen_on=today)
        participant.last_seen_on = today


@transaction.atomic
def participant_claim(
    *, participant: Participant, email: str, password: str, display_name: str = ""
) -> User:
    """Turn a pseudonymous participant into an account; their contributions come along,
    because every contribution points at the participant and the participant now points at
    the user."""
    if participant.user_id:
        raise ValidationError(_("This participation is already linked to an account."))
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError(
            {"email": _("An account with this e-mail address exists. Sign in to link it instead.")}
        )
    user = User(email=email, display_name=display_name.strip())
    user.language = translation.get_language() or settings.LANGUAGE_CODE
    user.full_clean(exclude=["password", "username"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    participant.user = user
    participant.save(update_fields=["user"])
    return user


def participant_link_to_user(*, participant: Participant, user: User) -> Participant:
    """Link a pseudonymous participant to the signed-in account."""
    if participant.user_id and participant.user_id != user.pk:
        raise ValidationError(_("This participation is already linked to another account."))
    participant.user = user
    participant.save(update_fields=["user"])
    return participant


# Personal data: export and erasure ---------------------------------------------------------


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about a person, gathered through the registry."""
    data: dict[str, Any] = {"exported_at": timezone.now().isoformat()}
    for key, item in sorted(registry.personal_data.items()):
        data[key] = list(item.export(user))
    audit_record(actor=user, action="personal_data.exported", obj=user)
    return data


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Erase a person: every registered kind of personal data, then the account itself.
    The pseudonymous identities ("participations") go last, so that each app erases the
    contributions hanging on them itself (and keeps its counts true) before they cascade."""
    items = sorted(registry.personal_data.values(), key=lambda item: item.key == "participations")
    for item in items:
        item.erase(user)
    audit_record(actor=None, action="user.erased", detail={"user_id": user.pk})
    user.delete()


# API keys ----------------------------------------------------------------------------------

API_TOKEN_DAYS = 365


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new API key for `user`. Returns the key object and the secret, shown only once."""
    name = name.strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the key a name, for example the tool that uses it.")}
        )
    secret = "cst_" + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name[:80],
        prefix=secret[4:12],
        token_hash=token_hash(secret),
        expires_at=timezone.now() + timedelta(days=API_TOKEN_DAYS),
    )
    token.full_clean()
    token.save()
    audit_record(actor=user, action="api_token.created", obj=token)
    return token, secret


def api_token_revoke(*, token: ApiToken, actor: User) -> None:
    audit_record(actor=actor, action="api_token.revoked", obj=token)
    token.delete()


def api_token_authenticate(*, secret: str) -> User | None:
    """The active user a valid, unexpired key belongs to, or None."""
    if not secret or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash(secret), expires_at__gt=timezone.now(), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
    return token.user


def user_language_set(*, user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages in the list.")})
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
