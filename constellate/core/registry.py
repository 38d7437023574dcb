"""What each domain app adds to the platform, declared in one place per app.

Each app may have a module `contributions.py` (imported at start-up) that calls the
`register_*` functions below. Data export, erasure, the public initiative page and the
contribution counts are built from what is registered here, so `core` never imports a domain
app and a new app plugs in without edits elsewhere.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class ContributionType:
    """Something a participant gives: a story, an idea, a vote, a comment..."""

    key: str
    label: Any  # lazy translated string
    model: str  # "app_label.ModelName"
    participant_field: str = "participant"
    initiative_path: str = "activity__initiative"
    personal_fields: tuple[str, ...] = ()
    public_url: Callable[[Any], str] | None = None
    serialize: Callable[[Any], dict[str, Any]] | None = None
    # Optional, for "who is missing" (the participation app): the field (path) holding the
    # day or moment of the contribution, and the field (path) holding which of the
    # initiative's target groups the contributor sees themselves in. Without a target-group
    # field the contributions are counted under "not said".
    date_field: str = "created_at"
    target_group_field: str | None = None
    # For a contribution that people give many of at once (votes), "who is missing" counts
    # the people who gave them in each period, not every single one.
    counts_people: bool = False

    def get_model(self) -> Any:
        return apps.get_model(self.model)


@dataclass(frozen=True)
class PersonalData:
    """A model holding personal data of a user, for export and erasure."""

    key: str
    label: Any
    export: Callable[[Any], Iterable[dict[str, Any]]]
    erase: Callable[[Any], int]


@dataclass(frozen=True)
class PublicSection:
    """A block that an app adds to the public initiative page.

    The page is cached until the initiative's `updated_at` (or the day) changes: the app must
    call `initiatives.services.initiative_touch` whenever what its section shows changes."""

    key: str
    template: str
    context: Callable[[Any], dict[str, Any]]
    order: int = 100


@dataclass(frozen=True)
class InitiativeTab:
    """A tab that an app adds to an initiative's staff pages. `url_name` takes the initiative's
    pk; the tab is marked current on every page whose URL name starts with `current_prefix`
    (or with one of them, when it is a tuple)."""

    key: str
    label: Any
    url_name: str
    current_prefix: str | tuple[str, ...]
    order: int = 100


@dataclass(frozen=True)
class InitiativePanel:
    """A block that an app adds to an initiative's staff overview page.

    The overview is cached until the initiative's `updated_at` (or the day) changes, so the
    panel must not depend on who looks at it, and the app must call
    `initiatives.services.initiative_touch` whenever what the panel shows changes.
    `context(initiative)` returns the template's context, or None to show nothing."""

    key: str
    template: str
    context: Callable[[Any], dict[str, Any] | None]
    order: int = 100


@dataclass(frozen=True)
class DashboardPanel:
    """A block that an app adds to the staff dashboard. `context(user, today)` returns the
    template's context, or None to show nothing; it must cost a fixed number of queries."""

    key: str
    template: str
    context: Callable[[Any, Any], dict[str, Any] | None]
    order: int = 100


@dataclass(frozen=True)
class JoinQuestion:
    """An optional question that an app adds to an activity's join page, and what the app
    records whenever someone joins through the link (the first time, again, or for another
    activity). Answering is never required.

    - `context(activity, participant)`: the template's context, or None to ask nothing;
    - `template`: rendered inside the join form with that context (must work without JS);
    - `clean(activity, data)`: the answer from the POST data; raises ValidationError with a
      translated message for a value that is not allowed;
    - `joined(activity, participant, answer)`: records the joining, inside its transaction."""

    key: str
    template: str
    context: Callable[[Any, Any], dict[str, Any] | None]
    clean: Callable[[Any, Any], Any]
    joined: Callable[[Any, Any, Any], None]
    order: int = 100


@dataclass(frozen=True)
class ReachSource:
    """People an app reached outside an activity's link, for "who is missing" (the
    participation app): for example contacts logged with stakeholders in the register.

    - `rows(initiative, period)`: dicts with "day" (the start of the period: a date),
      "group" (one of the initiative's target groups, or "" when not said), "channel" (an
      activity setting when the way is one, so that the same way is counted as one channel,
      else a key of the app's own), "place" and "n" (how many times); a fixed number of
      queries;
    - `channel_label(channel)`: the app's channel key in words, in the current language;
    - `known(initiative)`: optional, per target group how many people the app knows of and how
      many of them it has not reached yet: {group: (known, not_reached)};
    - `known_url_name`: optional, the page (taking the initiative's pk) listing them."""

    key: str
    rows: Callable[[Any, str], Iterable[dict[str, Any]]]
    channel_label: Callable[[str], str]
    known: Callable[[Any], dict[str, tuple[int, int]]] | None = None
    known_url_name: str = ""


@dataclass(frozen=True)
class JoinedSection:
    """A block that an app adds to the page a person sees right after joining an activity
    (for example "Tell your story" for a story-gathering activity).
    `context(activity, participant)` returns the template's context, or None to show nothing."""

    key: str
    template: str
    context: Callable[[Any, Any], dict[str, Any] | None]
    order: int = 100


