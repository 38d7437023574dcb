"""What the accounts app declares to the registry: the personal data it holds."""

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import PersonalData, register_personal_data


def _profile_export(user):
    yield {
        "email": user.email,
        "name": user.display_name,
        "language": user.language,
        "joined": user.date_joined,
        "last_login": user.last_login,
    }


def _memberships_export(user):
    for m in user.memberships.select_related("organisation"):
        yield {"organisation": m.organisation.name, "role": m.role, "since": m.created_at}


def _participants_export(user):
    for p in user.participants.all():
        yield {"pseudonym": p.pseudonym, "created": p.created_at, "last_seen": p.last_seen_on}


def _participants_erase(user) -> int:
    # The pseudonymous identities go with the account; contributions erase through their own apps.
    return user.participants.all().delete()[0]


register_personal_data(
    PersonalData(key="profile", label=_("Profile"), export=_profile_export, erase=lambda user: 0)
)
register_personal_data(
    PersonalData(
        key="memberships", label=_("Memberships"), export=_memberships_export, erase=lambda user: 0
    )
)
register_personal_data(
    PersonalData(
        key="participations",
        label=_("Participation without an account"),
        export=_participants_export,
        erase=_participants_erase,
    )
)


def _api_tokens_export(user):
    for t in user.api_tokens.all():
        yield {
            "name": t.name,
            "starts_with": t.prefix,
            "created": t.created_at,
            "expires": t.expires_at,
        }


register_personal_data(
    PersonalData(
        key="api_keys",
        label=_("API keys"),
        export=_api_tokens_export,
        erase=lambda user: user.api_tokens.all().delete()[0],
    )
)
