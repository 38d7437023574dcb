"""The stakeholders part of the API: the register, relations, contacts and the network, with
the same selectors, services and rules as the pages.

Who may not see the initiative gets a 404; who sees it but may not do this gets a 403. Names
follow `stakeholders.view_names` (others see a person as kind and number, and may not open a
stakeholder); contact details and notes follow `stakeholders.view_contact_details`."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from constellate.core.network_cache import (
    network_layout_cached,
    network_layout_state,
    network_version,
)
from constellate.core.pagination import ApiPages
from constellate.core.services import audit_record
from constellate.initiatives.models import Initiative
from constellate.initiatives.selectors import initiative_by_pk
from constellate.stakeholders import selectors, services
from constellate.stakeholders.choices import Kind
from constellate.stakeholders.choices import Status as StakeholderStatus
from constellate.stakeholders.contributions import NETWORK_SOURCE
from constellate.stakeholders.models import Contact, Relation, Stakeholder

router = Router(tags=["stakeholders"])


MAX_PK = 2**63
VIEW_REGISTER = "stakeholders.view_register"


# Schemas -------------------------------------------------------------------------------------


class StakeholderRef(Schema):
    id: int
    label: str


class StakeholderRowOut(Schema):
    id: int
    label: str = Field(
        ...,
        description="The name; a person is shown by kind and number to who may not see names.",
    )
    entity: str
    kind: str
    status: str
    level: str
    target_group: str
    introduced_by: StakeholderRef | None
    forgotten: bool


class StakeholderOut(StakeholderRowOut):
    name: str
    description: str
    roles: list[str]
    strengths: list[str]
    languages: list[str]
    reach_way: str
    reach_place: str
    consent_purpose: str
    consent_on: date | None
    suggestion_reason: str
    reached_via: list[StakeholderRef] = Field(
        ..., description="Who introduced whom, from the first person to the direct introducer."
    )
    introduced: list[StakeholderRef] = Field(..., description="Whom this stakeholder introduced.")
    recorded_at: datetime
    forgotten_at: datetime | None
    contact_details_shown: bool = Field(
        ..., description="False when the caller may not see phone, e-mail and notes."
    )
    phone: str | None
    email: str | None
    notes: str | None
    can_change: bool


class StakeholderIn(Schema):
    """Every field is optional; an update (PATCH) changes only the fields sent."""

    entity: str | None = None
    name: str | None = None
    description: str | None = None
    kind: str | None = None
    roles: list[str] | None = None
    strengths: list[str] | None = None
    languages: list[str] | None = None
    target_group: str | None = None
    reach_way: str | None = None
    reach_place: str | None = None
    consent_purpose: str | None = None
    consent_on: date | None = None
    phone: str | None = None
    email: str | None = None
    notes: str | None = None
    status: str | None = None
    level: str | None = Field(None, description="Ignored unless the caller manages the register.")
    introduced_by: int | None = Field(None, description="Id of a stakeholder of the initiative.")
    suggestion_reason: str | None = None


class RelationOut(Schema):
    id: int
    kind: str
    source: int
    target: int
    direction: str = Field(..., description="out: from this stakeholder; in: towards it.")
    other: StakeholderRef


class RelationIn(Schema):
    target: int
    kind: str


class ContactOut(Schema):
    id: int
    stakeholder: StakeholderRef
    kind: str
    happened_on: date
    outcome: str
    next_step: str
    follow_up_on: date | None
    follow_up_done: bool
    by: str | None


class ContactIn(Schema):
    kind: str
    happened_on: date
    outcome: str = ""
    next_step: str = ""
    follow_up_on: date | None = None


class NodeOut(Schema):
    id: int
    label: str
    entity: str
    kind: str
    level: str
    status: str
    reached_via: list[int]
    created: date | None
    x: float
    y: float
    degree: int
    betweenness: float
    clustering: float
    broker: bool
    cut_vertex: bool
    component: int


class EdgeOut(Schema):
    source: int
    target: int
    kind: str = Field(..., description="introduced, or the kind of relation.")


class ComponentOut(Schema):
    index: int
    size: int
    isolated: bool


class GrowthOut(Schema):
    date: date
    nodes: int
    edges: int
    components: int
    isolates: int
    largest_component: int


class NetworkSummaryOut(Schema):
    nodes: int
    edges: int
    relations: int
    components: int
    isolated_components: int
    isolates: int
    brokers: int
    cut_vertices: int
    betweenness: str = Field(..., description="exact, or sampled in a large network.")
    betweenness_samples: int | None


class NetworkOut(Schema):
    version: str
    summary: NetworkSummaryOut
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    components: list[ComponentOut]
    growth: list[GrowthOut]


class NetworkPendingOut(Schema):
    status: str = Field(..., description="queued, running, failed or missing.")
    percent: int
    step: str
    detail: str


# Checks --------------------------------------------------------------------------------------


def _forbidden(perm: str) -> HttpError:
    messages = {
        "stakeholders.view_names": _("You may not see the names in this register."),
        "stakeholders.add_stakeholder": _("You may not add stakeholders to this initiative."),
        "stakeholders.change_stakeholder": _("You may not change this stakeholder."),
        "stakeholders.manage": _("You may not erase this person's details."),
    }
    return HttpError(403, messages.get(perm, _("You may not change this stakeholder.")))


def _initiative(request, pk: int, perm: str = VIEW_REGISTER) -> Initiative:
    initiative = initiative_by_pk(pk=pk, viewer=request.auth)
    if initiative is None or not request.auth.has_perm(VIEW_REGISTER, initiative):
        raise Http404
    if perm != VIEW_REGISTER and not request.auth.has_perm(perm, initiative):
        raise _forbidden(perm)
    return initiative


def _stakeholder(request, pk: int, perm: str = "stakeholders.view_names") -> Stakeholder:
    """As the pages: the register's readers may know a stakeholder exists, names readers may
    open it, changers change it."""
    stakeholder = selectors.stakeholder_by_pk(pk)
    if stakeholder is None or not request.auth.has_perm(VIEW_REGISTER, stakeholder.initiative):
        raise Http404
    if not request.auth.has_perm("stakeholders.view_names", stakeholder.initiative):
        raise _forbidden("stakeholders.view_names")
    target = stakeholder if perm == "stakeholders.change_stakeholder" else stakeholder.initiative
    if not request.auth.has_perm(perm, target):
        raise _forbidden(perm)
    return stakeholder


def _invalid(exc: ValidationError) -> HttpError:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    error = HttpError(422, _("Please check the input."))
    error.errors = errors  # type: ignore[attr-defined]
    return error


def _check_choice(value: str, allowed, name: str) -> str:
    if value and value not in allowed:
        raise HttpError(422, _("Unknown value for %(name)s.") % {"name": name})
    return value


# Output --------------------------------------------------------------------------------------


def _ref(stakeholder: Stakeholder, show_names: bool) -> dict[str, Any]:
    return {
        "id": stakeholder.pk,
        "label": selectors.stakeholder_label(stakeholder, show_names=show_names),
    }


def _row(stakeholder: Stakeholder, show_names: bool) -> dict[str, Any]:
    introducer = stakeholder.introduced_by if stakeholder.introduced_by_id else None
    return {
        "id": stakeholder.pk,
        "label": selectors.stakeholder_label(stakeholder, show_names=show_names),
        "entity": stakeholder.entity,
        "kind": stakeholder.kind,
        "status": stakeholder.status,
        "level": stakeholder.level,
        "target_group": stakeholder.target_group,
        "introduced_by": _ref(introducer, show_names) if introducer else None,
        "forgotten": stakeholder.forgotten_at is not None,
    }


def _detail(request, stakeholder: Stakeholder, *, audit: bool = True) -> dict[str, Any]:
    """Everything the stakeholder page shows this caller (who may see names)."""
    see_details = request.auth.has_perm("stakeholders.view_contact_details", stakeholder)
    if audit and see_details and stakeholder.has_contact_details:
        audit_record(
            actor=request.auth,
            action="stakeholder_contact_details_viewed",
            obj=stakeholder,
            organisation_id=stakeholder.initiative.organisation_id,
        )
    return {
        **_row(stakeholder, True),
        "name": stakeholder.name,
        "description": stakeholder.description,
        "roles": list(stakeholder.roles),
        "strengths": list(stakeholder.strengths),
        "languages": list(stakeholder.languages),
        "reach_way": stakeholder.reach_way,
        "reach_place": stakeholder.reach_place,
        "consent_purpose": stakeholder.consent_purpose,
        "consent_on": stakeholder.consent_on,
        "suggestion_reason": stakeholder.suggestion_reason,
        "reached_via": selectors.reached_via(stakeholder, show_names=True),
        "introduced": [_ref(s, True) for s in selectors.introduced_list(stakeholder=stakeholder)],
        "recorded_at": stakeholder.created_at,
        "forgotten_at": stakeholder.forgotten_at,
        "contact_details_shown": see_details,
        "phone": stakeholder.phone if see_details else None,
        "email": stakeholder.email if see_details else None,
        "notes": stakeholder.notes if see_details else None,
        "can_change": request.auth.has_perm("stakeholders.change_stakeholder", stakeholder),
    }


def _contact(contact: Contact, show_names: bool = True) -> dict[str, Any]:
    by = contact.by
    return {
        "id": contact.pk,
        "stakeholder": _ref(contact.stakeholder, show_names),
        "kind": contact.kind,
        "happened_on": contact.happened_on,
        "outcome": contact.outcome,
        "next_step": contact.next_step,
        "follow_up_on": contact.follow_up_on,
        "follow_up_done": contact.follow_up_done,
        "by": (by.display_name or by.email) if by is not None else None,
    }


def _relation(relation: Relation, stakeholder: Stakeholder) -> dict[str, Any]:
    outgoing = relation.source_id == stakeholder.pk
    other = relation.target if outgoing else relation.source
    return {
        "id": relation.pk,
        "kind": relation.kind,
        "source": relation.source_id,
        "target": relation.target_id,
        "direction": "out" if outgoing else "in",
        "other": _ref(other, True),
    }


class _Mapped:
    """A query's rows turned into output dicts, for the paginator: only the page is built."""

    def __init__(self, rows, convert):
        self.rows, self.convert = rows, convert

    def __len__(self) -> int:
        return len(self.rows) if isinstance(self.rows, list) else self.rows.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [self.convert(row) for row in self.rows[index]]


