from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from constellate.accounts.models import Membership, User
from constellate.accounts.roles import INITIATIVE_CREATORS, ORG_WIDE_READERS
from constellate.accounts.selectors import org_roles_for_user
from constellate.core.rows import fetch_one
from constellate.initiatives import canvas as canvas_mod
from constellate.initiatives.choices import InitiativeStatus, Visibility
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)

# Both role maps in one round trip, in plain SQL: every permission check needs them and they
# are read on every signed-in page, where building two ORM queries cost more than running them.
_ROLES_SQL = (
    "SELECT 'o', organisation_id, role FROM {membership} WHERE user_id = %s "
    "UNION ALL SELECT 'i', initiative_id, role FROM {initiative_membership} WHERE user_id = %s"
)


def initiative_roles_for_user(user: User) -> dict[int, str]:
    """{initiative id: role} for a user, loaded once per request object, together with the
    user's organisation roles (see accounts.selectors.org_roles_for_user)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_initiative_roles", None)
    if cached is None:
        sql = _ROLES_SQL.format(
            membership=connection.ops.quote_name(Membership._meta.db_table),
            initiative_membership=connection.ops.quote_name(InitiativeMembership._meta.db_table),
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [user.pk, user.pk])
            rows = cursor.fetchall()
        cached = {pk: role for kind, pk, role in rows if kind == "i"}
        user._initiative_roles = cached  # type: ignore[attr-defined]
        if getattr(user, "_org_roles", None) is None:
            user._org_roles = {pk: role for kind, pk, role in rows if kind == "o"}  # type: ignore[attr-defined]
    return cached


def initiative_by_pk(*, pk: int, viewer: User | None = None) -> Initiative | None:
    """One initiative, for the pages that show one; its organisation is loaded when used.
    With a signed-in `viewer`, the same query brings their role in the organisation and in
    the initiative (`viewer_org_role`, `viewer_role`), which the permission rules then use
    instead of loading every role the viewer holds.

    Plain SQL because this runs on every initiative page, staff and public, whose body is
    mostly served from the cache: building the ORM query cost more than running it."""
    if not 0 < pk < 2**63:  # no such row; the database would refuse the number
        return None
    if viewer is None or not viewer.is_authenticated:
        return fetch_one(Initiative, where="t.id = %s", params=[pk])
    quote = connection.ops.quote_name
    initiative = fetch_one(
        Initiative,
        where="t.id = %s",
        params=[viewer.pk, viewer.pk, pk],
        extra=[
            (
                "viewer_org_role",
                f"(SELECT m.role FROM {quote(Membership._meta.db_table)} m "  # noqa: S608
                "WHERE m.user_id = %s AND m.organisation_id = t.organisation_id)",
            ),
            (
                "viewer_role",
                f"(SELECT im.role FROM {quote(InitiativeMembership._meta.db_table)} im "  # noqa: S608
                "WHERE im.user_id = %s AND im.initiative_id = t.id)",
            ),
        ],
    )
    if initiative is not None:
        initiative.viewer_id = viewer.pk  # type: ignore[attr-defined]
    return initiative


def _visible_filter(user: User) -> Q:
    wide_orgs = [org for org, role in org_roles_for_user(user).items() if role in ORG_WIDE_READERS]
    # Two indexed lookups and no join: joining the memberships repeats rows and makes the
    # database scan every initiative of every organisation.
    member_of = InitiativeMembership.objects.filter(user=user).values("initiative_id")
    return Q(organisation_id__in=wide_orgs) | Q(pk__in=member_of)


def _activity_count() -> Coalesce:
    """The number of activities as a correlated subquery: counted for the rows shown only,
    and left out of the paginator's COUNT (a Count() join groups the whole list twice)."""
    count = (
        Activity.objects.filter(initiative=OuterRef("pk"))
        .order_by()
        .values("initiative")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(count), Value(0))


def _searchable(query: str) -> str:
    """Search text the database accepts: PostgreSQL refuses NUL characters in a query."""
    return query.replace("\x00", "").strip()


def initiative_list_for_user(
    *, user: User, query: str = "", status: str = "", organisation_id: int | None = None
) -> QuerySet[Initiative]:
    """The initiatives a signed-in person may see, newest activity first."""
    if not user.is_authenticated:
        return Initiative.objects.none()
    qs = Initiative.objects.filter(_visible_filter(user))
    query = _searchable(query)
    if query:
        qs = qs.filter(
            Q(title__icontains=query) | Q(summary__icontains=query) | Q(place__icontains=query)
        )
    if status in InitiativeStatus.values:
        qs = qs.filter(status=status)
    if organisation_id:
        qs = qs.filter(organisation_id=organisation_id)
    return (
        qs.select_related("organisation")
        .annotate(activity_count=_activity_count())
        .order_by("-updated_at", "-pk")
    )


