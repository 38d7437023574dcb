"""Writes of the compass app: keyword-only, typed, atomic, validating."""

from copy import deepcopy
from typing import Any

from django.db import transaction

from constellate.compass import framework as standard
from constellate.compass.models import Constellation, Element

# The framework ----------------------------------------------------------------------------


@transaction.atomic
def framework_ensure(*, organisation: Any) -> int:
    """Give the organisation its own copy of the standard framework.

    Creates only what is missing, matched by key, and never changes what exists: an admin's
    corrections (texts, grouping, order, deactivation) survive every later call. Safe to call
    twice at once (conflicts are skipped). Returns the number of rows created."""
    have_c = dict(Constellation.objects.filter(organisation=organisation).values_list("key", "pk"))
    have_e = set(Element.objects.filter(organisation=organisation).values_list("key", flat=True))
    if all(e["key"] in have_e for e in standard.ELEMENTS) and all(
        c["key"] in have_c for c in standard.CONSTELLATIONS
    ):
        return 0
    missing_c = [c for c in standard.CONSTELLATIONS if c["key"] not in have_c]
    created = 0
    if missing_c:
        made = Constellation.objects.bulk_create(
            [
                Constellation(
                    organisation=organisation,
                    key=c["key"],
                    position=c["position"],
                    texts=deepcopy(c["texts"]),
                )
                for c in missing_c
            ],
            ignore_conflicts=True,
        )
        created += len(made)
        have_c = dict(
            Constellation.objects.filter(organisation=organisation).values_list("key", "pk")
        )
    missing_e = [e for e in standard.ELEMENTS if e["key"] not in have_e]
    if missing_e:
        taken = set(
            Element.objects.filter(organisation=organisation).values_list("number", flat=True)
        )
        rows = []
        for e in missing_e:
            if e["number"] in taken:  # pragma: no cover - own elements start after the standard
                continue
            rows.append(
                Element(
                    organisation=organisation,
                    constellation_id=have_c[e["constellation"]],
                    key=e["key"],
                    number=e["number"],
                    position=e["number"],
                    is_standard=True,
                    is_active=True,
                    texts=deepcopy(e["texts"]),
                )
            )
        Element.objects.bulk_create(rows, ignore_conflicts=True)
        created += len(rows)
    return created
