"""Compass demo data: every pilot organisation gets its own framework; Houten also gets a
closed assessment round with answers from staff, citizens and partners (so the results page
shows groups, gaps and next steps) and an open round to answer now.

Idempotent like the rest of load_demo: rounds are found by their title, and answers are only
written when a round is made. Ratings follow a fixed pattern (no randomness), so the demo
looks the same on every machine. Names and figures are made up.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from constellate.accounts.models import Membership
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.compass import services as compass_services
from constellate.compass.models import Round
from constellate.initiatives import services

CLOSED_TITLE = "Kompas voorjaar"
OPEN_TITLE = "Kompas najaar"

# Extra staff of Houten, so that the staff group is large enough to be shown (five or more).
HOUTEN_STAFF = {
    "consulent1": "Ingrid Bos",
    "consulent2": "Marco Jansen",
    "consulent3": "Naima El Idrissi",
}

# How each group sees the 18 elements: (progress, importance) per element number. Staff see
# themselves further along than citizens do, most of all on sharing power (4 and 10), on
# equality (11) and on openness (16): the gaps the results page should make visible.
STAFF = {
    1: (4, 3), 2: (4, 4), 3: (3, 4), 4: (4, 4), 5: (3, 3), 6: (3, 4), 7: (3, 4), 8: (4, 4),
    9: (4, 5), 10: (4, 5), 11: (4, 4), 12: (3, 4), 13: (4, 4), 14: (3, 3), 15: (4, 4),
    16: (4, 4), 17: (3, 4), 18: (3, 4),
}  # fmt: skip
CITIZENS = {
    1: (3, 3), 2: (3, 4), 3: (2, 5), 4: (2, 5), 5: (3, 3), 6: (2, 4), 7: (2, 4), 8: (3, 5),
    9: (3, 5), 10: (2, 5), 11: (2, 5), 12: (3, 4), 13: (2, 5), 14: (3, 3), 15: (3, 4),
    16: (2, 5), 17: (3, 4), 18: (3, 3),
}  # fmt: skip
PARTNERS = {
    1: (3, 3), 2: (3, 4), 3: (3, 4), 4: (3, 4), 5: (2, 4), 6: (3, 4), 7: (3, 3), 8: (4, 4),
    9: (3, 4), 10: (3, 4), 11: (3, 4), 12: (3, 3), 13: (3, 4), 14: (4, 4), 15: (4, 4),
    16: (3, 4), 17: (4, 4), 18: (3, 4),
}  # fmt: skip
# A small, fixed wobble per person so that the answers are not all the same.
WOBBLE = (0, 1, -1, 0, 1, -1, 0, 0)
CITIZEN_NOTES = {
    4: "We mogen meepraten, maar de beslissing ligt al vast.",
    16: "Na de bijeenkomst hoorden we maandenlang niets.",
    11: "Aan tafel voelde ik me soms een nummer.",
}


def _rating(value: int, person: int, element: int) -> int:
    return max(1, min(5, value + WOBBLE[(person + element) % len(WOBBLE)]))


def _answers(round_: Round, pattern: dict[int, tuple[int, int]], person: int, notes=None):
    result: dict[int, dict[str, Any]] = {}
    for element in round_.elements.all():
        progress, importance = pattern.get(element.number, (3, 3))
        answer: dict[str, Any] = {
            "progress": _rating(progress, person, element.number),
            "importance": _rating(importance, person + 3, element.number),
        }
        if notes and person < 2 and element.number in notes:
            answer["note"] = notes[element.number]
        result[element.pk] = answer
    return result


def load_compass(
    *,
    organisation: Any,
    initiative: Any,
    people: dict[str, Any],
    today: Any,
    make_user: Callable[..., Any],
    count: Callable[[str], None],
    domain: str,
) -> None:
    if compass_services.framework_ensure(organisation=organisation):
        count("compass frameworks")
    if organisation.slug != "houten":
        return
    lead = people["admin"]
    staff = [people["admin"], people["facilitator"]]
    for key, name in HOUTEN_STAFF.items():
        user = make_user(f"{key}@{domain}", name, "nl")
        Membership.objects.get_or_create(
            organisation=organisation, user=user, defaults={"role": OrgRole.FACILITATOR}
        )
        if not initiative.memberships.filter(user=user).exists():
            services.initiative_member_set(
                initiative=initiative, user=user, role=InitiativeRole.FACILITATOR, actor=lead
            )
        staff.append(user)
    if not Round.objects.filter(initiative=initiative, title=CLOSED_TITLE).exists():
        round_ = compass_services.round_create(
            initiative=initiative,
            actor=lead,
            title=CLOSED_TITLE,
            opens_on=today,
            closes_on=today + timedelta(days=1),
        )
        for n, user in enumerate(staff):
            compass_services.response_submit(
                round=round_, user=user, answers=_answers(round_, STAFF, n)
            )
        for n in range(7):
            participant, _secret = participant_create()
            compass_services.response_submit(
                round=round_,
                participant=participant,
                group="citizens",
                answers=_answers(round_, CITIZENS, n, CITIZEN_NOTES),
            )
        compass_services.response_submit(
            round=round_, user=people["partner"], answers=_answers(round_, PARTNERS, 0)
        )
        for n in range(1, 5):
            participant, _secret = participant_create()
            compass_services.response_submit(
                round=round_,
                participant=participant,
                group="partners",
                answers=_answers(round_, PARTNERS, n),
            )
        # The round ran in the spring: move its dates into the past, which closes it.
        Round.objects.filter(pk=round_.pk).update(
            opens_on=today - timedelta(days=60), closes_on=today - timedelta(days=39)
        )
        count("compass rounds")
    if not Round.objects.filter(initiative=initiative, title=OPEN_TITLE).exists():
        round_ = compass_services.round_create(
            initiative=initiative,
            actor=lead,
            title=OPEN_TITLE,
            opens_on=today - timedelta(days=3),
            closes_on=today + timedelta(days=18),
        )
        for n in range(3):
            participant, _secret = participant_create()
            compass_services.response_submit(
                round=round_,
                participant=participant,
                group="citizens",
                answers=_answers(round_, CITIZENS, n + 1),
            )
        count("compass rounds")
