"""The library's pages: readable without signing in; an organisation's own methods only for its
members, and changed only by its admins and facilitators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from constellate.accounts.models import Organisation
from constellate.accounts.selectors import org_roles_for_user
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.initiatives.choices import Phase
from constellate.library import selectors, services
from constellate.library.choices import (
    CONSTELLATIONS,
    ELEMENT_LABELS,
    ELEMENT_NUMBERS,
    ELEMENTS,
    METHOD_TEXT_LABELS,
)
from constellate.library.forms import CaseFilterForm, MethodFilterForm, MethodForm, clean_query
from constellate.library.models import Method
from constellate.library.rules import LIBRARY_EDITORS

PHASE_LABELS = dict(Phase.choices)


def _editable_organisations(user) -> list[Organisation]:
    ids = [org for org, role in org_roles_for_user(user).items() if role in LIBRARY_EDITORS]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name")) if ids else []


def overview(request):
    summary = selectors.library_summary(user=request.user)
    constellations = [
        {
            "key": key,
            "label": label,
            "elements": [
                {"key": e, "label": text, "number": ELEMENT_NUMBERS[e]}
                for e, group, text in ELEMENTS
                if group == key
            ],
        }
        for key, label in CONSTELLATIONS
    ]
    return render(
        request,
        "library/overview.html",
        {
            **summary,
            "constellations": constellations,
            "phases": Phase.choices,
            "can_add": bool(_editable_organisations(request.user)),
        },
    )


def method_list(request):
    form = MethodFilterForm(clean_query(request.GET))
    filters = form.filters()
    page = paginate(request, selectors.method_list(user=request.user, **filters))
    return render(
        request,
        "library/method_list.html",
        {
            "form": form,
            "page": page,
            "filtered": any(filters.values()),
            "can_add": bool(_editable_organisations(request.user)),
        },
    )


def _method(request, key: str, perm: str = "library.view_method") -> Method:
    """404 for a method the person may not see (its existence stays hidden), 403 for one they
    may see but not change."""
    method = selectors.method_for_user(user=request.user, key=key)
    if method is None:
        raise Http404
    if not request.user.has_perm(perm, method):
        raise PermissionDenied
    return method


def _method_context(request, method: Method) -> dict:
    text = method.t
    return {
        "method": method,
        "text": text,
        "labels": METHOD_TEXT_LABELS,
        # In the roadmap's and the cycle's order, whatever order the data has.
        "elements": [
            {"key": e, "label": label, "number": ELEMENT_NUMBERS[e]}
            for e, label in ELEMENT_LABELS.items()
            if e in method.elements
        ],
        "phases": [
            {"key": p, "label": label} for p, label in PHASE_LABELS.items() if p in method.phases
        ],
        "cases": selectors.method_cases(method=method),
        "can_change": request.user.has_perm("library.change_method", method),
    }


def method_detail(request, key):
    method = _method(request, key)
    return render(request, "library/method_detail.html", _method_context(request, method))


def method_print(request, key):
    method = _method(request, key)
    return render(request, "library/method_print.html", _method_context(request, method))


@login_required
def method_create(request):
    organisations = _editable_organisations(request.user)
    if not organisations:
        raise PermissionDenied
    form = MethodForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data.get("organisation", organisations[0].pk)
        organisation = next((o for o in organisations if o.pk == chosen), None)
        if organisation is None or not request.user.has_perm("library.add_method", organisation):
            raise PermissionDenied
        try:
            method = services.method_create(
                organisation=organisation, actor=request.user, **form.service_fields()
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Method added to your organisation's library."))
            return redirect(method)
    return render(
        request,
        "library/method_form.html",
        {"form": form, "organisation": organisations[0] if len(organisations) == 1 else None},
    )


@login_required
def method_edit(request, key):
    method = _method(request, key, "library.change_method")
    form = MethodForm(
        request.POST if request.method == "POST" else None,
        initial=MethodForm.initial_from(method),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.method_update(method=method, actor=request.user, **form.service_fields())
        except ValidationError as exc:
            apply_validation_error(form, exc)
            method.refresh_from_db()  # a failed save leaves nothing half-changed on screen
        else:
            messages.success(request, _("Changes saved."))
            return redirect(method)
    return render(
        request,
        "library/method_form.html",
        {"form": form, "method": method, "organisation": method.organisation},
    )


@login_required
def method_delete(request, key):
    method = _method(request, key, "library.delete_method")
    if request.method == "POST":
        try:
            services.method_delete(method=method, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(method)
        messages.success(request, _("The method was deleted."))
        return redirect("library:method_list")
    return render(request, "library/method_delete.html", {"method": method})


def case_list(request):
    form = CaseFilterForm(clean_query(request.GET))
    filters = form.filters()
    page = paginate(request, selectors.case_list(**filters))
    return render(
        request,
        "library/case_list.html",
        {"form": form, "page": page, "filtered": any(filters.values())},
    )


def case_detail(request, key):
    case = selectors.case_by_key(key=key)
    if case is None:
        raise Http404
    return render(
        request,
        "library/case_detail.html",
        {
            "case": case,
            "text": case.t,
            "methods": selectors.case_methods(case=case, user=request.user),
        },
    )
