"""Pages of reflection sessions and their actions. Thin: parse, authorise, call, render.

Who may see an initiative sees its sessions and actions (404 for everyone else, so that the
initiative's existence stays hidden); its editors run sessions and manage actions (403 for
other viewers); an action's owner may mark it done."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.compass import selectors_reflection as selectors
from constellate.compass import services_reflection as services
from constellate.compass.forms_reflection import ActionForm, SessionForm, SessionStartForm
from constellate.compass.services import framework_ensure
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.initiatives.models import Initiative


def _check(request, initiative: Initiative, perm: str) -> None:
    if not request.user.has_perm("compass.view_reflection", initiative):
        raise Http404
    if not request.user.has_perm(perm, initiative):
        raise PermissionDenied


def _initiative(request, pk: int, perm: str = "compass.view_reflection") -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("organisation"), pk=pk)
    _check(request, initiative, perm)
    return initiative


def _session(request, pk: int, perm: str = "compass.view_reflection"):
    session = selectors.session_by_pk(pk)
    if session is None:
        raise Http404
    _check(request, session.initiative, perm)
    return session


def _action(request, pk: int, perm: str = "compass.view_reflection"):
    action = selectors.action_by_pk(pk)
    if action is None:
        raise Http404
    _check(request, action.initiative, perm)
    return action


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Sessions --------------------------------------------------------------------------------


@login_required
def reflection_list(request, pk):
    """The initiative's reflection sessions, newest first."""
    initiative = _initiative(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "compass/reflection/session_list.html",
        {
            "initiative": initiative,
            "page": paginate(request, selectors.session_list(initiative=initiative)),
            "counts": selectors.action_counts(initiative=initiative, today=today),
            "can_run": request.user.has_perm("compass.run_reflection", initiative),
        },
    )


