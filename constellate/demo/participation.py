"""Demo participation, so each pilot's "Who is missing" page tells a story: people who joined
through activity links (some saying which target group they belong to) and counts of people
met off-line. The first target group is reached well, the second only a little and the last
not at all, which is what the page is there to reveal.

`load_demo` calls `load_pilot_participation` for every pilot; it adds nothing to an initiative
that already has participation, so running it twice changes nothing. No names, no personal
data: participants are pseudonymous and off-line counts are numbers.
"""

from datetime import date, timedelta

from constellate.accounts.models import User
from constellate.accounts.services import participant_create
from constellate.initiatives.models import Initiative
from constellate.participation import services
from constellate.participation.models import OfflineCount, Participation

# Per activity (in date order): people who joined through the link, and for each of them the
# index of the target group they chose (None: they did not say).
_JOINED = [(0, 0, 0, 1, None), (0, 0, None), (0, 1, 0)]
# Per activity: people met off-line in all, and how many of them in the first two groups.
_OFFLINE = [(14, 9, 2), (8, 5, 0)]


def load_pilot_participation(initiative: Initiative, actor: User, today: date) -> dict[str, int]:
    groups = list(initiative.target_groups or [])
    activities = list(initiative.activities.filter(opens_on__lte=today).order_by("opens_on", "pk"))
    has_any = (
        Participation.objects.filter(activity__initiative=initiative).exists()
        or OfflineCount.objects.filter(activity__initiative=initiative).exists()
    )
    if len(groups) < 2 or not activities or has_any:
        return {}
    made = {"participations": 0, "off-line counts": 0}
    for activity, choices in zip(activities, _JOINED, strict=False):
        for choice in choices:
            participant, _secret = participant_create(activity=activity)
            group = None if choice is None else groups[choice]
            services.participation_record(
                activity=activity, participant=participant, target_group=group
            )
            made["participations"] += 1
    for activity, (people, first, second) in zip(activities, _OFFLINE, strict=False):
        held_on = min(today, max(activity.opens_on, today - timedelta(days=14)))
        services.offline_count_add(
            activity=activity,
            actor=actor,
            held_on=held_on,
            people=people,
            groups={groups[0]: first, groups[1]: second},
            note="",
        )
        made["off-line counts"] += 1
    return made
