"""Pages of the stakeholder register, contacts, relations, referral links, import and export.
Thin: parse, authorise, call, render.

Who may not see the initiative gets a 404 (its existence stays hidden); who sees it but may
not do this gets a 403. The referral form is the only page without an account."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.analysis.network import network_list_rows, network_visible
from constellate.core.forms import apply_validation_error
from constellate.core.network_cache import (
    network_layout_cached,
    network_layout_state,
    network_version,
)
from constellate.core.network_map import (
    Viewport,
    category_labels,
    network_legend_svg,
    network_map_svg,
    viewport_links,
)
from constellate.core.pagination import paginate
from constellate.core.services import audit_record
from constellate.initiatives.choices import PARTICIPATION_LANGUAGES
from constellate.initiatives.selectors import initiative_by_pk
from constellate.stakeholders import selectors, services, transfer
from constellate.stakeholders.choices import Kind, Level, RelationKind, ServiceRole, Status
from constellate.stakeholders.contributions import NETWORK_SOURCE
from constellate.stakeholders.forms import (
    ContactForm,
    ImportForm,
    ReferralForm,
    ReferralLinkForm,
    RelationForm,
    StakeholderForm,
)
from constellate.stakeholders.models import Contact, ImportBatch, ReferralLink, Relation

ROLE_LABELS = dict(ServiceRole.choices)
LANGUAGE_LABELS = dict(PARTICIPATION_LANGUAGES)


def _check(request, initiative, perm: str) -> None:
    if not request.user.has_perm("stakeholders.view_register", initiative):
        raise Http404
    if perm != "stakeholders.view_register" and not request.user.has_perm(perm, initiative):
        raise PermissionDenied


def _initiative(request, pk: int, perm: str = "stakeholders.view_register"):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None:
        raise Http404
    _check(request, initiative, perm)
    return initiative


def _stakeholder(request, pk: int, perm: str = "stakeholders.view_names"):
    stakeholder = selectors.stakeholder_by_pk(pk)
    if stakeholder is None:
        raise Http404
    _check(request, stakeholder.initiative, "stakeholders.view_register")
    target = stakeholder if perm.endswith(("change_stakeholder", "contact_details")) else None
    if not request.user.has_perm(perm, target or stakeholder.initiative):
        raise PermissionDenied
    return stakeholder


def _choices(initiative, exclude=None):
    return selectors.stakeholder_choices(initiative=initiative, exclude=exclude)


# The register ------------------------------------------------------------------------------


@login_required
def register(request, pk):
    initiative = _initiative(request, pk)
    show_names = request.user.has_perm("stakeholders.view_names", initiative)
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    group = request.GET.get("group", "")
    page = paginate(
        request,
        selectors.stakeholder_list(
            initiative=initiative,
            query=query,
            status=status,
            kind=kind,
            group=group,
            show_names=show_names,
        ),
    )
    for s in page:
        s.label = selectors.stakeholder_label(s, show_names=show_names)
        s.introducer_label = (
            selectors.stakeholder_label(s.introduced_by, show_names=show_names)
            if s.introduced_by
            else ""
        )
    return render(
        request,
        "stakeholders/register.html",
        {
            "initiative": initiative,
            "page": page,
            "query": query,
            "status": status,
            "kind": kind,
            "group": group,
            "statuses": Status.choices,
            "kinds": Kind.choices,
            "show_names": show_names,
            "counts": selectors.register_counts(initiative=initiative),
            "can_add": request.user.has_perm("stakeholders.add_stakeholder", initiative),
            "can_manage": request.user.has_perm("stakeholders.manage", initiative),
        },
    )


@login_required
def stakeholder_add(request, pk):
    initiative = _initiative(request, pk, "stakeholders.add_stakeholder")
    choices = _choices(initiative)
    can_manage = request.user.has_perm("stakeholders.manage", initiative)
    form = StakeholderForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        groups=initiative.target_groups or [],
        can_manage=can_manage,
        initial={"introduced_by": request.GET.get("introduced_by", "")},
    )
    if request.method == "POST" and form.is_valid():
        known = {
            s.pk: s
            for s in initiative.stakeholders.filter(pk=form.cleaned_data["introduced_by"] or 0)
        }
        try:
            stakeholder = services.stakeholder_create(
                initiative=initiative, actor=request.user, **form.service_data(stakeholders=known)
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Stakeholder added."))
            return redirect(stakeholder)
    return render(
        request,
        "stakeholders/stakeholder_form.html",
        {"initiative": initiative, "form": form, "stakeholder": None},
    )


@login_required
def stakeholder_edit(request, pk):
    stakeholder = _stakeholder(request, pk, "stakeholders.change_stakeholder")
    initiative = stakeholder.initiative
    can_manage = request.user.has_perm("stakeholders.manage", initiative)
    initial = {
        field: getattr(stakeholder, field)
        for field in services.FIELDS
        if field not in ("introduced_by", "strengths")
    }
    initial["introduced_by"] = stakeholder.introduced_by_id or ""
    initial["strengths"] = "\n".join(stakeholder.strengths)
    form = StakeholderForm(
        request.POST if request.method == "POST" else None,
        choices=_choices(initiative, exclude=stakeholder.pk),
        groups=initiative.target_groups or [],
        can_manage=can_manage,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        known = {
            s.pk: s
            for s in initiative.stakeholders.filter(pk=form.cleaned_data["introduced_by"] or 0)
        }
        try:
            services.stakeholder_update(
                stakeholder=stakeholder, actor=request.user, **form.service_data(stakeholders=known)
            )
        except ValidationError as exc:
            stakeholder.refresh_from_db()
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(stakeholder)
    return render(
        request,
        "stakeholders/stakeholder_form.html",
        {"initiative": initiative, "form": form, "stakeholder": stakeholder},
    )


def _detail(request, stakeholder, *, contact_form=None, relation_form=None, status=200):
    initiative = stakeholder.initiative
    can_change = request.user.has_perm("stakeholders.change_stakeholder", stakeholder)
    see_details = request.user.has_perm("stakeholders.view_contact_details", stakeholder)
    if see_details and stakeholder.has_contact_details and request.method == "GET":
        audit_record(
            actor=request.user,
            action="stakeholder_contact_details_viewed",
            obj=stakeholder,
            organisation_id=initiative.organisation_id,
        )
    choices = _choices(initiative, exclude=stakeholder.pk)
    if can_change:
        contact_form = contact_form or ContactForm(
            prefix="contact", initial={"happened_on": timezone.localdate()}
        )
        relation_form = relation_form or RelationForm(prefix="relation", choices=choices)
    relations = selectors.relation_list(stakeholder=stakeholder)
    for r in relations:
        r.other = r.target if r.source_id == stakeholder.pk else r.source
        r.outgoing = r.source_id == stakeholder.pk
        r.other_label = selectors.stakeholder_label(r.other, show_names=True)
    introduced = selectors.introduced_list(stakeholder=stakeholder)
    for s in introduced:
        s.label = selectors.stakeholder_label(s, show_names=True)
    return render(
        request,
        "stakeholders/stakeholder_detail.html",
        {
            "initiative": initiative,
            "stakeholder": stakeholder,
            "label": selectors.stakeholder_label(stakeholder, show_names=True),
            "role_labels": [ROLE_LABELS.get(r, r) for r in stakeholder.roles],
            "language_labels": [LANGUAGE_LABELS.get(c, c) for c in stakeholder.languages],
            "path": selectors.reached_via(stakeholder, show_names=True),
            "relations": relations,
            "introduced": introduced,
            "history": selectors.level_history(stakeholder=stakeholder),
            "contacts": selectors.contact_list_for_stakeholder(stakeholder=stakeholder),
            "see_details": see_details,
            "can_change": can_change,
            "can_manage": request.user.has_perm("stakeholders.manage", initiative),
            "contact_form": contact_form if can_change else None,
            "relation_form": relation_form if can_change and choices else None,
            "today": timezone.localdate(),
        },
        status=status,
    )


@login_required
def stakeholder_detail(request, pk):
    return _detail(request, _stakeholder(request, pk))


@login_required
@require_POST
def contact_add(request, pk):
    stakeholder = _stakeholder(request, pk, "stakeholders.change_stakeholder")
    form = ContactForm(request.POST, prefix="contact")
    if form.is_valid():
        try:
            services.contact_create(
                stakeholder=stakeholder, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Contact recorded."))
            return redirect(stakeholder)
    return _detail(request, stakeholder, contact_form=form)


@login_required
@require_POST
def relation_add(request, pk):
    stakeholder = _stakeholder(request, pk, "stakeholders.change_stakeholder")
    form = RelationForm(
        request.POST, prefix="relation", choices=_choices(stakeholder.initiative, stakeholder.pk)
    )
    if form.is_valid():
        target = stakeholder.initiative.stakeholders.filter(pk=form.cleaned_data["target"]).first()
        try:
            if target is None:
                raise ValidationError({"target": [_("Choose someone of this initiative.")]})
            services.relation_create(
                source=stakeholder,
                target=target,
                kind=form.cleaned_data["kind"],
                actor=request.user,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Relation recorded."))
            return redirect(stakeholder)
    return _detail(request, stakeholder, relation_form=form)


@login_required
@require_POST
def relation_delete(request, pk):
    relation = get_object_or_404(Relation.objects.select_related("source__initiative"), pk=pk)
    stakeholder = _stakeholder(request, relation.source_id, "stakeholders.change_stakeholder")
    services.relation_delete(relation=relation, actor=request.user)
    messages.success(request, _("Relation removed."))
    return redirect(stakeholder)


@login_required
@require_POST
def follow_up_done(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    stakeholder = _stakeholder(request, contact.stakeholder_id, "stakeholders.change_stakeholder")
    contact.stakeholder = stakeholder
    services.contact_follow_up_done(contact=contact, actor=request.user)
    messages.success(request, _("Follow-up marked as done."))
    return redirect(stakeholder)


@login_required
def stakeholder_forget(request, pk):
    stakeholder = _stakeholder(request, pk)
    if not request.user.has_perm("stakeholders.manage", stakeholder.initiative):
        raise PermissionDenied
    if request.method == "POST":
        services.stakeholder_forget(stakeholder=stakeholder, actor=request.user)
        messages.success(
            request,
            _("Their personal details are erased. An anonymous entry stays in the network."),
        )
        return redirect(stakeholder)
    return render(
        request,
        "stakeholders/stakeholder_forget.html",
        {
            "initiative": stakeholder.initiative,
            "stakeholder": stakeholder,
            "label": selectors.stakeholder_label(stakeholder, show_names=True),
        },
    )


@login_required
def stakeholder_export(request, pk):
    """Everything recorded about one stakeholder, to hand to them on request."""
    stakeholder = _stakeholder(request, pk)
    if not request.user.has_perm("stakeholders.manage", stakeholder.initiative):
        raise PermissionDenied
    audit_record(
        actor=request.user,
        action="stakeholder_exported",
        obj=stakeholder,
        organisation_id=stakeholder.initiative.organisation_id,
    )
    response = HttpResponse(
        json.dumps(selectors.stakeholder_record(stakeholder), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="stakeholder-{stakeholder.pk}.json"'
    return response


# Contacts ------------------------------------------------------------------------------


@login_required
def contact_log(request, pk):
    initiative = _initiative(request, pk, "stakeholders.view_names")
    page = paginate(request, selectors.contact_list(initiative=initiative))
    for c in page:
        c.label = selectors.stakeholder_label(c.stakeholder, show_names=True)
    return render(
        request,
        "stakeholders/contact_log.html",
        {"initiative": initiative, "page": page, "today": timezone.localdate()},
    )


# Referral links --------------------------------------------------------------------------


@login_required
def referral_list(request, pk):
    initiative = _initiative(request, pk, "stakeholders.manage")
    choices = _choices(initiative)
    form = ReferralLinkForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        sharer = initiative.stakeholders.filter(pk=form.cleaned_data["stakeholder"] or 0).first()
        try:
            services.referral_create(
                initiative=initiative,
                actor=request.user,
                stakeholder=sharer,
                label=form.cleaned_data["label"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Referral link made. Copy it and hand it out."))
            return redirect("stakeholders:referrals", pk=initiative.pk)
    links = selectors.referral_links(initiative=initiative)
    for link in links:
        link.url = request.build_absolute_uri(link.get_public_url())
        link.sharer_label = (
            selectors.stakeholder_label(link.stakeholder, show_names=True)
            if link.stakeholder
            else ""
        )
    return render(
        request,
        "stakeholders/referral_list.html",
        {"initiative": initiative, "form": form, "links": links},
    )


@login_required
@require_POST
def referral_toggle(request, pk):
    link = get_object_or_404(ReferralLink.objects.select_related("initiative"), pk=pk)
    _initiative(request, link.initiative_id, "stakeholders.manage")
    services.referral_set_open(link=link, actor=request.user, is_open=not link.is_open)
    messages.success(request, _("Link opened.") if link.is_open else _("Link closed."))
    return redirect("stakeholders:referrals", pk=link.initiative_id)


def refer(request, token):
    """The light form behind a referral link: "who else should we talk to?"."""
    link = selectors.referral_by_token(token)
    if link is None or not link.is_open:
        return render(request, "stakeholders/refer_invalid.html", status=404)
    form = ReferralForm(
        request.POST if request.method == "POST" else None,
        groups=link.initiative.target_groups or [],
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_submit(link=link, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
            if getattr(exc, "code", None) == "rate_limited":
                status = 429
        else:
            messages.success(
                request,
                _("Thank you! We will get in touch with them. You can suggest someone else."),
            )
            return redirect("stakeholders:refer", token=token)
    return render(
        request,
        "stakeholders/refer.html",
        {"link": link, "initiative": link.initiative, "form": form},
        status=status,
    )


# Import and export ---------------------------------------------------------------------


@login_required
def import_upload(request, pk):
    initiative = _initiative(request, pk, "stakeholders.manage")
    form = ImportForm()
    context = {"initiative": initiative, "form": form, "columns": transfer.COLUMNS}
    if request.method == "POST":
        # A file larger than the limit is refused before Django reads the body.
        length = request.META.get("CONTENT_LENGTH") or "0"
        too_big = not length.isdigit() or int(length) > transfer.MAX_IMPORT_BYTES + 64 * 1024
        if too_big:
            form = ImportForm({}, {})
            form.is_valid()
            form.errors["file"] = form.error_class(
                [
                    _("This file is too big. A file can be at most %(mb)d MB.")
                    % {"mb": transfer.MAX_IMPORT_BYTES // (1024 * 1024)}
                ]
            )
            context["form"] = form
            return render(request, "stakeholders/import.html", context, status=413)
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                batch, rows = transfer.import_prepare(
                    initiative=initiative, actor=request.user, upload=form.cleaned_data["file"]
                )
            except transfer.ImportRejected as exc:
                form.add_error("file", exc)
            else:
                context.update(
                    batch=batch,
                    rows=rows,
                    error_count=sum(1 for r in rows if r["errors"]),
                    warning_count=sum(1 for r in rows if r["warnings"]),
                )
                return render(request, "stakeholders/import_preview.html", context)
    return render(request, "stakeholders/import.html", context)


@login_required
@require_POST
def import_confirm(request, pk):
    initiative = _initiative(request, pk, "stakeholders.manage")
    batch_id = request.POST.get("batch", "")
    batch = ImportBatch.objects.filter(
        pk=int(batch_id) if batch_id.isdecimal() and len(batch_id) < 18 else 0,
        initiative=initiative,
        created_by=request.user,
    ).first()
    if batch is None:
        messages.error(request, _("This import is no longer waiting. Upload the file again."))
        return redirect("stakeholders:import", pk=initiative.pk)
    try:
        count = transfer.import_confirm(batch=batch, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("stakeholders:import", pk=initiative.pk)
    messages.success(request, _("%(count)d stakeholders imported.") % {"count": count})
    return redirect("stakeholders:register", pk=initiative.pk)


EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json; charset=utf-8", "json"),
    "gexf": ("application/xml; charset=utf-8", "gexf"),
    "graphml": ("application/xml; charset=utf-8", "graphml"),
}


@login_required
def export(request, pk, fmt):
    initiative = _initiative(request, pk, "stakeholders.manage")
    if fmt not in EXPORTS:
        raise Http404
    if fmt == "csv":
        body = transfer.export_csv(initiative=initiative, contact_details=True)
    elif fmt == "json":
        body = transfer.export_json(initiative=initiative, contact_details=True)
    elif fmt == "gexf":
        body = transfer.export_gexf(initiative=initiative, show_names=True)
    else:
        body = transfer.export_graphml(initiative=initiative, show_names=True)
    audit_record(
        actor=request.user,
        action="stakeholders_exported",
        obj=initiative,
        organisation_id=initiative.organisation_id,
        detail={"format": fmt},
    )
    content_type, extension = EXPORTS[fmt]
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="stakeholders-{initiative.slug}.{extension}"'
    )
    return response


# The network map (issue 4, point 5) --------------------------------------------------------

COLOUR_CHOICES = ("kind", "engagement")


def _relation_text(relation: dict, kinds: dict[str, str]) -> str:
    kind = kinds.get(relation["kind"], relation["kind"].replace("_", " "))
    if relation["direction"] == "out":
        return _("%(relation)s %(other)s") % {"relation": kind, "other": relation["label"]}
    return _("%(other)s %(relation)s this stakeholder") % {
        "relation": kind,
        "other": relation["label"],
    }


class _PendingRows:
    """While the map is being computed: everyone with their relations, without measures;
    only the shown page is built."""

    def __init__(self, initiative, show_names: bool):
        self.initiative, self.show_names = initiative, show_names
        self.total = selectors.network_pending_count(initiative=initiative)

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: slice) -> list[dict]:
        start, stop = index.start or 0, index.stop
        return selectors.network_pending_page(
            initiative=self.initiative,
            show_names=self.show_names,
            offset=start,
            limit=None if stop is None else stop - start,
        )


class _MapRows:
    """The list view's rows for the paginator: only the shown page is built."""

    def __init__(self, result, as_of):
        self.result, self.as_of = result, as_of
        self.total = sum(network_visible(result, as_of))

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: slice) -> list[dict]:
        start, stop = index.start or 0, index.stop
        limit = None if stop is None else stop - start
        return network_list_rows(self.result, as_of=self.as_of, offset=start, limit=limit)


