"""The staff competence check (element 18): co-creation competences as data.

Written for Constellate in plain Dutch and English. Like the compass framework, this module is
the standard set: `services_competences.competences_ensure` copies it into each organisation's
own `Competence` rows the first time the check is opened, and never changes what exists
after that. Why the database and not this module alone: an organisation can then correct a
statement, add a language (a new key in `texts`), retire a competence (`is_active`) or point
it to other methods, without a release, and every past check keeps pointing at the
competence it rated.

Shape:
    SCALE: {lang: [five labels for the points 1 to 5]}; copied into each competence's texts
        as "scale", so one competence can get its own labels later.
    COMPETENCES: [{"key", "position", "elements": [element keys], "methods": [method keys
        of the method library], "texts": {lang: {"name", "statement", "tip"}}}]

Keys are stable: past checks refer to them.
"""

from typing import Any

SCALE: dict[str, list[str]] = {
    "en": [
        "Not yet: this is new to me",
        "Starting: I have tried it once or twice",
        "Growing: I do it now and then, with some help",
        "Confident: I do it often and on my own",
        "Strong: it comes naturally and I help others learn it",
    ],
    "nl": [
        "Nog niet: dit is nieuw voor mij",
        "Beginnend: ik heb het een of twee keer geprobeerd",
        "Groeiend: ik doe het af en toe, met wat hulp",
        "Zeker: ik doe het vaak en zelfstandig",
        "Sterk: het gaat vanzelf en ik help anderen het te leren",
    ],
}

