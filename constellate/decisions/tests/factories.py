"""Builders for decision tests."""

import datetime

from constellate.decisions import services
from constellate.decisions.choices import DecisionStatus, Participation


def decision(initiative, actor, **fields):
    data = {
        "title": "Eén loket voor werk en inkomen",
        "text": "Vanaf juni helpt één team je met werk en inkomen.",
        "decided_on": datetime.date(2026, 5, 1),
        "decided_by": "Het college van B&W",
        "participation": Participation.ADVISED,
        "status": DecisionStatus.PLANNED,
        "percent_done": 0,
    }
    data.update(fields)
    return services.decision_save(initiative=initiative, actor=actor, **data)


def form_data(**overrides):
    data = {
        "title": "Spreekuur in de bibliotheek",
        "text": "Elke dinsdag een spreekuur in de bibliotheek.",
        "decided_on": "2026-05-02",
        "decided_by": "Het team met het bewonerspanel",
        "participation": "co_decided",
        "participation_note": "",
        "status": "in_progress",
        "percent_done": "40",
        "status_note": "",
    }
    data.update(overrides)
    return data
