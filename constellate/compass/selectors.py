"""Reads of the compass app: permission-aware, scoped by organisation and initiative, a fixed
number of queries."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from constellate.accounts.roles import ORG_WIDE_READERS
from constellate.accounts.selectors import org_roles_for_user
from constellate.compass import aggregation
from constellate.compass.models import Constellation, Element, Rating, Response, Round
from constellate.core import texts as texts_mod
from constellate.initiatives.models import InitiativeMembership


@dataclass
class FrameworkElement:
    """An element with its texts resolved for one language."""

    obj: Element
    name: str
    description: str
    questions: list[str]

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def key(self) -> str:
        return self.obj.key

    @property
    def number(self) -> int:
        return self.obj.number

    @property
    def is_active(self) -> bool:
        return self.obj.is_active

    @property
    def is_standard(self) -> bool:
        return self.obj.is_standard


@dataclass
class FrameworkConstellation:
    obj: Constellation
    name: str
    description: str
    scenes: list[dict[str, Any]]
    elements: list[FrameworkElement] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def key(self) -> str:
        return self.obj.key


def _element(element: Element, lang: str | None) -> FrameworkElement:
    t = texts_mod.resolve(element.texts, lang)
    return FrameworkElement(
        obj=element,
        name=t.get("name") or element.key,
        description=t.get("description") or "",
        questions=[q for q in t.get("questions") or [] if q],
    )


def framework_for(
    *, organisation: Any, include_inactive: bool = False, lang: str | None = None
) -> list[FrameworkConstellation]:
    """The organisation's constellations, in order, each with its elements in order, texts in
    `lang` (default: the current language, falling back to English, Dutch, any). Two queries."""
    elements = Element.objects.filter(organisation=organisation).order_by(
        "position", "number", "pk"
    )
    if not include_inactive:
        elements = elements.filter(is_active=True)
    constellations = (
        Constellation.objects.filter(organisation=organisation)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("elements", queryset=elements, to_attr="element_list"))
    )
    result = []
    for c in constellations:
        t = texts_mod.resolve(c.texts, lang)
        result.append(
            FrameworkConstellation(
                obj=c,
                name=t.get("name") or c.key,
                description=t.get("description") or "",
                scenes=[s for s in t.get("scenes") or [] if isinstance(s, dict)],
                elements=[_element(e, lang) for e in c.element_list],  # type: ignore[attr-defined]
            )
        )
    return result


def framework_elements(*, organisation: Any, lang: str | None = None) -> list[FrameworkElement]:
    """All active elements of an organisation in framework order (constellation, position)."""
    return [e for c in framework_for(organisation=organisation, lang=lang) for e in c.elements]


def element_list(*, organisation: Any) -> QuerySet[Element]:
    return Element.objects.filter(organisation=organisation).select_related("constellation")


def framework_languages(*, organisation: Any) -> list[str]:
    """The languages an organisation's framework has texts for (or was given), sorted with
    the interface's languages first."""
    codes: set[str] = set()
    for texts in Constellation.objects.filter(organisation=organisation).values_list(
        "texts", flat=True
    ):
        if isinstance(texts, dict):
            codes.update(texts)
    return sorted(codes, key=lambda c: (c not in texts_mod.FALLBACK, c))


# Assessment rounds ----------------------------------------------------------------------------