@dataclass(frozen=True)
class MethodCatalogue:
    """The method library as other apps see it (the canvas's sixth question, suggestions).

    - `choices(organisation)`: [(key, label)] of the methods an organisation can choose;
    - `label(key)`: the name of a method in the current language, or None if unknown;
    - `url(key)`: the address of a method's page, or None;
    - `for_elements(organisation, element_keys)`: {element_key: [method dicts with at least
      "key", "name", "purpose" and "url"]}, the methods that serve each element."""

    choices: Callable[[Any], list[tuple[str, str]]]
    label: Callable[[str], str | None]
    url: Callable[[str], str | None]
    for_elements: Callable[[Any, Iterable[str]], dict[str, list[dict[str, Any]]]]


@dataclass(frozen=True)
class KnownNames:
    """Names of people an app knows in an initiative (for example the stakeholder register),
    so that a search for personal data in a text (a story) can find them."""

    key: str
    names: Callable[[Any], Iterable[str]]  # initiative -> names


@dataclass(frozen=True)
class EvidenceSource:
    """Something an app offers as evidence a decision rests on (a story, an insight, a
    statement, a conversation's results, an idea). The decisions app stores links to these
    with contenttypes and reads them only through this declaration, so it never imports the
    offering app.

    - `items(initiative, user)`: a QuerySet of what `user` (staff) may see and link in the
      initiative, usable now (a withdrawn story is not in it);
    - `public_items(initiative)`: a QuerySet of what may be counted on public pages (None:
      never); `public_named`: whether their titles may be shown there too (never for
      personal contributions such as stories and statements);
    - `title(obj)`, `url(obj)` (a staff page, or ""), `public_url(obj)` (or "");
    - `search_fields`: fields searched for candidates (icontains);
    - `notify(pks)`: optional, tell the contributors of these items that what became of
      their contribution changed (e-mail if they gave one, their private link page);
    - `feeds(obj)`: optional, the evidence items built on this contribution
      ({source key: [pk, ...]}: a story's insights), so its outcome shows those too."""

    key: str
    label: Any  # lazy translated, plural ("Stories")
    model: str  # "app_label.ModelName"
    items: Callable[[Any, Any], Any]
    title: Callable[[Any], str]
    url: Callable[[Any], str] = lambda obj: ""
    public_items: Callable[[Any], Any] | None = None
    public_named: bool = False
    public_url: Callable[[Any], str] = lambda obj: ""
    search_fields: tuple[str, ...] = ("title",)
    notify: Callable[[list[int]], None] | None = None
    feeds: Callable[[Any], dict[str, list[int]]] | None = None
    order: int = 100

    def get_model(self) -> Any:
        return apps.get_model(self.model)


@dataclass(frozen=True)
class CanvasLinks:
    """Links an app adds under the canvas's starting questions (for example the COSMOS model
    that takes a question further). `links(initiative, user)` returns
    {question key: [{"label", "url"}]} of what `user` may open; a fixed number of queries."""

    key: str
    links: Callable[[Any, Any], dict[str, list[dict[str, Any]]]]


@dataclass(frozen=True)
class StakeholderSink:
    """The stakeholder register as other apps see it (COSMOS models name stakeholders), so
    they never import its internals.

    - `find(initiative, user, names)`: {name.casefold(): {"label", "url"}} for the names that
      match a register entry exactly (ignoring case), as `user` may see them; one query;
    - `can_create(user, initiative)`: whether `user` may add stakeholders to the register;
    - `create(initiative, name, role_note, actor, roles=())`: the entry with that name (found
      ignoring case, or created with the note on its role; `roles` are COSMOS service role ids)
      as (the same dict as `find`, created?); raises PermissionDenied or ValidationError."""

    find: Callable[[Any, Any, Iterable[str]], dict[str, dict[str, str]]]
    can_create: Callable[[Any, Any], bool]
    create: Callable[..., tuple[dict[str, str], bool]]


@dataclass(frozen=True)
class OutcomeProvider:
    """What became of contributions ("you said, we did"): `outcomes(objs)` takes
    contributions of one kind and returns {pk: [dict]} for the template
    `core/_contribution_outcome.html`, in a fixed number of queries (the decisions app
    registers one). Without a provider the outcome is empty."""

    key: str
    outcomes: Callable[[list[Any]], dict[Any, list[dict[str, Any]]]]


