from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.initiatives.models import Initiative
from constellate.participation import selectors, services
from constellate.participation.chart import stacked_bars_svg
from constellate.participation.forms import ExpectedSharesForm, OfflineCountForm
from constellate.participation.models import OfflineCount


def _check(request, initiative: Initiative, perm: str) -> None:
    """404 for who may not see the initiative (its existence stays hidden), 403 for who may
    see it but not do this."""
    if not request.user.has_perm("participation.view_counts", initiative):
        raise Http404
    if not request.user.has_perm(perm, initiative):
        raise PermissionDenied


def _initiative(request, pk: int, perm: str = "participation.view_counts") -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("organisation"), pk=pk)
    _check(request, initiative, perm)
    return initiative


def _period_label(start, period: str) -> str:
    if period == "week":
        return _("week of %(date)s") % {"date": date_format(start, "j M Y")}
    return date_format(start, "M Y")


@login_required
def missing(request, pk):
    """Who is missing: each target group's count and share against its expected share."""
    initiative = _initiative(request, pk)
    period = request.GET.get("per", "month")
    period = period if period in selectors.PERIODS else "month"
    report = selectors.missing_voices(initiative=initiative, period=period)
    series = [*initiative.target_groups, _("Not said")]
    labels = [_period_label(row["start"], period) for row in report.over_time]
    chart = stacked_bars_svg(
        chart_id="participation-chart-title",
        title=_("People taking part per period and group. The table below has the same figures."),
        labels=labels,
        series=series,
        rows=[row["counts"] for row in report.over_time],
    )
    return render(
        request,
        "participation/missing.html",
        {
            "initiative": initiative,
            "report": report,
            "period": period,
            "chart": chart,
            "series_names": series,
            "over_time": [
                {**row, "label": label} for row, label in zip(report.over_time, labels, strict=True)
            ],
            "can_change": request.user.has_perm("participation.change_counts", initiative),
        },
    )


@login_required
def shares_edit(request, pk):
    initiative = _initiative(request, pk, "participation.change_counts")
    groups = list(initiative.target_groups)
    form = ExpectedSharesForm(
        request.POST if request.method == "POST" else None,
        groups=groups,
        stored=selectors.expected_shares_stored(initiative=initiative),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.expected_shares_set(
                initiative=initiative, actor=request.user, shares=form.shares()
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Expected shares saved."))
            return redirect(reverse("participation:missing", args=[pk]) + "#shares")
    return render(
        request,
        "participation/shares_form.html",
        {"initiative": initiative, "form": form},
        status=200,
    )


@login_required
def offline_counts(request, pk):
    """People met off-line, counted per activity and target group by a facilitator."""
    initiative = _initiative(request, pk)
    can_change = request.user.has_perm("participation.change_counts", initiative)
    activities = selectors.activities_for_counts(initiative=initiative)
    form = None
    if can_change:
        form = OfflineCountForm(
            request.POST if request.method == "POST" else None,
            groups=list(initiative.target_groups),
            activities=activities,
        )
    elif request.method == "POST":
        raise PermissionDenied
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.offline_count_add(
                activity=form.cleaned_data["activity"],
                actor=request.user,
                held_on=form.cleaned_data["held_on"],
                people=form.cleaned_data["people"],
                groups=form.group_counts(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Count added."))
            return redirect("participation:offline", pk=pk)
    return render(
        request,
        "participation/offline_counts.html",
        {
            "initiative": initiative,
            "form": form,
            "page": paginate(request, selectors.offline_count_list(initiative=initiative)),
            "has_activities": activities.exists() if can_change else True,
            "can_change": can_change,
        },
        status=200,
    )


@login_required
@require_POST
def offline_count_delete(request, pk):
    count = get_object_or_404(
        OfflineCount.objects.select_related("activity__initiative__organisation"), pk=pk
    )
    initiative = count.activity.initiative
    _check(request, initiative, "participation.change_counts")
    services.offline_count_delete(count=count, actor=request.user)
    messages.success(request, _("Count deleted."))
    return redirect("participation:offline", pk=initiative.pk)
