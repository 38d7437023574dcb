"""Pages that tie the COSMOS models to the rest of Constellate: the notes on a model and
turning a note into an action, the initiative's actions, the stakeholders named in the models
next to the register, and the community reporting items with their stories. Thin views: the
checks are in services_links and rules; everything works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.core.registry import registry
from constellate.cosmos import selectors_links as sel
from constellate.cosmos import services_links as services
from constellate.cosmos.models import CosmosNote, CosmosStoryLink
from constellate.cosmos.schema import ASPECTS_BY_ID
from constellate.cosmos.views import _initiative


def _errors(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}


def _note(initiative, note_id) -> CosmosNote:
    if not 0 < note_id < 2**63:
        raise Http404
    note = (
        CosmosNote.objects.filter(pk=note_id, initiative=initiative)
        .select_related("owner", "initiative")
        .first()
    )
    if note is None:
        raise Http404
    return note


# -- Notes and actions ---------------------------------------------------------------------------


@login_required
def notes(request, pk, aspect):
    """The notes on one model, for the team; the editors add notes here."""
    initiative = _initiative(request, pk)
    if aspect not in ASPECTS_BY_ID:
        raise Http404
    can_edit = request.user.has_perm("cosmos.change_models", initiative)
    errors: dict[str, list[str]] = {}
    values = {"part": request.GET.get("part", ""), "body": ""}
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        values = {"part": request.POST.get("part", ""), "body": request.POST.get("body", "")}
        try:
            note = services.note_add(
                initiative=initiative,
                aspect_id=aspect,
                part=values["part"],
                body=values["body"],
                actor=request.user,
            )
        except ValidationError as exc:
            errors = _errors(exc)
            status = 400
        else:
            messages.success(request, _("The note is saved."))
            return redirect(f"{request.path}#note-{note.pk}")
    return render(
        request,
        "cosmos/links/notes.html",
        {
            "initiative": initiative,
            "aspect_id": aspect,
            "definition": ASPECTS_BY_ID[aspect],
            "notes": sel.notes_of(initiative=initiative, aspect_id=aspect),
            "parts": sel.part_choices(aspect),
            "values": values,
            "errors": errors,
            "can_edit": can_edit,
            "user_id": request.user.pk,
        },
        status=status,
    )


@login_required
def note_action(request, pk, note_id):
    """Turn a note into an action: an owner and a due date."""
    initiative = _initiative(request, pk, "cosmos.change_models")
    note = _note(initiative, note_id)
    values = {
        "owner": str(note.owner_id or ""),
        "owner_text": note.owner_text,
        "due_on": note.due_on.isoformat() if note.due_on else "",
    }
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        values = {k: request.POST.get(k, "") for k in ("owner", "owner_text", "due_on")}
        try:
            services.note_make_action(
                note=note,
                owner_id=values["owner"],
                owner_text=values["owner_text"],
                due_on=values["due_on"],
                actor=request.user,
            )
        except ValidationError as exc:
            errors = _errors(exc)
            status = 400
        else:
            messages.success(request, _("The note is now an action."))
            return redirect("cosmos:notes", pk=initiative.pk, aspect=note.aspect)
    note.part_label = sel.part_label(note.aspect, note.part)
    return render(
        request,
        "cosmos/links/action_form.html",
        {
            "initiative": initiative,
            "note": note,
            "definition": ASPECTS_BY_ID[note.aspect],
            "owners": sel.owner_choices(initiative=initiative),
            "values": values,
            "errors": errors,
        },
        status=status,
    )


@login_required
@require_POST
def note_status(request, pk, note_id):
    initiative = _initiative(request, pk)
    note = _note(initiative, note_id)
    try:
        services.action_status_set(
            note=note, status=request.POST.get("status", ""), actor=request.user
        )
    except ValidationError:
        messages.error(request, _("Choose one of the options."))
    else:
        messages.success(
            request,
            _("The action is done.")
            if note.status == CosmosNote.Status.DONE
            else _("The action is open again."),
        )
    if request.POST.get("next") == "actions":
        return redirect("cosmos:actions", pk=initiative.pk)
    return redirect("cosmos:notes", pk=initiative.pk, aspect=note.aspect)


@login_required
@require_POST
def note_delete(request, pk, note_id):
    initiative = _initiative(request, pk, "cosmos.change_models")
    note = _note(initiative, note_id)
    services.note_delete(note=note, actor=request.user)
    messages.success(request, _("The note is deleted."))
    return redirect("cosmos:notes", pk=initiative.pk, aspect=note.aspect)


@login_required
def actions(request, pk):
    """Every action on the initiative's models."""
    initiative = _initiative(request, pk)
    rows = sel.actions_of(initiative=initiative)
    # The same rule as services_links.can_set_status, decided once for the page.
    is_editor = request.user.has_perm("cosmos.change_models", initiative)
    is_member = getattr(initiative, "viewer_role", None) is not None
    for row in rows:
        row.can_set_status = is_editor or (row.owner_id == request.user.pk and is_member)
    return render(
        request,
        "cosmos/links/actions.html",
        {"initiative": initiative, "actions": rows},
    )


