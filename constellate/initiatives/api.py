"""The initiatives part of the API: the same selectors, services and rules as the pages."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from constellate.core.pagination import ApiPages
from constellate.initiatives import selectors, services
from constellate.initiatives.models import Activity, Initiative

router = Router(tags=["initiatives"])
public_router = Router(tags=["public"], auth=None)


class OrganisationOut(Schema):
    name: str
    slug: str


class InitiativeOut(Schema):
    id: int
    title: str
    slug: str
    summary: str
    service_area: str
    place: str
    target_groups: list[str]
    languages: list[str]
    visibility: str
    status: str
    organisation: OrganisationOut
    updated_at: datetime
    public_url: str | None = Field(None, description="Set when the initiative is public.")

    @staticmethod
    def resolve_public_url(obj: Initiative) -> str | None:
        return obj.get_public_url() if obj.is_public else None


class ActivityOut(Schema):
    id: int
    title: str
    kind: str
    purpose: str
    opens_on: date
    closes_on: date | None
    phases: list[str]
    setting: str
    location: str
    is_public: bool
    joining_open: bool


class ActivityIn(Schema):
    title: str
    kind: str
    purpose: str
    opens_on: date
    closes_on: date | None = None
    phases: list[str]
    setting: str
    location: str = ""
    run_by_note: str = ""
    is_public: bool = True
    joining_open: bool = True


class CanvasOut(Schema):
    number: int
    saved_at: datetime = Field(..., alias="created_at")
    changed_sections: list[str]
    data: dict[str, Any]


class CanvasIn(Schema):
    data: dict[str, Any]
    base_version: int | None = None


class CanvasSaved(Schema):
    number: int | None
    changed: bool
    conflict: bool


def _initiative(request, pk: int, perm: str = "initiatives.view_initiative") -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("organisation"), pk=pk)
    if not request.auth.has_perm("initiatives.view_initiative", initiative):
        raise Http404
    if not request.auth.has_perm(perm, initiative):
        raise HttpError(403, _("You may not change this initiative."))
    return initiative


def _invalid(exc: ValidationError) -> HttpError:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    error = HttpError(422, _("Please check the input."))
    error.errors = errors  # type: ignore[attr-defined]
    return error


@router.get("/initiatives", response=list[InitiativeOut])
@paginate(ApiPages, page_size=25)
def initiative_list(request, q: str = "", status: str = ""):
    return selectors.initiative_list_for_user(user=request.auth, query=q[:100], status=status)


@router.get("/initiatives/{pk}", response=InitiativeOut)
def initiative_detail(request, pk: int):
    return _initiative(request, pk)


@router.get("/initiatives/{pk}/activities", response=list[ActivityOut])
def activity_list(request, pk: int):
    return selectors.activity_list(initiative=_initiative(request, pk))


@router.post("/initiatives/{pk}/activities", response={201: ActivityOut})
def activity_create(request, pk: int, payload: ActivityIn):
    initiative = _initiative(request, pk, "initiatives.change_initiative")
    try:
        activity = services.activity_create(
            initiative=initiative, actor=request.auth, **payload.dict()
        )
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return Status(201, activity)


@router.get("/initiatives/{pk}/canvas", response=CanvasOut)
def canvas_current(request, pk: int):
    version = selectors.canvas_current(initiative=_initiative(request, pk))
    if version is None:
        raise Http404
    return version


@router.put("/initiatives/{pk}/canvas", response=CanvasSaved)
def canvas_save(request, pk: int, payload: CanvasIn):
    initiative = _initiative(request, pk, "initiatives.change_initiative")
    version, conflict = services.canvas_save(
        initiative=initiative,
        data=payload.data,
        author=request.auth,
        base_number=payload.base_version,
    )
    return {
        "number": version.number if version else None,
        "changed": bool(version),
        "conflict": conflict,
    }


@public_router.get("/public/initiatives", response=list[InitiativeOut])
@paginate(ApiPages, page_size=25)
def public_initiative_list(request, q: str = ""):
    return selectors.public_initiative_list(query=q[:100])


@public_router.get("/public/initiatives/{pk}/activities", response=list[ActivityOut])
def public_activity_list(request, pk: int):
    initiative = get_object_or_404(Initiative, pk=pk)
    if not initiative.is_public:
        raise Http404
    return list(Activity.objects.filter(initiative=initiative, is_public=True).order_by("opens_on"))
