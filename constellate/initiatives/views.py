from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from constellate.accounts.cookies import participant_cookie_set
from constellate.accounts.models import Organisation
from constellate.accounts.selectors import participant_for_request
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import page_of, paginate
from constellate.core.qr import qr_svg
from constellate.core.registry import (
    canvas_links_for,
    dashboard_panels,
    initiative_panels,
    join_questions,
    joined_sections,
    public_sections,
)
from constellate.initiatives import canvas as canvas_mod
from constellate.initiatives import selectors, services
from constellate.initiatives.choices import InitiativeStatus
from constellate.initiatives.forms import ActivityForm, CanvasForms, InitiativeForm, MemberForm
from constellate.initiatives.models import Activity, CanvasVersion, Initiative, InitiativeMembership
from constellate.initiatives.timeline import timeline_svg


def _initiative(request, pk: int, perm: str = "initiatives.view_initiative") -> Initiative:
    initiative = selectors.initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None:
        raise Http404
    _initiative_check(request, initiative, perm)
    return initiative


def _activity(request, pk: int, perm: str = "initiatives.view_initiative") -> Activity:
    activity = get_object_or_404(Activity.objects.select_related("initiative__organisation"), pk=pk)
    _initiative_check(request, activity.initiative, perm)
    return activity


def _initiative_check(request, initiative: Initiative, perm: str) -> None:
    """404 for who may not see the initiative (its existence stays hidden), 403 for who may
    see it but not do this."""
    if not request.user.has_perm("initiatives.view_initiative", initiative):
        raise Http404
    if perm != "initiatives.view_initiative" and not request.user.has_perm(perm, initiative):
        raise PermissionDenied


@login_required
def dashboard(request):
    data = selectors.dashboard_for_user(user=request.user)
    data["can_create"] = bool(selectors.organisations_where_user_can_create(user=request.user))
    data["panels"] = _panels(
        (panel.template, panel.context(request.user, data["today"])) for panel in dashboard_panels()
    )
    return render(request, "initiatives/dashboard.html", data)


@login_required
def initiative_list(request):
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    page = paginate(
        request, selectors.initiative_list_for_user(user=request.user, query=query, status=status)
    )
    return render(
        request,
        "initiatives/initiative_list.html",
        {
            "page": page,
            "query": query,
            "status": status,
            "statuses": InitiativeStatus.choices,
            "can_create": bool(selectors.organisations_where_user_can_create(user=request.user)),
        },
    )


@login_required
def initiative_create(request):
    org_ids = selectors.organisations_where_user_can_create(user=request.user)
    organisations = list(Organisation.objects.filter(pk__in=org_ids).order_by("name"))
    if not organisations:
        raise PermissionDenied
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = next((o for o in organisations if str(o.pk) == str(chosen)), organisations[0])
    form = InitiativeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not request.user.has_perm("initiatives.add_initiative", organisation):
            raise PermissionDenied
        try:
            initiative = services.initiative_create(
                organisation=organisation, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Initiative created. Next: fill in the canvas."))
            return redirect("initiatives:canvas_edit", pk=initiative.pk)
    return render(
        request,
        "initiatives/initiative_form.html",
        {"form": form, "organisations": organisations, "organisation": organisation},
    )


@login_required
def initiative_detail(request, pk):
    initiative = _initiative(request, pk)
    today = timezone.localdate()
    page_number = request.GET.get("page", "1")
    page_number = page_number if page_number.isdecimal() and len(page_number) < 7 else "1"
    # Everything below the tabs is cached in the template, keyed on the initiative's last
    # change (every save of it, its canvas or its activities touches `updated_at`), so the
    # canvas, the activities and the timeline are only read and built when the cache misses.
    parts = SimpleLazyObject(lambda: _detail_parts(initiative, page_number, today))
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "parts": parts,
            "page_key": page_number,
            "today": today,
            "can_edit": request.user.has_perm("initiatives.change_initiative", initiative),
        },
    )


def _detail_parts(initiative: Initiative, page_number: str, today) -> dict:
    page = page_of(selectors.activity_list(initiative=initiative), page_number, per_page=50)
    activities = list(page)
    version = selectors.canvas_current(initiative=initiative)
    return {
        "page": page,
        "activities": activities,
        "timeline": timeline_svg(activities, today=today),
        "version": version,
        "missing": canvas_mod.completeness(version.data if version else None),
        "panels": _panels((p.template, p.context(initiative)) for p in initiative_panels()),
    }


def _panels(rendered) -> list[dict]:
    """Registered panels with something to show, ready for `{% include panel.template %}`."""
    return [
        {"template": _SectionTemplate(template, extra), **extra}
        for template, extra in rendered
        if extra is not None
    ]


