"""Pages of mobilisation: packages (list, make and change, page, printable report, and the
public page of a public package), and conversations of change (list, record and change,
the conversation with its ranked priorities and its actions).

The initiative's members read them (rules `stories.view_mobilisation`), curators make them
(`stories.curate`); who sees the initiative but is not in its team gets 403, anything of
another organisation or an initiative one may not see is 404. Every page works without
JavaScript: priorities are reordered with buttons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.initiatives.selectors import initiative_by_pk
from constellate.stories import selectors_mobilise as sel
from constellate.stories import services_mobilise as services
from constellate.stories.forms_mobilise import (
    ActionForm,
    ActionStatusForm,
    ConversationForm,
    PackageForm,
    PriorityForm,
)
from constellate.stories.picker import StoryPicker, quiet
from constellate.stories.views import _media_response

# Access --------------------------------------------------------------------------------------


def _check(request, initiative, *, curate: bool):
    if not request.user.has_perm("stories.view_stories", initiative):
        raise Http404
    if not request.user.has_perm("stories.view_mobilisation", initiative):
        raise PermissionDenied
    if curate and not request.user.has_perm("stories.curate", initiative):
        raise PermissionDenied


def _initiative(request, pk, *, curate: bool = False):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None:
        raise Http404
    _check(request, initiative, curate=curate)
    return initiative


def _package(request, pk, *, curate: bool = False):
    package = sel.package_by_pk(pk=pk)
    if package is None:
        raise Http404
    _check(request, package.initiative, curate=curate)
    may_curate = request.user.has_perm("stories.curate", package.initiative)
    if not package.is_published and not may_curate:
        raise Http404
    return package


def _conversation(request, pk, *, curate: bool = False):
    conversation = sel.conversation_by_pk(pk=pk)
    if conversation is None:
        raise Http404
    _check(request, conversation.initiative, curate=curate)
    return conversation


# Packages ------------------------------------------------------------------------------------


@login_required
def packages(request, pk):
    initiative = _initiative(request, pk)
    can_curate = request.user.has_perm("stories.curate", initiative)
    return render(
        request,
        "stories/mobilise/packages.html",
        {
            "initiative": initiative,
            "page": paginate(
                request, sel.package_list(initiative=initiative, with_drafts=can_curate)
            ),
            "can_curate": can_curate,
        },
    )


def _package_form_page(request, initiative, package=None):
    insights = sel.insight_choices(initiative=initiative)
    post = request.method == "POST"
    linked = list(package.stories.all()) if package is not None else []
    picker = StoryPicker(
        initiative=initiative,
        user=request.user,
        label=_("Stories in the package"),
        data=request.POST if post else None,
        initial=[s.pk for s in linked],
    )
    if package is not None:
        initial = {
            "title": package.title,
            "introduction": package.introduction,
            "visibility": package.visibility,
            "insights": [i.pk for i in package.insights.all()],
        }
    else:
        initial = {"visibility": "private"}
    form = PackageForm(request.POST if post else None, insights=insights, initial=initial)
    if post and picker.navigating:
        quiet(form)
    elif post and _valid(form, picker):
        data = form.cleaned_data
        try:
            saved = services.package_save(
                initiative=initiative,
                actor=request.user,
                title=data["title"],
                introduction=data["introduction"],
                visibility=data["visibility"],
                # Stories the editor may not hear are not offered, and stay in the package.
                stories=picker.chosen + picker.kept_from(linked),
                insights=form.chosen("insights"),
                package=package,
            )
        except ValidationError as exc:
            _refused(form, picker, exc)
        else:
            messages.success(request, _("The package is saved."))
            return redirect("stories:package", pk=saved.pk)
    return render(
        request,
        "stories/mobilise/package_form.html",
        {"initiative": initiative, "form": form, "picker": picker, "package": package},
    )


def _valid(form, picker) -> bool:
    """Both the form and the chosen stories; a refusal of either is in the error summary."""
    valid = form.is_valid()
    for error in picker.errors:
        form.add_error(None, error)
    return valid and picker.valid


def _refused(form, picker, exc: ValidationError) -> None:
    apply_validation_error(form, exc)
    picker.take_errors(exc)


@login_required
def package_new(request, pk):
    return _package_form_page(request, _initiative(request, pk, curate=True))


@login_required
def package_edit(request, pk):
    package = _package(request, pk, curate=True)
    return _package_form_page(request, package.initiative, package)


def _package_context(request, package, *, public: bool):
    view = sel.package_view(package=package, user=request.user, public=public)
    initiative = package.initiative
    return {
        "initiative": initiative,
        "package": package,
        "view": view,
        "public": public,
        "can_curate": not public and request.user.has_perm("stories.curate", initiative),
        "public_url": reverse(
            "stories:public_package", args=[initiative.pk, initiative.slug, package.pk]
        )
        if package.is_published and package.visibility == "public" and initiative.is_public
        else "",
    }


@login_required
def package_detail(request, pk):
    package = _package(request, pk)
    return render(
        request, "stories/mobilise/package.html", _package_context(request, package, public=False)
    )


@login_required
def package_print(request, pk):
    package = _package(request, pk)
    context = _package_context(request, package, public=False)
    context["back_url"] = reverse("stories:package", args=[package.pk])
    return render(request, "stories/mobilise/package_print.html", context)


@login_required
@require_POST
def package_publish(request, pk):
    package = _package(request, pk, curate=True)
    try:
        services.package_publish(package=package, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The package is published."))
    return redirect("stories:package", pk=package.pk)


@login_required
@require_POST
def package_unpublish(request, pk):
    package = _package(request, pk, curate=True)
    services.package_unpublish(package=package, actor=request.user)
    messages.success(request, _("The package is a draft again: only curators see it."))
    return redirect("stories:package", pk=package.pk)


@login_required
@require_POST
def package_delete(request, pk):
    package = _package(request, pk, curate=True)
    initiative_id = package.initiative_id
    services.package_delete(package=package)
    messages.success(request, _("The package is deleted."))
    return redirect("stories:packages", pk=initiative_id)


# The public page of a package ----------------------------------------------------------------


def _public(request, pk, slug, package_pk):
    initiative = initiative_by_pk(pk=pk)
    if initiative is None or not initiative.is_public or slug != initiative.slug:
        raise Http404
    package = sel.public_package(initiative=initiative, pk=package_pk)
    if package is None:
        raise Http404
    package.initiative = initiative
    return package


def public_package(request, pk, slug, package_pk):
    package = _public(request, pk, slug, package_pk)
    return render(
        request, "stories/mobilise/package.html", _package_context(request, package, public=True)
    )


def public_package_print(request, pk, slug, package_pk):
    package = _public(request, pk, slug, package_pk)
    context = _package_context(request, package, public=True)
    context["back_url"] = context["public_url"]
    return render(request, "stories/mobilise/package_print.html", context)


def public_package_clip(request, pk, slug, package_pk, clip_pk):
    package = _public(request, pk, slug, package_pk)
    clip = sel.public_clip(package=package, pk=clip_pk)
    if clip is None:
        raise Http404
    return _media_response(request, clip.media)


# Conversations of change ---------------------------------------------------------------------


@login_required
def conversations(request, pk):
    initiative = _initiative(request, pk)
    return render(
        request,
        "stories/mobilise/conversations.html",
        {
            "initiative": initiative,
            "page": paginate(request, sel.conversation_list(initiative=initiative)),
            "can_curate": request.user.has_perm("stories.curate", initiative),
        },
    )


def _conversation_form_page(request, initiative, conversation=None):
    packages = list(sel.package_list(initiative=initiative, with_drafts=True))
    target_groups = list(initiative.target_groups or [])
    if conversation is not None:
        chosen = [g for g in conversation.groups if g in target_groups]
        others = [g for g in conversation.groups if g not in target_groups]
        initial = {
            "title": conversation.title,
            "held_on": conversation.held_on,
            "place": conversation.place,
            "package": conversation.package_id,
            "target_groups": chosen,
            "other_groups": "\n".join(others),
            "notes": conversation.notes,
        }
    else:
        initial = {}
    form = ConversationForm(
        request.POST if request.method == "POST" else None,
        packages=packages,
        target_groups=target_groups,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.conversation_save(
                initiative=initiative,
                actor=request.user,
                title=data["title"],
                held_on=data["held_on"],
                place=data["place"],
                package=form.chosen_package(),
                groups=form.groups(),
                notes=data["notes"],
                conversation=conversation,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The conversation of change is saved."))
            return redirect("stories:conversation", pk=saved.pk)
    return render(
        request,
        "stories/mobilise/conversation_form.html",
        {"initiative": initiative, "form": form, "conversation": conversation},
    )


@login_required
def conversation_new(request, pk):
    return _conversation_form_page(request, _initiative(request, pk, curate=True))


@login_required
def conversation_edit(request, pk):
    conversation = _conversation(request, pk, curate=True)
    return _conversation_form_page(request, conversation.initiative, conversation)


def _picker(request, conversation, prefix: str, data=None, initial=()) -> StoryPicker:
    return StoryPicker(
        initiative=conversation.initiative,
        user=request.user,
        label=_("Stories that led to it"),
        data=data,
        prefix=prefix,
        initial=initial,
    )


def _conversation_page(
    request,
    conversation,
    *,
    priority_form=None,
    priority_picker=None,
    action_form=None,
    action_picker=None,
    status=200,
):
    initiative = conversation.initiative
    can_curate = request.user.has_perm("stories.curate", initiative)
    context = {
        "initiative": initiative,
        "conversation": conversation,
        "can_curate": can_curate,
        **sel.conversation_detail(conversation=conversation, user=request.user),
    }
    if can_curate:
        insights = sel.insight_choices(initiative=initiative)
        context["priority_form"] = priority_form or PriorityForm(
            prefix="priority", insights=insights
        )
        context["priority_picker"] = priority_picker or _picker(request, conversation, "priority")
        context["action_form"] = action_form or ActionForm(
            prefix="action",
            owners=list(sel.owner_choices(initiative=initiative)),
            priorities=context["priorities"],
            insights=insights,
        )
        context["action_picker"] = action_picker or _picker(request, conversation, "action")
        context["status_form"] = ActionStatusForm()
    return render(request, "stories/mobilise/conversation.html", context, status=status)


@login_required
def conversation_detail(request, pk):
    return _conversation_page(request, _conversation(request, pk))


@login_required
@require_POST
def conversation_delete(request, pk):
    conversation = _conversation(request, pk, curate=True)
    initiative_id = conversation.initiative_id
    services.conversation_delete(conversation=conversation)
    messages.success(request, _("The conversation of change is deleted."))
    return redirect("stories:conversations", pk=initiative_id)


@login_required
@require_POST
def priority_new(request, pk):
    conversation = _conversation(request, pk, curate=True)
    form = PriorityForm(
        request.POST,
        prefix="priority",
        insights=sel.insight_choices(initiative=conversation.initiative),
    )
    picker = _picker(request, conversation, "priority", request.POST)
    if picker.navigating:
        quiet(form)
        return _conversation_page(request, conversation, priority_form=form, priority_picker=picker)
    if _valid(form, picker):
        try:
            services.priority_add(
                conversation=conversation,
                text=form.cleaned_data["text"],
                stories=picker.chosen,
                insights=form.chosen("insights"),
            )
        except ValidationError as exc:
            _refused(form, picker, exc)
        else:
            messages.success(request, _("The priority is added."))
            return redirect(reverse("stories:conversation", args=[conversation.pk]) + "#priorities")
    return _conversation_page(
        request, conversation, priority_form=form, priority_picker=picker, status=400
    )


def _priority(request, pk):
    priority = sel.priority_by_pk(pk=pk)
    if priority is None:
        raise Http404
    _check(request, priority.conversation.initiative, curate=True)
    return priority


@login_required
@require_POST
def priority_move(request, pk):
    priority = _priority(request, pk)
    services.priority_move(priority=priority, up=request.POST.get("direction") == "up")
    return redirect(
        reverse("stories:conversation", args=[priority.conversation_id])
        + f"#priority-{priority.pk}"
    )


@login_required
@require_POST
def priority_delete(request, pk):
    priority = _priority(request, pk)
    conversation_id = priority.conversation_id
    services.priority_delete(priority=priority)
    messages.success(request, _("The priority is removed."))
    return redirect(reverse("stories:conversation", args=[conversation_id]) + "#priorities")


def _action_form(request, conversation, data=None, action=None):
    """The action's form and the picker of its stories."""
    initiative = conversation.initiative
    priorities = list(conversation.priorities.order_by("rank", "pk"))
    initial = {}
    if action is not None:
        initial = {
            "what": action.what,
            "owner": action.owner_id,
            "owner_name": action.owner_name,
            "due_on": action.due_on,
            "status": action.status,
            "priority": action.priority_id,
            "insights": [i.pk for i in action.insights.all()],
        }
    form = ActionForm(
        data,
        prefix="action",
        owners=list(sel.owner_choices(initiative=initiative)),
        priorities=priorities,
        initial=initial,
        insights=sel.insight_choices(initiative=initiative),
    )
    linked = [s.pk for s in action.stories.all()] if action is not None else []
    picker = _picker(request, conversation, "action", data, initial=linked)
    if data is not None and picker.navigating:
        quiet(form)
    return form, picker