def _service_data(stakeholder_in: StakeholderIn, initiative: Initiative, request) -> dict:
    data = stakeholder_in.dict(exclude_unset=True)
    if "introduced_by" in data:
        pk = data["introduced_by"]
        introducer = None
        if pk is not None:
            if 0 < pk < MAX_PK:
                introducer = initiative.stakeholders.filter(pk=pk).first()
            if introducer is None:
                raise _invalid(
                    ValidationError({"introduced_by": [_("Choose someone of this initiative.")]})
                )
        data["introduced_by"] = introducer
    if not request.auth.has_perm("stakeholders.manage", initiative):
        # As the form: the engagement level is the team's to agree on.
        data.pop("level", None)
    return data


# The register --------------------------------------------------------------------------------


@router.get("/initiatives/{pk}/stakeholders", response=list[StakeholderRowOut])
@paginate(ApiPages, page_size=25)
def stakeholder_list(
    request, pk: int, q: str = "", status: str = "", kind: str = "", group: str = ""
):
    """The register, filtered as on the page (`q` searches names, only for who sees them)."""
    initiative = _initiative(request, pk)
    show_names = request.auth.has_perm("stakeholders.view_names", initiative)
    rows = selectors.stakeholder_list(
        initiative=initiative,
        query=q[:100],
        status=_check_choice(status, StakeholderStatus.values, "status"),
        kind=_check_choice(kind, Kind.values, "kind"),
        group=group.replace("\x00", "")[:120],
        show_names=show_names,
    )
    return _Mapped(rows, lambda s: _row(s, show_names))


