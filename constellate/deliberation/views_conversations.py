"""Pages of conversations: voting one statement at a time and adding a statement through the
activity's link (no account), the report, and the team's pages (settings and statements,
the moderation queue). Voting works without JavaScript; with htmx the next statement is
swapped in (the POST answers with a redirect, which htmx follows)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from constellate.accounts.selectors import participant_for_request
from constellate.core.forms import apply_validation_error
from constellate.core.registry import contribution_outcomes_for
from constellate.core.services import audit_record
from constellate.deliberation import selectors_conversations as selectors
from constellate.deliberation import selectors_polis, services_polis
from constellate.deliberation import services_conversations as services
from constellate.deliberation.choices import StatementStatus, VoteValue
from constellate.deliberation.forms_conversations import (
    ConversationSettingsForm,
    PolisImportForm,
    StatementForm,
)
from constellate.deliberation.rules import report_is_public
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.selectors import activity_by_join_token, initiative_by_pk

VOTE_BUTTONS = (
    (VoteValue.AGREE, "agree"),
    (VoteValue.DISAGREE, "disagree"),
    (VoteValue.PASS, "pass"),
)


# Through the activity's link --------------------------------------------------------------


def _by_token(token):
    activity = activity_by_join_token(token=token)
    if activity is None or activity.kind != ActivityKind.CONVERSATION:
        raise Http404
    return activity, services.conversation_ensure(activity=activity)


@never_cache
def vote(request, token):
    activity, conversation = _by_token(token)
    participant = participant_for_request(request)
    if participant is None:
        # Joining first gives the person their (pseudonymous) participation and its cookie.
        return redirect("initiatives:join", token=token)
    is_open = services.conversation_is_open(conversation)
    if request.method == "POST":
        statement = selectors.statement_of_conversation(
            conversation=conversation, pk=request.POST.get("statement")
        )
        if statement is None:
            messages.error(request, _("This statement is not open for votes."))
        else:
            try:
                services.vote_cast(
                    participant=participant, statement=statement, value=request.POST.get("value")
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
        return redirect("deliberation:vote", token=token)
    statement = selectors.statement_next(conversation=conversation, participant=participant)
    voted, total = selectors.voting_progress(conversation=conversation, participant=participant)
    return render(
        request,
        "deliberation/conversations/vote.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "conversation": conversation,
            "statement": statement if is_open else None,
            "is_open": is_open,
            "voted": voted,
            "total": total,
            "number": min(voted + 1, total),
            "buttons": VOTE_BUTTONS,
            "report_public": report_is_public(activity),
        },
    )


@never_cache
def my_votes(request, token):
    """The participant's own votes, to see and change. Only they see this page (it reads the
    participant of this browser); the team never sees individual votes."""
    activity, conversation = _by_token(token)
    participant = participant_for_request(request)
    if participant is None:
        return redirect("initiatives:join", token=token)
    if request.method == "POST":
        statement = selectors.statement_of_conversation(
            conversation=conversation, pk=request.POST.get("statement")
        )
        if statement is None:
            messages.error(request, _("This statement is not open for votes."))
        else:
            try:
                services.vote_cast(
                    participant=participant, statement=statement, value=request.POST.get("value")
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Your vote is changed."))
        return redirect("deliberation:my_votes", token=token)
    return render(
        request,
        "deliberation/conversations/my_votes.html",
        {
            "activity": activity,
            "conversation": conversation,
            "votes": selectors.own_votes(conversation=conversation, participant=participant),
            "statements": _with_outcomes(
                selectors.own_statements(conversation=conversation, participant=participant)
            ),
            "is_open": services.conversation_is_open(conversation),
        },
    )


def _with_outcomes(statements):
    """The person's statements, each with what became of it (one batch for all of them)."""
    statements = list(statements)
    outcomes = contribution_outcomes_for(statements)
    for statement in statements:
        statement.outcomes = outcomes.get(statement.pk, [])
    return statements


