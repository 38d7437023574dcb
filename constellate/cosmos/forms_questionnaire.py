"""The guided questionnaire of a COSMOS model or container: one step per part of the aspect
(schema.Part), with a hint per step, and the reading and checking of one step's answers.

The answers are stored as COSMOS stores them. A step only writes what the person changed:
every answer on the page is compared with what is stored (read the way the page shows it),
and an unchanged answer keeps its stored value exactly, also an older shape (a string where a
list is expected, ``null`` where a text is expected) and keys that Constellate does not know.
A changed answer is checked (length, option codes, web addresses, list size and indexes); when
anything is wrong nothing is saved and every problem is named next to its field.

Names of the inputs on a step:

- ``f-<key>``: one answer (text, one line, web address, radio or check list);
- ``l-<list>-count``: how many items the page showed (a list that changed meanwhile, or a
  tampered count, is refused);
- ``l-<list>-<i>-<key>``: a field of item ``i`` of a list; ``l-<list>-new-<key>``: a new item
  (``l-items-new-image``: its picture, for documents);
- ``base``: the model's version the page was made from (see services_questionnaire);
- the button ``action``: ``save``, ``next``, ``add:<list>``, ``up:<list>:<i>``,
  ``down:<list>:<i>``, ``remove:<list>:<i>``.
"""

from __future__ import annotations

import copy
import re
import time
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from constellate.core.uploads import UploadRefused, check_upload
from constellate.cosmos.schema import (
    ACTORS,
    CHECK,
    EXPERIENCE,
    EXPERIENCES,
    LINE,
    RADIO,
    SOCIAL_NETWORKS,
    STAKEHOLDER_COLOURS,
    STAKEHOLDER_TYPES,
    TEXT,
    Aspect,
    Part,
    as_dict,
    as_list,
    as_text,
)

# Lengths of answers, in characters.
MAX_LINE = 500
MAX_TEXT = 10_000
MAX_URL = 2_000
# COSMOS's lists hold at most 8 items where it sets a limit; lists without a COSMOS limit
# (the containers, hashtags per network) still have one, so that a page stays usable.
LIST_LIMIT = 8
OPEN_LIST_LIMIT = 100

COLOUR_NAMES = {
    "#7fdbff": _("light blue"),
    "#0074d9": _("blue"),
    "#01ff70": _("lime green"),
    "#001f3f": _("navy blue"),
    "#39cccc": _("teal"),
    "#3d9970": _("olive green"),
    "#2ecc40": _("green"),
    "#ff4136": _("red"),
    "#85144b": _("dark red"),
    "#ff851b": _("orange"),
    "#b10dc9": _("purple"),
    "#ffdc00": _("yellow"),
    "#f012be": _("pink"),
    "#aaaaaa": _("grey"),
    "#111111": _("black"),
    "#dddddd": _("light grey"),
}

_ROLE_HINT = _(
    "Type the name of a person, group or organisation, choose what kind it is and a colour "
    "for the picture. A web address is optional."
)