@router.post("/initiatives/{pk}/stakeholders", response={201: StakeholderOut})
def stakeholder_create(request, pk: int, payload: StakeholderIn):
    initiative = _initiative(request, pk, "stakeholders.add_stakeholder")
    data = _service_data(payload, initiative, request)
    try:
        stakeholder = services.stakeholder_create(initiative=initiative, actor=request.auth, **data)
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return Status(201, _detail(request, stakeholder, audit=False))


@router.get("/stakeholders/{pk}", response=StakeholderOut)
def stakeholder_detail(request, pk: int):
    return _detail(request, _stakeholder(request, pk))


@router.patch("/stakeholders/{pk}", response=StakeholderOut)
def stakeholder_update(request, pk: int, payload: StakeholderIn):
    stakeholder = _stakeholder(request, pk, "stakeholders.change_stakeholder")
    data = _service_data(payload, stakeholder.initiative, request)
    try:
        services.stakeholder_update(stakeholder=stakeholder, actor=request.auth, **data)
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return _detail(request, stakeholder, audit=False)


@router.post("/stakeholders/{pk}/forget", response=StakeholderOut)
def stakeholder_forget(request, pk: int):
    """Erase a person's personal details on their request; an anonymous entry stays."""
    stakeholder = _stakeholder(request, pk, "stakeholders.manage")
    services.stakeholder_forget(stakeholder=stakeholder, actor=request.auth)
    return _detail(request, stakeholder, audit=False)


# Relations -----------------------------------------------------------------------------------


@router.get("/stakeholders/{pk}/relations", response=list[RelationOut])
def relation_list(request, pk: int):
    stakeholder = _stakeholder(request, pk)
    return [_relation(r, stakeholder) for r in selectors.relation_list(stakeholder=stakeholder)]