@never_cache
def statement_add(request, token):
    activity, conversation = _by_token(token)
    participant = participant_for_request(request)
    if participant is None:
        return redirect("initiatives:join", token=token)
    if not conversation.participants_can_add:
        raise Http404
    form = StatementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            statement = services.statement_submit(
                conversation=conversation, participant=participant, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if statement.status == StatementStatus.PENDING:
                messages.success(
                    request,
                    _("Thank you. The team checks your statement before others see it."),
                )
            else:
                messages.success(request, _("Thank you. Others can now vote on your statement."))
            return redirect("deliberation:vote", token=token)
    return render(
        request,
        "deliberation/conversations/statement_add.html",
        {"activity": activity, "conversation": conversation, "form": form},
    )


@never_cache
def report_for_participants(request, token):
    activity, conversation = _by_token(token)
    if not report_is_public(activity):
        raise Http404
    if participant_for_request(request) is None and not request.user.has_perm(
        "deliberation.view_conversation", activity
    ):
        return redirect("initiatives:join", token=token)
    return _report(request, activity, conversation, staff=False)


def _report(request, activity, conversation, *, staff):
    report = selectors.conversation_report(conversation=conversation)
    return render(
        request,
        "deliberation/conversations/report.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "conversation": conversation,
            "report": report,
            "age_minutes": selectors.result_age_minutes(report.result) if report.result else 0,
            "min_size": selectors.MIN_GROUP_SIZE,
            "staff": staff,
        },
    )


# Team pages ---------------------------------------------------------------------------------


def _staff_activity(request, pk, perm="deliberation.view_conversation"):
    activity = get_object_or_404(
        Activity.objects.select_related("initiative__organisation"),
        pk=pk,
        kind=ActivityKind.CONVERSATION,
    )
    if not request.user.has_perm("deliberation.view_conversation", activity):
        raise Http404
    if not request.user.has_perm(perm, activity):
        raise PermissionDenied
    return activity, services.conversation_ensure(activity=activity)


@login_required
def conversation_list(request, pk):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm(
        "deliberation.view_conversations", initiative
    ):
        raise Http404
    return render(
        request,
        "deliberation/conversations/list.html",
        {
            "initiative": initiative,
            "activities": selectors.conversation_activities(initiative=initiative),
            "can_run": request.user.has_perm("initiatives.change_initiative", initiative),
        },
    )


@login_required
def conversation_detail(request, pk):
    activity, conversation = _staff_activity(request, pk)
    can_run = request.user.has_perm("deliberation.run_conversation", activity)
    settings_form = ConversationSettingsForm(
        initial={
            "topic": conversation.topic,
            "description": conversation.description,
            "participants_can_add": conversation.participants_can_add,
            "moderated": conversation.moderated,
        },
        prefix="settings",
    )
    statement_form = StatementForm(prefix="statement")
    if request.method == "POST":
        if not can_run:
            raise PermissionDenied
        if "save_settings" in request.POST:
            settings_form = ConversationSettingsForm(request.POST, prefix="settings")
            if settings_form.is_valid():
                try:
                    services.conversation_settings_set(
                        conversation=conversation, actor=request.user, **settings_form.cleaned_data
                    )
                except ValidationError as exc:
                    apply_validation_error(settings_form, exc)
                else:
                    messages.success(request, _("Changes saved."))
                    return redirect("deliberation:conversation", pk=activity.pk)
        else:
            statement_form = StatementForm(request.POST, prefix="statement")
            if statement_form.is_valid():
                try:
                    services.statement_add_by_team(
                        conversation=conversation,
                        actor=request.user,
                        text=statement_form.cleaned_data["text"],
                    )
                except ValidationError as exc:
                    apply_validation_error(statement_form, exc)
                else:
                    messages.success(request, _("Statement added."))
                    return redirect("deliberation:conversation", pk=activity.pk)
    return render(
        request,
        "deliberation/conversations/detail.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "conversation": conversation,
            "statements": selectors.statement_list(conversation=conversation),
            "pending": selectors.moderation_queue(conversation=conversation).count(),
            "can_run": can_run,
            "settings_form": settings_form,
            "statement_form": statement_form,
        },
    )


