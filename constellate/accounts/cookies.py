from constellate.accounts.selectors import PARTICIPANT_COOKIE


def participant_cookie_set(response, request, secret: str) -> None:
    """Remember a pseudonymous participant in this browser for a year (signed, HttpOnly)."""
    response.set_signed_cookie(
        PARTICIPANT_COOKIE,
        secret,
        salt="participant",
        max_age=60 * 60 * 24 * 365,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
