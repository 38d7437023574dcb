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
    """A block that an app adds to the public initiative page."""

    key: str
    template: str
    context: Callable[[Any], dict[str, Any]]
    order: int = 100


@dataclass
class Registry:
    contribution_types: dict[str, ContributionType] = field(default_factory=dict)
    personal_data: dict[str, PersonalData] = field(default_factory=dict)
    public_sections: dict[str, PublicSection] = field(default_factory=dict)


registry = Registry()


def register_contribution_type(item: ContributionType) -> None:
    registry.contribution_types[item.key] = item


def register_personal_data(item: PersonalData) -> None:
    registry.personal_data[item.key] = item


def register_public_section(item: PublicSection) -> None:
    registry.public_sections[item.key] = item


def public_sections() -> list[PublicSection]:
    return sorted(registry.public_sections.values(), key=lambda s: (s.order, s.key))


def autodiscover() -> None:
    """Import `<app>.contributions` for every installed app that has one."""
    for config in apps.get_app_configs():
        try:
            import_module(f"{config.name}.contributions")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.contributions":
                raise
