"""Reads of reflection sessions and actions: scoped by initiative (and for a person's own
actions by the initiatives they may see), a fixed number of queries whatever the data size.
Views check `compass.view_reflection` on the initiative before they call these."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from constellate.accounts.models import User
from constellate.accounts.roles import ORG_WIDE_READERS
from constellate.accounts.selectors import org_roles_for_user
from constellate.compass.models import ActionStatus, ReflectionAction, ReflectionSession
from constellate.compass.selectors import FrameworkConstellation, framework_for
from constellate.core import texts as texts_mod
from constellate.initiatives.models import Initiative, InitiativeMembership

ACTION_FILTERS = ("open", "overdue", "done", "all")


def _action_count(**filters: Any) -> Coalesce:
    """The number of a session's actions as a correlated subquery (counted for the rows shown
    only, and kept out of the paginator's COUNT)."""
    count = (
        ReflectionAction.objects.filter(session=OuterRef("pk"), **filters)
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(count), Value(0))


def session_list(*, initiative: Initiative) -> QuerySet[ReflectionSession]:
    """The initiative's sessions, newest first, each with its number of (open) actions."""
    return (
        ReflectionSession.objects.filter(initiative=initiative)
        .select_related("constellation", "facilitator")
        .annotate(
            action_count=_action_count(),
            open_action_count=_action_count(status=ActionStatus.OPEN),
        )
        .order_by("-held_on", "-pk")
    )


def session_by_pk(pk: int) -> ReflectionSession | None:
    return (
        ReflectionSession.objects.select_related(
            "initiative__organisation", "constellation", "facilitator", "closed_by"
        )
        .filter(pk=pk)
        .first()
    )


def action_by_pk(pk: int) -> ReflectionAction | None:
    return (
        ReflectionAction.objects.select_related(
            "initiative__organisation", "session__constellation", "owner", "element", "done_by"
        )
        .filter(pk=pk)
        .first()
    )


@dataclass
class SceneQuestion:
    key: str  # "<scene>-<question>"
    field_name: str  # the form field: "answer_<scene>_<question>"
    text: str
    answer: str


@dataclass
class Scene:
    number: int
    title: str
    situation: str
    questions: list[SceneQuestion]


def session_scenes(session: ReflectionSession, lang: str | None = None) -> list[Scene]:
    """The session's two scenes with their questions in the current language (falling back
    as all texts do), each question with the group's answer. No query."""
    per_lang = {
        code: {"scenes": scenes}
        for code, scenes in (session.scenes or {}).items()
        if isinstance(scenes, list)
    }
    scenes = texts_mod.resolve(per_lang, lang).get("scenes") or []
    answers = session.answers if isinstance(session.answers, dict) else {}
    result = []
    for s, scene in enumerate(scenes):
        if not isinstance(scene, dict):
            continue
        questions = [
            SceneQuestion(
                key=f"{s}-{q}",
                field_name=f"answer_{s}_{q}",
                text=str(text),
                answer=str(answers.get(f"{s}-{q}", "")),
            )
            for q, text in enumerate(scene.get("questions") or [])
            if text
        ]
        result.append(
            Scene(
                number=s + 1,
                title=str(scene.get("title") or ""),
                situation=str(scene.get("situation") or ""),
                questions=questions,
            )
        )
    return result


def session_constellation(
    session: ReflectionSession, lang: str | None = None
) -> FrameworkConstellation | None:
    """The session's constellation in the organisation's framework as it is now, with its
    active elements, texts in the current language. Two queries."""
    for constellation in framework_for(organisation=session.initiative.organisation, lang=lang):
        if constellation.pk == session.constellation_id:
            return constellation
    return None


def session_actions(*, session: ReflectionSession) -> QuerySet[ReflectionAction]:
    return (
        ReflectionAction.objects.filter(session=session)
        .select_related("owner", "element", "done_by")
        .order_by("due_on", "pk")
    )


def action_list(
    *, initiative: Initiative, show: str = "open", today: date
) -> QuerySet[ReflectionAction]:
    """The initiative's actions: open (soonest due first), overdue, done (latest first) or all."""
    qs = ReflectionAction.objects.filter(initiative=initiative).select_related(
        "owner", "element", "done_by", "session__constellation"
    )
    if show == "done":
        return qs.filter(status=ActionStatus.DONE).order_by("-done_at", "-pk")
    if show == "overdue":
        return qs.filter(status=ActionStatus.OPEN, due_on__lt=today).order_by("due_on", "pk")
    if show == "all":
        still_open = Case(When(status=ActionStatus.OPEN, then=Value(0)), default=Value(1))
        return qs.order_by(still_open, "due_on", "pk")
    return qs.filter(status=ActionStatus.OPEN).order_by("due_on", "pk")


def action_counts(*, initiative: Initiative, today: date) -> dict[str, int]:
    """How many actions are open, overdue and done (one query)."""
    return ReflectionAction.objects.filter(initiative=initiative).aggregate(
        open=Count("pk", filter=Q(status=ActionStatus.OPEN)),
        overdue=Count("pk", filter=Q(status=ActionStatus.OPEN, due_on__lt=today)),
        done=Count("pk", filter=Q(status=ActionStatus.DONE)),
    )


def initiative_open_actions(
    *, initiative: Initiative, limit: int = 8
) -> tuple[list[ReflectionAction], int]:
    """The first open actions of an initiative, soonest due first, and how many are open."""
    qs = ReflectionAction.objects.filter(initiative=initiative, status=ActionStatus.OPEN)
    shown = list(qs.select_related("owner", "element").order_by("due_on", "pk")[:limit])
    return shown, qs.count()


def _visible_initiatives(user: User) -> Q:
    """The initiatives a person may see, as a filter on actions: the same rule as
    `initiatives.view_initiative` (organisation-wide readers, or a member)."""
    wide = [org for org, role in org_roles_for_user(user).items() if role in ORG_WIDE_READERS]
    member_of = InitiativeMembership.objects.filter(user=user).values("initiative_id")
    return Q(initiative__organisation_id__in=wide) | Q(initiative_id__in=member_of)


def my_open_actions(*, user: User, limit: int = 10) -> tuple[list[ReflectionAction], int]:
    """A person's own open actions in initiatives they can still see, overdue (soonest due)
    first, and how many there are."""
    if not user.is_authenticated:
        return [], 0
    qs = ReflectionAction.objects.filter(owner=user, status=ActionStatus.OPEN).filter(
        _visible_initiatives(user)
    )
    shown = list(qs.select_related("initiative").order_by("due_on", "pk")[:limit])
    return shown, qs.count()