def round_list(*, initiative: Any) -> QuerySet[Round]:
    """An initiative's rounds, newest first, each with its number of responses."""
    responses = (
        Response.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return (
        Round.objects.filter(initiative=initiative)
        .annotate(response_count=Coalesce(Subquery(responses), Value(0)))
        .order_by("-opens_on", "-pk")
    )


def round_by_token(*, token: str) -> Round | None:
    if not token or len(token) > 40 or "\x00" in token:
        return None
    return Round.objects.select_related("initiative__organisation").filter(token=token).first()


def response_for(*, round: Round, user: Any = None, participant: Any = None) -> Response | None:
    """The one response of a person in a round: their own, or (for a signed-in person) the one
    they gave through the link before linking that participation to their account."""
    if participant is not None:
        return Response.objects.filter(round=round, participant=participant).first()
    if user is not None and user.is_authenticated:
        return (
            Response.objects.filter(round=round)
            .filter(Q(user=user) | Q(participant__user=user))
            .order_by("-user_id", "pk")
            .first()
        )
    return None


def round_elements(*, round: Round, lang: str | None = None) -> list[FrameworkConstellation]:
    """The constellations of a round with only the elements it covers, in framework order
    (whatever has been moved or deactivated since). Two queries."""
    covered = set(round.elements.values_list("pk", flat=True))
    framework = framework_for(
        organisation=round.initiative.organisation_id, include_inactive=True, lang=lang
    )
    result = []
    for c in framework:
        elements = [e for e in c.elements if e.pk in covered]
        if elements:
            result.append(
                FrameworkConstellation(
                    obj=c.obj,
                    name=c.name,
                    description=c.description,
                    scenes=c.scenes,
                    elements=elements,
                )
            )
    return result


def round_respondents(*, round_ids: list[int]) -> dict[int, dict[str, int]]:
    """{round id: {group: respondents}} in one query."""
    result: dict[int, dict[str, int]] = {}
    rows = (
        Response.objects.filter(round_id__in=round_ids)
        .order_by()
        .values("round_id", "group")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        result.setdefault(row["round_id"], {})[row["group"]] = row["n"]
    return result


def _ratings(round_ids: list[int]):
    return (
        Rating.objects.filter(response__round_id__in=round_ids)
        .order_by()
        .values_list(
            "response__round_id", "response__group", "element_id", "progress", "importance"
        )
    )


def round_results(*, round: Round) -> aggregation.RoundResults:
    """The figures of one round, under the privacy rules of `aggregation`. Three queries."""
    element_ids = list(round.elements.values_list("pk", flat=True))
    respondents = round_respondents(round_ids=[round.pk]).get(round.pk, {})
    ratings = ((g, e, p, i) for _r, g, e, p, i in _ratings([round.pk]))
    return aggregation.aggregate(ratings, respondents, element_ids)


def round_notes(
    *, round: Round, results: aggregation.RoundResults
) -> dict[int, list[dict[str, Any]]]:
    """Notes and evidence links per element, without names, only from groups that are shown
    (at least MIN_GROUP_SIZE respondents), labelled with the group they are counted in and
    sorted by their text, so neither a name nor the order of answering says who wrote them."""
    notes: dict[int, list[dict[str, Any]]] = {}
    rows = (
        Rating.objects.filter(response__round=round)
        .exclude(note="", evidence=[])
        .order_by()
        .values_list("element_id", "response__group", "note", "evidence")
    )
    for element_id, group, note, evidence in rows:
        shown = results.plan.mapping.get(group)
        if shown is None:
            continue
        notes.setdefault(element_id, []).append(
            {"group": shown, "note": note, "evidence": list(evidence or [])}
        )
    for items in notes.values():
        items.sort(key=lambda n: (n["note"].casefold(), n["evidence"]))
    return notes


@dataclass
class RoundColumn:
    round: Round
    results: aggregation.RoundResults


def rounds_compare(*, initiative: Any, limit: int = 8) -> list[RoundColumn]:
    """The initiative's closed rounds, oldest first (at most `limit`, the newest ones), with
    their figures. A fixed number of queries, however many rounds and answers."""
    today = timezone.localdate()
    rounds = list(
        Round.objects.filter(initiative=initiative)
        .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today))
        .prefetch_related(Prefetch("elements", queryset=Element.objects.only("pk")))
        .order_by("-closes_on", "-pk")[:limit]
    )
    rounds.reverse()
    ids = [r.pk for r in rounds]
    respondents = round_respondents(round_ids=ids)
    by_round: dict[int, list] = {pk: [] for pk in ids}
    for round_id, group, element_id, progress, importance in _ratings(ids):
        by_round[round_id].append((group, element_id, progress, importance))
    return [
        RoundColumn(
            round=r,
            results=aggregation.aggregate(
                by_round[r.pk], respondents.get(r.pk, {}), [e.pk for e in r.elements.all()]
            ),
        )
        for r in rounds
    ]


def open_rounds(*, initiative: Any, today: date | None = None) -> list[Round]:
    today = today or timezone.localdate()
    return list(
        Round.objects.filter(
            initiative=initiative, opens_on__lte=today, closes_on__gte=today, closed_at=None
        ).order_by("closes_on", "pk")[:10]
    )


def rounds_to_answer(*, user: Any, today: date | None = None, limit: int = 10) -> list[Round]:
    """Open rounds in initiatives the person can see that they have not answered yet. Two
    queries (their organisation roles may already be loaded)."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    wide_orgs = [org for org, role in org_roles_for_user(user).items() if role in ORG_WIDE_READERS]
    member_of = InitiativeMembership.objects.filter(user=user).values("initiative_id")
    answered = Response.objects.filter(Q(user=user) | Q(participant__user=user)).values("round_id")
    return list(
        Round.objects.filter(
            Q(initiative__organisation_id__in=wide_orgs) | Q(initiative_id__in=member_of),
            opens_on__lte=today,
            closes_on__gte=today,
            closed_at=None,
        )
        .exclude(pk__in=answered)
        .select_related("initiative")
        .order_by("closes_on", "pk")[:limit]
    )
