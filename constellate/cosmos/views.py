"""Pages of an initiative's COSMOS models: the list (show or hide models, import, export), the
readable summary of one model, its history with a comparison, publishing and the read-only
link, and the pictures. Everything works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from constellate.cosmos import selectors, services
from constellate.cosmos.archive import ArchiveRefused, limits
from constellate.cosmos.forms import ImportForm, ModelsForm
from constellate.cosmos.rules import can_read_aspect
from constellate.cosmos.schema import ASPECTS_BY_ID
from constellate.cosmos.selectors_links import notes_of
from constellate.initiatives.selectors import initiative_by_pk


def _initiative(request, pk, perm="cosmos.view_models"):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("cosmos.view_models", initiative):
        raise Http404
    if perm != "cosmos.view_models" and not request.user.has_perm(perm, initiative):
        raise PermissionDenied
    return initiative


def _aspect(initiative, aspect_id):
    aspect = selectors.aspect_of(initiative=initiative, aspect_id=aspect_id)
    if aspect is None:
        raise Http404
    return aspect


@login_required
def model_list(request, pk):
    """The team sees every model; others who see the initiative only the published ones."""
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("initiatives.view_initiative", initiative):
        raise Http404
    is_team = request.user.has_perm("cosmos.view_models", initiative)
    aspects = selectors.aspects_of(initiative=initiative)
    if not is_team:
        aspects = [a for a in aspects if a.row.published]
    project = selectors.project_of(initiative=initiative) if is_team else None
    form = ModelsForm(
        initial={"enabled": [a.id for a in aspects if a.row.enabled]},
        current_country=project.country if project else "",
    )
    return render(
        request,
        "cosmos/list.html",
        {
            "initiative": initiative,
            "models": [a for a in aspects if a.definition.is_model],
            "containers": [a for a in aspects if not a.definition.is_model],
            "form": form,
            "project": project,
            "is_team": is_team,
            "can_edit": is_team and request.user.has_perm("cosmos.change_models", initiative),
        },
    )


@login_required
@require_POST
def models_set(request, pk):
    initiative = _initiative(request, pk, "cosmos.change_models")
    project = selectors.project_of(initiative=initiative)
    form = ModelsForm(request.POST, current_country=project.country if project else "")
    if form.is_valid():
        services.cosmos_models_set(
            initiative=initiative,
            enabled=form.cleaned_data["enabled"],
            actor=request.user,
            # Only when the form sent it: a post without it keeps the country.
            country=form.cleaned_data["country"] if "country" in request.POST else None,
        )
        messages.success(request, _("The choice of models is saved."))
    elif "country" in form.errors:
        messages.error(request, _("Choose a country from the list."))
    else:
        messages.error(request, _("Choose models from the list."))
    return redirect("cosmos:list", pk=initiative.pk)


@never_cache
def model_detail(request, pk, aspect):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None:
        raise Http404
    row = _aspect(initiative, aspect)
    if not can_read_aspect(request.user, row, initiative):
        raise Http404
    is_team = request.user.is_authenticated and request.user.has_perm(
        "cosmos.view_models", initiative
    )
    return render(
        request,
        "cosmos/detail.html",
        {
            "initiative": initiative,
            "aspect": row,
            "definition": ASPECTS_BY_ID[row.aspect],
            "sections": selectors.summary_of(row),
            "title": selectors.model_title(row.data),
            "notes": selectors.annotations_of(initiative=initiative, aspect_id=row.aspect)
            if is_team
            else [],
            "is_team": is_team,
            # The team's own notes, placed on the picture (never shown beyond the team).
            "team_notes": notes_of(initiative=initiative, aspect_id=row.aspect) if is_team else [],
            "can_edit": is_team and request.user.has_perm("cosmos.change_models", initiative),
            "share_url": request.build_absolute_uri(f"/cosmos/link/{row.share_token}/")
            if row.share_token
            else "",
            "picture_base": f"/initiatives/{initiative.pk}/cosmos/pictures/",
        },
    )


@login_required
def history(request, pk, aspect):
    initiative = _initiative(request, pk)
    row = _aspect(initiative, aspect)
    versions = list(selectors.versions_of(aspect=row)[:200])
    chosen = None
    rows = []
    if "version" in request.GET:
        chosen = selectors.version_of(aspect=row, number=request.GET.get("version"))
        if chosen is None:
            raise Http404
        rows = selectors.difference(row.aspect, chosen.data, row.data)
    return render(
        request,
        "cosmos/history.html",
        {
            "initiative": initiative,
            "aspect": row,
            "definition": ASPECTS_BY_ID[row.aspect],
            "versions": versions,
            "chosen": chosen,
            "rows": rows,
            "changed_count": sum(1 for r in rows if r["changed"]),
        },
    )


@login_required
@require_POST
def publish(request, pk, aspect):
    initiative = _initiative(request, pk, "cosmos.change_models")
    row = _aspect(initiative, aspect)
    if row.pk is None:
        row = services.cosmos_ensure(initiative=initiative)[row.aspect]
    published = request.POST.get("published") == "1"
    services.aspect_publish_set(aspect=row, published=published, actor=request.user)
    messages.success(
        request, _("The model is published.") if published else _("The model is private again.")
    )
    return redirect("cosmos:detail", pk=initiative.pk, aspect=row.aspect)


@login_required
@require_POST
def share_link(request, pk, aspect):
    initiative = _initiative(request, pk, "cosmos.change_models")
    row = _aspect(initiative, aspect)
    if row.pk is None:
        row = services.cosmos_ensure(initiative=initiative)[row.aspect]
    if request.POST.get("action") == "revoke":
        services.share_link_revoke(aspect=row, actor=request.user)
        messages.success(request, _("The read-only link no longer works."))
    else:
        services.share_link_create(aspect=row, actor=request.user)
        messages.success(request, _("A new read-only link is ready. Earlier links no longer work."))
    return redirect("cosmos:detail", pk=initiative.pk, aspect=row.aspect)


@login_required
def import_archive(request, pk):
    initiative = _initiative(request, pk, "cosmos.change_models")
    form = ImportForm()
    status = 200
    if request.method == "POST":
        length = request.META.get("CONTENT_LENGTH") or "0"
        limit = limits()["archive_bytes"]
        if not length.isdigit() or int(length) > limit + 64 * 1024:
            form = ImportForm({}, {})
            form.is_valid()
            form.errors["file"] = form.error_class(
                [
                    _("This file is too big. A COSMOS archive can be at most %(mb)d MB.")
                    % {"mb": limit // (1024 * 1024)}
                ]
            )
            status = 413
        else:
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    result = services.cosmos_import(
                        initiative=initiative,
                        upload=form.cleaned_data["file"],
                        actor=request.user,
                    )
                except (ArchiveRefused, ValidationError) as exc:
                    form.add_error("file", exc)
                    status = 400
                else:
                    messages.success(
                        request,
                        ngettext(
                            "The COSMOS export is imported: %(count)d model or list changed.",
                            "The COSMOS export is imported: %(count)d models or lists changed.",
                            len(result.changed),
                        )
                        % {"count": len(result.changed)},
                    )
                    if result.missing_images:
                        messages.warning(
                            request,
                            _("These pictures were named but not in the archive: %(names)s")
                            % {"names": ", ".join(result.missing_images[:10])},
                        )
                    return redirect("cosmos:list", pk=initiative.pk)
            else:
                status = 400
    return render(
        request,
        "cosmos/import.html",
        {"initiative": initiative, "form": form},
        status=status,
    )


@login_required
def export_archive(request, pk):
    initiative = _initiative(request, pk)
    filename, content = services.cosmos_export(initiative=initiative)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _send_picture(image, thumb: bool):
    field = image.thumb if thumb and image.thumb else image.file
    response = FileResponse(field.open("rb"), content_type=image.mime)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def picture(request, pk, name):
    """A picture, for whoever may read a model of the initiative that names it."""
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None:
        raise Http404
    image = selectors.image_of(initiative=initiative, name=name)
    if image is None:
        raise Http404
    allowed = request.user.is_authenticated and request.user.has_perm(
        "cosmos.view_models", initiative
    )
    if not allowed:
        allowed = any(
            a.row.published
            and selectors.aspect_names_image(a.row, name)
            and can_read_aspect(request.user, a.row, initiative)
            for a in selectors.aspects_of(initiative=initiative)
        )
    if not allowed:
        raise Http404
    return _send_picture(image, request.GET.get("size") == "thumb")


def _shared(token):
    row = selectors.aspect_by_share_token(token=token)
    if row is None:
        raise Http404
    return row


@never_cache
def shared(request, token):
    row = _shared(token)
    response = render(
        request,
        "cosmos/shared.html",
        {
            "aspect": row,
            "initiative": row.initiative,
            "definition": ASPECTS_BY_ID[row.aspect],
            "sections": selectors.summary_of(row),
            "title": selectors.model_title(row.data),
            "picture_base": f"/cosmos/link/{token}/pictures/",
        },
    )
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def shared_picture(request, token, name):
    row = _shared(token)
    if not selectors.aspect_names_image(row, name):
        raise Http404
    image = selectors.image_of(initiative=row.initiative, name=name)
    if image is None:
        raise Http404
    return _send_picture(image, request.GET.get("size") == "thumb")
