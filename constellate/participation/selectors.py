"""Reads of the participation app: who took part in an initiative, per target group, channel
(the activity's setting), place (the activity's location) and period, and which target groups
are missing against the share the team expects of them.

Four sources are counted together, each in one grouped query whatever the amount of data:
- people who joined an activity through its link (`Participation`);
- people counted off-line by a facilitator (`OfflineCount`);
- contributions of every registered contribution type that were given by a participant
  (see `core.registry.ContributionType`). A type that names a `target_group_field` is counted
  under that group; one that hangs off an activity under the group the participant said when
  joining that activity; the others under "not said", because nothing tells their group.
  Their channel and place are those of the activity when the type hangs off an activity;
- people reached in other ways that an app registers as a `core.registry.ReachSource`, such
  as contacts logged with stakeholders of a target group in the stakeholder register. A
  source may also tell how many people of a group it knows of but has not reached yet.

The figures count times people took part, not different people: someone who joined two
activities counts twice, as they were reached twice."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import CharField, Count, DateField, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Trunc
from django.utils.translation import gettext as _

from constellate.core.registry import registry
from constellate.initiatives.choices import Setting
from constellate.initiatives.models import Activity, Initiative
from constellate.participation.models import ExpectedShares, OfflineCount, Participation

NOT_SAID = ""  # the group of people who did not say (or chose "none of these")
NO_CHANNEL = ""  # contributions that did not come in through an activity
PERIODS = ("month", "week")
MAX_PERIODS = 60  # the table and chart show at most this many periods, the newest
FLAG_BELOW = 0.5  # a group is flagged below half its expected share
PUBLIC_MINIMUM = 5  # figures of smaller groups are never shown publicly
SOURCE_SEPARATOR = ":"  # a reach source's channels are kept apart from the activity settings


def period_start(day: date, period: str) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    return date(day.year, day.month, 1)


def _next_period(day: date, period: str) -> date:
    if period == "week":
        return day + timedelta(weeks=1)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


@dataclass
class Tally:
    """Counts of one initiative, as (period, group, channel, place) -> number."""

    groups: list[str]
    period: str
    cells: dict[tuple[date, str, str, str], int] = field(default_factory=dict)

    def add(self, day: date, group: str, channel: str, place: str, number: int) -> None:
        group = group if group in self.groups else NOT_SAID
        key = (period_start(day, self.period), group, channel or NO_CHANNEL, place or "")
        self.cells[key] = self.cells.get(key, 0) + number

    def _sum(self, index) -> dict:
        totals: dict = defaultdict(int)
        for key, number in self.cells.items():
            totals[index(key)] += number
        return dict(totals)

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    def by_group(self) -> dict[str, int]:
        return self._sum(lambda k: k[1])

    def by_channel(self) -> dict[str, int]:
        return self._sum(lambda k: k[2])

    def by_place(self) -> dict[str, int]:
        return self._sum(lambda k: k[3])

    def by_group_channel(self) -> dict[tuple[str, str, str], int]:
        return self._sum(lambda k: (k[1], k[2], k[3]))

    def by_period_group(self) -> dict[tuple[date, str], int]:
        return self._sum(lambda k: (k[0], k[1]))

    def periods(self) -> list[date]:
        """Every period from the first to the last with a count (gaps included, so the chart
        keeps time even), at most the newest MAX_PERIODS."""
        days = {k[0] for k in self.cells}
        if not days:
            return []
        current, last, out = min(days), max(days), []
        while current <= last:
            out.append(current)
            current = _next_period(current, self.period)
        return out[-MAX_PERIODS:]


def _trunc(field_name: str, period: str):
    return Trunc(field_name, period, output_field=DateField())


def _as_date(value: Any) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def participation_tally(*, initiative: Initiative, period: str = "month") -> Tally:
    """All counts of an initiative, from the three sources (a fixed number of queries)."""
    period = period if period in PERIODS else "month"
    tally = Tally(groups=list(initiative.target_groups or []), period=period)
    joined = (
        Participation.objects.filter(activity__initiative=initiative)
        .values(
            mv_day=_trunc("joined_on", period),
            mv_group=F("target_group"),
            mv_channel=F("activity__setting"),
            mv_place=F("activity__location"),
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in joined:
        tally.add(row["mv_day"], row["mv_group"], row["mv_channel"], row["mv_place"], row["n"])
    offline = OfflineCount.objects.filter(activity__initiative=initiative).values_list(
        "held_on", "people", "groups", "activity__setting", "activity__location"
    )
    for day, people, groups, channel, place in offline:
        rest = people
        for group, number in (groups or {}).items():
            tally.add(day, group, channel, place, number)
            rest -= number
        if rest > 0:
            tally.add(day, NOT_SAID, channel, place, rest)
    for item in registry.contribution_types.values():
        for row in _contribution_rows(item, initiative, period):
            tally.add(
                _as_date(row["mv_day"]),
                row["mv_group"],
                row["mv_channel"],
                row["mv_place"],
                row["n"],
            )
    for source in registry.reach_sources.values():
        for row in source.rows(initiative, period):
            channel = row["channel"]
            if channel not in Setting.values:
                channel = f"{source.key}{SOURCE_SEPARATOR}{channel}"
            tally.add(_as_date(row["day"]), row["group"], channel, row["place"], row["n"])
    return tally


def _contribution_rows(item, initiative: Initiative, period: str):
    """(The aliases carry a prefix so they never clash with the model's own fields.)

    Contributions of one registered type given by participants (not by staff accounts),
    grouped by period, target group and, when the type hangs off an activity, its channel
    and place."""
    model = item.get_model()
    empty = Value("", output_field=CharField())
    prefix = item.initiative_path.removesuffix("initiative")
    through_activity = prefix.endswith("activity__")
    if item.target_group_field:
        group = F(item.target_group_field)
    elif through_activity:
        # The group the participant said when joining that activity, if they said one.
        said = Participation.objects.filter(
            activity=OuterRef(prefix.removesuffix("__")),
            participant=OuterRef(item.participant_field),
        ).values("target_group")[:1]
        group = Coalesce(Subquery(said, output_field=CharField()), empty)
    else:
        group = empty
    return (
        model.objects.filter(
            **{item.initiative_path: initiative, f"{item.participant_field}__isnull": False}
        )
        .values(
            mv_day=_trunc(item.date_field, period),
            mv_group=group,
            mv_channel=F(f"{prefix}setting") if through_activity else empty,
            mv_place=F(f"{prefix}location") if through_activity else empty,
        )
        .annotate(
            n=Count(item.participant_field, distinct=True) if item.counts_people else Count("pk")
        )
        .order_by()
    )


def expected_shares_for(*, initiative: Initiative) -> dict[str, float]:
    """The expected share (percent) of each target group: the figures the team set, and the
    rest shared equally by the groups without one (by default every group the same)."""
    groups = list(initiative.target_groups or [])
    record = ExpectedShares.objects.filter(initiative=initiative).first()
    stored = {g: float(v) for g, v in (record.shares if record else {}).items() if g in groups}
    open_groups = [g for g in groups if g not in stored]
    rest = max(100.0 - sum(stored.values()), 0.0)
    shares = dict(stored)
    for group in open_groups:
        shares[group] = rest / len(open_groups)
    return {g: shares[g] for g in groups}


def expected_shares_stored(*, initiative: Initiative) -> dict[str, int]:
    record = ExpectedShares.objects.filter(initiative=initiative).first()
    return dict(record.shares) if record else {}


def channel_label(channel: str) -> str:
    if channel == NO_CHANNEL:
        return _("Not through an activity")
    key, separator, own = channel.partition(SOURCE_SEPARATOR)
    source = registry.reach_sources.get(key) if separator else None
    if source is not None:
        return str(source.channel_label(own))
    return str(dict(Setting.choices).get(channel, channel))


def known_per_group(*, initiative: Initiative) -> tuple[dict[str, tuple[int, int]], str]:
    """Per target group, the people the registered sources know of and how many of them
    nobody has reached yet, and the page listing them (of the first source that has one)."""
    known: dict[str, tuple[int, int]] = {}
    url_name = ""
    for source in registry.reach_sources.values():
        if source.known is None:
            continue
        url_name = url_name or source.known_url_name
        for group, (n, waiting) in source.known(initiative).items():
            before = known.get(group, (0, 0))
            known[group] = (before[0] + n, before[1] + waiting)
    return known, url_name


@dataclass
class GroupLine:
    group: str  # NOT_SAID for "not said"
    label: str
    count: int
    share: float | None  # percent of those who said their group
    expected: float | None
    flagged: bool = False
    message: str = ""
    reached_by: list[dict[str, Any]] = field(default_factory=list)
    worked_for_others: list[dict[str, Any]] = field(default_factory=list)
    known: int = 0  # people of this group the team knows of (e.g. in the stakeholder register)
    waiting: int = 0  # of them, not reached yet


@dataclass
class MissingVoices:
    tally: Tally
    lines: list[GroupLine]
    said_total: int
    not_said: int
    channels: list[tuple[str, int]]
    places: list[tuple[str, int]]
    periods: list[date]
    over_time: list[dict[str, Any]]
    known_url_name: str = ""

    @property
    def flagged(self) -> list[GroupLine]:
        return [line for line in self.lines if line.flagged]


def _ways(counts: dict[tuple[str, str, str], int], group: str) -> list[dict[str, Any]]:
    ways = [
        {"channel": channel_label(c), "place": p, "count": n}
        for (g, c, p), n in counts.items()
        if g == group and n
    ]
    return sorted(ways, key=lambda w: (-w["count"], w["channel"], w["place"]))


def missing_voices(*, initiative: Initiative, period: str = "month") -> MissingVoices:
    """Each target group's count and share against its expected share, with the groups that
    are missing or under-represented flagged, and for those the channels that reached them
    so far and the channels that worked for the other groups."""
    tally = participation_tally(initiative=initiative, period=period)
    expected = expected_shares_for(initiative=initiative)
    by_group = tally.by_group()
    per_way = tally.by_group_channel()
    said_total = sum(n for g, n in by_group.items() if g != NOT_SAID)
    known, known_url_name = known_per_group(initiative=initiative)
    lines = []
    for group in tally.groups:
        count = by_group.get(group, 0)
        share = count / said_total * 100 if said_total else None
        line = GroupLine(
            group=group,
            label=group,
            count=count,
            share=share,
            expected=expected[group],
            known=known.get(group, (0, 0))[0],
            waiting=known.get(group, (0, 0))[1],
        )
        if line.expected and count == 0:
            line.flagged = True
            line.message = _("Nobody from “%(group)s” has taken part yet.") % {"group": group}
        elif line.expected and share is not None and share < FLAG_BELOW * line.expected:
            line.flagged = True
            line.message = _(
                "“%(group)s” is under-represented: %(share)s%% of the people who said their "
                "group, while %(expected)s%% was expected."
            ) % {"group": group, "share": round(share), "expected": round(line.expected)}
        line.reached_by = _ways(per_way, group)
        if line.flagged:
            line.worked_for_others = [
                {"group": other, **way}
                for other in tally.groups
                if other != group
                for way in _ways(per_way, other)[:2]
            ]
            line.worked_for_others.sort(key=lambda w: -w["count"])
            del line.worked_for_others[6:]
        lines.append(line)
    periods = tally.periods()
    per_period = tally.by_period_group()
    keys = [*tally.groups, NOT_SAID]
    over_time = [
        {
            "start": start,
            "counts": [per_period.get((start, g), 0) for g in keys],
            "total": sum(per_period.get((start, g), 0) for g in keys),
        }
        for start in periods
    ]
    return MissingVoices(
        tally=tally,
        lines=lines,
        said_total=said_total,
        not_said=by_group.get(NOT_SAID, 0),
        channels=sorted(
            ((channel_label(c), n) for c, n in tally.by_channel().items()), key=lambda x: -x[1]
        ),
        places=sorted(
            ((p or _("No place given"), n) for p, n in tally.by_place().items()),
            key=lambda x: -x[1],
        ),
        periods=periods,
        over_time=over_time,
        known_url_name=known_url_name,
    )


def public_group_counts(*, initiative: Initiative) -> list[tuple[str, int]]:
    """Per target group, the number of times people took part, for anything shown in public:
    only groups of at least PUBLIC_MINIMUM, so nobody in a small group can be singled out."""
    by_group = participation_tally(initiative=initiative).by_group()
    return [
        (group, by_group[group])
        for group in initiative.target_groups or []
        if by_group.get(group, 0) >= PUBLIC_MINIMUM
    ]


def activities_for_counts(*, initiative: Initiative):
    return Activity.objects.filter(initiative=initiative).only(
        "pk", "title", "setting", "location", "initiative_id", "opens_on"
    )


def offline_count_list(*, initiative: Initiative):
    return (
        OfflineCount.objects.filter(activity__initiative=initiative)
        .select_related("activity")
        .order_by("-held_on", "-pk")
    )