@login_required
def moderation(request, pk):
    activity, conversation = _staff_activity(request, pk, "deliberation.run_conversation")
    return render(
        request,
        "deliberation/conversations/moderation.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "conversation": conversation,
            "queue": selectors.moderation_queue(conversation=conversation),
        },
    )


@login_required
@require_POST
def moderate(request, pk, statement_pk):
    activity, conversation = _staff_activity(request, pk, "deliberation.run_conversation")
    statement = selectors.statement_of_conversation(conversation=conversation, pk=statement_pk)
    if statement is None:
        raise Http404
    decision = request.POST.get("decision")
    status = {"accept": StatementStatus.ACCEPTED, "reject": StatementStatus.REJECTED}.get(
        decision or ""
    )
    if status is None:
        messages.error(request, _("Choose accept or reject."))
    else:
        services.statement_moderate(statement=statement, actor=request.user, status=status)
        messages.success(
            request,
            _("Statement accepted.")
            if status == StatementStatus.ACCEPTED
            else _("Statement rejected."),
        )
    return redirect(
        request.POST.get("next") == "detail"
        and "deliberation:conversation"
        or "deliberation:moderation",
        pk=activity.pk,
    )


@login_required
def report(request, pk):
    activity, conversation = _staff_activity(request, pk)
    return _report(request, activity, conversation, staff=True)


# Pol.is import and export -------------------------------------------------------------------


@login_required
@never_cache
def polis_import(request, pk):
    """Import a Pol.is export (a zip, or its CSV files) into an empty conversation."""
    activity, conversation = _staff_activity(request, pk, "deliberation.run_conversation")
    form = PolisImportForm()
    context = {
        "activity": activity,
        "initiative": activity.initiative,
        "conversation": conversation,
        "form": form,
        "has_statements": conversation.statements.exists(),
    }
    if request.method == "POST":
        # A body larger than the limit is refused before Django reads it.
        limit = services_polis.import_limits()["zip_bytes"]
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > limit + 256 * 1024:
            form = PolisImportForm({}, {})
            form.is_valid()
            form.errors["files"] = form.error_class(
                [
                    _("This upload is too large. An export can be at most %(mb)d MB.")
                    % {"mb": limit // (1024 * 1024)}
                ]
            )
            context["form"] = form
            return render(request, "deliberation/conversations/import.html", context, status=413)
        form = PolisImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                files = services_polis.polis_files_from_uploads(request.FILES.getlist("files"))
                counts = services_polis.polis_import(
                    conversation=conversation,
                    actor=request.user,
                    files=files,
                    source=form.cleaned_data["source"],
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    apply_validation_error(form, exc)
                else:
                    form.add_error("files", exc)
            else:
                messages.success(
                    request,
                    _(
                        "Imported %(statements)d statements and %(votes)d votes of "
                        "%(participants)d participants. The opinion groups are being computed."
                    )
                    % counts,
                )
                return redirect("deliberation:conversation", pk=activity.pk)
    return render(request, "deliberation/conversations/import.html", context)


@login_required
def polis_export(request, pk):
    """What the Pol.is export holds (and what it leaves out), with the download link."""
    activity, conversation = _staff_activity(request, pk, "deliberation.run_conversation")
    return render(
        request,
        "deliberation/conversations/export.html",
        {"activity": activity, "initiative": activity.initiative, "conversation": conversation},
    )


@login_required
@never_cache
def polis_export_download(request, pk):
    activity, conversation = _staff_activity(request, pk, "deliberation.run_conversation")
    data = selectors_polis.polis_export_zip(conversation=conversation)
    audit_record(
        actor=request.user,
        action="conversation_exported",
        obj=conversation,
        organisation_id=activity.initiative.organisation_id,
    )
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="conversation-{activity.pk}-polis-export.zip"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
