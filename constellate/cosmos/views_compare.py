"""A model side by side with the same model of another initiative of the organisation."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from constellate.cosmos import selectors
from constellate.cosmos import selectors_links as sel
from constellate.cosmos.rules import can_read_aspect
from constellate.cosmos.schema import ASPECTS_BY_ID, MODEL_IDS
from constellate.initiatives.selectors import initiative_by_pk


@never_cache
@login_required
def compare(request, pk, aspect):
    """Choose another initiative (same organisation, seen by the viewer, the model shown and
    published or the viewer on its team), then both answers per question, a table per
    section. Anything else, also a forced number, is 404."""
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or aspect not in MODEL_IDS:
        raise Http404
    row = selectors.aspect_of(initiative=initiative, aspect_id=aspect)
    if row is None or not can_read_aspect(request.user, row, initiative):
        raise Http404
    candidates = sel.compare_candidates(initiative=initiative, aspect_id=aspect, user=request.user)
    other = other_row = None
    sections = []
    chosen = request.GET.get("with", "")
    if chosen:
        try:
            other_pk = int(chosen)
        except ValueError:
            raise Http404 from None
        match = next(((o, r) for o, r in candidates if o.pk == other_pk), None)
        if match is None:
            raise Http404
        other, other_row = match
        other_data = other_row.data if other_row is not None else ASPECTS_BY_ID[aspect].empty()
        sections = sel.comparison(aspect, row.data, other_data)
    is_team = request.user.has_perm("cosmos.view_models", initiative)
    return render(
        request,
        "cosmos/compare/compare.html",
        {
            "initiative": initiative,
            "aspect": row,
            "definition": ASPECTS_BY_ID[aspect],
            "candidates": [o for o, _r in candidates],
            "other": other,
            "sections": sections,
            "differences": sum(s["differences"] for s in sections),
            "is_team": is_team,
        },
    )