# -- Stakeholders ------------------------------------------------------------------------------


@login_required
def stakeholders(request, pk):
    """The stakeholders named in the models, each with its register entry or a button to add
    it to the register."""
    initiative = _initiative(request, pk)
    sink = registry.stakeholder_sink
    if request.method == "POST":
        if not request.user.has_perm("cosmos.change_models", initiative):
            raise PermissionDenied
        try:
            entry, created = services.stakeholder_from_model(
                initiative=initiative, name=request.POST.get("name", ""), actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if created:
                messages.success(
                    request,
                    _("“%(name)s” is added to the stakeholder register.")
                    % {"name": entry["label"]},
                )
            else:
                messages.info(
                    request,
                    _("“%(name)s” was already in the stakeholder register.")
                    % {"name": entry["label"]},
                )
        return redirect("cosmos:stakeholders", pk=initiative.pk)
    can_create = (
        sink is not None
        and request.user.has_perm("cosmos.change_models", initiative)
        and sink.can_create(request.user, initiative)
    )
    return render(
        request,
        "cosmos/links/stakeholders.html",
        {
            "initiative": initiative,
            "names": sel.stakeholder_links(initiative=initiative, user=request.user),
            "has_register": sink is not None,
            "can_create": can_create,
        },
    )


# -- Stories -----------------------------------------------------------------------------------


@login_required
def stories(request, pk):
    """The community reporting items, each with the stories it is linked to (only those the
    viewer may hear); the editors link and unlink stories here."""
    initiative = _initiative(request, pk)
    can_edit = request.user.has_perm("cosmos.change_models", initiative)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if request.POST.get("action") == "remove":
            try:
                link_id = int(request.POST.get("link", ""))
            except ValueError:
                link_id = 0
            link = (
                CosmosStoryLink.objects.filter(pk=link_id, initiative=initiative)
                .select_related("initiative")
                .first()
                if 0 < link_id < 2**63
                else None
            )
            if link is None:
                raise Http404
            services.story_link_remove(link=link, actor=request.user)
            messages.success(request, _("The link to the story is removed."))
        else:
            try:
                services.story_link_add(
                    initiative=initiative,
                    item=request.POST.get("item", ""),
                    story_id=request.POST.get("story", ""),
                    actor=request.user,
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The item is linked to the story."))
        return redirect("cosmos:stories", pk=initiative.pk)
    links = sel.story_links(initiative=initiative, user=request.user)
    items = sel.reporting_items(initiative=initiative)
    for item in items:
        item["stories"] = links.get(item["label"], [])
    return render(
        request,
        "cosmos/links/stories.html",
        {
            "initiative": initiative,
            "items": items,
            "choices": sel.story_choices(initiative=initiative, user=request.user)
            if can_edit
            else [],
            "has_stories": sel.story_source() is not None,
            "can_edit": can_edit,
        },
    )
