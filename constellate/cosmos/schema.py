"""The six COSMOS models and four containers, as Constellate defines them.

COSMOS (Co-creation Service Modelling System, Newcastle Living Lab) stores a project's answers
as one JSON object keyed by *aspect id*; each aspect holds its answers keyed by *field ids*,
and choice fields hold *option codes*. Those ids and codes are the interoperability contract
with COSMOS 3.7.1 and are kept exactly as COSMOS writes them. The wording (titles, questions,
option names) is this project's own, in English and Dutch.

An aspect is made of parts (the top-level keys of its data):

- ``title``: ``{"title": str}`` (COSMOS keeps ``{}`` until a title is typed);
- ``info``: ``{"title": str, "body": str}``;
- ``stakeholder``: ``{"label", "type", "colour", "url"}`` (type and colour are codes; COSMOS
  leaves all four ``null`` until filled);
- ``externals``: ``{"label": str, "items": [{"label", "url", "image"}]}``, at most ``limit``
  items when a limit is set; ``image`` is a file name or ``false``;
- ``divider``: ``{}``, a heading COSMOS stores as an empty object;
- ``group``: an object whose keys are the group's fields (:class:`Field`);
- ``social``: ``{"twitter": [], "facebook": [], "instagram": [], "youtube": []}``.

Data is stored as COSMOS stores it, with every key (also keys not named here); the reading
helpers below tolerate the shapes found in real exports (a string where a list is expected,
``null`` where an object is expected) without changing the stored data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

SCHEMA_VERSION = 1
COSMOS_VERSION = "3.7.1"

# Field kinds inside a group.
TEXT = "text"  # several lines of free text
LINE = "line"  # one line of free text
RADIO = "radio"  # one option code (a string)
CHECK = "check"  # several option codes (a list of strings)
EXPERIENCE = "experience"  # "negative", "neutral" or "positive"
ACTORS = "actors"  # a list of stakeholders

STAKEHOLDER_TYPES = (
    ("user", _("Person or group of people")),
    ("organisation", _("Organisation")),
    ("service", _("Service")),
)
# The colours COSMOS offers for a stakeholder, as it stores them.
STAKEHOLDER_COLOURS = (
    "#7fdbff",
    "#0074d9",
    "#01ff70",
    "#001f3f",
    "#39cccc",
    "#3d9970",
    "#2ecc40",
    "#ff4136",
    "#85144b",
    "#ff851b",
    "#b10dc9",
    "#ffdc00",
    "#f012be",
    "#aaaaaa",
    "#111111",
    "#dddddd",
)
EXPERIENCES = (
    ("negative", _("Negative")),
    ("neutral", _("Neutral")),
    ("positive", _("Positive")),
)
SOCIAL_NETWORKS = (
    ("twitter", _("X (Twitter)")),
    ("facebook", _("Facebook")),
    ("instagram", _("Instagram")),
    ("youtube", _("YouTube")),
)

_MEDIUMS = (
    ("word_of_mouth", _("Word of mouth")),
    ("paper", _("On paper (letter, leaflet, newspaper)")),
    ("referral", _("Referred by someone")),
    ("social", _("Social media")),
    ("other", _("Another way")),
)
_YES_NO_MAYBE = (("yes", _("Yes")), ("no", _("No")), ("maybe", _("Maybe")))
_METHODS = (
    ("workshop", _("In a workshop")),
    ("online", _("Online")),
    ("face", _("Face to face")),
)


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: Any
    options: tuple[tuple[str, Any], ...] = ()

    def empty(self) -> Any:
        return [] if self.kind in (CHECK, ACTORS) else ""

    def option_label(self, code: Any) -> str:
        choices = EXPERIENCES if self.kind == EXPERIENCE else self.options
        for value, label in choices:
            if value == code:
                return str(label)
        return str(code)


@dataclass(frozen=True)
class Part:
    id: str
    kind: str  # title, info, stakeholder, externals, divider, group, social
    label: Any
    fields: tuple[Field, ...] = ()
    limit: int | None = None
    use_images: bool = False

    def empty(self) -> Any:
        if self.kind == "stakeholder":
            return {"label": None, "type": None, "colour": None, "url": None}
        if self.kind == "externals":
            return {"label": "", "items": []}
        if self.kind == "group":
            return {f.id: f.empty() for f in self.fields}
        if self.kind == "social":
            return {key: [] for key, _label in SOCIAL_NETWORKS}
        if self.kind == "info":
            return {"title": "", "body": ""}
        return {}


@dataclass(frozen=True)
class Aspect:
    id: str
    kind: str  # "model" or "container"
    label: Any
    description: Any
    parts: tuple[Part, ...] = field(default_factory=tuple)

    @property
    def is_model(self) -> bool:
        return self.kind == "model"

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.parts if p.id == part_id), None)

    def empty(self) -> dict[str, Any]:
        return {p.id: p.empty() for p in self.parts}


def _title() -> Part:
    return Part("model", "title", _("Name of the model"))


def _role(part_id: str, label: Any) -> Part:
    return Part(part_id, "stakeholder", label)


def _g(part_id: str, label: Any, *fields: Field) -> Part:
    return Part(part_id, "group", label, fields=fields)


_OUTCOME = _("What (outside) evidence supports this?")

ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "co_creation_of_service_model",
        "model",
        _("Co-creation of service model"),
        _("Why the service changes, and who defines, designs, delivers, uses and evaluates it."),
        (
            _title(),
            Part("drivers", "info", _("Why we do this (drivers and motivations)")),
            _role("policyDef", _("Sets the policy")),
            _role("specDes", _("Specifies and designs")),
            _role("deployment", _("Puts it in place")),
            _role("delivery", _("Delivers the service")),
            _role("evaluation", _("Evaluates")),
            _role("user", _("Uses the service")),
            _role("beneficiary", _("Benefits from it")),
            _role("initiator", _("Took the initiative")),
            Part("extsvc", "externals", _("Outside technical services"), limit=8),
            Part("extorg", "externals", _("Outside organisations"), limit=8),
            Part("infsvc", "externals", _("Infrastructure services"), limit=8),
        ),
    ),
    Aspect(
        "analytic_model",
        "model",
        _("Analytic model"),
        _("The chain from policy to the user (macro, meso, micro) and who drives the change."),
        (
            _title(),
            Part("macro_meso_micro", "divider", _("From policy to user")),
            _role("serviceDeliveryManager", _("Manages the delivery")),
            _role("frontLineServiceDeliverer", _("Works with users on the front line")),
            _role("user", _("User or client")),
            _role("serviceOrganisationManager", _("Manages the organisation")),
            _role("servicePolicyMaker", _("Makes the policy")),
            Part("innovation_brokerage", "divider", _("Who drives the change")),
            _role("instigatorsOfChange", _("Started the change")),
            _role("changeMakers", _("Make the change")),
            _role("subjectsOfChange", _("What or who is changed")),
            _role("broker", _("Brings parties together (broker)")),
            _role("changeTheorists", _("Think about the change (theorists)")),
            _role("beneficiaries", _("Gain from the change")),
            _role("victims", _("Lose out from the change")),
        ),
    ),
    Aspect(
        "intervention_theory_model",
        "model",
        _("Intervention theory model"),
        _(
            "Which parts of wellbeing the service touches, what kind of intervention it is, and how "
            "people learn from it."
        ),
        (
            _title(),
            _g(
                "wellbeing",
                _("Wellbeing and surroundings"),
                Field(
                    "items",
                    CHECK,
                    _("Which parts of wellbeing and surroundings matter to this service?"),
                    (
                        ("physical_env", _("Physical surroundings")),
                        ("socio_cultural_env", _("Social and cultural surroundings")),
                        ("faculties_skills", _("Abilities and skills")),
                        ("mental_psych", _("Mental wellbeing")),
                        ("physiological", _("Physical health")),
                        ("socio_economic", _("Income and work")),
                    ),
                ),
            ),
            _g(
                "innovation",
                _("Innovation and change"),
                Field(
                    "items",
                    CHECK,
                    _("Where in the life of the service does the change happen?"),
                    (
                        ("transformation", _("Transformation")),
                        ("development", _("Development")),
                        ("facilitation", _("Facilitation")),
                        ("rehabilitation", _("Rehabilitation")),
                        ("remedy", _("Remedy")),
                        ("palliation", _("Palliation (easing)")),
                        ("prevention", _("Prevention")),
                    ),
                ),
            ),
            _g(
                "intervention",
                _("Intervention"),
                Field(
                    "items",
                    CHECK,
                    _("What kind of intervention is it?"),
                    (
                        ("identification", _("Finding out what is needed")),
                        ("coordination_delivery", _("Coordinating and delivering")),
                        ("management", _("Managing")),
                        ("governance", _("Governing")),
                        ("learning", _("Learning")),
                    ),
                ),
            ),
            _g(
                "learning",
                _("Learning"),
                Field(
                    "items",
                    CHECK,
                    _("How do people learn from the intervention?"),
                    (
                        ("research_evidence", _("Research and evidence")),
                        ("trials", _("Trials and pilots")),
                        ("service_improvement", _("Improving the service as it runs")),
                    ),
                ),
            ),
        ),
    ),
    Aspect(
        "change_model",
        "model",
        _("Change model"),
        _(
            "Change in orders: doing the plan, rethinking the plan, rethinking how we rethink, "
            "and the unexpected."
        ),
        (
            _title(),
            _g(
                "first_order",
                _("First order: doing the plan"),
                Field("vision", TEXT, _("How were the vision and the goals set?")),
                Field("plan", TEXT, _("How was the plan to reach them made?")),
                Field("execute", TEXT, _("How is the plan carried out?")),
                Field("measure", TEXT, _("How are results observed and recorded?")),
            ),
            _g(
                "second_order",
                _("Second order: rethinking the plan"),
                Field("sense_making", TEXT, _("When are the plan and the vision looked at again?")),
                Field("languaging", TEXT, _("How has the way people talk about it changed?")),
                Field("committing", TEXT, _("How has the delivery changed from the first plan?")),
            ),
            _g(
                "third_order",
                _("Third order: rethinking how we rethink"),
                Field("processes", TEXT, _("What makes people question the plan itself?")),
            ),
            _g(
                "fourth_order",
                _("Unexpected change"),
                Field("unexpected_events", TEXT, _("Did something unexpected happen?")),
                Field("event_cause", TEXT, _("What made it possible?")),
                Field("change_origin", TEXT, _("Where did the change come from, and what was it?")),
            ),
        ),
    ),
    Aspect(
        "moral_ordering_model",
        "model",
        _("Moral ordering model"),
        _("The values behind the service and how it is planned, delivered and governed."),
        (
            _title(),
            _g(
                "defineEthos",
                _("Values (ethos)"),
                Field("values", TEXT, _("Which values should the intervention serve?")),
                Field("definedBy", LINE, _("How were these values set?")),
                Field("evidenceUrl", TEXT, _OUTCOME),
            ),
            _g(
                "planManagePrior",
                _("Plan and manage: before"),
                Field("actions", TEXT, _("What was done before the intervention?")),
                Field("actors", ACTORS, _("Who did it?")),
                Field("evidenceUrl", TEXT, _OUTCOME),
            ),
            _g(
                "planManageCurrent",
                _("Plan and manage: now"),
                Field("actions", TEXT, _("What is done now, in the pilot?")),
                # COSMOS stores this one as free text, not as a list of stakeholders.
                Field("actors", TEXT, _("Who does it, and what keeps going?")),
                Field("evidenceUrl", TEXT, _OUTCOME),
            ),
            _g(
                "deliver",
                _("Deliver"),
                Field("method", LINE, _("How is the intervention delivered?")),
                Field("actors", ACTORS, _("Who delivers it?")),
                Field("evidenceUrl", TEXT, _OUTCOME),
            ),
            _g(
                "govern",
                _("Govern"),
                Field("actions", TEXT, _("How is the intervention governed?")),
                Field("actors", ACTORS, _("Who evaluates it?")),
                Field("outcomes", TEXT, _("Are results set as targets? Whose targets?")),
                Field("evolution", TEXT, _("How does this shape how the service grows?")),
                Field("improvements", TEXT, _("How are improvements found and made?")),
            ),
        ),
    ),
    Aspect(
        "user_journey_model",
        "model",
        _("User journey model"),
        _("The service as its users live it: from finding it to starting something new."),
        (
            _title(),
            _g(
                "discovering",
                _("Finding the service"),
                Field(
                    "discovery_medium", RADIO, _("How did people hear of the service?"), _MEDIUMS
                ),
                Field("information_medium", RADIO, _("How did they get information?"), _MEDIUMS),
                Field("information_experience", EXPERIENCE, _("How was the information?")),
                Field("comments", TEXT, _("Other remarks")),
            ),
            _g(
                "accessing",
                _("Getting in"),
                Field(
                    "access_method",
                    RADIO,
                    _("How did people get access?"),
                    (
                        ("referred", _("They were referred")),
                        ("applied", _("They applied themselves")),
                        ("other", _("Another way")),
                    ),
                ),
                Field("qualification_process", TEXT, _("Was there a selection or an intake?")),
                Field("qualification_experience", EXPERIENCE, _("How was that?")),
                Field("appropriate_comment", TEXT, _("Is this step right for the service?")),
            ),
            _g(
                "using",
                _("Using the service"),
                Field("participate_experience", EXPERIENCE, _("How was using the service?")),
                Field("accessible_experience", EXPERIENCE, _("Was it easy to reach and use?")),
                Field(
                    "time_experience",
                    EXPERIENCE,
                    _("Were the length and number of contacts right?"),
                ),
                Field(
                    "where",
                    RADIO,
                    _("Where was the service used?"),
                    (
                        ("home", _("At home")),
                        ("community", _("In the neighbourhood")),
                        ("public", _("In a public building")),
                        ("other", _("Somewhere else")),
                    ),
                ),
            ),
            _g(
                "evaluating",
                _("Giving an opinion"),
                Field(
                    "opinions_asked", RADIO, _("Were users asked for their opinion?"), _YES_NO_MAYBE
                ),
                Field(
                    "opinions_how",
                    RADIO,
                    _("How were they asked?"),
                    (
                        ("workshop", _("In a workshop")),
                        ("survey", _("In a survey")),
                        ("interview", _("In an interview")),
                    ),
                ),
                Field("service_experience", EXPERIENCE, _("Was the service what they expected?")),
                Field("surprises_comments", TEXT, _("Surprises or disappointments")),
            ),
            _g(
                "designing",
                _("Designing"),
                Field(
                    "design_input_asked",
                    RADIO,
                    _("Were users asked for ideas for the design?"),
                    _YES_NO_MAYBE,
                ),
                Field("design_input_method", RADIO, _("How did they take part?"), _METHODS),
                Field("design_input_experience", EXPERIENCE, _("How was taking part?")),
                Field(
                    "design_assist_asked",
                    RADIO,
                    _("Were users invited to help design?"),
                    _YES_NO_MAYBE,
                ),
                Field(
                    "design_assist_broker",
                    RADIO,
                    _("Who invited them?"),
                    (
                        ("university", _("A university")),
                        ("government", _("The government")),
                        ("ngo", _("A civil society organisation")),
                        ("other", _("Someone else")),
                    ),
                ),
            ),
            _g(
                "instigating",
                _("Starting something new"),
                Field(
                    "identify_role",
                    RADIO,
                    _("Did users help to name the need for the service?"),
                    _YES_NO_MAYBE,
                ),
                Field("identify_method", RADIO, _("How did that happen?"), _METHODS),
                Field("identify_experience", EXPERIENCE, _("How was that?")),
                Field("design_role", TEXT, _("Did users help shape the service? How?")),
                Field(
                    "instigate_role",
                    CHECK,
                    _("Did users start the project as part of one of these?"),
                    (
                        ("pressure_group", _("An action or interest group")),
                        ("political_party", _("A political party")),
                        ("government_department", _("A government department")),
                    ),
                ),
                Field("comments", TEXT, _("Other remarks")),
            ),
        ),
    ),
    Aspect(
        "theory_of_change",
        "container",
        _("Theory of change"),
        _("Links to the theory of change and the impact path."),
        (Part("data", "externals", _("Links")),),
    ),
    Aspect(
        "community_reporting",
        "container",
        _("Community reporting"),
        _("Stories gathered by community reporters."),
        (Part("data", "externals", _("Stories")),),
    ),
    Aspect(
        "social_media",
        "container",
        _("Social media"),
        _("Hashtags, pages and videos per network."),
        (Part("data", "social", _("Sources per network")),),
    ),
    Aspect(
        "documents",
        "container",
        _("Documents"),
        _("Documents and pictures."),
        (Part("data", "externals", _("Documents"), use_images=True),),
    ),
)

ASPECTS_BY_ID: dict[str, Aspect] = {a.id: a for a in ASPECTS}
MODEL_IDS: tuple[str, ...] = tuple(a.id for a in ASPECTS if a.is_model)
CONTAINER_IDS: tuple[str, ...] = tuple(a.id for a in ASPECTS if not a.is_model)
# Keys of a project's data that are not aspects but that COSMOS stores: kept as they are.
PROJECT_KEYS = ("welcome", "annotations")


def aspect(aspect_id: str) -> Aspect | None:
    return ASPECTS_BY_ID.get(aspect_id)


# -- Reading stored data ------------------------------------------------------------------------


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """A list from a stored value: a lone string (an older shape) becomes a one-item list."""
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value.strip():
        return [value]
    return []


def as_text(value: Any) -> str:
    if value is None or value is False:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(as_text(v) for v in value if as_text(v))
    if isinstance(value, dict):
        return as_text(value.get("label"))
    return str(value)


def _filled(value: Any) -> bool:
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_filled(v) for v in value)
    if isinstance(value, dict):
        return any(_filled(v) for v in value.values())
    return True


def has_content(data: Any) -> bool:
    """True when an aspect's data holds anything besides COSMOS's empty defaults."""
    return _filled(data)


def stakeholder_text(value: Any) -> str:
    item = as_dict(value)
    label = as_text(item.get("label")).strip()
    if not label:
        return ""
    kind = dict(STAKEHOLDER_TYPES).get(item.get("type"))
    return f"{label} ({kind})" if kind else label


def safe_href(url: str) -> str:
    """A stored address as a link target, only when it is a web address (never
    ``javascript:`` or ``data:``); otherwise empty and the address is shown as text."""
    url = (url or "").strip()
    if re.match(r"^https?://[^\s]+$", url, re.IGNORECASE):
        return url
    return ""


def _externals_items(value: Any) -> list[dict[str, Any]]:
    items = []
    for item in as_list(as_dict(value).get("items")):
        if isinstance(item, str):
            item = {"label": item}
        item = as_dict(item)
        label = as_text(item.get("label")).strip()
        url = item.get("url") if isinstance(item.get("url"), str) else ""
        image = item.get("image") if isinstance(item.get("image"), str) else ""
        if label or url or image:
            items.append({"label": label, "url": url, "href": safe_href(url), "image": image})
    return items


def summary(aspect_id: str, data: Any) -> list[dict[str, Any]]:
    """The answers of an aspect as readable sections: [{"label", "rows": [row]}], where a row
    is {"label", "text"} or {"label", "items": [str]} or {"label", "links": [item]}.
    Empty answers are left out; an unknown aspect gives no sections."""
    definition = aspect(aspect_id)
    if definition is None:
        return []
    data = as_dict(data)
    sections: list[dict[str, Any]] = []
    current: dict[str, Any] = {"label": definition.label, "rows": []}
    for part in definition.parts:
        value = data.get(part.id)
        if part.kind == "title":
            continue
        if part.kind == "divider":
            if current["rows"]:
                sections.append(current)
            current = {"label": part.label, "rows": []}
            continue
        if part.kind == "info":
            info = as_dict(value)
            text = "\n\n".join(
                t for t in (as_text(info.get("title")), as_text(info.get("body"))) if t
            )
            if text.strip():
                current["rows"].append({"label": part.label, "text": text})
        elif part.kind == "stakeholder":
            text = stakeholder_text(value)
            if text:
                current["rows"].append({"label": part.label, "text": text})
        elif part.kind == "externals":
            items = _externals_items(value)
            heading = as_text(as_dict(value).get("label")).strip()
            if items:
                label = f"{part.label}: {heading}" if heading else part.label
                current["rows"].append({"label": label, "links": items})
        elif part.kind == "social":
            social = as_dict(value)
            for key, label in SOCIAL_NETWORKS:
                entries = [as_text(v) for v in as_list(social.get(key)) if as_text(v).strip()]
                if entries:
                    current["rows"].append({"label": label, "items": entries})
        elif part.kind == "group":
            group = as_dict(value)
            rows = []
            for f in part.fields:
                raw = group.get(f.id)
                if f.kind == CHECK:
                    entries = [f.option_label(v) for v in as_list(raw) if _filled(v)]
                    if entries:
                        rows.append({"label": f.label, "items": entries})
                elif f.kind == ACTORS:
                    if isinstance(raw, str):
                        entries = [raw] if raw.strip() else []
                    else:
                        entries = [stakeholder_text(v) or as_text(v) for v in as_list(raw)]
                    entries = [e for e in entries if e]
                    if entries:
                        rows.append({"label": f.label, "items": entries})
                elif f.kind in (RADIO, EXPERIENCE):
                    if _filled(raw):
                        rows.append({"label": f.label, "text": f.option_label(as_text(raw))})
                else:
                    text = as_text(raw).strip()
                    if text:
                        rows.append({"label": f.label, "text": text})
            if rows:
                if current["rows"]:
                    sections.append(current)
                sections.append({"label": part.label, "rows": rows})
                current = {"label": definition.label, "rows": []}
                continue
    if current["rows"]:
        sections.append(current)
    return sections


def model_title(data: Any) -> str:
    return as_text(as_dict(as_dict(data).get("model")).get("title")).strip()


def image_names(value: Any) -> list[str]:
    """Every string stored under a key named ``image``, anywhere in ``value`` (as COSMOS's
    exporter finds the files to put in the archive)."""
    found: list[str] = []

    def walk(node: Any, depth: int) -> None:
        if depth > 50:
            return
        if isinstance(node, dict):
            for key, child in node.items():
                if key == "image" and isinstance(child, str) and child:
                    found.append(child)
                else:
                    walk(child, depth + 1)
        elif isinstance(node, list):
            for child in node:
                walk(child, depth + 1)

    walk(value, 0)
    return list(dict.fromkeys(found))


def field_rows(aspect_id: str, data: Any) -> list[tuple[str, str, str]]:
    """Every answer of an aspect as (path, question, text), for comparing two versions:
    known parts in schema order, then any other keys as they are stored."""
    definition = aspect(aspect_id)
    data = as_dict(data)
    rows: list[tuple[str, str, str]] = []
    known: set[str] = set()
    for part in definition.parts if definition else ():
        known.add(part.id)
        value = data.get(part.id)
        if part.kind == "title":
            rows.append((part.id, str(part.label), model_title(data)))
        elif part.kind == "divider":
            continue
        elif part.kind == "stakeholder":
            rows.append((part.id, str(part.label), stakeholder_text(value)))
        elif part.kind == "info":
            info = as_dict(value)
            rows.append(
                (
                    part.id,
                    str(part.label),
                    "\n\n".join(
                        t for t in (as_text(info.get("title")), as_text(info.get("body"))) if t
                    ),
                )
            )
        elif part.kind == "externals":
            items = _externals_items(value)
            heading = as_text(as_dict(value).get("label"))
            text = "\n".join(
                " ".join(x for x in (i["label"], i["url"], i["image"]) if x) for i in items
            )
            rows.append((part.id, str(part.label), (heading + "\n" + text).strip()))
        elif part.kind == "social":
            social = as_dict(value)
            for key, label in SOCIAL_NETWORKS:
                entries = [as_text(v) for v in as_list(social.get(key))]
                rows.append((f"{part.id}.{key}", str(label), "\n".join(e for e in entries if e)))
        elif part.kind == "group":
            group = as_dict(value)
            for f in part.fields:
                raw = group.get(f.id)
                if f.kind == CHECK:
                    text = ", ".join(f.option_label(v) for v in as_list(raw) if _filled(v))
                elif f.kind == ACTORS and not isinstance(raw, str):
                    text = ", ".join(
                        stakeholder_text(v) for v in as_list(raw) if stakeholder_text(v)
                    )
                elif f.kind in (RADIO, EXPERIENCE):
                    text = f.option_label(as_text(raw)) if _filled(raw) else ""
                else:
                    text = as_text(raw)
                rows.append((f"{part.id}.{f.id}", f"{part.label}: {f.label}", text))
    import json

    for key in sorted(k for k in data if k not in known):
        rows.append((key, key, json.dumps(data[key], ensure_ascii=False, sort_keys=True)))
    return rows
