import csv
import io
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.accounts.cookies import participant_cookie_set
from constellate.accounts.models import Organisation, Participant
from constellate.accounts.selectors import participant_for_request
from constellate.accounts.services import participant_create
from constellate.compass import report as report_mod
from constellate.compass import selectors, services
from constellate.compass.forms import (
    ConstellationForm,
    ElementForm,
    LanguageForm,
    ResponseForm,
    RoundForm,
)
from constellate.compass.models import Constellation, Element, Round, RoundStatus
from constellate.core import texts as texts_mod
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.core.qr import qr_svg
from constellate.initiatives.models import Initiative

# Access ---------------------------------------------------------------------------------------


def _check(request, initiative: Initiative, perm: str = "initiatives.view_initiative") -> None:
    """404 for who may not see the initiative (its existence stays hidden), 403 for who may
    see it but not do this."""
    if not request.user.has_perm("initiatives.view_initiative", initiative):
        raise Http404
    if not request.user.has_perm(perm, initiative):
        raise PermissionDenied


def _initiative(request, pk: int, perm: str = "initiatives.view_initiative") -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("organisation"), pk=pk)
    _check(request, initiative, perm)
    return initiative


def _round(request, pk: int, perm: str = "initiatives.view_initiative") -> Round:
    round_ = get_object_or_404(Round.objects.select_related("initiative__organisation"), pk=pk)
    _check(request, round_.initiative, perm)
    return round_


def _organisation(request, slug: str, perm: str = "compass.view_framework") -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation


# The framework ----------------------------------------------------------------------------------


@login_required
def framework(request, slug):
    """The organisation's compass: its constellations and elements; admins correct it here."""
    organisation = _organisation(request, slug)
    services.framework_ensure(organisation=organisation)
    can_change = request.user.has_perm("compass.change_framework", organisation)
    language_form = None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action == "move":
            element = _element(organisation, request.POST.get("element", ""))
            try:
                services.element_move(
                    element=element, actor=request.user, direction=request.POST.get("direction", "")
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("“%(name)s” moved.") % {"name": element.name})
            return redirect(f"{reverse('compass:framework', args=[slug])}#element-{element.pk}")
        language_form = LanguageForm(request.POST)
        if language_form.is_valid():
            try:
                code = services.framework_language_add(
                    organisation=organisation,
                    actor=request.user,
                    language=language_form.cleaned_data["language"],
                )
            except ValidationError as exc:
                apply_validation_error(language_form, exc)
            else:
                messages.success(
                    request,
                    _("Language %(code)s added. Open an element or constellation to translate it.")
                    % {"code": code},
                )
                return redirect("compass:framework", slug=slug)
    languages = selectors.framework_languages(organisation=organisation)
    return render(
        request,
        "compass/framework.html",
        {
            "organisation": organisation,
            "constellations": selectors.framework_for(
                organisation=organisation, include_inactive=can_change
            ),
            "can_change": can_change,
            "languages": [(code, _language_name(code)) for code in languages],
            "language_form": language_form or (LanguageForm() if can_change else None),
        },
    )


def _language_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _element(organisation, pk) -> Element:
    pk = str(pk)
    return get_object_or_404(
        Element, pk=int(pk) if pk.isdecimal() and len(pk) < 12 else 0, organisation=organisation
    )


def _language(request, languages: list[str]) -> str:
    """The language being edited: ?language=, else the interface language."""
    code = request.GET.get("language") or request.POST.get("language_code") or ""
    if code in languages:
        return code
    current = (translation.get_language() or "nl").split("-")[0]
    return current if current in languages else (languages[0] if languages else "nl")