@dataclass
class Registry:
    contribution_types: dict[str, ContributionType] = field(default_factory=dict)
    personal_data: dict[str, PersonalData] = field(default_factory=dict)
    public_sections: dict[str, PublicSection] = field(default_factory=dict)
    initiative_tabs: dict[str, InitiativeTab] = field(default_factory=dict)
    initiative_panels: dict[str, InitiativePanel] = field(default_factory=dict)
    dashboard_panels: dict[str, DashboardPanel] = field(default_factory=dict)
    join_questions: dict[str, JoinQuestion] = field(default_factory=dict)
    reach_sources: dict[str, ReachSource] = field(default_factory=dict)
    joined_sections: dict[str, JoinedSection] = field(default_factory=dict)
    method_catalogue: MethodCatalogue | None = None
    known_names: dict[str, KnownNames] = field(default_factory=dict)
    evidence_sources: dict[str, EvidenceSource] = field(default_factory=dict)
    outcome_providers: dict[str, OutcomeProvider] = field(default_factory=dict)
    stakeholder_sink: StakeholderSink | None = None
    canvas_links: dict[str, CanvasLinks] = field(default_factory=dict)


registry = Registry()


def register_contribution_type(item: ContributionType) -> None:
    registry.contribution_types[item.key] = item


def register_personal_data(item: PersonalData) -> None:
    registry.personal_data[item.key] = item


def register_public_section(item: PublicSection) -> None:
    registry.public_sections[item.key] = item


def register_initiative_tab(item: InitiativeTab) -> None:
    registry.initiative_tabs[item.key] = item


def register_initiative_panel(item: InitiativePanel) -> None:
    registry.initiative_panels[item.key] = item


def register_dashboard_panel(item: DashboardPanel) -> None:
    registry.dashboard_panels[item.key] = item


def register_join_question(item: JoinQuestion) -> None:
    registry.join_questions[item.key] = item


def register_reach_source(item: ReachSource) -> None:
    registry.reach_sources[item.key] = item


def register_joined_section(item: JoinedSection) -> None:
    registry.joined_sections[item.key] = item


def register_known_names(item: KnownNames) -> None:
    registry.known_names[item.key] = item


def register_evidence_source(item: EvidenceSource) -> None:
    registry.evidence_sources[item.key] = item


def register_outcome_provider(item: OutcomeProvider) -> None:
    registry.outcome_providers[item.key] = item


def evidence_sources() -> list[EvidenceSource]:
    return _ordered(registry.evidence_sources.values())


def evidence_source(key: str) -> EvidenceSource | None:
    return registry.evidence_sources.get(key)


def evidence_source_for(obj: Any) -> EvidenceSource | None:
    """The source whose model `obj` is (the first by order, when several offer it)."""
    label = obj._meta.label
    for source in evidence_sources():
        if source.model == label:
            return source
    return None


def contribution_outcomes_for(objs: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    """What became of each of `objs` (contributions of one kind), {pk: outcomes}, from every
    registered provider (empty without one). A page listing several contributions calls this
    once rather than once per contribution."""
    out: dict[Any, list[dict[str, Any]]] = {o.pk: [] for o in objs if o is not None}
    for item in _ordered_by_key(registry.outcome_providers.values()):
        for pk, rows in item.outcomes(list(objs)).items():
            out.setdefault(pk, []).extend(rows)
    return out


def contribution_outcomes(obj: Any) -> list[dict[str, Any]]:
    """What became of `obj`, from every registered provider (empty without one)."""
    return contribution_outcomes_for([obj]).get(obj.pk, [])


def known_names_for(initiative: Any) -> list[str]:
    """Every name of a person the registered apps know in `initiative`."""
    names: list[str] = []
    for item in _ordered_by_key(registry.known_names.values()):
        names.extend(name for name in item.names(initiative) if name)
    return names


def _ordered_by_key(items):
    return sorted(items, key=lambda s: s.key)


def register_canvas_links(item: CanvasLinks) -> None:
    registry.canvas_links[item.key] = item


def canvas_links_for(initiative: Any, user: Any) -> dict[str, list[dict[str, Any]]]:
    """{question key: [{"label", "url"}]} from every registered app, for the canvas page."""
    out: dict[str, list[dict[str, Any]]] = {}
    for item in _ordered_by_key(registry.canvas_links.values()):
        for key, links in item.links(initiative, user).items():
            out.setdefault(key, []).extend(links)
    return out


def register_stakeholder_sink(item: StakeholderSink) -> None:
    registry.stakeholder_sink = item


def register_method_catalogue(item: MethodCatalogue) -> None:
    registry.method_catalogue = item


def _ordered(items):
    return sorted(items, key=lambda s: (s.order, s.key))


def public_sections() -> list[PublicSection]:
    return _ordered(registry.public_sections.values())


def initiative_tabs() -> list[InitiativeTab]:
    return _ordered(registry.initiative_tabs.values())


def initiative_panels() -> list[InitiativePanel]:
    return _ordered(registry.initiative_panels.values())


def dashboard_panels() -> list[DashboardPanel]:
    return _ordered(registry.dashboard_panels.values())


def join_questions() -> list[JoinQuestion]:
    return _ordered(registry.join_questions.values())


def joined_sections() -> list[JoinedSection]:
    return _ordered(registry.joined_sections.values())


def autodiscover() -> None:
    """Import `<app>.contributions` for every installed app that has one."""
    for config in apps.get_app_configs():
        try:
            import_module(f"{config.name}.contributions")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.contributions":
                raise
