"""The team's CSV export of stories (see export.py for what it holds and why)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse

from constellate.core.services import audit_record
from constellate.stories import selectors
from constellate.stories.export import stories_csv
from constellate.stories.views import _initiative, search_form


@login_required
def stories_export(request, pk):
    initiative = _initiative(request, pk)
    # Taking stories out of the platform is the curators' work (they answer for consent).
    if not request.user.has_perm("stories.curate", initiative):
        raise PermissionDenied
    activities = list(selectors.gathering_activities(initiative=initiative))
    filters = search_form(request, initiative, activities).filters()
    stories = selectors.story_search(initiative=initiative, user=request.user, **filters)
    audit_record(
        actor=request.user,
        action="stories.exported",
        obj=initiative,
        organisation_id=initiative.organisation_id,
        detail={k: v for k, v in filters.items() if v},
    )
    response = StreamingHttpResponse(stories_csv(stories), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="stories-{initiative.slug}.csv"'
    response["Cache-Control"] = "no-store"
    return response