@login_required
def element_edit(request, slug, pk):
    organisation = _organisation(request, slug, "compass.change_framework")
    element = _element(organisation, pk)
    languages = selectors.framework_languages(organisation=organisation)
    language = _language(request, languages)
    texts = (element.texts or {}).get(language) or {}
    form = ElementForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        initial={
            "name": texts.get("name", ""),
            "description": texts.get("description", ""),
            "questions": texts.get("questions", []),
            "constellation": element.constellation_id,
            "is_active": element.is_active,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.element_update(
                element=element,
                actor=request.user,
                language=language,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                questions=form.cleaned_data["questions"],
                constellation=form.cleaned_data["constellation"],
                is_active=form.cleaned_data["is_active"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(f"{reverse('compass:framework', args=[slug])}#element-{element.pk}")
    element.refresh_from_db()
    return render(
        request,
        "compass/element_form.html",
        {
            "organisation": organisation,
            "element": element,
            "form": form,
            "language": language,
            "language_name": _language_name(language),
            "languages": [(c, _language_name(c)) for c in languages],
            "fallback": texts_mod.resolve(element.texts, language),
        },
    )


@login_required
def element_create(request, slug):
    organisation = _organisation(request, slug, "compass.change_framework")
    services.framework_ensure(organisation=organisation)
    languages = selectors.framework_languages(organisation=organisation)
    language = _language(request, languages)
    form = ElementForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        with_active=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            element = services.element_create(
                organisation=organisation,
                actor=request.user,
                language=language,
                constellation=form.cleaned_data["constellation"],
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                questions=form.cleaned_data["questions"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Element added."))
            return redirect(f"{reverse('compass:framework', args=[slug])}#element-{element.pk}")
    return render(
        request,
        "compass/element_form.html",
        {
            "organisation": organisation,
            "form": form,
            "language": language,
            "language_name": _language_name(language),
            "languages": [(c, _language_name(c)) for c in languages],
        },
    )


@login_required
def constellation_edit(request, slug, pk):
    organisation = _organisation(request, slug, "compass.change_framework")
    pk = str(pk)
    constellation = get_object_or_404(Constellation, pk=pk, organisation=organisation)
    languages = selectors.framework_languages(organisation=organisation)
    language = _language(request, languages)
    texts = (constellation.texts or {}).get(language) or {}
    form = ConstellationForm(
        request.POST if request.method == "POST" else None,
        initial=ConstellationForm.initial_from(texts),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.constellation_update(
                constellation=constellation,
                actor=request.user,
                language=language,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                scenes=form.scenes(),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(
                f"{reverse('compass:framework', args=[slug])}#constellation-{constellation.key}"
            )
    constellation.refresh_from_db()
    return render(
        request,
        "compass/constellation_form.html",
        {
            "organisation": organisation,
            "constellation": constellation,
            "form": form,
            "language": language,
            "language_name": _language_name(language),
            "languages": [(c, _language_name(c)) for c in languages],
            "fallback": texts_mod.resolve(constellation.texts, language),
        },
    )


# Rounds of an initiative --------------------------------------------------------------------------


@login_required
def round_list(request, pk):
    initiative = _initiative(request, pk)
    today = timezone.localdate()
    page = paginate(request, selectors.round_list(initiative=initiative))
    for round_ in page:
        round_.status = round_.status_on(today)
    return render(
        request,
        "compass/round_list.html",
        {
            "initiative": initiative,
            "page": page,
            "today": today,
            "can_edit": request.user.has_perm("initiatives.change_initiative", initiative),
        },
    )


@login_required
def round_create(request, pk):
    initiative = _initiative(request, pk, "initiatives.change_initiative")
    services.framework_ensure(organisation=initiative.organisation)
    elements = (
        Element.objects.filter(organisation=initiative.organisation, is_active=True)
        .select_related("constellation")
        .order_by("constellation__position", "position", "number")
    )
    today = timezone.localdate()
    form = RoundForm(
        request.POST if request.method == "POST" else None,
        elements=elements,
        initial={
            "opens_on": today,
            "closes_on": today + timedelta(days=21),
            "elements": list(elements),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_create(
                initiative=initiative, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("The round is open. Share its link with everyone involved.")
            )
            return redirect(round_)
    return render(request, "compass/round_form.html", {"initiative": initiative, "form": form})


@login_required
def round_detail(request, pk):
    """A round: its status and link while open; its results once closed."""
    round_ = _round(request, pk)
    initiative = round_.initiative
    today = timezone.localdate()
    status = round_.status_on(today)
    context = {
        "round": round_,
        "initiative": initiative,
        "status": status,
        "can_edit": request.user.has_perm("initiatives.change_initiative", initiative),
        "response_count": round_.responses.count(),
        "element_count": round_.elements.count(),
        "own": selectors.response_for(round=round_, user=request.user),
        "link": request.build_absolute_uri(round_.get_link_url()),
    }
    if status != RoundStatus.CLOSED:
        context["qr"] = qr_svg(context["link"])
    if status == RoundStatus.CLOSED:
        context["report"] = report_mod.build(round_)
    return render(request, "compass/round_detail.html", context)


@login_required
@require_POST
def round_close(request, pk):
    round_ = _round(request, pk, "initiatives.change_initiative")
    try:
        services.round_close(round=round_, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The round is closed. The results are below."))
    return redirect(round_)


def _closed_round(request, pk) -> Round:
    round_ = _round(request, pk)
    if not round_.is_closed_on(timezone.localdate()):
        raise Http404
    return round_


@login_required
def round_print(request, pk):
    round_ = _closed_round(request, pk)
    return render(
        request,
        "compass/round_print.html",
        {
            "round": round_,
            "initiative": round_.initiative,
            "report": report_mod.build(round_),
            "today": timezone.localdate(),
        },
    )


@login_required
def round_qr(request, pk):
    """The round's link as a QR code to print on a poster or flyer (SVG download)."""
    round_ = _round(request, pk)
    svg = qr_svg(request.build_absolute_uri(round_.get_link_url()), scale=10)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="compass-round-{round_.pk}-qr.svg"'
    return response


@login_required
def round_csv(request, pk):
    round_ = _closed_round(request, pk)
    report = report_mod.build(round_, notes=False)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in report_mod.csv_rows(round_, report):
        writer.writerow([report_mod.csv_safe(v) for v in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = slugify(round_.title)[:60] or "round"
    response["Content-Disposition"] = f'attachment; filename="compass-{round_.pk}-{name}.csv"'
    return response


@login_required
def rounds_compare(request, pk):
    """Closed rounds side by side per element: how the picture changes over time."""
    initiative = _initiative(request, pk)
    columns = selectors.rounds_compare(initiative=initiative)
    framework = selectors.framework_for(organisation=initiative.organisation, include_inactive=True)
    covered = {e.pk for col in columns for e in col.round.elements.all()}
    sections = []
    for c in framework:
        rows = []
        for element in c.elements:
            if element.pk not in covered:
                continue
            cells = []
            previous = None
            for col in columns:
                result = col.results.elements.get(element.pk)
                progress = result.all["progress"] if result else None
                importance = result.all["importance"] if result else None
                mean = progress.mean if progress is not None and progress.shown else None
                change = None
                if mean is not None and previous is not None:
                    change = mean - previous
                if mean is not None:
                    previous = mean
                cells.append(
                    {
                        "progress": progress,
                        "importance": importance,
                        "covered": result is not None,
                        "change": change,
                    }
                )
            rows.append({"element": element, "cells": cells})
        if rows:
            sections.append({"constellation": c, "rows": rows})
    return render(
        request,
        "compass/rounds_compare.html",
        {"initiative": initiative, "columns": columns, "sections": sections},
    )


# Answering ---------------------------------------------------------------------------------------


def _own_answers(round_, response):
    if response is None:
        return []
    ratings = {r.element_id: r for r in response.ratings.all()}
    rows = []
    for c in selectors.round_elements(round=round_):
        for element in c.elements:
            rows.append({"element": element, "rating": ratings.get(element.pk)})
    return rows


def _respond(request, round_, *, participant=None, as_participant: bool):
    """The answer form for a signed-in person or, through the link, a participant."""
    today = timezone.localdate()
    status = round_.status_on(today)
    user = None if as_participant else request.user
    response = selectors.response_for(round=round_, user=user, participant=participant)
    if as_participant and participant is None:
        response = None
    constellations = selectors.round_elements(round=round_)
    elements = [e for c in constellations for e in c.elements]
    initial = ResponseForm.initial_from(response) if response else {}
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        elements=elements,
        with_group=as_participant,
        initial=initial,
    )
    if request.method == "POST":
        if status != RoundStatus.OPEN:
            messages.error(
                request,
                _("This round is closed, so answers can no longer be given or changed.")
                if status == RoundStatus.CLOSED
                else _("This round opens on %(date)s. Come back then.")
                % {"date": date_format(round_.opens_on, "j F Y")},
            )
            return None
        if form.is_valid():
            try:
                with transaction.atomic():
                    secret = None
                    if as_participant and participant is None:
                        participant, secret = participant_create(
                            user=request.user if request.user.is_authenticated else None
                        )
                    services.response_submit(
                        round=round_,
                        answers=form.answers(),
                        user=user,
                        participant=participant,
                        group=form.cleaned_data.get("group", ""),
                    )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! Your answers are saved. You can change them until the "
                        "round closes on %(date)s."
                    )
                    % {"date": date_format(round_.closes_on, "j F Y")},
                )
                return {"secret": secret}
    rows = {row["element"].pk: row for row in form.element_fields()}
    return {
        "form": form,
        "sections": [
            {"constellation": c, "rows": [rows[e.pk] for e in c.elements]} for c in constellations
        ],
        "status": status,
        "response": response,
        "constellations": constellations,
        "own": _own_answers(round_, response) if status != RoundStatus.OPEN else [],
        "round": round_,
        "initiative": round_.initiative,
    }


@login_required
def respond(request, pk):
    """Answering a round signed in: staff and partners with access to the initiative."""
    round_ = _round(request, pk)
    result = _respond(request, round_, as_participant=False)
    if result is None or "secret" in result:
        return redirect("compass:respond", pk=round_.pk)
    result["staff_view"] = True
    result["group_label"] = report_mod.GROUP_LABELS[
        services.stakeholder_group_for_user(user=request.user, initiative=round_.initiative)
    ]
    return render(request, "compass/respond.html", result)


def respond_link(request, token):
    """The round's link: people without an account answer here, pseudonymously."""
    round_ = selectors.round_by_token(token=token)
    if round_ is None:
        return render(request, "compass/link_invalid.html", status=404)
    if request.user.is_authenticated and request.user.has_perm(
        "initiatives.view_initiative", round_.initiative
    ):
        return redirect("compass:respond", pk=round_.pk)
    participant = participant_for_request(request)
    if participant is None and request.user.is_authenticated:
        # Someone signed in without access to the initiative answers like a participant,
        # under the participation already linked to their account if there is one.
        participant = Participant.objects.filter(user=request.user).order_by("pk").first()
    result = _respond(request, round_, participant=participant, as_participant=True)
    if result is None:
        return redirect("compass:respond_link", token=token)
    if "secret" in result:
        response = redirect("compass:respond_link", token=token)
        if result["secret"]:
            participant_cookie_set(response, request, result["secret"])
            request.session["compass_secret_shown"] = result["secret"]
        return response
    secret = request.session.pop("compass_secret_shown", None)
    result["return_url"] = (
        request.build_absolute_uri(reverse("accounts:participant_return", args=[secret]))
        if secret
        else ""
    )
    result["participant"] = participant
    result["visible"] = request.user.has_perm(
        "initiatives.view_public_initiative", round_.initiative
    )
    return render(request, "compass/respond.html", result)