def organisations_where_user_can_create(*, user: User) -> list[int]:
    return [org for org, role in org_roles_for_user(user).items() if role in INITIATIVE_CREATORS]


def public_initiative_list(*, query: str = "") -> QuerySet[Initiative]:
    qs = Initiative.objects.filter(visibility=Visibility.PUBLIC)
    query = _searchable(query)
    if query:
        qs = qs.filter(
            Q(title__icontains=query) | Q(summary__icontains=query) | Q(place__icontains=query)
        )
    return qs.select_related("organisation").order_by("-updated_at", "-pk")


def activity_list(*, initiative: Initiative, public_only: bool = False) -> QuerySet[Activity]:
    qs = Activity.objects.filter(initiative=initiative).select_related("run_by")
    if public_only:
        qs = qs.filter(is_public=True)
    return qs.order_by("opens_on", "title")


def initiative_member_list(*, initiative: Initiative) -> QuerySet[InitiativeMembership]:
    return (
        InitiativeMembership.objects.filter(initiative=initiative)
        .select_related("user")
        .order_by("role", "user__display_name")
    )


def canvas_current(*, initiative: Initiative) -> CanvasVersion | None:
    return (
        CanvasVersion.objects.filter(initiative=initiative)
        .select_related("author")
        .order_by("-number")
        .first()
    )


def canvas_latest_for(*, initiative_ids: list[int]) -> QuerySet[CanvasVersion]:
    """The newest canvas version of each initiative, in one query."""
    newest = (
        CanvasVersion.objects.filter(initiative=OuterRef("initiative"))
        .order_by("-number")
        .values("number")[:1]
    )
    return CanvasVersion.objects.filter(initiative_id__in=initiative_ids, number=Subquery(newest))


def canvas_version_list(*, initiative: Initiative) -> QuerySet[CanvasVersion]:
    return (
        CanvasVersion.objects.filter(initiative=initiative)
        .select_related("author")
        .order_by("-number")
    )


def dashboard_for_user(*, user: User, today: date | None = None) -> dict[str, Any]:
    """What a staff member sees first: their initiatives, what is open now, what needs care.

    A fixed number of queries, whatever the amount of data."""
    today = today or timezone.localdate()
    my_ids = list(
        InitiativeMembership.objects.filter(user=user).values_list("initiative_id", flat=True)[:200]
    )
    mine = list(
        Initiative.objects.filter(pk__in=my_ids)
        .select_related("organisation")
        .annotate(activity_count=Count("activities"))
        .order_by("-updated_at")[:20]
    )
    open_now = list(
        Activity.objects.filter(initiative_id__in=my_ids, opens_on__lte=today)
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        .select_related("initiative")
        .order_by("closes_on", "title")[:20]
    )
    soon = today + timedelta(days=7)
    closing_soon = [a for a in open_now if a.closes_on and a.closes_on <= soon]
    unrun = list(
        Activity.objects.filter(
            initiative_id__in=my_ids, run_by__isnull=True, run_by_note="", closes_on__gte=today
        )
        .select_related("initiative")
        .order_by("opens_on")[:10]
    )
    latest = {v.initiative_id: v for v in canvas_latest_for(initiative_ids=[i.pk for i in mine])}
    incomplete_canvas = []
    for initiative in mine:
        version = latest.get(initiative.pk)
        missing = canvas_mod.completeness(version.data if version else None)
        if missing and initiative.status != InitiativeStatus.CLOSED:
            incomplete_canvas.append({"initiative": initiative, "missing": len(missing)})
    no_activity = [i for i in mine if i.activity_count == 0 and i.status != InitiativeStatus.CLOSED]
    return {
        "mine": mine,
        "open_now": open_now,
        "closing_soon": closing_soon,
        "unrun": unrun,
        "incomplete_canvas": incomplete_canvas,
        "no_activity": no_activity,
        "today": today,
    }


def activity_by_join_token(*, token: str) -> Activity | None:
    if not token or len(token) > 20 or "\x00" in token:  # PostgreSQL refuses NUL
        return None
    return (
        Activity.objects.select_related("initiative__organisation").filter(join_token=token).first()
    )