@router.post("/stakeholders/{pk}/relations", response={201: RelationOut})
def relation_create(request, pk: int, payload: RelationIn):
    stakeholder = _stakeholder(request, pk, "stakeholders.change_stakeholder")
    target = None
    if 0 < payload.target < MAX_PK:
        target = stakeholder.initiative.stakeholders.filter(pk=payload.target).first()
    try:
        if target is None:
            raise ValidationError({"target": [_("Choose someone of this initiative.")]})
        relation = services.relation_create(
            source=stakeholder, target=target, kind=payload.kind, actor=request.auth
        )
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return Status(201, _relation(relation, stakeholder))


@router.delete("/stakeholders/relations/{pk}", response={204: None})
def relation_delete(request, pk: int):
    relation = (
        Relation.objects.select_related("source").filter(pk=pk).first() if 0 < pk < MAX_PK else None
    )
    if relation is None:
        raise Http404
    _stakeholder(request, relation.source_id, "stakeholders.change_stakeholder")
    services.relation_delete(relation=relation, actor=request.auth)
    return Status(204, None)


# Contacts ------------------------------------------------------------------------------------


@router.get("/stakeholders/{pk}/contacts", response=list[ContactOut])
@paginate(ApiPages, page_size=25)
def contact_list(request, pk: int):
    stakeholder = _stakeholder(request, pk)
    return _Mapped(selectors.contact_list_for_stakeholder(stakeholder=stakeholder), _contact)


@router.post("/stakeholders/{pk}/contacts", response={201: ContactOut})
def contact_create(request, pk: int, payload: ContactIn):
    stakeholder = _stakeholder(request, pk, "stakeholders.change_stakeholder")
    try:
        contact = services.contact_create(
            stakeholder=stakeholder, actor=request.auth, **payload.dict()
        )
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return Status(201, _contact(contact))


@router.get("/initiatives/{pk}/stakeholders/contacts", response=list[ContactOut])
@paginate(ApiPages, page_size=25)
def contact_log(request, pk: int):
    """Every contact with the initiative's stakeholders, newest first, as the contact log."""
    initiative = _initiative(request, pk, "stakeholders.view_names")
    return _Mapped(selectors.contact_list(initiative=initiative), _contact)


# The network ---------------------------------------------------------------------------------


def _pending_detail(state: dict[str, Any]) -> str:
    if state["status"] == "running":
        return _("The map is being computed: %(percent)s%% done.") % {"percent": state["percent"]}
    if state["status"] == "failed":
        return _("The network could not be computed. Try again later.")
    return _("The map is being computed. It is waiting its turn.")


@router.get(
    "/initiatives/{pk}/stakeholders/network",
    response={200: NetworkOut, 202: NetworkPendingOut},
)
def network(request, pk: int, response: HttpResponse):
    """The stakeholders and their relations with the layout and the measures of the map, from
    the cache. While it is being computed: 202 with where the computation is; ask again."""
    initiative = _initiative(request, pk)
    show_names = request.auth.has_perm("stakeholders.view_names", initiative)
    params = {"initiative_id": initiative.pk, "show_names": show_names}
    version = network_version(*selectors.network_state(initiative=initiative))
    result = network_layout_cached(source=NETWORK_SOURCE, params=params, version=version)
    if result is None:
        state = network_layout_state(source=NETWORK_SOURCE, params=params, version=version)
        response["Retry-After"] = "5"
        return Status(
            202,
            {
                "status": state["status"],
                "percent": state.get("percent", 0),
                "step": state.get("step", ""),
                "detail": _pending_detail(state),
            },
        )
    return JsonResponse(_network_out(result, version))


def _pick(row: dict[str, Any], schema: type[Schema]) -> dict[str, Any]:
    return {key: row.get(key) for key in schema.model_fields}


def _network_out(result: dict[str, Any], version: str) -> dict[str, Any]:
    """The cached analysis in the shape of NetworkOut, built as plain dicts: validating 10,000
    nodes and 50,000 edges through the schema would take seconds, this a fraction of one."""
    nodes = result["nodes"]
    ids = [node["id"] for node in nodes]
    edges = result["edges"]
    return {
        "version": version,
        "summary": _pick(result["summary"], NetworkSummaryOut),
        "nodes": [_pick(node, NodeOut) for node in nodes],
        "edges": [
            {"source": ids[i], "target": ids[j], "kind": kind}
            for i, j, kind in zip(edges["source"], edges["target"], edges["kind"], strict=True)
        ],
        "components": [_pick(row, ComponentOut) for row in result["components"]],
        "growth": [_pick(row, GrowthOut) for row in result.get("growth", [])],
    }
