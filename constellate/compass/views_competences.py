"""Pages of the staff competence check (element 18). Everyone in the organisation takes it for
themselves and sees only their own result; admins and facilitators see the aggregate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from constellate.accounts.models import Organisation
from constellate.compass import selectors_competences as selectors
from constellate.compass.competence_chart import team_chart_svg
from constellate.compass.forms_competences import CompetenceCheckForm
from constellate.compass.services import framework_ensure
from constellate.compass.services_competences import competence_check_submit, competences_ensure
from constellate.core.forms import apply_validation_error


def _organisation(request, slug: str, perm: str = "compass.take_competence_check"):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation


def _competences(organisation):
    # The learning links name the organisation's own compass elements.
    framework_ensure(organisation=organisation)
    competences_ensure(organisation=organisation)
    return selectors.competence_list(organisation=organisation)


@login_required
def competences(request, slug):
    """The person's own result (latest check, the change since the one before, learning
    material per competence), or an invitation to take the check."""
    organisation = _organisation(request, slug)
    items = _competences(organisation)
    result = selectors.my_result(organisation=organisation, user=request.user, competences=items)
    return render(
        request,
        "compass/competences/mine.html",
        {
            "organisation": organisation,
            "competences": items,
            **result,
            "can_see_team": request.user.has_perm("compass.view_competence_team", organisation),
        },
    )


@login_required
def competence_check(request, slug):
    organisation = _organisation(request, slug)
    items = _competences(organisation)
    form = CompetenceCheckForm(
        request.POST if request.method == "POST" else None, competences=items
    )
    if request.method == "POST" and form.is_valid():
        try:
            competence_check_submit(
                organisation=organisation, user=request.user, scores=form.cleaned_scores()
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Thank you. Your result is below; only you can see it."))
            return redirect("compass:competences", slug=organisation.slug)
    return render(
        request,
        "compass/competences/check.html",
        {"organisation": organisation, "form": form},
    )


@login_required
def competence_team(request, slug):
    """The organisation's aggregate: per competence the mean and the spread of everyone's
    latest check, only from MIN_GROUP people on, never anyone's own answers."""
    organisation = _organisation(request, slug, "compass.view_competence_team")
    items = _competences(organisation)
    aggregate = selectors.team_aggregate(organisation=organisation, competences=items)
    return render(
        request,
        "compass/competences/team.html",
        {
            "organisation": organisation,
            **aggregate,
            "chart": team_chart_svg(aggregate["rows"]) if aggregate["enough"] else "",
        },
    )