def _save_action(request, form, picker, conversation, action=None):
    data = form.cleaned_data
    kept = picker.kept_from(action.stories.all()) if action is not None else []
    return services.action_save(
        conversation=conversation,
        what=data["what"],
        owner=form.chosen_owner(),
        owner_name=data["owner_name"],
        due_on=data["due_on"],
        status=data["status"],
        priority=form.chosen_priority(),
        stories=picker.chosen + kept,
        insights=form.chosen("insights"),
        action=action,
    )


@login_required
@require_POST
def action_new(request, pk):
    conversation = _conversation(request, pk, curate=True)
    form, picker = _action_form(request, conversation, request.POST)
    if picker.navigating:
        return _conversation_page(request, conversation, action_form=form, action_picker=picker)
    if _valid(form, picker):
        try:
            _save_action(request, form, picker, conversation)
        except ValidationError as exc:
            _refused(form, picker, exc)
        else:
            messages.success(request, _("The action is added."))
            return redirect(reverse("stories:conversation", args=[conversation.pk]) + "#actions")
    return _conversation_page(
        request, conversation, action_form=form, action_picker=picker, status=400
    )


def _action(request, pk):
    action = sel.action_by_pk(pk=pk)
    if action is None:
        raise Http404
    _check(request, action.conversation.initiative, curate=True)
    return action


