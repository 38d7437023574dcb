"""Pictures of the six COSMOS models, drawn on the server from the answers (see scene.py for
the drawing description, common.py for the parts shared by the models)."""

from __future__ import annotations

from typing import Any

from constellate.cosmos.pictures.common import Picture

BUILDERS = {
    "co_creation_of_service_model": "service",
    "analytic_model": "analytic",
    "intervention_theory_model": "intervention",
    "change_model": "change",
    "moral_ordering_model": "moral",
    "user_journey_model": "journey",
}


def picture_of(aspect_id: str, data: Any) -> Picture | None:
    """The picture of a model's answers, or None for an aspect that has none (containers)."""
    module_name = BUILDERS.get(aspect_id)
    if module_name is None:
        return None
    from importlib import import_module

    module = import_module(f"constellate.cosmos.pictures.{module_name}")
    return module.build(data if isinstance(data, dict) else {})
