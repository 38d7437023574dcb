"""Pages of the decision log: the team's list, a decision with its milestones and evidence,
recording and changing them; the public decision page and the initiative's public "You said,
we did" page. Thin: parse, authorise (rules), call services and selectors, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.core.forms import apply_validation_error
from constellate.core.registry import evidence_source, evidence_sources
from constellate.decisions import selectors, services
from constellate.decisions.choices import PARTICIPATION_EXPLAINED
from constellate.decisions.forms import (
    DecisionForm,
    EvidenceLinkForm,
    EvidenceOutcomeForm,
    EvidenceSearchForm,
    MilestoneForm,
)
from constellate.initiatives.selectors import initiative_by_pk


def _initiative(request, pk, *, record=False):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("decisions.view", initiative):
        raise Http404
    if record and not request.user.has_perm("decisions.record", initiative):
        raise PermissionDenied
    return initiative


def _decision(request, pk, *, record=False):
    decision = selectors.decision_by_pk(pk=pk)
    if decision is None:
        raise Http404
    initiative = _initiative(request, decision.initiative_id, record=record)
    decision.initiative = initiative
    return decision


@login_required
def decision_list(request, pk):
    initiative = _initiative(request, pk)
    page = Paginator(selectors.decision_list(initiative=initiative), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "decisions/list.html",
        {
            "initiative": initiative,
            "page": page,
            "can_record": request.user.has_perm("decisions.record", initiative),
        },
    )


def _save(request, form, initiative, decision=None):
    data = form.cleaned_data
    return services.decision_save(
        initiative=initiative,
        actor=request.user,
        title=data["title"],
        text=data["text"],
        decided_on=data["decided_on"],
        decided_by=data["decided_by"],
        participation=data["participation"],
        participation_note=data["participation_note"],
        status=data["status"],
        status_note=data["status_note"],
        percent_done=data["percent_done"],
        decision=decision,
    )


@login_required
def decision_new(request, pk):
    initiative = _initiative(request, pk, record=True)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = _save(request, form, initiative)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("decisions:detail", pk=decision.pk)
    return render(
        request,
        "decisions/form.html",
        {"initiative": initiative, "form": form, "decision": None},
        status=400 if form.errors else 200,
    )


@login_required
def decision_edit(request, pk):
    decision = _decision(request, pk, record=True)
    initial = {
        name: getattr(decision, name)
        for name in (
            "title",
            "text",
            "decided_on",
            "decided_by",
            "participation",
            "participation_note",
            "status",
            "status_note",
            "percent_done",
        )
    }
    form = DecisionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, form, decision.initiative, decision)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("decisions:detail", pk=decision.pk)
    return render(
        request,
        "decisions/form.html",
        {"initiative": decision.initiative, "form": form, "decision": decision},
        status=400 if form.errors else 200,
    )


@login_required
def decision_detail(request, pk):
    decision = _decision(request, pk)
    return _detail_page(request, decision)


def _detail_page(request, decision, *, milestone_form=None, link_form=None, status=200):
    initiative = decision.initiative
    can_record = request.user.has_perm("decisions.record", initiative)
    sources = evidence_sources()
    search = EvidenceSearchForm(request.GET or None, sources=sources)
    candidates = []
    searched = False
    if can_record and search.is_valid():
        searched = True
        key = search.cleaned_data["source"]
        candidates = selectors.evidence_candidates(
            initiative=initiative,
            user=request.user,
            source_key=key,
            query=search.cleaned_data["q"],
            exclude=selectors.linked_ids(decision=decision, source_key=key),
        )
    if link_form is None:
        link_form = EvidenceLinkForm(candidates=candidates)
    evidence = selectors.decision_evidence(decision=decision, user=request.user)
    for item in evidence:
        item.form = EvidenceOutcomeForm(
            initial={"outcome": item.link.outcome, "reason": item.link.reason},
            prefix=f"link{item.link.pk}",
        )
    return render(
        request,
        "decisions/detail.html",
        {
            "initiative": initiative,
            "decision": decision,
            "explained": PARTICIPATION_EXPLAINED.get(decision.participation, ""),
            "milestones": list(decision.milestones.order_by("due_on", "pk")),
            "evidence": evidence,
            "can_record": can_record,
            "milestone_form": milestone_form or MilestoneForm(prefix="milestone"),
            "search_form": search,
            "searched": searched,
            "link_form": link_form,
            "public_url": (
                reverse(
                    "decisions:public_detail",
                    args=[initiative.pk, initiative.slug, decision.pk],
                )
                if initiative.is_public
                else ""
            ),
        },
        status=status,
    )


@login_required
def decision_delete(request, pk):
    decision = _decision(request, pk, record=True)
    if request.method == "POST":
        initiative_pk = decision.initiative_id
        services.decision_delete(decision=decision, actor=request.user)
        messages.success(request, _("The decision is deleted."))
        return redirect("decisions:list", pk=initiative_pk)
    return render(
        request, "decisions/delete.html", {"initiative": decision.initiative, "decision": decision}
    )


@login_required
@require_POST
def milestone_add(request, pk):
    decision = _decision(request, pk, record=True)
    form = MilestoneForm(request.POST, prefix="milestone")
    if form.is_valid():
        try:
            services.milestone_add(
                decision=decision,
                actor=request.user,
                title=form.cleaned_data["title"],
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The milestone is added."))
            return redirect(reverse("decisions:detail", args=[decision.pk]) + "#milestones")
    return _detail_page(request, decision, milestone_form=form, status=400)


@login_required
@require_POST
def milestone_done(request, pk, milestone_pk):
    decision = _decision(request, pk, record=True)
    milestone = selectors.milestone_of(decision=decision, pk=milestone_pk)
    if milestone is None:
        raise Http404
    milestone.decision = decision
    if request.POST.get("delete"):
        services.milestone_delete(milestone=milestone, actor=request.user)
        messages.success(request, _("The milestone is deleted."))
    else:
        done = request.POST.get("done") == "1"
        services.milestone_set_done(milestone=milestone, actor=request.user, done=done)
        messages.success(
            request,
            _("The milestone is marked done.") if done else _("The milestone is marked not done."),
        )
    return redirect(reverse("decisions:detail", args=[decision.pk]) + "#milestones")


@login_required
@require_POST
def evidence_add(request, pk):
    decision = _decision(request, pk, record=True)
    form = EvidenceLinkForm(request.POST)
    if form.is_valid():
        pairs = services.parse_evidence_values(form.cleaned_data["items"])
        try:
            if pairs is None:
                raise ValidationError(
                    {"items": _("This evidence cannot be linked. Choose from the list.")}
                )
            services.evidence_link(
                decision=decision,
                actor=request.user,
                items=pairs,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The evidence is linked."))
            return redirect(reverse("decisions:detail", args=[decision.pk]) + "#evidence")
    # Show the same choices again, with the message, so nothing chosen is lost (only those
    # this person may link: one query per kind of evidence).
    wanted: dict[str, list[int]] = {}
    for value in request.POST.getlist("items")[: services.LINKS_MAX]:
        parsed = services.parse_evidence_values([value])
        if parsed:
            wanted.setdefault(parsed[0][0], []).append(parsed[0][1])
    offered = []
    for key, pks in sorted(wanted.items()):
        source = evidence_source(key)
        for pk, obj in source.items(decision.initiative, request.user).in_bulk(pks).items():
            offered.append((f"{key}:{pk}", source.title(obj)))
    form.fields["items"].choices = offered
    return _detail_page(request, decision, link_form=form, status=400)


@login_required
@require_POST
def evidence_change(request, pk, link_pk):
    decision = _decision(request, pk, record=True)
    link = selectors.link_of(decision=decision, pk=link_pk)
    if link is None:
        raise Http404
    link.decision = decision
    if request.POST.get("remove"):
        services.evidence_unlink(link=link, actor=request.user)
        messages.success(request, _("The evidence is removed from this decision."))
        return redirect(reverse("decisions:detail", args=[decision.pk]) + "#evidence")
    form = EvidenceOutcomeForm(request.POST, prefix=f"link{link.pk}")
    if form.is_valid():
        try:
            services.evidence_update(
                link=link,
                actor=request.user,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Saved what became of it."))
    else:
        messages.error(request, _("Choose what became of it."))
    return redirect(reverse("decisions:detail", args=[decision.pk]) + f"#link-{link.pk}")


# Public pages ---------------------------------------------------------------------------------


def _public_initiative(pk, slug):
    initiative = initiative_by_pk(pk=pk)
    if initiative is None or not initiative.is_public or slug != initiative.slug:
        raise Http404
    return initiative


def public_feedback(request, pk, slug):
    """ "You said, we did": every decision with what it rests on (aggregated)."""
    initiative = _public_initiative(pk, slug)
    page = Paginator(selectors.public_decisions(initiative=initiative), 25).get_page(
        request.GET.get("page")
    )
    decisions = list(page.object_list)
    evidence = selectors.public_evidence(initiative=initiative, decisions=decisions)
    for decision in decisions:
        decision.public_evidence = evidence[decision.pk]
        decision.explained = PARTICIPATION_EXPLAINED.get(decision.participation, "")
    return render(
        request,
        "decisions/public_feedback.html",
        {"initiative": initiative, "page": page, "decisions": decisions},
    )


def public_detail(request, pk, slug, decision_pk):
    initiative = _public_initiative(pk, slug)
    if not selectors.pk_ok(decision_pk):
        raise Http404
    decision = selectors.public_decisions(initiative=initiative).filter(pk=decision_pk).first()
    if decision is None:
        raise Http404
    return render(
        request,
        "decisions/public_detail.html",
        {
            "initiative": initiative,
            "decision": decision,
            "explained": PARTICIPATION_EXPLAINED.get(decision.participation, ""),
            "evidence": selectors.public_evidence(initiative=initiative, decisions=[decision])[
                decision.pk
            ],
        },
    )
