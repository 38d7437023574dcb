"""The results of a closed round as the results page, the print report, the CSV file and the
API show them: built once from the selectors, under the privacy rules of `aggregation`."""

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from constellate.compass import aggregation, selectors
from constellate.compass.chart import line_chart_svg
from constellate.compass.models import Round, StakeholderGroup
from constellate.core.registry import registry

GROUP_LABELS = {**dict(StakeholderGroup.choices), aggregation.ALL: gettext_lazy("All shown groups")}
# The groups as they read inside a sentence.
GROUP_IN_SENTENCE = {
    "staff": gettext_lazy("staff"),
    "citizens": gettext_lazy("citizens and service users"),
    "partners": gettext_lazy("partners"),
    "others": gettext_lazy("others"),
}
GAPS_SHOWN = 5
SUGGESTIONS_SHOWN = 6
MIN_GAP_SHOWN = 0.5


def one_decimal(value: float | None) -> str:
    return "" if value is None else number_format(value, 1)


def _gap_sentence(element, high: str, high_mean: float, low: str, low_mean: float) -> str:
    return _("%(high_group)s rate “%(element)s” %(high)s on average, %(low_group)s %(low)s.") % {
        "high_group": str(GROUP_IN_SENTENCE[high]).capitalize(),
        "element": element.name,
        "high": one_decimal(high_mean),
        "low_group": GROUP_IN_SENTENCE[low],
        "low": one_decimal(low_mean),
    }


def gaps(constellations, results: aggregation.RoundResults) -> list[dict[str, Any]]:
    """The largest differences in progress between groups, in plain words. Staff against
    citizens first when both are shown: that gap is the most useful signal of the tool."""
    elements = {e.pk: e for c in constellations for e in c.elements}
    found = []
    shown = results.groups
    for element_id, result in results.elements.items():
        element = elements.get(element_id)
        if element is None:
            continue
        stats = result.groups
        if "staff" in shown and "citizens" in shown:
            pair = [
                ("staff", stats["staff"]["progress"]),
                ("citizens", stats["citizens"]["progress"]),
            ]
            if not all(s.shown for _g, s in pair):
                continue
            (high, hs), (low, ls) = sorted(pair, key=lambda p: -(p[1].mean or 0))
        else:
            if result.progress_gap is None:
                continue
            high, low = result.gap_high, result.gap_low
            hs, ls = stats[high]["progress"], stats[low]["progress"]
        gap = (hs.mean or 0) - (ls.mean or 0)
        if gap < MIN_GAP_SHOWN:
            continue
        found.append(
            {
                "element": element,
                "gap": gap,
                "gap_text": one_decimal(gap),
                "high": high,
                "low": low,
                "sentence": _gap_sentence(element, high, hs.mean or 0, low, ls.mean or 0),
            }
        )
    found.sort(key=lambda g: (-g["gap"], g["element"].number))
    return found[:GAPS_SHOWN]


def suggestions(round: Round, constellations, results) -> list[dict[str, Any]]:
    """For every weak or disputed element: why, its reflective questions, and the methods the
    library suggests for it (none when no method library is installed)."""
    items = []
    for c in constellations:
        for element in c.elements:
            result = results.elements.get(element.pk)
            if result is None or not result.needs_attention:
                continue
            reasons = []
            if result.weak:
                reasons.append(
                    _(
                        "Weak: it matters (%(importance)s) but the initiative is not far yet "
                        "(%(progress)s)."
                    )
                    % {
                        "importance": one_decimal(result.all["importance"].mean),
                        "progress": one_decimal(result.all["progress"].mean),
                    }
                )
            if result.disputed:
                if (
                    result.progress_gap is not None
                    and result.progress_gap >= aggregation.DISPUTED_GAP
                ):
                    reasons.append(
                        _("Disputed: groups see it differently (a gap of %(gap)s points).")
                        % {"gap": one_decimal(result.progress_gap)}
                    )
                else:
                    reasons.append(_("Disputed: people within a group see it very differently."))
            items.append({"element": element, "result": result, "reasons": reasons, "methods": []})
    # The most urgent first; the table marks every weak or disputed element anyway.
    items.sort(key=lambda item: (-item["result"].urgency, item["element"].number))
    items = items[:SUGGESTIONS_SHOWN]
    catalogue = registry.method_catalogue
    if catalogue is not None and items:
        found = catalogue.for_elements(
            round.initiative.organisation, [item["element"].key for item in items]
        )
        for item in items:
            item["methods"] = list(found.get(item["element"].key) or [])[:5]
    return items


