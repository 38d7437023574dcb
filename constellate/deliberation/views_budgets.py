"""Pages of shared budgets: choosing projects through the activity's link (no account,
works without JavaScript: "Check my choice" shows what is left, "Hand in my choice" saves),
the results, and the team's pages (set-up, projects, closing and publishing)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from constellate.accounts.selectors import participant_for_request
from constellate.core.forms import apply_validation_error
from constellate.deliberation import selectors_budgets as selectors
from constellate.deliberation import services_budgets as services
from constellate.deliberation.forms_budgets import BudgetSettingsForm, ProjectForm
from constellate.deliberation.rules import budget_results_are_public
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.selectors import activity_by_join_token, initiative_by_pk

# Through the activity's link --------------------------------------------------------------


def _by_token(token):
    activity = activity_by_join_token(token=token)
    if activity is None or activity.kind != ActivityKind.BUDGET:
        raise Http404
    return activity, services.budget_ensure(activity=activity)


@never_cache
def ballot(request, token):
    activity, budget = _by_token(token)
    participant = participant_for_request(request)
    if participant is None:
        # Joining first gives the person their (pseudonymous) participation and its cookie.
        return redirect("initiatives:join", token=token)
    is_open = services.budget_is_open(budget)
    saved, saved_ids = selectors.own_ballot(budget=budget, participant=participant)
    chosen = saved_ids
    error = ""
    if request.method == "POST":
        try:
            chosen = services.parse_project_ids(request.POST.getlist("project"))
        except ValidationError as exc:
            chosen = []
            error = " ".join(exc.messages)
        else:
            if "withdraw" in request.POST:
                try:
                    services.ballot_withdraw(budget=budget, participant=participant)
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
                else:
                    messages.success(request, _("Your choice is taken back."))
                return redirect("deliberation:ballot", token=token)
            if "submit" in request.POST:
                try:
                    services.ballot_submit(
                        budget=budget, participant=participant, project_ids=chosen
                    )
                except ValidationError as exc:
                    error = " ".join(exc.messages)
                else:
                    messages.success(
                        request,
                        _(
                            "Thank you. Your choice is saved. You can change it while voting is open."
                        ),
                    )
                    return redirect("deliberation:ballot", token=token)
    summary = services.choice_summary(budget=budget, project_ids=chosen)
    if not error and summary["over"]:
        error = services.overspend_message(total=summary["total"], budget_total=budget.total)
    return render(
        request,
        "deliberation/budgets/ballot.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "budget": budget,
            "projects": selectors.projects(budget=budget),
            "chosen": set(summary["ids"]),
            "summary": summary,
            "saved": saved,
            # After a refused or checked (unsaved) choice the boxes show that choice, not
            # the saved one: the "saved" note is shown only on a plain visit.
            "show_saved": saved is not None and request.method == "GET",
            "is_open": is_open,
            "error": error,
            "minimum": services.minimum_amount(budget),
            "results_public": budget_results_are_public(budget),
        },
    )


@never_cache
def results_public(request, token):
    """The results for everyone with the link, once they are public."""
    activity, budget = _by_token(token)
    if not budget_results_are_public(budget):
        raise Http404
    return _results(request, activity, budget, staff=False)


def _results(request, activity, budget, *, staff):
    results = selectors.budget_results(budget=budget)
    return render(
        request,
        "deliberation/budgets/results.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "budget": budget,
            "results": results,
            "show_counts": staff or results.ballots >= selectors.MIN_BALLOTS,
            "min_ballots": selectors.MIN_BALLOTS,
            "is_closed": services.budget_is_closed(budget),
            "staff": staff,
        },
    )


# Team pages ---------------------------------------------------------------------------------


def _staff_activity(request, pk, perm="deliberation.view_budget"):
    activity = get_object_or_404(
        Activity.objects.select_related("initiative__organisation"),
        pk=pk,
        kind=ActivityKind.BUDGET,
    )
    if not request.user.has_perm("deliberation.view_budget", activity):
        raise Http404
    if not request.user.has_perm(perm, activity):
        raise PermissionDenied
    return activity, services.budget_ensure(activity=activity)


@login_required
def budget_list(request, pk):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("deliberation.view_budgets", initiative):
        raise Http404
    return render(
        request,
        "deliberation/budgets/list.html",
        {
            "initiative": initiative,
            "activities": selectors.budget_activities(initiative=initiative),
        },
    )


def _settings_initial(budget):
    return {
        "total": budget.total or "",
        "description": budget.description,
        "minimum_percent": budget.minimum_percent,
        "rule": budget.rule,
    }


def _settings_form(budget, n_ballots, data=None):
    """Once a ballot exists the amount and the minimum share are shown but cannot be changed
    (disabled fields keep their stored value)."""
    form = BudgetSettingsForm(data, initial=_settings_initial(budget), prefix="settings")
    if n_ballots:
        for name in ("total", "minimum_percent"):
            form.fields[name].disabled = True
    return form


@login_required
def budget_detail(request, pk):
    activity, budget = _staff_activity(request, pk)
    can_run = request.user.has_perm("deliberation.run_budget", activity)
    n_ballots = selectors.ballot_count(budget=budget)
    settings_form = _settings_form(budget, n_ballots)
    project_form = ProjectForm(prefix="project")
    if request.method == "POST":
        if not can_run:
            raise PermissionDenied
        if "save_settings" in request.POST:
            settings_form = _settings_form(budget, n_ballots, request.POST)
            if settings_form.is_valid():
                try:
                    services.budget_settings_set(
                        budget=budget, actor=request.user, **settings_form.cleaned_data
                    )
                except ValidationError as exc:
                    apply_validation_error(settings_form, exc)
                else:
                    messages.success(request, _("Changes saved."))
                    return redirect("deliberation:budget", pk=activity.pk)
        else:
            project_form = ProjectForm(request.POST, prefix="project")
            if project_form.is_valid():
                try:
                    services.project_add(
                        budget=budget, actor=request.user, **project_form.cleaned_data
                    )
                except ValidationError as exc:
                    apply_validation_error(project_form, exc)
                else:
                    messages.success(request, _("Project added."))
                    return redirect("deliberation:budget", pk=activity.pk)
    return render(
        request,
        "deliberation/budgets/detail.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "budget": budget,
            "projects": selectors.projects(budget=budget),
            "n_ballots": n_ballots,
            "frozen": n_ballots > 0,
            "is_open": services.budget_is_open(budget),
            "is_closed": services.budget_is_closed(budget),
            "results_public": budget_results_are_public(budget),
            "can_run": can_run,
            "settings_form": settings_form,
            "project_form": project_form,
        },
    )


@login_required
def project_edit(request, pk, project_pk):
    activity, budget = _staff_activity(request, pk, "deliberation.run_budget")
    project = selectors.project_of_budget(budget=budget, pk=project_pk)
    if project is None:
        raise Http404
    project.budget = budget
    form = ProjectForm(
        initial={"title": project.title, "description": project.description, "cost": project.cost}
    )
    if request.method == "POST":
        form = ProjectForm(request.POST)
        if form.is_valid():
            try:
                services.project_update(project=project, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("deliberation:budget", pk=activity.pk)
    return render(
        request,
        "deliberation/budgets/project_edit.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "budget": budget,
            "project": project,
            "form": form,
        },
    )


@login_required
@require_POST
def project_delete(request, pk, project_pk):
    activity, budget = _staff_activity(request, pk, "deliberation.run_budget")
    project = selectors.project_of_budget(budget=budget, pk=project_pk)
    if project is None:
        raise Http404
    project.budget = budget
    try:
        services.project_delete(project=project, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Project removed."))
    return redirect("deliberation:budget", pk=activity.pk)


@login_required
@require_POST
def budget_close(request, pk):
    activity, budget = _staff_activity(request, pk, "deliberation.run_budget")
    services.budget_close(budget=budget, actor=request.user)
    messages.success(request, _("Voting is closed."))
    return redirect("deliberation:budget", pk=activity.pk)


@login_required
@require_POST
def budget_publish(request, pk):
    activity, budget = _staff_activity(request, pk, "deliberation.run_budget")
    published = request.POST.get("published") == "1"
    services.results_publish(budget=budget, actor=request.user, published=published)
    messages.success(
        request, _("The results are published.") if published else _("The results are hidden.")
    )
    return redirect("deliberation:budget", pk=activity.pk)


@login_required
def results(request, pk):
    activity, budget = _staff_activity(request, pk)
    return _results(request, activity, budget, staff=True)
