"""The library part of the API, read-only: methods and cases, with the same selectors as the
pages. Open without a key (the library is public knowledge); with a valid key, the methods of
the caller's own organisations are included as well."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from constellate.accounts.api import ApiKeyAuth
from constellate.core.pagination import ApiPages
from constellate.initiatives.choices import Phase
from constellate.library import selectors
from constellate.library.choices import COUNTRY_LABELS, ELEMENT_KEYS, Effort, MethodCategory
from constellate.library.models import Case, Method


class OptionalApiKeyAuth(ApiKeyAuth):
    """No key: an anonymous visitor. A key: it must be valid (a wrong key is refused)."""

    def __call__(self, request):
        if not request.headers.get("Authorization"):
            return AnonymousUser()
        return super().__call__(request)


router = Router(tags=["library"], auth=OptionalApiKeyAuth())


class MethodOut(Schema):
    key: str
    name: str
    purpose: str
    category: str
    phases: list[str]
    elements: list[str]
    effort: str
    group_min: int | None
    group_max: int | None
    staff_learning: bool
    organisation: str | None = Field(None, description="Short name of the owning organisation.")
    url: str
    texts: dict[str, Any] = Field(..., description="Texts per language code.")

    @staticmethod
    def resolve_organisation(obj: Method) -> str | None:
        return obj.organisation.slug if obj.organisation_id else None

    @staticmethod
    def resolve_url(obj: Method) -> str:
        return obj.get_absolute_url()


class CaseOut(Schema):
    key: str
    number: int
    title: str
    country: str
    country_name: str
    place: str
    service_area: str
    methods: list[str]
    url: str
    texts: dict[str, Any]

    @staticmethod
    def resolve_country_name(obj: Case) -> str:
        return str(COUNTRY_LABELS.get(obj.country, obj.country))

    @staticmethod
    def resolve_methods(obj: Case) -> list[str]:
        return [m.key for m in obj.methods.all() if m.organisation_id is None]

    @staticmethod
    def resolve_url(obj: Case) -> str:
        return obj.get_absolute_url()


def _check_choice(value: str, allowed, name: str) -> str:
    if value and value not in allowed:
        raise HttpError(422, _("Unknown value for %(name)s.") % {"name": name})
    return value


@router.get("/library/methods", response=list[MethodOut])
@paginate(ApiPages, page_size=25)
def method_list(
    request,
    q: str = "",
    category: str = "",
    phase: str = "",
    element: str = "",
    effort: str = "",
    group_size: int | None = None,
    staff_learning: bool = False,
):
    if group_size is not None and not 1 <= group_size <= 10000:
        raise HttpError(422, _("Unknown value for %(name)s.") % {"name": "group_size"})
    return selectors.method_list(
        user=request.auth,
        query=q.replace("\x00", "")[:100],
        category=_check_choice(category, MethodCategory.values, "category"),
        phase=_check_choice(phase, Phase.values, "phase"),
        element=_check_choice(element, ELEMENT_KEYS, "element"),
        effort=_check_choice(effort, Effort.values, "effort"),
        group_size=group_size,
        staff_learning=staff_learning,
    )


@router.get("/library/methods/{key}", response=MethodOut)
def method_detail(request, key: str):
    method = selectors.method_for_user(user=request.auth, key=key)
    if method is None:
        raise Http404
    return method


@router.get("/library/cases", response=list[CaseOut])
@paginate(ApiPages, page_size=25)
def case_list(request, q: str = "", country: str = ""):
    country = _check_choice(country, COUNTRY_LABELS, "country")
    return selectors.case_list(query=q.replace("\x00", "")[:100], country=country).prefetch_related(
        "methods"
    )


@router.get("/library/cases/{key}", response=CaseOut)
def case_detail(request, key: str):
    case = selectors.case_by_key(key=key)
    if case is None:
        raise Http404
    return case