def build(round: Round, *, notes: bool = True) -> dict[str, Any]:
    """Everything the results page and the print report show for a closed round."""
    constellations = selectors.round_elements(round=round)
    results = selectors.round_results(round=round)
    groups = results.groups
    columns = [*groups, aggregation.ALL] if groups else []
    sections = []
    for c in constellations:
        rows = []
        for element in c.elements:
            result = results.elements[element.pk]
            rows.append(
                {
                    "element": element,
                    "result": result,
                    "cells": [
                        {
                            "group": g,
                            "label": GROUP_LABELS[g],
                            "progress": result.groups[g]["progress"],
                            "importance": result.groups[g]["importance"],
                        }
                        for g in columns
                    ],
                }
            )
        chart = ""
        if groups:
            chart = line_chart_svg(
                chart_id=f"chart-{c.key}",
                title=_(
                    "%(constellation)s: how far the initiative is, per element and group "
                    "(1 to 5). The table below has the same figures."
                )
                % {"constellation": c.name},
                labels=[str(e.number) for e in c.elements],
                series=[
                    (
                        g,
                        str(GROUP_LABELS[g]),
                        [results.elements[e.pk].groups[g]["progress"].mean for e in c.elements],
                    )
                    for g in groups
                ],
            )
        sections.append({"constellation": c, "rows": rows, "chart": chart})
    plan = results.plan
    return {
        "constellations": constellations,
        "results": results,
        "groups": [{"key": g, "label": GROUP_LABELS[g], "size": plan.sizes[g]} for g in groups],
        "columns": [{"key": g, "label": GROUP_LABELS[g]} for g in columns],
        "sections": sections,
        "merged": [GROUP_LABELS[g] for g in plan.merged],
        "hidden_respondents": plan.hidden_respondents,
        "respondents": plan.total,
        "gaps": gaps(constellations, results),
        "suggestions": suggestions(round, constellations, results),
        "notes": {
            element_id: [{**item, "group": GROUP_LABELS[item["group"]]} for item in items]
            for element_id, items in (
                selectors.round_notes(round=round, results=results) if notes else {}
            ).items()
        },
        "min_group_size": aggregation.MIN_GROUP_SIZE,
        "min_answers": aggregation.MIN_ANSWERS,
    }


def csv_rows(round: Round, report: dict[str, Any]) -> list[list[Any]]:
    """One row per element per shown group (and all shown groups together), aggregates only."""
    header = [
        "round",
        "constellation",
        "element_number",
        "element_key",
        "element",
        "group",
        "respondents_in_group",
        "progress_answers",
        "progress_mean",
        "progress_sd",
        "importance_answers",
        "importance_mean",
        "importance_sd",
        "weak",
        "disputed",
    ]
    rows: list[list[Any]] = [header]
    sizes = {g["key"]: g["size"] for g in report["groups"]}
    sizes[aggregation.ALL] = sum(sizes.values())

    def fmt(value: float | None) -> str:
        return "" if value is None else f"{value:.2f}"

    for section in report["sections"]:
        c = section["constellation"]
        for row in section["rows"]:
            element, result = row["element"], row["result"]
            for cell in row["cells"]:
                p, i = cell["progress"], cell["importance"]
                rows.append(
                    [
                        round.title,
                        c.name,
                        element.number,
                        element.key,
                        element.name,
                        cell["group"],
                        sizes.get(cell["group"], ""),
                        p.n,
                        fmt(p.mean),
                        fmt(p.sd),
                        i.n,
                        fmt(i.mean),
                        fmt(i.sd),
                        "yes" if result.weak else "no",
                        "yes" if result.disputed else "no",
                    ]
                )
    return rows


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r", "|", "%"):
        return "'" + value
    return value
