"""Pages of idea rounds. Through the activity's link (no account): the list of published
ideas (search, filter, sort, a page at a time; readable without joining when the idea round
is public), proposing an idea, one idea with its comments and the team's response, and
supporting (or withdrawing). The team's pages: the rounds of an initiative, a round's ideas
and settings, entering an idea for someone, the moderation queue, and one idea with the
response, merge and comment tools. Everything works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from constellate.accounts.selectors import participant_for_request
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate_capped
from constellate.deliberation import selectors_ideas as selectors
from constellate.deliberation import services_ideas as services
from constellate.deliberation.choices import IdeaModeration
from constellate.deliberation.forms_ideas import (
    CommentForm,
    IdeaFilterForm,
    IdeaForm,
    IdeaForSomeoneForm,
    IdeaRoundSettingsForm,
    MergeForm,
    ResponseForm,
)
from constellate.deliberation.rules import ideas_are_public
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.selectors import activity_by_join_token, initiative_by_pk

PER_PAGE = 20


def _list_page(request, idea_round):
    form = IdeaFilterForm(request.GET)
    filters = form.filters()
    ideas = selectors.idea_list(idea_round=idea_round, **filters)
    page = paginate_capped(
        request, ideas, per_page=PER_PAGE, keep=lambda i: i.moderation == IdeaModeration.PUBLISHED
    )
    return form, filters, page


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Through the activity's link ----------------------------------------------------------------


def _by_token(token):
    activity = activity_by_join_token(token=token)
    if activity is None or activity.kind != ActivityKind.IDEA_ROUND:
        raise Http404
    return activity, services.idea_round_ensure(activity=activity)


def _reader(request, activity):
    """The participant of this browser; None for a reader of a public round, who may read
    without joining. Anyone else has to join first (None with `must_join`)."""
    participant = participant_for_request(request)
    must_join = participant is None and not (
        ideas_are_public(activity)
        or request.user.has_perm("deliberation.view_idea_round", activity)
    )
    return participant, must_join


@never_cache
def idea_list(request, token):
    activity, idea_round = _by_token(token)
    participant, must_join = _reader(request, activity)
    if must_join:
        return redirect("initiatives:join", token=token)
    form, filters, page = _list_page(request, idea_round)
    return render(
        request,
        "deliberation/ideas/list.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "idea_round": idea_round,
            "participant": participant,
            "is_open": services.idea_round_is_open(idea_round),
            "form": form,
            "searching": bool(filters["query"] or filters["status"]),
            "page": page,
            "supported": selectors.supported_ids(
                participant=participant, ideas=list(page.object_list)
            ),
            "waiting": selectors.own_waiting(idea_round=idea_round, participant=participant),
        },
    )


@never_cache
def idea_propose(request, token):
    activity, idea_round = _by_token(token)
    participant = participant_for_request(request)
    if participant is None:
        return redirect("initiatives:join", token=token)
    form = IdeaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_propose(
                idea_round=idea_round, participant=participant, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if idea.moderation == IdeaModeration.PENDING:
                messages.success(
                    request, _("Thank you. The team checks your idea before others see it.")
                )
                return redirect("deliberation:ideas", token=token)
            messages.success(request, _("Thank you. Your idea is now visible to others."))
            return redirect("deliberation:idea", token=token, idea_pk=idea.pk)
    return render(
        request,
        "deliberation/ideas/propose.html",
        {
            "activity": activity,
            "idea_round": idea_round,
            "form": form,
            "is_open": services.idea_round_is_open(idea_round),
        },
    )


@never_cache
def idea_detail(request, token, idea_pk):
    activity, idea_round = _by_token(token)
    participant, must_join = _reader(request, activity)
    if must_join:
        return redirect("initiatives:join", token=token)
    idea = selectors.idea_of_round(idea_round=idea_round, pk=idea_pk, published_only=True)
    if idea is None:
        raise Http404
    form = CommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if participant is None:
            return redirect("initiatives:join", token=token)
        if form.is_valid():
            try:
                services.idea_comment_add(
                    idea=idea, participant=participant, text=form.cleaned_data["text"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Thank you for your comment."))
                return redirect("deliberation:idea", token=token, idea_pk=idea.pk)
    return render(
        request,
        "deliberation/ideas/detail.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "idea_round": idea_round,
            "idea": idea,
            "participant": participant,
            "is_open": services.idea_round_is_open(idea_round),
            "comments": selectors.idea_comments(idea=idea),
            "form": form,
            "supported": selectors.supported_ids(participant=participant, ideas=[idea]),
            "merged_from": selectors.merged_from(idea=idea),
        },
    )


@never_cache
@require_POST
def idea_support(request, token, idea_pk):
    activity, idea_round = _by_token(token)
    participant = participant_for_request(request)
    if participant is None:
        return redirect("initiatives:join", token=token)
    idea = selectors.idea_of_round(idea_round=idea_round, pk=idea_pk, published_only=True)
    if idea is None:
        raise Http404
    try:
        if request.POST.get("action") == "withdraw":
            services.idea_support_withdraw(idea=idea, participant=participant)
            messages.success(request, _("Your support is withdrawn."))
        else:
            services.idea_support(idea=idea, participant=participant)
            messages.success(request, _("Thank you for your support."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_back(request, reverse("deliberation:idea", args=[token, idea.pk])))


# Team pages ---------------------------------------------------------------------------------


def _staff_activity(request, pk, perm="deliberation.view_idea_round"):
    activity = get_object_or_404(
        Activity.objects.select_related("initiative__organisation"),
        pk=pk,
        kind=ActivityKind.IDEA_ROUND,
    )
    if not request.user.has_perm("deliberation.view_idea_round", activity):
        raise Http404
    if not request.user.has_perm(perm, activity):
        raise PermissionDenied
    return activity, services.idea_round_ensure(activity=activity)


def _staff_idea(request, pk, idea_pk, perm="deliberation.view_idea_round"):
    activity, idea_round = _staff_activity(request, pk, perm)
    idea = selectors.idea_of_round(idea_round=idea_round, pk=idea_pk, published_only=False)
    if idea is None:
        raise Http404
    return activity, idea_round, idea


@login_required
def idea_round_list(request, pk):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("deliberation.view_idea_rounds", initiative):
        raise Http404
    return render(
        request,
        "deliberation/ideas/rounds.html",
        {
            "initiative": initiative,
            "activities": selectors.idea_round_activities(initiative=initiative),
        },
    )


@login_required
def idea_round_detail(request, pk):
    activity, idea_round = _staff_activity(request, pk)
    can_run = request.user.has_perm("deliberation.run_idea_round", activity)
    settings_form = IdeaRoundSettingsForm(
        initial={
            "question": idea_round.question,
            "description": idea_round.description,
            "moderated": idea_round.moderated,
        }
    )
    if request.method == "POST":
        if not can_run:
            raise PermissionDenied
        settings_form = IdeaRoundSettingsForm(request.POST)
        if settings_form.is_valid():
            try:
                services.idea_round_settings_set(
                    idea_round=idea_round, actor=request.user, **settings_form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(settings_form, exc)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("deliberation:idea_round", pk=activity.pk)
    form, filters, page = _list_page(request, idea_round)
    return render(
        request,
        "deliberation/ideas/round.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "idea_round": idea_round,
            "can_run": can_run,
            "settings_form": settings_form,
            "pending": selectors.moderation_queue(idea_round=idea_round).count(),
            "form": form,
            "searching": bool(filters["query"] or filters["status"]),
            "page": page,
        },
    )


@login_required
def idea_add_for_someone(request, pk):
    activity, idea_round = _staff_activity(request, pk, "deliberation.run_idea_round")
    form = IdeaForSomeoneForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_add_for_someone(
                idea_round=idea_round, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Idea added."))
            return redirect("deliberation:idea_staff", pk=activity.pk, idea_pk=idea.pk)
    return render(
        request,
        "deliberation/ideas/add_for_someone.html",
        {"activity": activity, "initiative": activity.initiative, "form": form},
    )


@login_required
def idea_moderation(request, pk):
    activity, idea_round = _staff_activity(request, pk, "deliberation.run_idea_round")
    return render(
        request,
        "deliberation/ideas/moderation.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "queue": selectors.moderation_queue(idea_round=idea_round),
        },
    )


@login_required
@require_POST
def idea_moderate(request, pk, idea_pk):
    activity, _round, idea = _staff_idea(request, pk, idea_pk, "deliberation.run_idea_round")
    moderation = {"publish": IdeaModeration.PUBLISHED, "reject": IdeaModeration.REJECTED}.get(
        request.POST.get("decision") or ""
    )
    if moderation is None:
        messages.error(request, _("Choose publish or reject."))
    else:
        services.idea_moderate(idea=idea, actor=request.user, moderation=moderation)
        messages.success(
            request,
            _("Idea published.") if moderation == IdeaModeration.PUBLISHED else _("Idea rejected."),
        )
    return redirect("deliberation:idea_moderation", pk=activity.pk)


@login_required
def idea_staff(request, pk, idea_pk):
    activity, idea_round, idea = _staff_idea(request, pk, idea_pk)
    can_run = request.user.has_perm("deliberation.run_idea_round", activity)
    response_form = ResponseForm(
        initial={"status": idea.status, "response": idea.response, "reason": idea.reason}
    )
    merge_form = MergeForm(targets=selectors.merge_targets(idea=idea))
    comment_form = CommentForm()
    if request.method == "POST":
        if not can_run:
            raise PermissionDenied
        if "respond" in request.POST:
            response_form = ResponseForm(request.POST)
            if response_form.is_valid():
                try:
                    services.idea_respond(
                        idea=idea, actor=request.user, **response_form.cleaned_data
                    )
                except ValidationError as exc:
                    apply_validation_error(response_form, exc)
                else:
                    messages.success(request, _("Response saved."))
                    return redirect("deliberation:idea_staff", pk=activity.pk, idea_pk=idea.pk)
        elif "merge" in request.POST:
            merge_form = MergeForm(request.POST, targets=selectors.merge_targets(idea=idea))
            if merge_form.is_valid():
                target = selectors.idea_of_round(
                    idea_round=idea_round,
                    pk=merge_form.cleaned_data["target"],
                    published_only=True,
                )
                if target is None:
                    raise Http404
                try:
                    services.idea_merge(source=idea, target=target, actor=request.user)
                except ValidationError as exc:
                    apply_validation_error(merge_form, exc)
                else:
                    messages.success(request, _("Ideas merged."))
                    return redirect("deliberation:idea_staff", pk=activity.pk, idea_pk=target.pk)
        elif "hide_comment" in request.POST:
            comment = selectors.comment_of_idea(idea=idea, pk=request.POST.get("hide_comment"))
            if comment is None:
                raise Http404
            services.idea_comment_hide(comment=comment, actor=request.user)
            messages.success(request, _("Comment removed."))
            return redirect("deliberation:idea_staff", pk=activity.pk, idea_pk=idea.pk)
        else:
            comment_form = CommentForm(request.POST)
            if comment_form.is_valid():
                try:
                    services.idea_comment_add(
                        idea=idea, actor=request.user, text=comment_form.cleaned_data["text"]
                    )
                except ValidationError as exc:
                    apply_validation_error(comment_form, exc)
                else:
                    messages.success(request, _("Comment added."))
                    return redirect("deliberation:idea_staff", pk=activity.pk, idea_pk=idea.pk)
    return render(
        request,
        "deliberation/ideas/staff_detail.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "idea_round": idea_round,
            "idea": idea,
            "can_run": can_run,
            "comments": selectors.idea_comments(idea=idea),
            "merged_from": selectors.merged_from(idea=idea),
            "response_form": response_form,
            "merge_form": merge_form,
            "comment_form": comment_form,
        },
    )