@login_required
def action_edit(request, pk):
    action = _action(request, pk)
    conversation = action.conversation
    post = request.method == "POST"
    form, picker = _action_form(request, conversation, request.POST if post else None, action)
    if post and not picker.navigating and _valid(form, picker):
        try:
            _save_action(request, form, picker, conversation, action)
        except ValidationError as exc:
            _refused(form, picker, exc)
        else:
            messages.success(request, _("The action is saved."))
            return redirect(reverse("stories:conversation", args=[conversation.pk]) + "#actions")
    return render(
        request,
        "stories/mobilise/action_form.html",
        {
            "initiative": conversation.initiative,
            "conversation": conversation,
            "action": action,
            "form": form,
            "picker": picker,
        },
    )


@login_required
@require_POST
def action_status(request, pk):
    action = _action(request, pk)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.action_status_set(action=action, status=form.cleaned_data["status"])
        messages.success(request, _("The status of the action is saved."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect(
        reverse("stories:conversation", args=[action.conversation_id]) + f"#action-{action.pk}"
    )


@login_required
@require_POST
def action_delete(request, pk):
    action = _action(request, pk)
    conversation_id = action.conversation_id
    services.action_delete(action=action)
    messages.success(request, _("The action is removed."))
    return redirect(reverse("stories:conversation", args=[conversation_id]) + "#actions")
