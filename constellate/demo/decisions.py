"""Demo decisions: the Houten pilot's decision log, each decision resting on the demo's
stories, an insight built on them, statements of the conversation and its results, with
milestones and what became of each contribution ("you said, we did"), so the Decisions tab,
the public page and "You said, we did" have something to show.

`load_demo` calls `load_pilot_decisions` after the stories and the conversation; it adds
nothing to an initiative that already has decisions, so running it twice changes nothing."""

from datetime import date, timedelta
from typing import Any

from constellate.accounts.models import User
from constellate.decisions import services
from constellate.decisions.models import Decision
from constellate.deliberation.models import Conversation, Idea, Statement
from constellate.initiatives.models import Initiative
from constellate.stories import services_curation
from constellate.stories.models import Insight, Story

_INSIGHT = {
    "houten": (
        "Mensen willen hun verhaal niet steeds opnieuw vertellen",
        "Wie steeds een ander spreekt of hetzelfde formulier opnieuw invult, haakt af. Een "
        "vast gezicht en één formulier geven rust en vertrouwen.",
        ["Drie keer hetzelfde formulier", "Een vaste consulent"],
    ),
}

# (title, text, days ago, who decided, participation, note, status, percent, status note,
#  milestones [(title, days from today, done)],
#  evidence [(kind, story title | statement text | idea title | "insight" | "results",
#  outcome, reason)])
_DECISIONS: dict[str, list[tuple[Any, ...]]] = {
    "houten": [
        (
            "Iedereen met een uitkering krijgt één vaste consulent",
            "Vanaf dit jaar heeft iedereen met een uitkering één vaste consulent. Die kent je "
            "situatie, en je belt of mailt altijd met dezelfde persoon.",
            20,
            "College van burgemeester en wethouders, op advies van het bewonerspanel",
            "advised",
            "Het bewonerspanel gaf advies op basis van de verhalen en het gesprek. Het college "
            "nam het advies over.",
            "in_progress",
            60,
            "",
            [
                ("Consulenten ingedeeld per wijk", -10, True),
                ("Iedereen heeft een vaste consulent", 60, False),
            ],
            [
                ("story", "Een vaste consulent", "taken_up", ""),
                ("insight", "insight", "taken_up", ""),
                ("statement", "Ik wil één vaste consulent die mijn situatie kent.", "taken_up", ""),
                ("results", "results", "taken_up", ""),
            ],
        ),
        (
            "Eén formulier voor alle afdelingen",
            "Werk, inkomen en schuldhulp gebruiken samen één aanvraagformulier. Wat je één keer "
            "invult, hoef je niet nog eens te geven.",
            12,
            "Het projectteam samen met vijf bewoners uit het bewonerspanel",
            "co_decided",
            "Bewoners en medewerkers stemden samen over het nieuwe formulier.",
            "planned",
            10,
            "",
            [
                ("Nieuw formulier getest met bewoners", 30, False),
                ("Formulier in gebruik", 90, False),
            ],
            [
                ("story", "Drie keer hetzelfde formulier", "taken_up", ""),
                (
                    "statement",
                    "Formulieren moeten korter en in gewone taal.",
                    "partly",
                    "We maken eerst één formulier. De taal maken we in een tweede stap eenvoudiger.",
                ),
            ],
        ),
        (
            "Een app met de stand van je aanvraag",
            "We onderzochten een app waarin je ziet hoe ver je aanvraag is.",
            8,
            "Afdeling Werk en Inkomen",
            "informed",
            "",
            "stopped",
            0,
            "De landelijke koppeling die de app nodig heeft, komt er pas over twee jaar.",
            [],
            [
                (
                    "statement",
                    "Een app met de stand van mijn aanvraag zou veel schelen.",
                    "not_taken_up",
                    "Nu te duur. Je vaste consulent vertelt je wel hoe ver je aanvraag is.",
                ),
                (
                    "idea",
                    "Een app met de stand van mijn aanvraag",
                    "not_taken_up",
                    "Nu te duur. Je vaste consulent vertelt je wel hoe ver je aanvraag is.",
                ),
            ],
        ),
    ],
}


def load_pilot_decisions(
    pilot: dict[str, Any], initiative: Initiative, people: dict[str, User], today: date
) -> dict[str, int]:
    specs = _DECISIONS.get(pilot["slug"])
    if not specs or Decision.objects.filter(initiative=initiative).exists():
        return {}
    actor = people.get("facilitator") or next(iter(people.values()))
    stories = {s.title: s for s in Story.objects.filter(activity__initiative=initiative) if s.title}
    insight = None
    if pilot["slug"] in _INSIGHT:
        title, text, story_titles = _INSIGHT[pilot["slug"]]
        insight = Insight.objects.filter(initiative=initiative, title=title).first()
        based_on = [stories[t] for t in story_titles if t in stories]
        if insight is None and based_on:
            insight = services_curation.insight_save(
                initiative=initiative, actor=actor, title=title, text=text, stories=based_on
            )
    conversation = Conversation.objects.filter(activity__initiative=initiative).first()
    statements = {
        s.text: s for s in Statement.objects.filter(conversation__activity__initiative=initiative)
    }
    ideas = {i.title: i for i in Idea.objects.filter(idea_round__activity__initiative=initiative)}
    made = 0
    for (
        title,
        text,
        days_ago,
        decided_by,
        participation,
        note,
        status,
        percent,
        status_note,
        milestones,
        evidence,
    ) in specs:
        decision = services.decision_save(
            initiative=initiative,
            actor=actor,
            title=title,
            text=text,
            decided_on=today - timedelta(days=days_ago),
            decided_by=decided_by,
            participation=participation,
            participation_note=note,
            status=status,
            status_note=status_note,
            percent_done=percent,
        )
        for m_title, days, done in milestones:
            milestone = services.milestone_add(
                decision=decision, actor=actor, title=m_title, due_on=today + timedelta(days=days)
            )
            if done:
                services.milestone_set_done(milestone=milestone, actor=actor, done=True)
        for kind, key, outcome, reason in evidence:
            item = None
            if kind == "story" and key in stories:
                item = ("story", stories[key].pk)
            elif kind == "insight" and insight is not None:
                item = ("insight", insight.pk)
            elif kind == "statement" and key in statements:
                item = ("statement", statements[key].pk)
            elif kind == "idea" and key in ideas:
                item = ("idea", ideas[key].pk)
            elif kind == "results" and conversation is not None:
                item = ("conversation_result", conversation.pk)
            if item is not None:
                services.evidence_link(
                    decision=decision, actor=actor, items=[item], outcome=outcome, reason=reason
                )
        made += 1
    return {"decisions": made}
