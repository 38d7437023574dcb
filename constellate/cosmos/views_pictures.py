"""The pictures of the COSMOS models: downloads (SVG, PNG, PDF) drawn on the server from the
same scene as the page, the step-by-step walkthrough, and one page with all six models of an
initiative. Access is the model page's: private unless published, the read-only link reads
its one model, outsiders get 404."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from constellate.cosmos import selectors
from constellate.cosmos.pictures import picture_of
from constellate.cosmos.pictures.scene import to_pdf, to_png, to_svg
from constellate.cosmos.rules import can_read_aspect
from constellate.cosmos.schema import ASPECTS_BY_ID, MODEL_IDS
from constellate.initiatives.selectors import initiative_by_pk

FORMATS = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
}


def _readable(request, pk, aspect_id):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or aspect_id not in MODEL_IDS:
        raise Http404
    row = selectors.aspect_of(initiative=initiative, aspect_id=aspect_id)
    if row is None or not can_read_aspect(request.user, row, initiative):
        raise Http404
    return initiative, row


def _shared(token):
    row = selectors.aspect_by_share_token(token=token)
    if row is None or row.aspect not in MODEL_IDS:
        raise Http404
    return row


def _download(row, fmt: str, name: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    picture = picture_of(row.aspect, row.data)
    if fmt == "svg":
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n' + to_svg(picture.scene)).encode()
    elif fmt == "png":
        body = to_png(picture.scene)
    else:
        body = to_pdf(picture.scene)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, no-store"
    return response


def _name(row) -> str:
    return f"{row.aspect.replace('_', '-')}-{row.initiative_id}"


@never_cache
def download(request, pk, aspect, fmt):
    _initiative, row = _readable(request, pk, aspect)
    return _download(row, fmt, _name(row))


@never_cache
def shared_download(request, token, fmt):
    row = _shared(token)
    response = _download(row, fmt, _name(row))
    response["X-Robots-Tag"] = "noindex"
    return response


def _walkthrough(request, row, step, base, context):
    picture = picture_of(row.aspect, row.data)
    count = len(picture.blocks)
    if not 1 <= step <= count:
        raise Http404
    block = picture.blocks[step - 1]
    return render(
        request,
        "cosmos/pictures/walkthrough.html",
        {
            **context,
            "aspect": row,
            "definition": ASPECTS_BY_ID[row.aspect],
            "picture": picture,
            "part": block,
            "step": step,
            "count": count,
            "steps": [(i, b.heading) for i, b in enumerate(picture.blocks, start=1)],
            "base": base,
            "previous": step - 1 if step > 1 else None,
            "next": step + 1 if step < count else None,
        },
    )


@never_cache
def walkthrough(request, pk, aspect, step):
    initiative, row = _readable(request, pk, aspect)
    base = reverse("cosmos:detail", args=[initiative.pk, row.aspect])
    return _walkthrough(request, row, step, base, {"initiative": initiative})


@never_cache
def shared_walkthrough(request, token, step):
    row = _shared(token)
    base = reverse("cosmos:shared", args=[token])
    response = _walkthrough(
        request, row, step, base, {"initiative": row.initiative, "shared": True}
    )
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def overview(request, pk):
    """All six models of an initiative that the reader may read, each as a picture and text."""
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None:
        raise Http404
    readable = [
        a
        for a in selectors.aspects_of(initiative=initiative)
        if a.definition.is_model and can_read_aspect(request.user, a.row, initiative)
    ]
    if not readable:
        raise Http404
    is_team = request.user.is_authenticated and request.user.has_perm(
        "cosmos.view_models", initiative
    )
    return render(
        request,
        "cosmos/pictures/overview.html",
        {
            "initiative": initiative,
            "models": readable,
            "is_team": is_team,
            "page_title": _("All models"),
        },
    )