@login_required
def initiative_edit(request, pk):
    initiative = _initiative(request, pk, "initiatives.change_initiative")
    form = InitiativeForm(request.POST if request.method == "POST" else None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(
                initiative=initiative, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(initiative)
    # A failed save must not leave the form's instance half-changed for the page header.
    initiative.refresh_from_db()
    return render(
        request, "initiatives/initiative_form.html", {"form": form, "initiative": initiative}
    )


@login_required
def initiative_members(request, pk):
    initiative = _initiative(request, pk)
    can_manage = request.user.has_perm("initiatives.manage_members", initiative)
    form = (
        MemberForm(
            request.POST if request.method == "POST" else None, organisation=initiative.organisation
        )
        if can_manage
        else None
    )
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        action = request.POST.get("action", "add")
        if action == "remove":
            membership_id = request.POST.get("membership", "")
            membership = get_object_or_404(
                InitiativeMembership,
                pk=int(membership_id) if membership_id.isdecimal() else 0,
                initiative=initiative,
            )
            try:
                services.initiative_member_remove(membership=membership, actor=request.user)
                messages.success(
                    request, _("%(name)s left the initiative.") % {"name": membership.user}
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            return redirect("initiatives:members", pk=initiative.pk)
        if form.is_valid():
            try:
                services.initiative_member_set(
                    initiative=initiative,
                    user=form.cleaned_data["user"],
                    role=form.cleaned_data["role"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Member saved."))
                return redirect("initiatives:members", pk=initiative.pk)
    return render(
        request,
        "initiatives/initiative_members.html",
        {
            "initiative": initiative,
            "members": paginate(request, selectors.initiative_member_list(initiative=initiative)),
            "form": form,
            "can_manage": can_manage,
        },
    )


# The canvas ------------------------------------------------------------------------------


@login_required
def canvas_detail(request, pk):
    initiative = _initiative(request, pk)
    version = selectors.canvas_current(initiative=initiative)
    return render(
        request,
        "initiatives/canvas_detail.html",
        {
            "initiative": initiative,
            "version": version,
            "canvas": _canvas_for_display(
                version.data if version else None, initiative.organisation
            ),
            "can_edit": request.user.has_perm("initiatives.change_initiative", initiative),
            "canvas_links": canvas_links_for(initiative, request.user),
        },
    )


def _canvas_for_display(data, organisation):
    c = canvas_mod.normalise(data)
    labels = dict(canvas_mod.method_choices(organisation))
    return {
        "data": c,
        "tools": canvas_mod.tool_links(c, labels),
        "sections": [
            {"question": q, "lines": canvas_mod.section_lines(c, q.key, labels)}
            for q in canvas_mod.QUESTIONS
        ],
        "drivers": dict(canvas_mod.GOAL_DRIVERS),
        "resource_kinds": dict(canvas_mod.RESOURCE_KINDS),
        "barrier_kinds": dict(canvas_mod.BARRIER_KINDS),
        "context_fields": canvas_mod.CONTEXT_FIELDS,
    }


@login_required
def canvas_edit(request, pk):
    initiative = _initiative(request, pk, "initiatives.change_initiative")
    current = selectors.canvas_current(initiative=initiative)
    tool_choices = canvas_mod.method_choices(initiative.organisation)
    if request.method == "POST":
        forms_ = CanvasForms(request.POST, tool_choices=tool_choices)
        add_row = request.POST.get("add_row", "")
        if add_row in forms_.lists:
            forms_ = forms_.with_extra_row(add_row, request.POST)
        elif forms_.is_valid():
            try:
                base = int(request.POST.get("base_version") or 0) or None
            except ValueError:
                base = None
            version, conflict = services.canvas_save(
                initiative=initiative,
                data=forms_.cleaned_canvas(),
                author=request.user,
                base_number=base,
            )
            if version is None:
                messages.info(request, _("Nothing changed, so no new version was made."))
            elif conflict:
                messages.warning(
                    request,
                    _(
                        "Someone else saved the canvas while you were editing. Both versions are "
                        "kept: compare them in the history."
                    ),
                )
            else:
                messages.success(
                    request, _("Canvas saved as version %(n)d.") % {"n": version.number}
                )
            return redirect("initiatives:canvas", pk=initiative.pk)
    else:
        forms_ = CanvasForms(initial=current.data if current else None, tool_choices=tool_choices)
    return render(
        request,
        "initiatives/canvas_form.html",
        {
            "initiative": initiative,
            "forms": forms_,
            "questions": canvas_mod.QUESTIONS,
            "base_version": request.POST.get("base_version")
            if request.method == "POST"
            else (current.number if current else ""),
        },
    )


@login_required
def canvas_history(request, pk):
    initiative = _initiative(request, pk)
    page = paginate(request, selectors.canvas_version_list(initiative=initiative))
    labels = {q.key: q.title for q in canvas_mod.QUESTIONS}
    for version in page:
        version.changed_labels = [labels.get(k, k) for k in version.changed_sections]
    return render(
        request, "initiatives/canvas_history.html", {"initiative": initiative, "page": page}
    )


@login_required
def canvas_compare(request, pk):
    initiative = _initiative(request, pk)
    versions = selectors.canvas_version_list(initiative=initiative)
    try:
        a_num = int(request.GET.get("a", 0))
        b_num = int(request.GET.get("b", 0))
    except ValueError:
        a_num = b_num = 0
    if max(abs(a_num), abs(b_num)) > 2**31:
        # Too large for the database to compare (SQLite raises OverflowError): no such version.
        a_num = b_num = -1
    newest = versions.first()
    if newest is None:
        messages.info(request, _("There is no saved canvas yet."))
        return redirect("initiatives:canvas", pk=initiative.pk)
    if not b_num:
        b_num = newest.number
    if not a_num:
        a_num = max(b_num - 1, 1)
    pair = {v.number: v for v in versions.filter(number__in=[a_num, b_num])}
    if a_num not in pair or b_num not in pair:
        messages.error(request, _("Choose two versions that exist."))
        return redirect("initiatives:canvas_history", pk=initiative.pk)
    old, new = pair[min(a_num, b_num)], pair[max(a_num, b_num)]
    return render(
        request,
        "initiatives/canvas_compare.html",
        {
            "initiative": initiative,
            "old": old,
            "new": new,
            "sections": canvas_mod.compare(
                old.data, new.data, dict(canvas_mod.method_choices(initiative.organisation))
            ),
            "numbers": list(versions.values_list("number", flat=True)[:200]),
        },
    )


@login_required
def canvas_print(request, pk):
    initiative = _initiative(request, pk)
    number = request.GET.get("version")
    version = None
    if number and number.isdecimal():
        version = get_object_or_404(CanvasVersion, initiative=initiative, number=int(number))
    else:
        version = selectors.canvas_current(initiative=initiative)
    return render(
        request,
        "initiatives/canvas_print.html",
        {
            "initiative": initiative,
            "version": version,
            "canvas": _canvas_for_display(
                version.data if version else None, initiative.organisation
            ),
        },
    )


# Activities ------------------------------------------------------------------------------


@login_required
def activity_create(request, pk):
    initiative = _initiative(request, pk, "initiatives.change_initiative")
    form = ActivityForm(
        request.POST if request.method == "POST" else None,
        organisation=initiative.organisation,
        initial={"opens_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(
                initiative=initiative, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Activity added."))
            return redirect(activity)
    return render(
        request, "initiatives/activity_form.html", {"form": form, "initiative": initiative}
    )


@login_required
def activity_detail(request, pk):
    activity = _activity(request, pk)
    join_url = request.build_absolute_uri(activity.get_join_url())
    return render(
        request,
        "initiatives/activity_detail.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "join_url": join_url,
            "qr": qr_svg(join_url),
            "can_edit": request.user.has_perm("initiatives.change_initiative", activity.initiative),
        },
    )


@login_required
def activity_qr(request, pk):
    """The join link as a QR code to print on a poster or flyer."""
    activity = _activity(request, pk)
    svg = qr_svg(request.build_absolute_uri(activity.get_join_url()), scale=10)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="activity-{activity.pk}-qr.svg"'
    return response


@login_required
def activity_edit(request, pk):
    activity = _activity(request, pk, "initiatives.change_initiative")
    form = ActivityForm(
        request.POST if request.method == "POST" else None,
        instance=activity,
        organisation=activity.initiative.organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(activity=activity, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(activity)
    activity.refresh_from_db()
    return render(
        request,
        "initiatives/activity_form.html",
        {"form": form, "initiative": activity.initiative, "activity": activity},
    )


@login_required
def activity_delete(request, pk):
    activity = _activity(request, pk, "initiatives.change_initiative")
    if request.method == "POST":
        initiative = activity.initiative
        services.activity_delete(activity=activity, actor=request.user)
        messages.success(request, _("Activity deleted."))
        return redirect(initiative)
    return render(
        request,
        "initiatives/activity_delete.html",
        {"activity": activity, "initiative": activity.initiative},
    )


# Public pages and joining ----------------------------------------------------------------


def public_list(request):
    query = request.GET.get("q", "").strip()[:100]
    page = paginate(request, selectors.public_initiative_list(query=query))
    return render(request, "initiatives/public_list.html", {"page": page, "query": query})


class _SectionTemplate:
    """A registered public section's template, rendered with the section's own context as
    its top-level variables (as the registry documents), for `{% include section.template %}`.
    """

    def __init__(self, name: str, extra: dict):
        self.name, self.extra = name, extra

    def render(self, context):
        template = context.template.engine.get_template(self.name)
        with context.push(**self.extra):
            return template.render(context)


def public_detail(request, pk, slug):
    initiative = selectors.initiative_by_pk(pk=pk)
    if initiative is None or not request.user.has_perm(
        "initiatives.view_public_initiative", initiative
    ):
        raise Http404
    if slug != initiative.slug:
        return redirect(initiative.get_public_url(), permanent=True)
    today = timezone.localdate()
    # The page below the title is cached, keyed on the initiative's last change; what goes
    # into it is only read when the cache misses.
    activities = SimpleLazyObject(
        lambda: list(selectors.activity_list(initiative=initiative, public_only=True))
    )
    return render(
        request,
        "initiatives/public_detail.html",
        {
            "initiative": initiative,
            "groups": SimpleLazyObject(lambda: _public_activity_groups(activities, today)),
            "all_activities": activities,
            "timeline": SimpleLazyObject(lambda: timeline_svg(activities, today=today)),
            "today": today,
            "sections": SimpleLazyObject(lambda: _public_sections(initiative)),
            "is_preview": not initiative.is_public,
        },
    )


def _public_sections(initiative: Initiative) -> list[dict]:
    sections = []
    for section in public_sections():
        extra = section.context(initiative)
        sections.append({"template": _SectionTemplate(section.template, extra), **extra})
    return sections


def _public_activity_groups(activities, today) -> dict:
    return {
        "open": [a for a in activities if a.is_open_on(today)],
        "upcoming": [a for a in activities if a.opens_on > today],
        "past": [a for a in activities if a.closes_on and a.closes_on < today],
    }


def _join_questions(activity, participant, data=None) -> tuple[list[dict], dict, list[str]]:
    """The apps' optional questions for the join page: what to show, the cleaned answers
    and the messages for answers that are not allowed."""
    shown, answers, errors = [], {}, []
    for question in join_questions():
        extra = question.context(activity, participant)
        if extra is None:
            continue
        if data is not None:
            try:
                answers[question.key] = question.clean(activity, data)
            except ValidationError as exc:
                errors.extend(exc.messages)
                extra = {**extra, "error": " ".join(exc.messages)}
        shown.append({"template": _SectionTemplate(question.template, extra)})
    return shown, answers, errors


def join(request, token):
    """The door of an activity: its link or QR code. Taking part needs no account."""
    activity = selectors.activity_by_join_token(token=token)
    if activity is None:
        return render(request, "initiatives/join_invalid.html", status=404)
    initiative = activity.initiative
    visible = request.user.has_perm("initiatives.view_public_initiative", initiative)
    participant = participant_for_request(request)
    if request.method == "POST":
        questions, answers, errors = _join_questions(activity, participant, request.POST)
        if not errors:
            try:
                participant, secret = services.activity_join(
                    activity=activity, participant=participant, user=request.user, answers=answers
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect("initiatives:join", token=token)
            response = redirect(reverse("initiatives:joined", args=[token]))
            if secret:
                participant_cookie_set(response, request, secret)
                request.session["participant_secret_shown"] = secret
            return response
    else:
        questions, errors = _join_questions(activity, participant)[0], []
    return render(
        request,
        "initiatives/join.html",
        {
            "activity": activity,
            "initiative": initiative,
            "visible": visible,
            "participant": participant,
            "questions": questions,
            "errors": errors,
            "refusal": services.activity_join_refusal(activity),
        },
    )


def joined(request, token):
    activity = selectors.activity_by_join_token(token=token)
    if activity is None:
        return render(request, "initiatives/join_invalid.html", status=404)
    participant = participant_for_request(request)
    if participant is None:
        return redirect("initiatives:join", token=token)
    # The private link is shown once, right after joining, so the person can keep it.
    secret = request.session.pop("participant_secret_shown", None)
    return render(
        request,
        "initiatives/joined.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "visible": request.user.has_perm(
                "initiatives.view_public_initiative", activity.initiative
            ),
            "participant": participant,
            "sections": _panels(
                (section.template, section.context(activity, participant))
                for section in joined_sections()
            ),
            "return_url": request.build_absolute_uri(
                reverse("accounts:participant_return", args=[secret])
            )
            if secret
            else "",
        },
    )