# One hint per step, written for this project: (aspect id, part id) -> hint.
HINTS: dict[tuple[str, str], Any] = {
    ("*", "model"): _(
        "Give the model a short name, so that everyone knows which service it is about."
    ),
    ("co_creation_of_service_model", "drivers"): _(
        "Why does the service change? For example: a law asks for it, people need something, "
        "there is a chance to do better, or something is unfair. Give it a title and tell it "
        "in a few sentences."
    ),
    ("co_creation_of_service_model", "policyDef"): _(
        "Who decides the rules and the goals of the service? For example the council or a board."
    ),
    ("co_creation_of_service_model", "specDes"): _(
        "Who works out how the service is done, and designs the steps and the means?"
    ),
    ("co_creation_of_service_model", "deployment"): _(
        "Who puts the steps and the means in place, so that the service can start?"
    ),
    ("co_creation_of_service_model", "delivery"): _(
        "Who gives the service to people, through which channels and roles?"
    ),
    ("co_creation_of_service_model", "evaluation"): _(
        "Who looks at how well the service works, and who oversees it?"
    ),
    ("co_creation_of_service_model", "user"): _("Who uses the service directly?"),
    ("co_creation_of_service_model", "beneficiary"): _(
        "Who else gains from the service, besides the people who use it?"
    ),
    ("co_creation_of_service_model", "initiator"): _("Who took the first step to start this?"),
    ("co_creation_of_service_model", "extsvc"): _(
        "Which tools, services and sources of information help to design and build the "
        "service? For example a website, an app or social media. At most 8."
    ),
    ("co_creation_of_service_model", "extorg"): _(
        "Which organisations matter to the service but are not part of it? At most 8."
    ),
    ("co_creation_of_service_model", "infsvc"): _(
        "Which services, channels and facilities do you use to deliver the service? What do "
        "you publish, for whom, and how? At most 8."
    ),
    ("analytic_model", "serviceDeliveryManager"): _(
        "Who manages the daily delivery of the service?"
    ),
    ("analytic_model", "frontLineServiceDeliverer"): _(
        "Who works directly with the users, on the front line?"
    ),
    ("analytic_model", "user"): _("Who is the user or client of the service?"),
    ("analytic_model", "serviceOrganisationManager"): _(
        "Who manages the organisation that provides the service?"
    ),
    ("analytic_model", "servicePolicyMaker"): _("Who makes the policy for the service?"),
    ("analytic_model", "instigatorsOfChange"): _("Who started the change?"),
    ("analytic_model", "changeMakers"): _("Who carries out the change?"),
    ("analytic_model", "subjectsOfChange"): _("What or who is changed by it?"),
    ("analytic_model", "broker"): _("Who brings the parties together and keeps them talking?"),
    ("analytic_model", "changeTheorists"): _(
        "Who thinks about the change and explains why it should work?"
    ),
    ("analytic_model", "beneficiaries"): _("Who gains from the change?"),
    ("analytic_model", "victims"): _("Who loses out because of the change?"),
    ("intervention_theory_model", "wellbeing"): _(
        "Tick every part of people's wellbeing and surroundings that the service touches."
    ),
    ("intervention_theory_model", "innovation"): _(
        "Tick where the change happens: from preventing problems to changing the whole service."
    ),
    ("intervention_theory_model", "intervention"): _(
        "Tick what the intervention does: find needs, coordinate and deliver, manage, govern "
        "or learn."
    ),
    ("intervention_theory_model", "learning"): _(
        "Tick how people learn from the intervention and improve it."
    ),
    ("change_model", "first_order"): _(
        "First order change is doing what was planned. Tell how the goals were set, how the "
        "plan was made, how it is carried out and how you see the results."
    ),
    ("change_model", "second_order"): _(
        "Second order change is changing the plan itself. Tell when you look at the plan "
        "again, and what changed in words and in the work."
    ),
    ("change_model", "third_order"): _(
        "Third order change is changing the way you decide what to change. What makes people "
        "question the plan?"
    ),
    ("change_model", "fourth_order"): _(
        "Sometimes change comes from outside or by surprise. Tell what happened, what made it "
        "possible and where it came from."
    ),
    ("moral_ordering_model", "defineEthos"): _(
        "Which values should the service serve, and who chose them? You can name where the "
        "proof can be found."
    ),
    ("moral_ordering_model", "planManagePrior"): _(
        "What was done before the intervention started, and by whom?"
    ),
    ("moral_ordering_model", "planManageCurrent"): _(
        "What is done now, who does it, and what will keep going afterwards?"
    ),
    ("moral_ordering_model", "deliver"): _("How is the intervention delivered, and by whom?"),
    ("moral_ordering_model", "govern"): _(
        "How is the intervention governed, who evaluates it, and how does it get better?"
    ),
    ("user_journey_model", "discovering"): _(
        "The service is made known to the people it is for. How did they find it, and how "
        "was the information?"
    ),
    ("user_journey_model", "accessing"): _(
        "People who want the service ask for it or apply. How did that go?"
    ),
    ("user_journey_model", "using"): _(
        "The service is given and people use it. How did they experience it?"
    ),
    ("user_journey_model", "evaluating"): _(
        "Afterwards the service is judged. Were users asked what they thought?"
    ),
    ("user_journey_model", "designing"): _(
        "Now about making the service. Did users take part in designing it?"
    ),
    ("user_journey_model", "instigating"): _(
        "And about the very start. Did users help to name the need and start the service?"
    ),
    ("theory_of_change", "data"): _(
        "Add links to your theory of change or impact path: a title and a web address."
    ),
    ("community_reporting", "data"): _(
        "Add the stories that community reporters gathered: a title and a web address."
    ),
    ("social_media", "data"): _(
        "Add hashtags for X and Instagram (with or without #), and full web addresses of "
        "Facebook pages and YouTube videos."
    ),
    ("documents", "data"): _("Add documents: a title and a web address."),
}