COMPETENCES: list[dict[str, Any]] = [
    {
        "key": "listening",
        "position": 1,
        "elements": ["empathy", "relationships_first"],
        "methods": ["community_reporting", "living_room", "door_to_door"],
        "texts": {
            "en": {
                "name": "Listening with empathy",
                "statement": (
                    "I listen to understand what someone means and feels, and I do not steer "
                    "the talk towards my own questions or solutions."
                ),
                "tip": (
                    "In your next conversation, ask one open question and then only ask what "
                    "the other person brings up."
                ),
            },
            "nl": {
                "name": "Luisteren met empathie",
                "statement": (
                    "Ik luister om te begrijpen wat iemand bedoelt en voelt, en ik stuur het "
                    "gesprek niet naar mijn eigen vragen of oplossingen."
                ),
                "tip": (
                    "Stel in je volgende gesprek één open vraag en vraag daarna alleen door "
                    "op wat de ander zelf inbrengt."
                ),
            },
        },
    },
    {
        "key": "sharing_power",
        "position": 2,
        "elements": ["power_shift", "share_power_risk", "not_consultation"],
        "methods": ["committee", "idea_board", "open_space"],
        "texts": {
            "en": {
                "name": "Sharing power",
                "statement": (
                    "I let residents and service users decide together with us, also about "
                    "money, priorities and the agenda, and not only give their opinion."
                ),
                "tip": (
                    "Pick one decision in your work that you could take together with the "
                    "people it affects, and say beforehand how their voice will count."
                ),
            },
            "nl": {
                "name": "Macht delen",
                "statement": (
                    "Ik laat bewoners en gebruikers samen met ons beslissen, ook over geld, "
                    "prioriteiten en de agenda, en niet alleen hun mening geven."
                ),
                "tip": (
                    "Kies één beslissing in je werk die je samen kunt nemen met de mensen om "
                    "wie het gaat, en zeg vooraf hoe hun stem meetelt."
                ),
            },
        },
    },
    {
        "key": "strengths",
        "position": 3,
        "elements": ["strengths_based", "new_resources"],
        "methods": ["stakeholder_map", "community_reporting"],
        "texts": {
            "en": {
                "name": "Working with strengths",
                "statement": (
                    "I look first at what people and neighbourhoods can do and already have, "
                    "and build on that instead of starting from problems."
                ),
                "tip": (
                    "Ask the people you work with what they are good at and what they would "
                    "like to offer, and write it down next to the problems."
                ),
            },
            "nl": {
                "name": "Werken vanuit sterktes",
                "statement": (
                    "Ik kijk eerst naar wat mensen en buurten kunnen en al hebben, en bouw "
                    "daarop voort in plaats van te beginnen bij de problemen."
                ),
                "tip": (
                    "Vraag de mensen met wie je werkt waar ze goed in zijn en wat ze willen "
                    "bijdragen, en schrijf dat op naast de problemen."
                ),
            },
        },
    },
    {
        "key": "reaching_people",
        "position": 4,
        "elements": ["hard_to_engage", "light_participation", "snowball"],
        "methods": ["door_to_door", "living_room", "phone_round", "light_participation"],
        "texts": {
            "en": {
                "name": "Reaching people where they are",
                "statement": (
                    "I go to the places where people already are, offer light ways to take "
                    "part, and ask myself who is still missing."
                ),
                "tip": (
                    "List who was not there last time, and ask someone they trust how you "
                    "could meet them in their own place."
                ),
            },
            "nl": {
                "name": "Mensen opzoeken waar ze zijn",
                "statement": (
                    "Ik ga naar de plekken waar mensen al zijn, bied lichte manieren om mee "
                    "te doen, en vraag me af wie er nog ontbreekt."
                ),
                "tip": (
                    "Schrijf op wie er de vorige keer niet was, en vraag iemand die zij "
                    "vertrouwen hoe je hen op hun eigen plek kunt ontmoeten."
                ),
            },
        },
    },
    {
        "key": "equal_conversations",
        "position": 5,
        "elements": ["equality", "get_talking"],
        "methods": ["open_space", "conversation_of_change", "study_circle"],
        "texts": {
            "en": {
                "name": "Leading equal conversations",
                "statement": (
                    "I lead meetings so that every voice counts the same: residents speak "
                    "as much as professionals, and nobody needs expert words."
                ),
                "tip": (
                    "At your next meeting, let a resident open the talk, and keep track of "
                    "who speaks how long."
                ),
            },
            "nl": {
                "name": "Gelijkwaardige gesprekken leiden",
                "statement": (
                    "Ik leid bijeenkomsten zo dat elke stem even zwaar telt: bewoners praten "
                    "evenveel als professionals, en niemand heeft vaktaal nodig."
                ),
                "tip": (
                    "Laat bij je volgende bijeenkomst een bewoner het gesprek openen, en let "
                    "op wie hoe lang aan het woord is."
                ),
            },
        },
    },
    {
        "key": "openness",
        "position": 6,
        "elements": ["openness", "not_consultation"],
        "methods": ["conversation_of_change", "open_data"],
        "texts": {
            "en": {
                "name": "Being open about process and decisions",
                "statement": (
                    "I tell people how the process works, who decides what, and what we did "
                    "with their input, also when the answer is no."
                ),
                "tip": (
                    "After each meeting, send everyone a short note: what we heard, what we "
                    "will do with it, and what we cannot do and why."
                ),
            },
            "nl": {
                "name": "Open zijn over proces en besluiten",
                "statement": (
                    "Ik vertel mensen hoe het proces loopt, wie wat beslist, en wat we met "
                    "hun inbreng hebben gedaan, ook als het antwoord nee is."
                ),
                "tip": (
                    "Stuur na elke bijeenkomst iedereen een kort bericht: wat we hoorden, wat "
                    "we ermee doen, en wat niet kan en waarom."
                ),
            },
        },
    },
    {
        "key": "stories_and_data",
        "position": 7,
        "elements": ["continuous_evaluation", "fitted_to_context"],
        "methods": ["community_reporting", "social_media_analysis", "open_data", "cosmos"],
        "texts": {
            "en": {
                "name": "Working with stories and data",
                "statement": (
                    "I use people's own stories together with figures to understand a "
                    "service, and I check my conclusions with the people concerned."
                ),
                "tip": (
                    "Put three stories next to one figure about the same service, and ask "
                    "colleagues and residents what they see."
                ),
            },
            "nl": {
                "name": "Werken met verhalen en cijfers",
                "statement": (
                    "Ik gebruik de eigen verhalen van mensen samen met cijfers om een dienst "
                    "te begrijpen, en ik toets mijn conclusies bij de mensen om wie het gaat."
                ),
                "tip": (
                    "Leg drie verhalen naast één cijfer over dezelfde dienst, en vraag "
                    "collega's en bewoners wat zij zien."
                ),
            },
        },
    },
    {
        "key": "designing_together",
        "position": 8,
        "elements": ["services_evolve", "fitted_to_context"],
        "methods": ["personas", "journey_map", "service_blueprint", "design_thinking"],
        "texts": {
            "en": {
                "name": "Designing services together",
                "statement": (
                    "I shape a service step by step with the people who use it: we try "
                    "something small, look at what happens, and change it."
                ),
                "tip": (
                    "Draw one person's journey through your service together with them, and "
                    "choose one step to try differently."
                ),
            },
            "nl": {
                "name": "Samen diensten ontwerpen",
                "statement": (
                    "Ik geef een dienst stap voor stap vorm met de mensen die hem gebruiken: "
                    "we proberen iets kleins, kijken wat er gebeurt, en passen het aan."
                ),
                "tip": (
                    "Teken samen met iemand zijn of haar weg door je dienst, en kies één stap "
                    "om anders te proberen."
                ),
            },
        },
    },
    {
        "key": "learning",
        "position": 9,
        "elements": ["continuous_evaluation", "not_linear", "staff_competences"],
        "methods": ["study_circle", "cosmos"],
        "texts": {
            "en": {
                "name": "Reflecting and learning all the time",
                "statement": (
                    "I regularly look back with colleagues and participants on what worked "
                    "and what did not, and I change my way of working because of it."
                ),
                "tip": (
                    "Plan a short reflection session with your team on one constellation of "
                    "the compass, and agree on one thing to do differently."
                ),
            },
            "nl": {
                "name": "Steeds reflecteren en leren",
                "statement": (
                    "Ik kijk geregeld met collega's en deelnemers terug op wat werkte en wat "
                    "niet, en ik verander mijn manier van werken daardoor."
                ),
                "tip": (
                    "Plan met je team een korte reflectiesessie over één sterrenbeeld van "
                    "het kompas, en spreek één ding af dat je anders gaat doen."
                ),
            },
        },
    },
]


def standard_texts(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A competence's texts per language, each with the shared scale."""
    return {
        lang: {**texts, "scale": list(SCALE.get(lang, SCALE["en"]))}
        for lang, texts in item["texts"].items()
    }
