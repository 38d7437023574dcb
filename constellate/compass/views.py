from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from constellate.accounts.models import Organisation
from constellate.compass import selectors, services


def _organisation(request, slug: str, perm: str = "compass.view_framework") -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation


@login_required
def framework(request, slug):
    """The organisation's compass: its constellations and elements."""
    organisation = _organisation(request, slug)
    services.framework_ensure(organisation=organisation)
    can_change = request.user.has_perm("compass.change_framework", organisation)
    return render(
        request,
        "compass/framework.html",
        {
            "organisation": organisation,
            "constellations": selectors.framework_for(
                organisation=organisation, include_inactive=can_change
            ),
            "can_change": can_change,
        },
    )