@login_required
def reflection_start(request, pk):
    initiative = _initiative(request, pk, "compass.run_reflection")
    framework_ensure(organisation=initiative.organisation)
    form = SessionStartForm(
        request.POST if request.method == "POST" else None,
        organisation=initiative.organisation,
        initial={"held_on": timezone.localdate(), "setting": "room"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_start(
                initiative=initiative, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("Session started. Write down the group's answers as you go.")
            )
            return redirect(session)
    return render(
        request, "compass/reflection/session_start.html", {"initiative": initiative, "form": form}
    )


def _session_page(request, session, *, form=None, action_form=None, status=200):
    initiative = session.initiative
    can_run = request.user.has_perm("compass.run_reflection", initiative)
    editable = can_run and not session.is_closed
    scenes = selectors.session_scenes(session)
    if editable and form is None:
        form = SessionForm(
            scenes=scenes,
            initial={
                "held_on": session.held_on,
                "setting": session.setting,
                "participant_count": session.participant_count,
                "participants": session.participants,
                "agreements": session.agreements,
                **{q.field_name: q.answer for scene in scenes for q in scene.questions},
            },
        )
    if editable and action_form is None:
        action_form = ActionForm(
            initiative=initiative,
            prefix="action",
            initial={"due_on": timezone.localdate() + timedelta(days=14)},
        )
    actions = list(selectors.session_actions(session=session))
    for action in actions:
        action.can_complete = can_run or action.owner_id == request.user.pk
    return render(
        request,
        "compass/reflection/session_detail.html",
        {
            "initiative": initiative,
            "session": session,
            "constellation": selectors.session_constellation(session),
            "scenes": scenes,
            "form": form if editable else None,
            "action_form": action_form if editable else None,
            "actions": actions,
            "can_run": can_run,
            "editable": editable,
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
def reflection_session(request, pk):
    """A session: its constellation's elements, the two scenes with their questions, the
    group's answers and agreements, and the actions. Editable by the initiative's editors
    while it is in progress; a read-only record once it is closed."""
    session = _session(request, pk)
    if request.method != "POST":
        return _session_page(request, session)
    if not request.user.has_perm("compass.run_reflection", session.initiative):
        raise PermissionDenied
    if session.is_closed:
        messages.error(request, _("This session is closed: its record can no longer be changed."))
        return redirect(session)
    form = SessionForm(request.POST, scenes=selectors.session_scenes(session))
    if form.is_valid():
        try:
            services.session_update(
                session=session,
                actor=request.user,
                answers=form.cleaned_answers(),
                agreements=form.cleaned_data["agreements"],
                **form.cleaned_facts(),
            )
        except ValidationError as exc:
            session.refresh_from_db()
            apply_validation_error(form, exc)
        else:
            if request.POST.get("close"):
                return redirect("compass:reflection_close", pk=session.pk)
            messages.success(request, _("Session saved."))
            return redirect(session)
    return _session_page(request, session, form=form)


@login_required
def reflection_close(request, pk):
    session = _session(request, pk, "compass.run_reflection")
    if session.is_closed:
        messages.info(request, _("This session was already closed."))
        return redirect(session)
    if request.method == "POST":
        try:
            services.session_close(session=session, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Session closed. Its open actions stay on the overview until done.")
            )
        return redirect(session)
    return render(
        request,
        "compass/reflection/session_close.html",
        {"initiative": session.initiative, "session": session},
    )


@login_required
def reflection_delete(request, pk):
    session = _session(request, pk, "compass.run_reflection")
    if session.is_closed:
        messages.error(request, _("A closed session is a record and cannot be deleted."))
        return redirect(session)
    if request.method == "POST":
        initiative = session.initiative
        try:
            services.session_delete(session=session, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(session)
        messages.success(request, _("Session deleted."))
        return redirect("compass:reflection_list", pk=initiative.pk)
    return render(
        request,
        "compass/reflection/session_delete.html",
        {
            "initiative": session.initiative,
            "session": session,
            "action_count": session.actions.count(),
        },
    )


@login_required
def reflection_print(request, pk):
    """The session as a record to print or save as PDF."""
    session = _session(request, pk)
    return render(
        request,
        "compass/reflection/session_print.html",
        {
            "initiative": session.initiative,
            "session": session,
            "constellation": selectors.session_constellation(session),
            "scenes": selectors.session_scenes(session),
            "actions": list(selectors.session_actions(session=session)),
            "today": timezone.localdate(),
        },
    )


# Actions ---------------------------------------------------------------------------------


@login_required
@require_POST
def reflection_action_add(request, pk):
    session = _session(request, pk, "compass.run_reflection")
    if session.is_closed:
        messages.error(request, _("This session is closed: its record can no longer be changed."))
        return redirect(session)
    form = ActionForm(request.POST, initiative=session.initiative, prefix="action")
    if form.is_valid():
        try:
            services.action_add(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Action added."))
            return redirect(reverse("compass:reflection_session", args=[session.pk]) + "#actions")
    return _session_page(request, session, action_form=form)


@login_required
def reflection_action_edit(request, pk):
    action = _action(request, pk, "compass.run_reflection")
    session = action.session
    if session.is_closed:
        messages.error(request, _("This session is closed: its record can no longer be changed."))
        return redirect(session)
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        initiative=action.initiative,
        initial={
            "description": action.description,
            "owner": action.owner_id,
            "owner_name": action.owner_name,
            "due_on": action.due_on,
            "element": action.element_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(action=action, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(reverse("compass:reflection_session", args=[session.pk]) + "#actions")
        action.refresh_from_db()
    return render(
        request,
        "compass/reflection/action_form.html",
        {"initiative": action.initiative, "session": session, "action": action, "form": form},
    )


@login_required
@require_POST
def reflection_action_delete(request, pk):
    action = _action(request, pk, "compass.run_reflection")
    session = action.session
    try:
        services.action_delete(action=action, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Action deleted."))
    return redirect(reverse("compass:reflection_session", args=[session.pk]) + "#actions")


def _set_status(request, pk, done: bool):
    action = _action(request, pk)
    if not request.user.has_perm("compass.complete_action", action):
        raise PermissionDenied
    if done:
        services.action_complete(action=action, actor=request.user)
    else:
        services.action_reopen(action=action, actor=request.user)
    if request.htmx:
        view = request.POST.get("view", "")
        if view == "dashboard":
            template = "compass/reflection/_dashboard_action_done.html"
        else:
            template = "compass/reflection/_action_row.html"
            action.can_complete = True
        editable = (
            view == "session"
            and not action.session.is_closed
            and request.user.has_perm("compass.run_reflection", action.initiative)
        )
        return render(
            request,
            template,
            {
                "action": action,
                "a": action,
                "today": timezone.localdate(),
                "view": view,
                "next": request.POST.get("next", ""),
                "show_session": view == "list",
                "editable": editable,
            },
        )
    if done:
        messages.success(request, _('"%(action)s" is done.') % {"action": action.description})
    else:
        messages.success(request, _('"%(action)s" is open again.') % {"action": action.description})
    return redirect(
        _safe_next(request, reverse("compass:reflection_actions", args=[action.initiative_id]))
    )


@login_required
@require_POST
def reflection_action_done(request, pk):
    return _set_status(request, pk, done=True)


@login_required
@require_POST
def reflection_action_reopen(request, pk):
    return _set_status(request, pk, done=False)


@login_required
def reflection_actions(request, pk):
    """All actions of an initiative: open, overdue, done or all."""
    initiative = _initiative(request, pk)
    show = request.GET.get("show", "open")
    if show not in selectors.ACTION_FILTERS:
        show = "open"
    today = timezone.localdate()
    page = paginate(request, selectors.action_list(initiative=initiative, show=show, today=today))
    can_run = request.user.has_perm("compass.run_reflection", initiative)
    for action in page:
        action.can_complete = can_run or action.owner_id == request.user.pk
    counts = selectors.action_counts(initiative=initiative, today=today)
    return render(
        request,
        "compass/reflection/action_list.html",
        {
            "initiative": initiative,
            "page": page,
            "show": show,
            "today": today,
            "filters": [
                ("open", _("To do"), counts["open"]),
                ("overdue", _("Overdue"), counts["overdue"]),
                ("done", _("Done"), counts["done"]),
                ("all", _("All"), counts["open"] + counts["done"]),
            ],
        },
    )