def hint_for(aspect_id: str, part: Part) -> Any:
    if (aspect_id, part.id) in HINTS:
        return HINTS[(aspect_id, part.id)]
    if part.kind == "title":
        return HINTS[("*", "model")]
    if part.kind == "stakeholder":
        return _ROLE_HINT
    return ""


@dataclass(frozen=True)
class Step:
    number: int
    part: Part
    section: Any  # the heading (a divider) the step falls under, or None
    hint: Any

    @property
    def label(self) -> Any:
        return self.part.label


def steps_of(definition: Aspect) -> list[Step]:
    """The steps of an aspect: one per part, in COSMOS's order; a divider is not a step but
    the heading of the steps after it."""
    steps: list[Step] = []
    section = None
    for part in definition.parts:
        if part.kind == "divider":
            section = part.label
            continue
        steps.append(Step(len(steps) + 1, part, section, hint_for(definition.id, part)))
    return steps


# -- Reading stored values the way the page shows them ------------------------------------------


def _crlf(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def shown_text(raw: Any) -> str:
    return _crlf(as_text(raw))


def shown_code(raw: Any) -> str:
    return raw if isinstance(raw, str) else as_text(raw)


def shown_codes(raw: Any) -> list[str]:
    return [c for c in (as_text(v) for v in as_list(raw)) if c]


def as_sent(kind: str, value: Any) -> Any:
    """A stored answer as a browser sends it back from its field: a one-line field drops
    line breaks, a web address field also the spaces around it. An answer sent back so is
    unchanged, and its stored value is kept exactly."""
    if not isinstance(value, str) or kind in (TEXT, RADIO, CHECK):
        return value
    value = value.replace("\r", "").replace("\n", "")
    return value.strip(" \t\f") if kind == "url" else value


def is_web_address(value: str) -> bool:
    return bool(re.match(r"^https?://[^\s/?#]+\.[^\s]*$|^https?://[^\s/?#]+$", value, re.I))


# -- Units: one answer on the page ---------------------------------------------------------------


@dataclass
class Unit:
    """One answer shown on a step: ``kind`` is line, text, url, radio or check."""

    key: str  # the key under which the answer is stored
    kind: str
    label: Any
    options: list[tuple[str, Any]] = field(default_factory=list)
    swatches: bool = False
    faces: bool = False  # the three-point experience scale, drawn as faces
    empty: Any = ""  # what an emptied answer is stored as
    max_length: int = MAX_LINE
    no_answer: bool = True  # a radio list offers "no answer"


def _scalar_units(part: Part) -> list[Unit]:
    if part.kind == "title":
        return [Unit("title", LINE, _("Name of the model"))]
    if part.kind == "info":
        return [
            Unit("title", LINE, _("Title")),
            Unit("body", TEXT, _("Tell it in a few sentences"), max_length=MAX_TEXT),
        ]
    if part.kind == "stakeholder":
        return _card_units()
    if part.kind == "externals":
        return [Unit("label", LINE, _("Heading of the list"))]
    if part.kind == "group":
        units = []
        for f in part.fields:
            if f.kind == ACTORS:
                continue
            if f.kind == TEXT:
                units.append(Unit(f.id, TEXT, f.label, max_length=MAX_TEXT))
            elif f.kind == LINE:
                units.append(Unit(f.id, LINE, f.label))
            elif f.kind == EXPERIENCE:
                units.append(Unit(f.id, RADIO, f.label, options=list(EXPERIENCES), faces=True))
            elif f.kind == RADIO:
                units.append(Unit(f.id, RADIO, f.label, options=list(f.options)))
            elif f.kind == CHECK:
                units.append(Unit(f.id, CHECK, f.label, options=list(f.options), empty=[]))
        return units
    return []


def _card_units() -> list[Unit]:
    return [
        Unit("label", LINE, _("Name"), empty=None),
        Unit("type", RADIO, _("Kind"), options=list(STAKEHOLDER_TYPES), empty=None),
        Unit(
            "colour",
            RADIO,
            _("Colour in the picture"),
            options=[(code, COLOUR_NAMES[code]) for code in STAKEHOLDER_COLOURS],
            swatches=True,
            empty=None,
        ),
        Unit("url", "url", _("Web address (optional)"), empty=None, max_length=MAX_URL),
    ]


@dataclass
class ListSpec:
    """A list on a step: where it is stored in the part, what an item holds, its limit."""

    name: str  # input name and stored key inside the part
    label: Any
    item: str  # "external", "card" or "entry"
    limit: int
    entry_url: bool = False  # an entry must be a web address
    item_label: Any = ""
    has_images: bool = False


def _lists(part: Part) -> list[ListSpec]:
    if part.kind == "externals":
        return [
            ListSpec(
                "items",
                _("Items"),
                "external",
                part.limit or OPEN_LIST_LIMIT,
                item_label=_("Item"),
                has_images=part.use_images,
            )
        ]
    if part.kind == "group":
        return [
            ListSpec(f.id, f.label, "card", LIST_LIMIT, item_label=_("Stakeholder"))
            for f in part.fields
            if f.kind == ACTORS
        ]
    if part.kind == "social":
        return [
            ListSpec(
                key,
                label,
                "entry",
                OPEN_LIST_LIMIT,
                entry_url=key in ("facebook", "youtube"),
                item_label=label,
            )
            for key, label in SOCIAL_NETWORKS
        ]
    return []


def _item_units(spec: ListSpec) -> list[Unit]:
    if spec.item == "card":
        return _card_units()
    if spec.item == "external":
        return [
            Unit("label", LINE, _("Title")),
            Unit("url", "url", _("Web address (optional)"), empty=None, max_length=MAX_URL),
        ]
    if spec.entry_url:
        return [Unit("", "url", _("Web address"), max_length=MAX_URL)]
    return [Unit("", LINE, _("Hashtag or name"))]


def _shown(unit: Unit, raw: Any) -> Any:
    if unit.kind == CHECK:
        return shown_codes(raw)
    if unit.kind == RADIO:
        return shown_code(raw)
    return shown_text(raw)


def _item_raw(spec: ListSpec, item: Any, key: str) -> Any:
    if spec.item == "entry":
        return item
    if isinstance(item, dict):
        return item.get(key)
    # An older shape: a bare string is the item's label.
    return item if key == "label" else None


# -- A step's answers: reading a POST, checking and applying it ---------------------------------


class StepForm:
    """The answers of one step. ``data`` is the aspect's stored data (never changed);
    ``post`` the submitted form, if any. After :meth:`is_valid`, ``new_data`` holds the
    aspect's data with this step's changes, and ``focus`` the id of the element to focus."""

    def __init__(
        self, aspect_id: str, step: Step, data: Any, post=None, *, autosave=False, files=None
    ):
        self.aspect_id = aspect_id
        self.step = step
        self.part = step.part
        self.data = data if isinstance(data, dict) else {}
        self.post = post
        self.files = files or {}
        self.autosave = autosave
        # Pictures to store with the answers (documents): (COSMOS name, checked upload).
        self.new_images: list[tuple[str, Any]] = []
        self.errors: dict[str, list[str]] = {}
        self.new_data: dict[str, Any] | None = None
        self.focus = ""
        self.units = _scalar_units(self.part)
        self.lists = _lists(self.part)
        self.list_units = {spec.name: _item_units(spec) for spec in self.lists}

    # -- stored values

    def _part_raw(self) -> Any:
        return self.data.get(self.part.id)

    def _stored(self, key: str) -> Any:
        raw = self._part_raw()
        if self.part.kind == "title" and not isinstance(raw, dict):
            return None
        return as_dict(raw).get(key)

    def _stored_items(self, spec: ListSpec) -> list[Any]:
        return as_list(as_dict(self._part_raw()).get(spec.name))

    # -- errors

    def _error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    # -- checking one submitted answer

    def _submitted(self, unit: Unit, name: str) -> Any:
        if unit.kind == CHECK:
            return list(self.post.getlist(name))
        value = self.post.get(name, "")
        return _crlf(value) if unit.kind == TEXT else value

    def _check(self, unit: Unit, name: str, value: Any, current: Any) -> Any:
        """The value to store for a changed answer, or None after recording an error."""
        if unit.kind == CHECK:
            allowed = {code for code, _label in unit.options} | set(current)
            if any(v not in allowed for v in value) or len(set(value)) != len(value):
                self._error(name, gettext("Choose answers from the list."))
                return None
            kept = [v for v in current if v in value]
            return kept + [v for v in value if v not in kept]
        if unit.kind == RADIO:
            allowed = {code for code, _label in unit.options} | {current, ""}
            if value not in allowed:
                self._error(name, gettext("Choose an answer from the list."))
                return None
            return value if value else unit.empty
        value = value.strip()
        if "\x00" in value:
            self._error(name, gettext("This contains a character that cannot be saved."))
            return None
        if len(value) > unit.max_length:
            self._error(
                name,
                gettext("This is too long: at most %(max)d characters, you typed %(n)d.")
                % {"max": unit.max_length, "n": len(value)},
            )
            return None
        if unit.kind == "url" and value and not is_web_address(value):
            self._error(
                name,
                gettext(
                    "Type a web address that starts with http:// or https://, "
                    "for example https://www.example.nl."
                ),
            )
            return None
        return value if value else unit.empty

    def _changed(self, unit: Unit, value: Any, current: Any) -> bool:
        if unit.kind == CHECK:
            return set(value) != set(current)
        return value != as_sent(unit.kind, current)

    # -- the whole step

    def is_valid(self) -> bool:
        assert self.post is not None
        part_raw = self._part_raw()
        part_new = copy.deepcopy(part_raw)
        changes: dict[str, Any] = {}
        for unit in self.units:
            name = f"f-{unit.key}"
            current = _shown(unit, self._stored(unit.key))
            value = self._submitted(unit, name)
            if not self._changed(unit, value, current):
                continue
            checked = self._check(unit, name, value, current)
            if name not in self.errors:
                changes[unit.key] = checked
        list_changes: dict[str, list[Any]] = {}
        action = self.post.get("action", "save")
        for spec in self.lists:
            result = self._read_list(spec, action)
            if result is not None:
                list_changes[spec.name] = result
        self._check_action(action)
        if self.errors:
            return False
        if changes or list_changes:
            if not isinstance(part_new, dict):
                if part_new not in (None, "", False, [], 0):
                    # A stored value of another shape: changing it here would lose it.
                    self._error("", gettext("This part holds data that cannot be changed here."))
                    return False
                part_new = {}
            part_new.update(changes)
            part_new.update(list_changes)
        new_data = dict(self.data)
        if changes or list_changes:
            new_data[self.part.id] = part_new
        self.new_data = new_data
        return True

    def _check_action(self, action: str) -> None:
        if action in ("save", "next"):
            return
        kind, _sep, rest = action.partition(":")
        names = {spec.name for spec in self.lists}
        target = rest.split(":")[0]
        if kind not in ("add", "up", "down", "remove") or target not in names:
            self._error("", gettext("That button does not belong to this page. Try again."))

    def _read_list(self, spec: ListSpec, action: str) -> list[Any] | None:
        """The new stored list, or None when it does not change (or is wrong)."""
        stored = self._stored_items(spec)
        prefix = f"l-{spec.name}"
        units = self.list_units[spec.name]
        count = self.post.get(f"{prefix}-count", "")
        if not count.isdigit() or int(count) != len(stored):
            self._error(
                prefix,
                gettext(
                    "This list changed since you opened the page. Nothing is saved: check "
                    "the list and try again."
                ),
            )
            return None
        changed = False
        items: list[Any] = []
        for i, raw_item in enumerate(stored):
            item_changes = {}
            for unit in units:
                name = f"{prefix}-{i}-{unit.key}" if unit.key else f"{prefix}-{i}"
                current = _shown(unit, _item_raw(spec, raw_item, unit.key))
                if unit.kind != RADIO and name not in self.post:
                    self._error(
                        prefix,
                        gettext("Part of this list is missing. Nothing is saved: try again."),
                    )
                    return None
                value = self._submitted(unit, name)
                if not self._changed(unit, value, current):
                    continue
                checked = self._check(unit, name, value, current)
                if name not in self.errors:
                    item_changes[unit.key] = checked
            if item_changes:
                changed = True
                if spec.item == "entry":
                    raw_item = item_changes[""] if item_changes[""] is not None else ""
                else:
                    base = (
                        copy.deepcopy(raw_item)
                        if isinstance(raw_item, dict)
                        else self._new_item(spec, {"label": as_text(raw_item)})
                    )
                    base.update(item_changes)
                    raw_item = base
            items.append(raw_item)
        # A new item, when its fields are filled in (never while saving automatically).
        new_values = {}
        for unit in units:
            name = f"{prefix}-new-{unit.key}" if unit.key else f"{prefix}-new"
            value = self._submitted(unit, name)
            if value:
                new_values[unit.key] = (unit, name, value)
        kind, _sep, rest = action.partition(":")
        target, _sep, index = rest.partition(":")
        adding = kind == "add" and target == spec.name
        has_label = any(key in ("label", "") for key in new_values)
        if (adding or (new_values and not self.autosave)) and not has_label:
            first = units[0]
            name = f"{prefix}-new-{first.key}" if first.key else f"{prefix}-new"
            self._error(name, gettext("Type a name first, then add it."))
            return None
        if new_values and not self.autosave:
            if len(items) >= spec.limit:
                first = units[0]
                name = f"{prefix}-new-{first.key}" if first.key else f"{prefix}-new"
                self._error(
                    name,
                    gettext(
                        "This list is full: it holds at most %(limit)d items. Remove one "
                        "before you add another."
                    )
                    % {"limit": spec.limit},
                )
                return None
            values = {}
            for key, (unit, name, value) in new_values.items():
                checked = self._check(unit, name, value, _shown(unit, None))
                values[key] = checked
            if spec.has_images:
                image = self._picture(f"{prefix}-new-image")
                if image:
                    values["image"] = image
            if any(n in self.errors for _u, n, _v in new_values.values()) or (
                f"{prefix}-new-image" in self.errors
            ):
                return None
            if spec.item == "entry":
                items.append(values[""])
            else:
                items.append(self._new_item(spec, values))
            changed = True
            self.focus = f"{prefix}-new-{units[0].key}" if units[0].key else f"{prefix}-new"
        if target == spec.name and kind in ("up", "down", "remove"):
            if not index.isdigit() or int(index) >= len(stored):
                self._error(
                    prefix,
                    gettext("That item is not in the list. Nothing is saved: try again."),
                )
                return None
            i = int(index)
            if kind == "remove":
                del items[i]
                changed = True
                self.focus = f"{prefix}-heading"
            else:
                j = i - 1 if kind == "up" else i + 1
                if 0 <= j < len(stored):
                    items[i], items[j] = items[j], items[i]
                    changed = True
                    # Focus the same button on the moved item, or the other one at an end.
                    last = len(stored) - 1
                    button = (
                        kind
                        if (kind == "up" and j > 0) or (kind == "down" and j < last)
                        else ("down" if kind == "up" else "up")
                    )
                    self.focus = f"{prefix}-{j}-{button}"
        if not changed:
            return None
        return items

    def _picture(self, name: str) -> str:
        """The COSMOS name of a picture sent with a new item, checked by opening it (and
        cleaned: re-encoded, its place removed), or "" (none, or an error is recorded)."""
        upload = self.files.get(name)
        if upload is None or not getattr(upload, "size", 0):
            return ""
        try:
            checked = check_upload(upload, media=["image"])
        except UploadRefused as exc:
            self._error(name, exc.message)
            return ""
        # As COSMOS names uploads: <milliseconds>_<lower-cased name, other characters _>.
        stem = re.sub(r"\.[^.]*$", "", str(upload.name or "picture")).lower()
        stem = re.sub(r"[^a-z0-9.]", "_", stem)[:80] or "picture"
        cosmos_name = f"{int(time.time() * 1000)}_{stem}.{checked.extension.lstrip('.')}"
        self.new_images.append((cosmos_name, checked))
        return cosmos_name

    def _new_item(self, spec: ListSpec, values: dict[str, Any]) -> dict[str, Any]:
        if spec.item == "card":
            item: dict[str, Any] = {"label": None, "type": None, "colour": None, "url": None}
        else:
            item = {"label": "", "url": None, "image": False}
        item.update(values)
        return item

    # -- what the template shows

    def _value(self, unit: Unit, name: str, current: Any) -> Any:
        if self.post is not None and self.errors:
            if unit.kind == RADIO and name not in self.post:
                return ""
            return self._submitted(unit, name)
        return current

    def _widget(self, unit: Unit, name: str, current: Any, label: Any = None) -> dict[str, Any]:
        value = self._value(unit, name, current)
        options = list(unit.options)
        known = {code for code, _label in options}
        extra = [current] if unit.kind == RADIO else list(current) if unit.kind == CHECK else []
        for code in extra:
            if code and code not in known:
                # A code COSMOS stored that Constellate does not know: shown, and kept.
                options.append((code, gettext("Other answer (%(code)s)") % {"code": code}))
        choices = []
        for code, option_label in options:
            checked = code in value if unit.kind == CHECK else code == value
            choices.append(
                {
                    "value": code,
                    "label": option_label,
                    "checked": checked,
                    "id": input_id(f"{name}-{code}"),
                    "swatch": code if unit.swatches and code in COLOUR_NAMES else "",
                    "face": code if unit.faces and code in dict(EXPERIENCES) else "",
                }
            )
        return {
            "name": name,
            "id": input_id(name),
            "kind": unit.kind,
            "label": label or unit.label,
            "value": value if unit.kind not in (CHECK, RADIO) else "",
            "choices": choices,
            "no_answer": unit.kind == RADIO and unit.no_answer,
            "no_answer_checked": unit.kind == RADIO and not value,
            "max_length": unit.max_length,
            "errors": self.errors.get(name, []),
        }

    def widgets(self) -> list[dict[str, Any]]:
        """The step's answers and lists, in the order of the part's fields."""
        shown = []
        scalar = {u.key: u for u in self.units}
        lists = {spec.name: spec for spec in self.lists}
        order = [f.id for f in self.part.fields] if self.part.kind == "group" else []
        order += [u.key for u in self.units if u.key not in order]
        order += [s.name for s in self.lists if s.name not in order]
        for key in order:
            if key in scalar:
                unit = scalar[key]
                shown.append(self._widget(unit, f"f-{key}", _shown(unit, self._stored(unit.key))))
            elif key in lists:
                shown.append(self._list_widget(lists[key]))
        return shown

    def _list_widget(self, spec: ListSpec) -> dict[str, Any]:
        prefix = f"l-{spec.name}"
        units = self.list_units[spec.name]
        stored = self._stored_items(spec)
        items = []
        for i, raw_item in enumerate(stored):
            fields = []
            for unit in units:
                name = f"{prefix}-{i}-{unit.key}" if unit.key else f"{prefix}-{i}"
                current = _shown(unit, _item_raw(spec, raw_item, unit.key))
                fields.append(self._widget(unit, name, current))
            image = as_dict(raw_item).get("image") if spec.has_images else None
            items.append(
                {
                    "index": i,
                    "number": i + 1,
                    "id": input_id(f"{prefix}-{i}"),
                    "fields": fields,
                    "title": as_text(_item_raw(spec, raw_item, "label")) or str(i + 1),
                    "image": image if isinstance(image, str) else "",
                    "up": f"up:{spec.name}:{i}" if i > 0 else "",
                    "down": f"down:{spec.name}:{i}" if i < len(stored) - 1 else "",
                    "remove": f"remove:{spec.name}:{i}",
                    "up_id": input_id(f"{prefix}-{i}-up"),
                    "down_id": input_id(f"{prefix}-{i}-down"),
                }
            )
        new_fields = []
        for unit in units:
            name = f"{prefix}-new-{unit.key}" if unit.key else f"{prefix}-new"
            label = unit.label
            new_fields.append(self._widget(unit, name, _shown(unit, None), label))
        if spec.has_images:
            name = f"{prefix}-new-image"
            new_fields.append(
                {
                    "name": name,
                    "id": input_id(name),
                    "kind": "file",
                    "label": _("Picture (optional)"),
                    "errors": self.errors.get(name, []),
                }
            )
        return {
            "kind": "list",
            "name": prefix,
            "id": input_id(prefix),
            "label": spec.label,
            "item_label": spec.item_label,
            "items": items,
            "count": len(stored),
            "limit": spec.limit,
            "full": len(stored) >= spec.limit,
            "new_fields": new_fields,
            "add": f"add:{spec.name}",
            "errors": self.errors.get(prefix, []),
        }

    @property
    def takes_files(self) -> bool:
        return any(spec.has_images for spec in self.lists)

    def error_list(self) -> list[dict[str, str]]:
        """Every problem, with the id of its field, for the summary at the top."""
        out = []
        for name, messages in self.errors.items():
            for message in messages:
                out.append({"id": input_id(name) if name else "", "message": message})
        return out


def input_id(name: str) -> str:
    return "q-" + re.sub(r"[^A-Za-z0-9_-]", "_", name)