@login_required
def network_map(request, pk):
    """The map of stakeholders and relations, read from the network cache; the list below it
    carries the same information for the keyboard and screen readers. Names follow the
    register's rule, and each rule has its own cache entry."""
    initiative = _initiative(request, pk)
    show_names = request.user.has_perm("stakeholders.view_names", initiative)
    params = {"initiative_id": initiative.pk, "show_names": show_names}
    version = network_version(*selectors.network_state(initiative=initiative))
    result = network_layout_cached(source=NETWORK_SOURCE, params=params, version=version)

    colour_by = request.GET.get("colour")
    if colour_by not in COLOUR_CHOICES:
        colour_by = "kind"
    view = Viewport.parse(request.GET.get("view"))
    kind_labels = category_labels(Kind.choices)
    level_labels = category_labels(Level.choices)
    relation_labels = {**category_labels(RelationKind.choices), "introduced": _("introduced")}
    context = {
        "initiative": initiative,
        "show_names": show_names,
        "can_manage": request.user.has_perm("stakeholders.manage", initiative),
        "colour_by": colour_by,
        "colour_choices": [("kind", _("Kind")), ("engagement", _("Engagement level"))],
        "view": str(view),
    }
    if result is None:
        state = network_layout_state(source=NETWORK_SOURCE, params=params, version=version)
        page = paginate(request, _PendingRows(initiative, show_names))
        context.update(state=state, ready=False)
    else:
        snapshots = [snap["date"] for snap in result.get("growth", [])]
        as_of = request.GET.get("as_of") or ""
        if as_of not in snapshots:
            as_of = ""
        labels = kind_labels if colour_by == "kind" else level_labels
        page = paginate(request, _MapRows(result, as_of or None))
        base = {"colour": colour_by, **({"as_of": as_of} if as_of else {})}
        links = []
        for link in viewport_links(view):
            target = link["view"]
            link["query"] = urlencode({**base, "view": target}) if target else ""
            links.append(link)
        context.update(
            ready=True,
            map_svg=network_map_svg(
                result, view=view, colour_by=colour_by, labels=labels, as_of=as_of or None
            ),
            legend_svg=network_legend_svg(
                result, colour_by=colour_by, labels=labels, edge_labels=relation_labels
            ),
            view_links=links,
            snapshots=snapshots,
            as_of=as_of,
            summary=result["summary"],
        )
    for row in page:
        row["kind_label"] = kind_labels.get(row.get("kind") or "", row.get("kind") or "")
        row["level_label"] = level_labels.get(row.get("level") or "", "")
        row["relation_texts"] = [_relation_text(r, relation_labels) for r in row["relations"]]
    context["page"] = page
    return render(request, "stakeholders/network_map.html", context)
