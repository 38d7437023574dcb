"""The standard method library: the toolkit's tools and techniques, written for Constellate in
plain English and plain Dutch (B1). `services.library_standard_sync` loads it into the
database, where an admin can correct it or add a language.

Each method: key (stable, underscores only), category, the co-creation phases and roadmap
elements it serves, effort, group size, whether it is learning material for staff, and per
language its name, purpose, when to use it, steps, tips and pitfalls, what you need and how
long it takes. The cases are in `library.content_cases`."""

from typing import Any

from constellate.library.content_cases import CASES

ALL_PHASES = ["co_initiation", "co_design", "co_decision", "co_implementation", "co_evaluation"]


def _method(
    key: str,
    category: str,
    *,
    phases: list[str],
    elements: list[str],
    effort: str,
    group: tuple[int | None, int | None],
    en: dict[str, Any],
    nl: dict[str, Any],
    staff_learning: bool = False,
) -> dict[str, Any]:
    return {
        "key": key,
        "category": category,
        "phases": phases,
        "elements": elements,
        "effort": effort,
        "group_min": group[0],
        "group_max": group[1],
        "staff_learning": staff_learning,
        "texts": {"nl": nl, "en": en},
    }


METHODS: list[dict[str, Any]] = [
    # Stories and community reporting ---------------------------------------------------------
    _method(
        "community_reporting",
        "stories",
        phases=["co_initiation", "co_design", "co_evaluation"],
        elements=[
            "hard_to_engage",
            "continuous_evaluation",
            "empathy",
            "equality",
            "get_talking",
            "strengths_based",
        ],
        effort="medium",
        group=(1, 50),
        en={
            "name": "Community reporting",
            "purpose": "People tell their own stories about a service, in their own words. "
            "Trained community reporters, often from the same group, collect these stories "
            "from their peers. The stories show what living with the service is really like.",
            "when": "At the start, to find out what matters to people. Again later, to hear "
            "what has changed.",
            "steps": [
                "Train a few people as community reporters: asking one open question, "
                "listening, recording.",
                "Agree on the open question, for example: what happened when you asked for help?",
                "Gather stories where people are: short snapshots, talks between peers or "
                "longer personal stories. Ask for consent every time.",
                "Read or watch the stories together. Note what comes back often and what "
                "surprises you.",
                "Share what you found: a short report, a set of clips or a map.",
                "Use the stories to start change, for example in a Conversation of Change.",
            ],
            "tips": [
                "Let people decide what they tell. Do not steer them towards the answer you "
                "hope for.",
                "Write down clearly what each storyteller agreed to: where the story may be "
                "shown and for how long.",
                "Tell storytellers what happened with their story.",
            ],
            "needs": [
                "Community reporters with a short training",
                "Phones or simple recorders",
                "Consent forms",
                "Time to listen to the stories together",
            ],
            "duration": "Some weeks to gather; one or two sessions to make sense of the stories",
        },
        nl={
            "name": "Community reporting",
            "purpose": "Mensen vertellen in hun eigen woorden hun verhaal over een dienst. "
            "Getrainde community reporters, vaak uit dezelfde groep, halen die verhalen op bij "
            "anderen. Zo zie je hoe het leven met de dienst echt is.",
            "when": "Aan het begin, om te ontdekken wat voor mensen belangrijk is. Later "
            "opnieuw, om te horen wat er veranderd is.",
            "steps": [
                "Train een paar mensen als community reporter: één open vraag stellen, "
                "luisteren, opnemen.",
                "Kies samen de open vraag, bijvoorbeeld: wat gebeurde er toen je om hulp vroeg?",
                "Haal verhalen op waar mensen zijn: korte momentopnames, gesprekken tussen "
                "mensen onderling of langere persoonlijke verhalen. Vraag elke keer "
                "toestemming.",
                "Lees of bekijk de verhalen samen. Noteer wat vaak terugkomt en wat je verrast.",
                "Deel wat je vond: een kort verslag, een reeks fragmenten of een kaart.",
                "Gebruik de verhalen om iets te veranderen, bijvoorbeeld in een gesprek voor "
                "verandering.",
            ],
            "tips": [
                "Laat mensen zelf kiezen wat ze vertellen. Stuur niet naar het antwoord dat je "
                "hoopt te horen.",
                "Schrijf duidelijk op waar iemand mee instemt: waar het verhaal te zien is en "
                "hoe lang.",
                "Vertel de vertellers wat er met hun verhaal is gebeurd.",
            ],
            "needs": [
                "Community reporters met een korte training",
                "Telefoons of eenvoudige opnameapparaten",
                "Toestemmingsformulieren",
                "Tijd om samen naar de verhalen te luisteren",
            ],
            "duration": "Een paar weken om op te halen; een of twee sessies om de verhalen te "
            "duiden",
        },
    ),
    _method(
        "conversation_of_change",
        "stories",
        phases=["co_design", "co_decision", "co_evaluation"],
        elements=[
            "power_shift",
            "not_consultation",
            "empathy",
            "get_talking",
            "openness",
            "continuous_evaluation",
        ],
        effort="medium",
        group=(8, 40),
        en={
            "name": "Conversation of Change",
            "purpose": "A meeting where the people who told their stories and the people "
            "who run the service listen to the stories together. They agree on what must "
            "change first and who does what.",
            "when": "After stories have been gathered and sorted into themes, when it is time "
            "to turn them into action.",
            "steps": [
                "Choose a few stories that show the main themes. Check the consent of each.",
                "Invite storytellers, staff, managers and partners. Aim for a mix.",
                "Show or read the stories. Give everyone time to react, in small groups first.",
                "Ask per theme: what do we recognise, what surprises us, what should change?",
                "Agree on two or three priorities, each with an owner and a date.",
                "Send everyone a short report and come back later to check progress.",
            ],
            "tips": [
                "Seat storytellers and decision makers at the same tables.",
                "A good host keeps the talk on the stories, not on defending the service.",
                "Fewer actions that really happen are better than a long wish list.",
            ],
            "needs": [
                "Stories with consent to show them",
                "A room with small tables",
                "A host who stays neutral",
                "Someone to write down the agreements",
            ],
            "duration": "Two to three hours",
        },
        nl={
            "name": "Gesprek voor verandering",
            "purpose": "Een bijeenkomst waarin de mensen die hun verhaal vertelden en de "
            "mensen die de dienst uitvoeren samen naar de verhalen luisteren. Ze spreken af "
            "wat eerst moet veranderen en wie wat doet.",
            "when": "Als er verhalen zijn opgehaald en in thema's geordend, en het tijd is om "
            "er iets mee te doen.",
            "steps": [
                "Kies een paar verhalen die de belangrijkste thema's laten zien. Controleer "
                "bij elk verhaal de toestemming.",
                "Nodig vertellers, medewerkers, leidinggevenden en partners uit. Zorg voor een "
                "goede mix.",
                "Laat de verhalen zien of lees ze voor. Geef iedereen tijd om te reageren, "
                "eerst in kleine groepjes.",
                "Vraag per thema: wat herkennen we, wat verrast ons, wat moet er anders?",
                "Kies samen twee of drie dingen die voorgaan, elk met een eigenaar en een datum.",
                "Stuur iedereen een kort verslag en kom later terug om te kijken hoe het gaat.",
            ],
            "tips": [
                "Zet vertellers en beslissers aan dezelfde tafels.",
                "Een goede gespreksleider houdt het gesprek bij de verhalen, niet bij het "
                "verdedigen van de dienst.",
                "Liever een paar acties die echt gebeuren dan een lange wensenlijst.",
            ],
            "needs": [
                "Verhalen met toestemming om ze te laten zien",
                "Een zaal met kleine tafels",
                "Een gespreksleider die neutraal blijft",
                "Iemand die de afspraken opschrijft",
            ],
            "duration": "Twee tot drie uur",
        },
    ),
    # Service modelling ----------------------------------------------------------------------
    _method(
        "cosmos",
        "modelling",
        phases=["co_initiation", "co_design", "co_evaluation"],
        elements=[
            "not_linear",
            "services_evolve",
            "share_power_risk",
            "continuous_evaluation",
            "openness",
        ],
        effort="high",
        group=(4, 20),
        en={
            "name": "COSMOS service models",
            "purpose": "Everyone involved answers the same short questionnaire about the "
            "service. The answers become simple pictures of the service: who does what, "
            "what is supposed to cause change, what people value. The group uses the "
            "pictures to talk about where views differ.",
            "when": "When partners see the service in different ways, or before and after a "
            "change, to see what moved.",
            "steps": [
                "Decide which service or change you want to model and who should answer.",
                "Let each party fill in the questionnaire: citizens, staff, managers, partners.",
                "Turn the answers into the models: roles, the chain of change, the user journey.",
                "Put the models side by side in a meeting. Where do the pictures differ?",
                "Agree on what to change, and model again later to see if it worked.",
            ],
            "tips": [
                "The models start a conversation; they are not the final truth.",
                "Make sure citizens answer too, not only professionals.",
                "Keep the questionnaire short enough for a busy person.",
            ],
            "needs": [
                "The COSMOS questionnaire",
                "Someone who can turn the answers into models",
                "A meeting to discuss the models",
            ],
            "duration": "Two to four weeks, including one meeting of half a day",
        },
        nl={
            "name": "COSMOS-dienstmodellen",
            "purpose": "Iedereen die betrokken is vult dezelfde korte vragenlijst over de "
            "dienst in. De antwoorden worden eenvoudige plaatjes van de dienst: wie doet wat, "
            "wat moet verandering brengen, wat vinden mensen belangrijk. De groep gebruikt de "
            "plaatjes om te praten over verschillen in hoe mensen het zien.",
            "when": "Als partners de dienst verschillend zien, of voor en na een verandering, "
            "om te zien wat er verschoof.",
            "steps": [
                "Bepaal welke dienst of verandering je in beeld brengt en wie de vragen "
                "beantwoordt.",
                "Laat elke partij de vragenlijst invullen: inwoners, medewerkers, "
                "leidinggevenden, partners.",
                "Maak van de antwoorden de modellen: rollen, de keten van verandering, de "
                "klantreis.",
                "Leg de modellen in een bijeenkomst naast elkaar. Waar verschillen de plaatjes?",
                "Spreek af wat je verandert, en maak later opnieuw de modellen om te zien of "
                "het werkte.",
            ],
            "tips": [
                "De modellen openen het gesprek; ze zijn niet de enige waarheid.",
                "Zorg dat ook inwoners de vragen beantwoorden, niet alleen professionals.",
                "Houd de vragenlijst kort genoeg voor iemand die het druk heeft.",
            ],
            "needs": [
                "De COSMOS-vragenlijst",
                "Iemand die van de antwoorden modellen kan maken",
                "Een bijeenkomst om de modellen te bespreken",
            ],
            "duration": "Twee tot vier weken, met één bijeenkomst van een halve dag",
        },
    ),
    # Data and social media --------------------------------------------------------------------
    _method(
        "social_media_analysis",
        "data",
        phases=["co_initiation", "co_evaluation"],
        elements=["hard_to_engage", "fitted_to_context", "empathy"],
        effort="high",
        group=(1, 5),
        en={
            "name": "Social media analysis",
            "purpose": "Look at what people say in public online places about a service or a "
            "topic: which themes come up, how people feel, how this changes over time. It "
            "helps you hear groups that rarely come to meetings.",
            "when": "To explore a topic before you invite people, or to follow how opinions "
            "change during the project.",
            "steps": [
                "Choose the question and the public sources: forums, groups, hashtags.",
                "Check the rules: only public posts, no personal profiles, store as little as "
                "possible.",
                "Collect posts for a fixed period.",
                "Look for themes and feelings, with software and by reading samples yourself.",
                "Discuss the results with people from the group itself: do they recognise them?",
            ],
            "tips": [
                "Online voices are not everyone: combine this with talks and stories.",
                "Remove names and details that could identify someone.",
                "Explain in plain words how you worked.",
            ],
            "needs": [
                "A privacy check",
                "Analysis software or a data analyst",
                "People from the group to check the findings",
            ],
            "duration": "Two to six weeks",
        },
        nl={
            "name": "Analyse van sociale media",
            "purpose": "Kijk wat mensen op openbare plekken online zeggen over een dienst of "
            "onderwerp: welke thema's er spelen, hoe mensen zich voelen en hoe dat verandert. "
            "Zo hoor je ook groepen die zelden naar bijeenkomsten komen.",
            "when": "Om een onderwerp te verkennen voordat je mensen uitnodigt, of om te "
            "volgen hoe meningen tijdens het project veranderen.",
            "steps": [
                "Kies de vraag en de openbare bronnen: fora, groepen, hashtags.",
                "Controleer de regels: alleen openbare berichten, geen persoonlijke profielen, "
                "zo weinig mogelijk bewaren.",
                "Verzamel berichten over een vaste periode.",
                "Zoek thema's en gevoelens, met software en door zelf voorbeelden te lezen.",
                "Bespreek de uitkomsten met mensen uit de groep zelf: herkennen ze het?",
            ],
            "tips": [
                "Online stemmen zijn niet iedereen: combineer dit met gesprekken en verhalen.",
                "Haal namen en details weg waaraan iemand te herkennen is.",
                "Leg in gewone woorden uit hoe je hebt gewerkt.",
            ],
            "needs": [
                "Een privacytoets",
                "Analysesoftware of een data-analist",
                "Mensen uit de groep die de uitkomsten controleren",
            ],
            "duration": "Twee tot zes weken",
        },
    ),
    _method(
        "open_data",
        "data",
        phases=["co_initiation", "co_implementation", "co_evaluation"],
        elements=["fitted_to_context", "new_resources", "continuous_evaluation", "openness"],
        effort="medium",
        group=(1, 12),
        en={
            "name": "Open data analysis",
            "purpose": "Use figures that are already public, such as statistics about a "
            "neighbourhood, to understand the situation and to follow what changes. Looking "
            "at the data together with residents makes it easier to trust.",
            "when": "To describe the starting point, to choose where to act, and to measure "
            "an experiment.",
            "steps": [
                "Write down what you want to know, in one or two questions.",
                "Find open data that fits: from the city, the statistics office or partners.",
                "Make simple tables or maps. Leave out what you cannot explain.",
                "Look at them with residents and staff: what do they see, what is missing?",
                "Agree which figures you will follow, and publish them regularly.",
            ],
            "tips": [
                "Figures never tell the whole story: add what people say about them.",
                "Small areas can make people recognisable; group the numbers if needed.",
            ],
            "needs": ["Access to open data", "Someone who can make simple charts"],
            "duration": "One to three weeks, then a short update now and then",
        },
        nl={
            "name": "Analyse van open data",
            "purpose": "Gebruik cijfers die al openbaar zijn, zoals statistieken over een "
            "wijk, om de situatie te begrijpen en te volgen wat verandert. Als je de cijfers "
            "samen met bewoners bekijkt, worden ze beter vertrouwd.",
            "when": "Om het beginpunt te beschrijven, om te kiezen waar je iets doet en om een "
            "proef te meten.",
            "steps": [
                "Schrijf op wat je wilt weten, in een of twee vragen.",
                "Zoek open data die past: van de gemeente, het statistiekbureau of partners.",
                "Maak eenvoudige tabellen of kaarten. Laat weg wat je niet kunt uitleggen.",
                "Bekijk ze met bewoners en medewerkers: wat zien zij, wat ontbreekt er?",
                "Spreek af welke cijfers je volgt, en maak ze regelmatig bekend.",
            ],
            "tips": [
                "Cijfers vertellen nooit het hele verhaal: voeg toe wat mensen erover zeggen.",
                "In kleine gebieden kunnen mensen herkenbaar worden; voeg dan cijfers samen.",
            ],
            "needs": ["Toegang tot open data", "Iemand die eenvoudige grafieken kan maken"],
            "duration": "Een tot drie weken, daarna af en toe een korte update",
        },
    ),
    # Design techniques -------------------------------------------------------------------------
    _method(
        "personas",
        "design",
        phases=["co_initiation", "co_design"],
        elements=["hard_to_engage", "fitted_to_context", "empathy"],
        effort="low",
        group=(3, 15),
        en={
            "name": "Personas and profiles",
            "purpose": "Make a few imagined but realistic people, based on real stories and "
            "data. Each profile has a name, a situation, needs and worries. They help a team "
            "keep the real users in mind while designing.",
            "when": "After you have gathered stories, before you start designing.",
            "steps": [
                "Read the stories and notes and group people who face similar situations.",
                "Write three to five profiles: who they are, what they need, what gets in the way.",
                "Add a quote in their own words, taken from the stories with consent.",
                "Check the profiles with people from the group: do they feel true?",
                "Use them in design sessions: what would this change mean for her or him?",
            ],
            "tips": [
                "Base every profile on real material, not on what the team assumes.",
                "Avoid stereotypes; include strengths, not only problems.",
            ],
            "needs": ["Stories or interviews", "Large paper or a template", "Pens"],
            "duration": "Half a day",
        },
        nl={
            "name": "Persona's en profielen",
            "purpose": "Maak een paar bedachte maar realistische mensen, gebaseerd op echte "
            "verhalen en gegevens. Elk profiel heeft een naam, een situatie, behoeften en "
            "zorgen. Zo houdt een team bij het ontwerpen de echte gebruikers voor ogen.",
            "when": "Nadat je verhalen hebt opgehaald en voordat je gaat ontwerpen.",
            "steps": [
                "Lees de verhalen en aantekeningen en groepeer mensen in een vergelijkbare "
                "situatie.",
                "Schrijf drie tot vijf profielen: wie ze zijn, wat ze nodig hebben, wat in de "
                "weg zit.",
                "Voeg een citaat in hun eigen woorden toe, uit de verhalen en met toestemming.",
                "Toets de profielen bij mensen uit de groep: kloppen ze?",
                "Gebruik ze in ontwerpsessies: wat betekent deze verandering voor haar of hem?",
            ],
            "tips": [
                "Baseer elk profiel op echt materiaal, niet op wat het team denkt.",
                "Vermijd stereotypen; noem ook sterke kanten, niet alleen problemen.",
            ],
            "needs": ["Verhalen of interviews", "Groot papier of een sjabloon", "Stiften"],
            "duration": "Een halve dag",
        },
    ),
    _method(
        "journey_map",
        "design",
        phases=["co_design", "co_evaluation"],
        elements=["hard_to_engage", "services_evolve", "fitted_to_context", "empathy"],
        effort="medium",
        group=(4, 15),
        en={
            "name": "User journey map",
            "purpose": "Draw, step by step, what a person goes through when they use a "
            "service, from the first question to the end. For each step you mark how it "
            "felt. The low points show where to improve.",
            "when": "When you want to understand where a service goes wrong for people, and "
            "to test a new design.",
            "steps": [
                "Choose one person or profile and one situation, for example applying for support.",
                "Draw the steps on a long sheet: every contact, letter, wait and visit.",
                "Ask the person or group to rate each step from very bad to very good, and why.",
                "Mark the low points and the moments where people drop out.",
                "Choose the low points to work on first and sketch a better journey.",
            ],
            "tips": [
                "Draw the journey with the people who made it, not about them.",
                "Include the steps outside the office: travel, waiting, talking to family.",
            ],
            "needs": ["A long roll of paper or a wall", "Sticky notes in two colours", "Pens"],
            "duration": "Two to three hours",
        },
        nl={
            "name": "Klantreis",
            "purpose": "Teken stap voor stap wat iemand meemaakt bij het gebruik van een "
            "dienst, van de eerste vraag tot het einde. Bij elke stap geef je aan hoe het "
            "voelde. De dieptepunten laten zien wat beter moet.",
            "when": "Als je wilt begrijpen waar een dienst voor mensen misgaat, en om een "
            "nieuw ontwerp te testen.",
            "steps": [
                "Kies één persoon of profiel en één situatie, bijvoorbeeld steun aanvragen.",
                "Teken de stappen op een lang vel: elk contact, elke brief, elke wachttijd en "
                "elk bezoek.",
                "Vraag de persoon of groep om elke stap een cijfer te geven, van heel slecht "
                "tot heel goed, en waarom.",
                "Markeer de dieptepunten en de momenten waarop mensen afhaken.",
                "Kies aan welke dieptepunten je eerst werkt en schets een betere reis.",
            ],
            "tips": [
                "Teken de reis met de mensen die hem maakten, niet over hen.",
                "Neem ook de stappen buiten het kantoor mee: reizen, wachten, praten met familie.",
            ],
            "needs": [
                "Een lange rol papier of een muur",
                "Plakbriefjes in twee kleuren",
                "Stiften",
            ],
            "duration": "Twee tot drie uur",
        },
    ),
    _method(
        "service_blueprint",
        "design",
        phases=["co_design", "co_implementation"],
        elements=["services_evolve", "share_power_risk", "new_resources"],
        effort="medium",
        group=(4, 12),
        en={
            "name": "Service blueprint",
            "purpose": "A map of a service in layers: what the citizen does, what staff do "
            "in front of them, what happens behind the scenes and which systems and rules "
            "support it. It shows what must change inside the organisation to make a better "
            "journey possible.",
            "when": "After a journey map, when you plan how to put a new design into practice.",
            "steps": [
                "Start from the journey: write the citizen's steps along the top.",
                "Under each step, add what front-line staff do.",
                "Below that, add the work behind the scenes: back office, partners, IT.",
                "Add the rules, budgets and systems each step depends on.",
                "Mark where things get stuck and agree who can change what.",
            ],
            "tips": [
                "Invite people from the back office too: they know where things get stuck.",
                "Keep the citizen's steps at the top so the talk stays about them.",
            ],
            "needs": ["A journey map", "A wall with sticky notes or a template"],
            "duration": "Half a day",
        },
        nl={
            "name": "Service blueprint",
            "purpose": "Een kaart van een dienst in lagen: wat de inwoner doet, wat "
            "medewerkers aan de voorkant doen, wat er achter de schermen gebeurt en welke "
            "systemen en regels dat steunen. Zo zie je wat er binnen de organisatie moet "
            "veranderen voor een betere klantreis.",
            "when": "Na een klantreis, als je plant hoe je een nieuw ontwerp in de praktijk "
            "brengt.",
            "steps": [
                "Begin bij de klantreis: schrijf bovenaan de stappen van de inwoner.",
                "Zet onder elke stap wat medewerkers aan de voorkant doen.",
                "Zet daaronder het werk achter de schermen: backoffice, partners, ICT.",
                "Voeg de regels, budgetten en systemen toe waar elke stap van afhangt.",
                "Markeer waar het vastloopt en spreek af wie wat kan veranderen.",
            ],
            "tips": [
                "Nodig ook mensen van de backoffice uit: zij weten waar het vastloopt.",
                "Houd de stappen van de inwoner bovenaan, zodat het gesprek over hen blijft gaan.",
            ],
            "needs": ["Een klantreis", "Een muur met plakbriefjes of een sjabloon"],
            "duration": "Een halve dag",
        },
    ),
    _method(
        "stakeholder_map",
        "design",
        phases=["co_initiation"],
        elements=["snowball", "relationships_first", "strengths_based", "hard_to_engage"],
        effort="low",
        group=(3, 15),
        en={
            "name": "Stakeholder map",
            "purpose": "A drawing of everyone who matters to the service: people, groups and "
            "organisations, how close they are and how they are connected. It shows who is "
            "missing and who could bring others in.",
            "when": "At the very start, and again whenever new people join.",
            "steps": [
                "Write the service in the middle of a large sheet.",
                "Add everyone involved: users, relatives, staff, partners, local groups.",
                "Place them closer or further away by how much they are involved now.",
                "Draw lines for relationships and note what each can offer.",
                "Ask: who is missing? Who knows them? Plan how to reach them.",
            ],
            "tips": [
                "Do it with citizens too: they know people the organisation does not.",
                "Keep the map and update it; it grows like a snowball.",
            ],
            "needs": ["Large paper or a whiteboard", "Sticky notes", "Pens"],
            "duration": "One to two hours",
        },
        nl={
            "name": "Stakeholderkaart",
            "purpose": "Een tekening van iedereen die ertoe doet voor de dienst: mensen, "
            "groepen en organisaties, hoe dichtbij ze staan en hoe ze verbonden zijn. Je ziet "
            "wie er ontbreekt en wie anderen kan meenemen.",
            "when": "Helemaal aan het begin, en opnieuw als er nieuwe mensen bijkomen.",
            "steps": [
                "Schrijf de dienst in het midden van een groot vel.",
                "Zet iedereen erop die betrokken is: gebruikers, familie, medewerkers, "
                "partners, groepen in de buurt.",
                "Zet ze dichterbij of verder weg, naar hoe betrokken ze nu zijn.",
                "Trek lijnen voor relaties en schrijf op wat ieder kan bijdragen.",
                "Vraag: wie ontbreekt er? Wie kent hen? Plan hoe je hen bereikt.",
            ],
            "tips": [
                "Doe het ook met inwoners: zij kennen mensen die de organisatie niet kent.",
                "Bewaar de kaart en werk hem bij; hij groeit als een sneeuwbal.",
            ],
            "needs": ["Groot papier of een whiteboard", "Plakbriefjes", "Stiften"],
            "duration": "Een tot twee uur",
        },
    ),
    _method(
        "design_thinking",
        "design",
        phases=["co_design"],
        elements=["not_linear", "empathy", "equality", "fitted_to_context"],
        effort="medium",
        group=(6, 30),
        en={
            "name": "Design thinking session",
            "purpose": "A working session in which citizens and staff go through understanding "
            "the problem, coming up with many ideas, choosing some and making quick, simple "
            "prototypes to try out.",
            "when": "When you know what the problem is and want new ideas to solve it together.",
            "steps": [
                "Start with a clear question, based on stories or a journey map.",
                "Share what you know about the people concerned; add what is missing.",
                "Think of many ideas without judging them. Then choose a few together.",
                "Make a quick prototype of each: a drawing, a role play, a paper form.",
                "Test the prototypes with people who were not in the room, and improve them.",
            ],
            "tips": [
                "Mix groups: citizens, front-line staff and managers at each table.",
                "Going back a step is normal; the process is not a straight line.",
            ],
            "needs": ["A room with tables", "Paper, pens, tape and simple materials", "A host"],
            "duration": "Half a day to two days",
        },
        nl={
            "name": "Design-thinkingsessie",
            "purpose": "Een werksessie waarin inwoners en medewerkers samen het probleem "
            "begrijpen, veel ideeën bedenken, er een paar kiezen en die snel en eenvoudig "
            "uitproberen met een prototype.",
            "when": "Als je weet wat het probleem is en samen nieuwe ideeën zoekt om het op "
            "te lossen.",
            "steps": [
                "Begin met een duidelijke vraag, op basis van verhalen of een klantreis.",
                "Deel wat je weet over de mensen om wie het gaat; vul aan wat ontbreekt.",
                "Bedenk veel ideeën zonder ze te beoordelen. Kies er daarna samen een paar.",
                "Maak van elk idee snel een prototype: een tekening, een rollenspel, een "
                "papieren formulier.",
                "Test de prototypes met mensen die er niet bij waren, en verbeter ze.",
            ],
            "tips": [
                "Meng de groepen: inwoners, uitvoerende medewerkers en leidinggevenden aan "
                "elke tafel.",
                "Een stap terug is normaal; het proces is geen rechte lijn.",
            ],
            "needs": [
                "Een zaal met tafels",
                "Papier, stiften, tape en eenvoudig materiaal",
                "Een gespreksleider",
            ],
            "duration": "Een halve dag tot twee dagen",
        },
    ),
    _method(
        "idea_board",
        "design",
        phases=["co_design", "co_decision"],
        elements=["light_participation", "openness", "equality"],
        effort="low",
        group=(5, 500),
        en={
            "name": "Idea board with voting",
            "purpose": "A board, on a wall or online, where anyone can post an idea and vote "
            "for the ideas of others. It is a light way to take part and shows openly which "
            "ideas have support.",
            "when": "When you want many people to add ideas and help choose, without a meeting.",
            "steps": [
                "Write one clear question at the top of the board.",
                "Put the board where people pass, or share the link, for a fixed period.",
                "Let people add ideas and give each person a few votes.",
                "Group similar ideas and count the votes.",
                "Publish what you will do with the most popular ideas, and why.",
            ],
            "tips": [
                "Put a paper board in a public place for people who are not online.",
                "Votes show support, not a decision: say beforehand how you will decide.",
            ],
            "needs": ["A wall board with sticky dots, or an online idea round"],
            "duration": "One to four weeks",
        },
        nl={
            "name": "Ideeënbord met stemmen",
            "purpose": "Een bord, aan de muur of online, waarop iedereen een idee kan zetten "
            "en op de ideeën van anderen kan stemmen. Het is een lichte manier om mee te doen "
            "en laat open zien welke ideeën steun hebben.",
            "when": "Als je wilt dat veel mensen ideeën geven en helpen kiezen, zonder "
            "bijeenkomst.",
            "steps": [
                "Schrijf één duidelijke vraag boven aan het bord.",
                "Zet het bord waar mensen langskomen, of deel de link, voor een vaste periode.",
                "Laat mensen ideeën toevoegen en geef ieder een paar stemmen.",
                "Voeg vergelijkbare ideeën samen en tel de stemmen.",
                "Maak bekend wat je met de populairste ideeën doet, en waarom.",
            ],
            "tips": [
                "Zet een papieren bord op een openbare plek voor mensen die niet online zijn.",
                "Stemmen tonen steun, geen besluit: zeg vooraf hoe je beslist.",
            ],
            "needs": ["Een bord met stickers, of een online ideeënronde"],
            "duration": "Een tot vier weken",
        },
    ),
    # Events and meetings -------------------------------------------------------------------------
    _method(
        "open_space",
        "events",
        phases=["co_initiation", "co_design"],
        elements=["power_shift", "equality", "not_consultation", "get_talking"],
        effort="medium",
        group=(15, 200),
        en={
            "name": "Open Space",
            "purpose": "A meeting without a fixed agenda. Participants put forward the topics "
            "they care about and run the talks themselves. The people who come decide what "
            "is discussed.",
            "when": "At the start, to find out which themes matter to people, or when a "
            "complex question needs many voices.",
            "steps": [
                "Choose a broad, open theme and invite everyone concerned.",
                "Sit in a circle. Explain the few simple rules.",
                "Anyone can propose a topic and choose a time and a place for it.",
                "People join the talks they like and move when they want.",
                "Each group writes down its results; at the end, the circle shares them.",
            ],
            "tips": [
                "Trust the group: the host keeps time and space but does not steer content.",
                "Collect the notes and send them to everyone the same week.",
            ],
            "needs": ["A large room and some smaller spaces", "A wall for the timetable"],
            "duration": "Half a day to two days",
        },
        nl={
            "name": "Open Space",
            "purpose": "Een bijeenkomst zonder vaste agenda. Deelnemers brengen zelf de "
            "onderwerpen in die hen raken en leiden zelf de gesprekken. Wie komt, bepaalt "
            "waarover het gaat.",
            "when": "Aan het begin, om te ontdekken welke thema's voor mensen belangrijk zijn, "
            "of als een ingewikkelde vraag veel stemmen nodig heeft.",
            "steps": [
                "Kies een breed, open thema en nodig iedereen uit om wie het gaat.",
                "Ga in een kring zitten. Leg de paar eenvoudige regels uit.",
                "Iedereen kan een onderwerp inbrengen en er een tijd en plek voor kiezen.",
                "Mensen doen mee aan de gesprekken die ze willen en lopen door wanneer ze willen.",
                "Elke groep schrijft zijn uitkomsten op; aan het eind deelt de kring ze.",
            ],
            "tips": [
                "Vertrouw de groep: de gespreksleider bewaakt tijd en ruimte, niet de inhoud.",
                "Verzamel de verslagen en stuur ze dezelfde week naar iedereen.",
            ],
            "needs": ["Een grote zaal en een paar kleinere ruimtes", "Een muur voor het rooster"],
            "duration": "Een halve dag tot twee dagen",
        },
    ),
    _method(
        "social_hackathon",
        "events",
        phases=["co_design", "co_implementation"],
        elements=["new_resources", "share_power_risk", "get_talking", "strengths_based"],
        effort="high",
        group=(20, 120),
        en={
            "name": "Social hackathon",
            "purpose": "An event of about two days in which mixed teams of citizens, staff, "
            "businesses and students work out an idea for a social problem, helped by "
            "mentors. The teams present their plans at the end.",
            "when": "When you want fresh solutions and new partners, and can support the best "
            "ideas afterwards.",
            "steps": [
                "Choose a few concrete challenges, written with the people concerned.",
                "Invite a broad mix of people and find mentors with different skills.",
                "Start with short pitches of ideas. Form teams with people from different groups.",
                "Let teams work, with mentors checking in regularly.",
                "Teams present to a jury that includes citizens. Agree how the best ideas "
                "will be supported.",
                "Follow up with the teams in the weeks after.",
            ],
            "tips": [
                "Only let an idea go on if its team mixes citizens and professionals.",
                "Plan the follow-up before the event: keeping ideas alive is the hard part.",
            ],
            "needs": [
                "A venue for two days",
                "Mentors",
                "Food and drinks",
                "Some budget or support for the winning ideas",
            ],
            "duration": "About 48 hours, plus weeks of preparation and follow-up",
        },
        nl={
            "name": "Sociale hackathon",
            "purpose": "Een evenement van ongeveer twee dagen waarin gemengde teams van "
            "inwoners, medewerkers, bedrijven en studenten een idee uitwerken voor een "
            "maatschappelijk probleem, met hulp van mentoren. Aan het eind presenteren de "
            "teams hun plan.",
            "when": "Als je nieuwe oplossingen en nieuwe partners zoekt, en de beste ideeën "
            "daarna kunt steunen.",
            "steps": [
                "Kies een paar concrete uitdagingen, geschreven samen met de mensen om wie het "
                "gaat.",
                "Nodig een brede mix van mensen uit en zoek mentoren met verschillende kennis.",
                "Begin met korte pitches van ideeën. Vorm teams met mensen uit verschillende "
                "groepen.",
                "Laat de teams werken; mentoren komen regelmatig langs.",
                "Teams presenteren aan een jury met ook inwoners erin. Spreek af hoe de beste "
                "ideeën steun krijgen.",
                "Blijf de teams in de weken erna volgen.",
            ],
            "tips": [
                "Laat een idee alleen doorgaan als het team inwoners en professionals mengt.",
                "Plan het vervolg vóór het evenement: ideeën levend houden is het moeilijkste "
                "deel.",
            ],
            "needs": [
                "Een locatie voor twee dagen",
                "Mentoren",
                "Eten en drinken",
                "Wat budget of steun voor de winnende ideeën",
            ],
            "duration": "Ongeveer 48 uur, plus weken voorbereiding en vervolg",
        },
    ),
    _method(
        "public_lab",
        "events",
        phases=["co_design", "co_implementation"],
        elements=["openness", "get_talking", "new_resources", "services_evolve"],
        effort="medium",
        group=(10, 80),
        en={
            "name": "Public lab",
            "purpose": "An open working session where citizens, professionals and local "
            "organisations test a new idea or tool together in public, such as an app or a "
            "new way of working, and improve it on the spot.",
            "when": "When a first version of a solution exists and you want many people to "
            "try it and shape it.",
            "steps": [
                "Prepare a simple version of the idea that people can try.",
                "Invite widely and hold the lab in an accessible public place.",
                "Let people try it in small groups, with a guide at each table.",
                "Collect reactions: what works, what is unclear, what is missing.",
                "Show what you will change, and invite people to the next round.",
            ],
            "tips": [
                "Show something unfinished: people help more when they can still change it.",
                "Make it easy to drop in for a short time.",
            ],
            "needs": ["A public space", "A working prototype", "Guides for the tables"],
            "duration": "Two to four hours, repeated",
        },
        nl={
            "name": "Publiek lab",
            "purpose": "Een open werksessie waarin inwoners, professionals en organisaties uit "
            "de buurt samen en in het openbaar een nieuw idee of hulpmiddel testen, zoals een "
            "app of een nieuwe werkwijze, en het ter plekke verbeteren.",
            "when": "Als er een eerste versie van een oplossing is en je wilt dat veel mensen "
            "hem uitproberen en mee vormgeven.",
            "steps": [
                "Maak een eenvoudige versie van het idee die mensen kunnen uitproberen.",
                "Nodig breed uit en houd het lab op een toegankelijke openbare plek.",
                "Laat mensen het in kleine groepjes proberen, met een begeleider per tafel.",
                "Verzamel reacties: wat werkt, wat is onduidelijk, wat ontbreekt?",
                "Laat zien wat je gaat veranderen, en nodig mensen uit voor de volgende ronde.",
            ],
            "tips": [
                "Laat iets onafs zien: mensen helpen meer als ze het nog kunnen veranderen.",
                "Maak het makkelijk om even binnen te lopen.",
            ],
            "needs": ["Een openbare ruimte", "Een werkend prototype", "Begeleiders voor de tafels"],
            "duration": "Twee tot vier uur, vaker herhaald",
        },
    ),
    _method(
        "focus_group",
        "events",
        phases=["co_initiation", "co_evaluation"],
        elements=["empathy", "continuous_evaluation", "get_talking"],
        effort="low",
        group=(5, 10),
        en={
            "name": "Focus group",
            "purpose": "A guided talk with a small group of people who share an experience, "
            "about a few questions. You hear why people think what they think, and what they "
            "have in common.",
            "when": "To explore a topic in depth, or to hear how a change worked out for a group.",
            "steps": [
                "Write four or five open questions.",
                "Invite six to ten people with a similar experience; offer a small thank-you.",
                "Explain what happens with what is said, and ask for consent.",
                "Lead the talk: ask, listen, and invite quiet people to speak.",
                "Summarise the main points and check them with the group.",
            ],
            "tips": [
                "Meet in a place where people feel at home, not in the office.",
                "A focus group listens; make clear what people can still influence.",
            ],
            "needs": ["A quiet room", "A host and someone taking notes", "Coffee and tea"],
            "duration": "One and a half to two hours",
        },
        nl={
            "name": "Focusgroep",
            "purpose": "Een geleid gesprek met een kleine groep mensen met een gedeelde "
            "ervaring, over een paar vragen. Je hoort waarom mensen denken wat ze denken, en "
            "wat ze delen.",
            "when": "Om een onderwerp grondig te verkennen, of om te horen hoe een verandering "
            "voor een groep uitpakte.",
            "steps": [
                "Schrijf vier of vijf open vragen.",
                "Nodig zes tot tien mensen met een vergelijkbare ervaring uit; geef een klein "
                "bedankje.",
                "Leg uit wat er gebeurt met wat er gezegd wordt, en vraag toestemming.",
                "Leid het gesprek: vraag, luister en nodig stille mensen uit om iets te zeggen.",
                "Vat de belangrijkste punten samen en toets ze bij de groep.",
            ],
            "tips": [
                "Kom samen op een plek waar mensen zich thuis voelen, niet op kantoor.",
                "Een focusgroep luistert; maak duidelijk waarop mensen nog invloed hebben.",
            ],
            "needs": [
                "Een rustige ruimte",
                "Een gespreksleider en iemand die aantekeningen maakt",
                "Koffie en thee",
            ],
            "duration": "Anderhalf tot twee uur",
        },
    ),
    _method(
        "sensemaking_dialogue",
        "evaluation",
        phases=["co_design", "co_evaluation"],
        elements=[
            "continuous_evaluation",
            "not_linear",
            "empathy",
            "equality",
            "staff_competences",
        ],
        effort="medium",
        group=(6, 20),
        staff_learning=True,
        en={
            "name": "Sensemaking dialogue",
            "purpose": "A series of talks in which service users, staff and managers look "
            "together at what happens in practice: experiences, figures, stories. They work "
            "out what it means and what to try next, as equals.",
            "when": "During the whole project, as a regular moment to learn together, for "
            "example in a living lab.",
            "steps": [
                "Bring a mixed group together on a regular basis, for example every month.",
                "Bring material: a few stories, figures or observations from recent weeks.",
                "Ask: what do we see? What could it mean? What surprises us?",
                "Agree on one small thing to try before the next meeting.",
                "Start the next meeting with what happened with that try.",
            ],
            "tips": [
                "Everyone's view counts the same; the manager is not the one who decides "
                "the meaning.",
                "Keep a simple log of what the group learnt over time.",
            ],
            "needs": ["A regular meeting place", "Recent material to talk about", "A host"],
            "duration": "Two hours, repeated regularly",
        },
        nl={
            "name": "Betekenisgevende dialoog",
            "purpose": "Een reeks gesprekken waarin gebruikers, medewerkers en leidinggevenden "
            "samen kijken naar wat er in de praktijk gebeurt: ervaringen, cijfers, verhalen. "
            "Als gelijken bedenken ze wat het betekent en wat ze nu gaan proberen.",
            "when": "Het hele project door, als vast moment om samen te leren, bijvoorbeeld in "
            "een living lab.",
            "steps": [
                "Breng regelmatig een gemengde groep samen, bijvoorbeeld elke maand.",
                "Neem materiaal mee: een paar verhalen, cijfers of waarnemingen van de "
                "afgelopen weken.",
                "Vraag: wat zien we? Wat zou het kunnen betekenen? Wat verrast ons?",
                "Spreek één klein ding af om te proberen voor de volgende keer.",
                "Begin de volgende keer met wat er met die poging gebeurde.",
            ],
            "tips": [
                "Ieders blik telt even zwaar; de leidinggevende bepaalt niet wat iets betekent.",
                "Houd eenvoudig bij wat de groep in de loop van de tijd leerde.",
            ],
            "needs": [
                "Een vaste plek om samen te komen",
                "Recent materiaal om over te praten",
                "Een gespreksleider",
            ],
            "duration": "Twee uur, regelmatig herhaald",
        },
    ),
    # Ways to reach and involve people ----------------------------------------------------------
    _method(
        "door_to_door",
        "engagement",
        phases=["co_initiation", "co_evaluation"],
        elements=["hard_to_engage", "light_participation", "relationships_first", "snowball"],
        effort="medium",
        group=(1, 4),
        en={
            "name": "Door-to-door talks",
            "purpose": "Staff or volunteers ring doorbells in a street or building and have a "
            "short talk on the doorstep. You reach people who never come to meetings, and "
            "you start a relationship.",
            "when": "At the start in a neighbourhood, and later to ask how a change works out.",
            "steps": [
                "Announce the visits with a letter or poster, in the languages people speak.",
                "Go in pairs, at different times of day, with a few simple questions.",
                "Listen more than you talk. Write down what people say, not their names.",
                "Leave a card with what happens next and how to reach you.",
                "Come back to tell people what was done with what they said.",
            ],
            "tips": [
                "A familiar face, such as a caretaker or neighbour, opens more doors.",
                "Accept a no kindly; a friendly short contact is already a start.",
            ],
            "needs": ["Two people per route", "A short list of questions", "Cards to leave"],
            "duration": "One to three evenings per building or street",
        },
        nl={
            "name": "Gesprekken aan de deur",
            "purpose": "Medewerkers of vrijwilligers bellen aan in een straat of flat en voeren "
            "een kort gesprek aan de deur. Zo bereik je mensen die nooit naar bijeenkomsten "
            "komen, en begin je een relatie.",
            "when": "Aan het begin in een wijk, en later om te vragen hoe een verandering uitpakt.",
            "steps": [
                "Kondig de bezoeken aan met een brief of poster, in de talen die mensen spreken.",
                "Ga met z'n tweeën, op verschillende tijden van de dag, met een paar eenvoudige "
                "vragen.",
                "Luister meer dan je praat. Schrijf op wat mensen zeggen, niet hun naam.",
                "Laat een kaartje achter met wat er nu gebeurt en hoe ze je bereiken.",
                "Kom terug om te vertellen wat er met hun inbreng is gedaan.",
            ],
            "tips": [
                "Een bekend gezicht, zoals de huismeester of een buur, opent meer deuren.",
                "Neem een nee vriendelijk aan; een kort en prettig contact is al een begin.",
            ],
            "needs": [
                "Twee mensen per route",
                "Een korte lijst met vragen",
                "Kaartjes om achter te laten",
            ],
            "duration": "Een tot drie avonden per flat of straat",
        },
    ),
    _method(
        "living_room",
        "engagement",
        phases=["co_initiation", "co_design", "co_decision"],
        elements=["relationships_first", "equality", "light_participation", "get_talking"],
        effort="low",
        group=(4, 12),
        en={
            "name": "Living-room meetings",
            "purpose": "A small, informal meeting at a resident's home or in a homely place "
            "in the neighbourhood. Neighbours talk with each other and with staff over coffee, "
            "as equals.",
            "when": "When people find formal meetings too far away or too stiff, and you want "
            "to talk and decide close to home.",
            "steps": [
                "Ask a resident to host, or find a homely room in the neighbourhood.",
                "Let the host invite neighbours personally.",
                "Bring something to eat and one or two questions, not a presentation.",
                "Let residents talk first; staff mainly listen and answer questions.",
                "Agree what happens next and who tells the neighbours who were not there.",
            ],
            "tips": [
                "Keep the group small so everyone gets a turn.",
                "Respect the host's home and rules.",
            ],
            "needs": ["A host and a living room", "Coffee, tea and something to eat"],
            "duration": "One and a half hours",
        },
        nl={
            "name": "Huiskamerbijeenkomsten",
            "purpose": "Een kleine, informele bijeenkomst bij een bewoner thuis of op een "
            "huiselijke plek in de buurt. Buren praten met elkaar en met medewerkers, bij een "
            "kop koffie, als gelijken.",
            "when": "Als mensen officiële bijeenkomsten te ver weg of te stijf vinden, en je "
            "dicht bij huis wilt praten en beslissen.",
            "steps": [
                "Vraag een bewoner om gastheer of gastvrouw te zijn, of zoek een huiselijke "
                "ruimte in de buurt.",
                "Laat de gastheer of gastvrouw de buren zelf uitnodigen.",
                "Neem iets te eten mee en een of twee vragen, geen presentatie.",
                "Laat bewoners eerst praten; medewerkers luisteren vooral en beantwoorden vragen.",
                "Spreek af wat er nu gebeurt en wie de buren vertelt die er niet waren.",
            ],
            "tips": [
                "Houd de groep klein, zodat iedereen aan de beurt komt.",
                "Respecteer het huis en de regels van de gastheer of gastvrouw.",
            ],
            "needs": [
                "Een gastheer of gastvrouw met een huiskamer",
                "Koffie, thee en iets lekkers",
            ],
            "duration": "Anderhalf uur",
        },
    ),
    _method(
        "phone_round",
        "engagement",
        phases=["co_initiation", "co_implementation", "co_evaluation"],
        elements=["get_talking", "light_participation", "relationships_first", "snowball"],
        effort="low",
        group=(1, 1),
        en={
            "name": "Phone round",
            "purpose": "Call people one by one for a short talk: to invite them, to ask how "
            "something went, or to keep in touch. A phone call is personal and takes little "
            "of their time.",
            "when": "To start contact, to follow up after a meeting, or to reach people who "
            "do not read letters or e-mail.",
            "steps": [
                "Make a list of people who agreed to be called.",
                "Prepare two or three questions and a short introduction.",
                "Call at times that suit people; try again on another day if needed.",
                "Write down the main points, not the whole conversation.",
                "Ask who else you should call: people often know someone.",
            ],
            "tips": [
                "Say at the start how long the call will take and keep to it.",
                "Offer a call in the person's own language where you can.",
            ],
            "needs": ["A phone", "A list with consent to call", "A short script"],
            "duration": "Five to fifteen minutes per call",
        },
        nl={
            "name": "Belronde",
            "purpose": "Bel mensen een voor een voor een kort gesprek: om ze uit te nodigen, "
            "te vragen hoe iets ging of contact te houden. Een telefoontje is persoonlijk en "
            "kost mensen weinig tijd.",
            "when": "Om contact te leggen, om na een bijeenkomst na te bellen, of om mensen te "
            "bereiken die geen brieven of e-mail lezen.",
            "steps": [
                "Maak een lijst van mensen die hebben gezegd dat je mag bellen.",
                "Bereid twee of drie vragen en een korte introductie voor.",
                "Bel op tijden die mensen uitkomen; probeer het zo nodig op een andere dag.",
                "Schrijf de belangrijkste punten op, niet het hele gesprek.",
                "Vraag wie je nog meer moet bellen: mensen kennen vaak iemand.",
            ],
            "tips": [
                "Zeg aan het begin hoe lang het gesprek duurt en houd je daaraan.",
                "Bied waar het kan een gesprek in de eigen taal aan.",
            ],
            "needs": [
                "Een telefoon",
                "Een lijst met toestemming om te bellen",
                "Een korte belinstructie",
            ],
            "duration": "Vijf tot vijftien minuten per gesprek",
        },
    ),
    _method(
        "study_circle",
        "engagement",
        phases=["co_design", "co_implementation", "co_evaluation"],
        elements=["strengths_based", "equality", "staff_competences", "empathy"],
        effort="medium",
        group=(5, 12),
        staff_learning=True,
        en={
            "name": "Study circle",
            "purpose": "A small group that meets several times to learn about a topic together "
            "and share experience. Everyone brings knowledge; there is no teacher, only a "
            "leader who keeps the process going.",
            "when": "When people, staff or citizens or both, need time to build knowledge "
            "and confidence together.",
            "steps": [
                "Choose a topic and a simple plan of four to eight meetings.",
                "Invite a small group; mixing users and staff works well.",
                "At each meeting, read or watch something short and talk about it.",
                "Link the topic to the group's own experience and questions.",
                "End with what the group wants to do or to pass on.",
            ],
            "tips": [
                "The leader asks questions rather than giving answers.",
                "Meet at the same time and place, so it becomes a habit.",
            ],
            "needs": ["Short reading or video material", "A leader", "A regular meeting place"],
            "duration": "Four to eight meetings of two hours",
        },
        nl={
            "name": "Studiekring",
            "purpose": "Een kleine groep die een paar keer bij elkaar komt om samen over een "
            "onderwerp te leren en ervaringen te delen. Iedereen brengt kennis mee; er is geen "
            "docent, alleen iemand die het proces op gang houdt.",
            "when": "Als mensen, medewerkers of inwoners of allebei, tijd nodig hebben om samen "
            "kennis en zelfvertrouwen op te bouwen.",
            "steps": [
                "Kies een onderwerp en een eenvoudig plan van vier tot acht bijeenkomsten.",
                "Nodig een kleine groep uit; gebruikers en medewerkers mengen werkt goed.",
                "Lees of bekijk elke keer iets korts en praat erover.",
                "Verbind het onderwerp met de eigen ervaring en vragen van de groep.",
                "Sluit af met wat de groep wil doen of wil doorgeven.",
            ],
            "tips": [
                "De begeleider stelt vragen in plaats van antwoorden te geven.",
                "Kom op dezelfde tijd en plek samen, zodat het een gewoonte wordt.",
            ],
            "needs": [
                "Kort lees- of kijkmateriaal",
                "Een begeleider",
                "Een vaste plek om samen te komen",
            ],
            "duration": "Vier tot acht bijeenkomsten van twee uur",
        },
    ),
    _method(
        "committee",
        "engagement",
        phases=["co_decision", "co_implementation", "co_evaluation"],
        elements=["power_shift", "share_power_risk", "not_consultation", "openness"],
        effort="medium",
        group=(5, 15),
        en={
            "name": "Citizens' committee",
            "purpose": "A standing group of citizens or service users that takes part in "
            "decisions about the service, with clear tasks and real influence. It is more "
            "than an advisory board.",
            "when": "When citizens should share decisions over a longer period, for example "
            "about priorities or a budget.",
            "steps": [
                "Agree in writing what the committee decides, what it advises on and what not.",
                "Recruit members openly, with attention to people who are rarely heard.",
                "Give members the information and support they need, and pay expenses.",
                "Hold meetings at times and places that suit the members.",
                "Publish the committee's decisions and what the organisation did with them.",
            ],
            "tips": [
                "Power without information is empty: share budgets and figures.",
                "Change some members over time so new voices come in.",
            ],
            "needs": ["Written agreements", "A secretary", "A budget for expenses"],
            "duration": "Meetings every month or two, for a year or longer",
        },
        nl={
            "name": "Bewonerscommissie",
            "purpose": "Een vaste groep inwoners of gebruikers die meebeslist over de dienst, "
            "met duidelijke taken en echte invloed. Het is meer dan een adviesraad.",
            "when": "Als inwoners voor langere tijd mee moeten beslissen, bijvoorbeeld over "
            "wat voorgaat of over een budget.",
            "steps": [
                "Leg vast waarover de commissie beslist, waarover ze adviseert en waarover niet.",
                "Zoek leden op een open manier, met aandacht voor mensen die zelden gehoord "
                "worden.",
                "Geef leden de informatie en steun die ze nodig hebben, en vergoed kosten.",
                "Vergader op tijden en plekken die de leden uitkomen.",
                "Maak de besluiten van de commissie bekend, en wat de organisatie ermee deed.",
            ],
            "tips": [
                "Invloed zonder informatie is leeg: deel budgetten en cijfers.",
                "Wissel na een tijd een deel van de leden, zodat er nieuwe stemmen bijkomen.",
            ],
            "needs": ["Schriftelijke afspraken", "Een secretaris", "Budget voor onkosten"],
            "duration": "Elke een of twee maanden een vergadering, een jaar of langer",
        },
    ),
    _method(
        "survey",
        "evaluation",
        phases=["co_initiation", "co_evaluation"],
        elements=["light_participation", "continuous_evaluation", "openness"],
        effort="low",
        group=(10, None),
        en={
            "name": "Survey",
            "purpose": "A short list of questions that many people can answer in a few "
            "minutes, on paper, by phone or online. It shows how widely a view or an "
            "experience is shared.",
            "when": "To check how common something is that you heard in stories or talks, "
            "and to measure change over time.",
            "steps": [
                "Decide what you want to know and who should answer.",
                "Write few, short questions in plain language; test them with a few people.",
                "Offer several ways to answer, and help for those who need it.",
                "Collect answers for a fixed period and remind people once.",
                "Share the results with the people who answered, and what you will do.",
            ],
            "tips": [
                "Ask the same core questions each time, so you can compare.",
                "Do not ask for names or details you do not need.",
            ],
            "needs": ["A survey tool or printed forms", "A plan for who will be asked"],
            "duration": "Two to four weeks",
        },
        nl={
            "name": "Vragenlijst",
            "purpose": "Een korte lijst vragen die veel mensen in een paar minuten kunnen "
            "beantwoorden, op papier, telefonisch of online. Zo zie je hoe breed een mening of "
            "ervaring gedeeld wordt.",
            "when": "Om te toetsen hoe vaak iets voorkomt dat je in verhalen of gesprekken "
            "hoorde, en om verandering over tijd te meten.",
            "steps": [
                "Bepaal wat je wilt weten en wie de vragen beantwoordt.",
                "Schrijf weinig en korte vragen in gewone taal; test ze bij een paar mensen.",
                "Bied meerdere manieren om te antwoorden, en hulp voor wie dat nodig heeft.",
                "Verzamel antwoorden in een vaste periode en herinner mensen één keer.",
                "Deel de uitkomsten met wie antwoordde, en wat je ermee gaat doen.",
            ],
            "tips": [
                "Stel elke keer dezelfde kernvragen, zodat je kunt vergelijken.",
                "Vraag niet naar namen of gegevens die je niet nodig hebt.",
            ],
            "needs": ["Een vragenlijstprogramma of geprinte formulieren", "Een plan wie je vraagt"],
            "duration": "Twee tot vier weken",
        },
    ),
    _method(
        "light_participation",
        "engagement",
        phases=ALL_PHASES,
        elements=["light_participation", "hard_to_engage", "snowball", "relationships_first"],
        effort="low",
        group=(1, None),
        en={
            "name": "Light ways to take part",
            "purpose": "Small, easy ways to join in, where people already are: a question "
            "on a card, a vote at the market, a chat at the school gate. Not everyone can or "
            "wants to join everything; a small step can grow into more.",
            "when": "Throughout the project, next to the bigger activities, so more people "
            "can have a say.",
            "steps": [
                "List the places where the people you want to reach already come.",
                "Think of a step that takes five minutes or less: one question, one vote, one "
                "idea.",
                "Be present there at a good time, with something simple to hand out or fill in.",
                "Offer a next step to those who want more, without pushing.",
                "Show what the small contributions led to, at the same places.",
            ],
            "tips": [
                "Go to people instead of asking them to come to you.",
                "Count light contributions as real contributions.",
            ],
            "needs": ["Cards, a poster or a simple phone link", "Someone present on the spot"],
            "duration": "Minutes per person; repeated in many places",
        },
        nl={
            "name": "Lichte manieren om mee te doen",
            "purpose": "Kleine, makkelijke manieren om mee te doen, op plekken waar mensen al "
            "zijn: een vraag op een kaartje, stemmen op de markt, een praatje bij het "
            "schoolplein. Niet iedereen kan of wil overal aan meedoen; een kleine stap kan "
            "uitgroeien tot meer.",
            "when": "Het hele project door, naast de grotere activiteiten, zodat meer mensen "
            "iets te zeggen hebben.",
            "steps": [
                "Maak een lijst van plekken waar de mensen die je wilt bereiken al komen.",
                "Bedenk een stap van vijf minuten of minder: één vraag, één stem, één idee.",
                "Wees daar op een goed moment, met iets eenvoudigs om uit te delen of in te "
                "vullen.",
                "Bied wie meer wil een volgende stap aan, zonder te duwen.",
                "Laat op dezelfde plekken zien wat de kleine bijdragen hebben opgeleverd.",
            ],
            "tips": [
                "Ga naar mensen toe in plaats van te vragen of ze naar jou komen.",
                "Tel lichte bijdragen als echte bijdragen.",
            ],
            "needs": [
                "Kaartjes, een poster of een eenvoudige link voor de telefoon",
                "Iemand die ter plekke aanwezig is",
            ],
            "duration": "Een paar minuten per persoon; herhaald op veel plekken",
        },
    ),
    _method(
        "strengths_based_plan",
        "engagement",
        phases=["co_design", "co_implementation"],
        elements=["strengths_based", "power_shift", "fitted_to_context", "share_power_risk"],
        effort="medium",
        group=(2, 4),
        en={
            "name": "Strengths-based plan",
            "purpose": "A personal plan that a person makes together with their worker, "
            "starting from what the person is good at, who supports them and what they want, "
            "not only from problems and risks.",
            "when": "In one-to-one services such as probation, social work or job coaching.",
            "steps": [
                "Start with a talk about the person's strengths, interests and people around them.",
                "Let the person name their own goals, in their own words.",
                "Agree small, concrete steps and what the worker and others will do.",
                "Write the plan together; the person keeps a copy.",
                "Review it regularly and change it when life changes.",
            ],
            "tips": [
                "Ask what has worked before, not only what went wrong.",
                "The plan belongs to the person; avoid jargon.",
            ],
            "needs": ["Time for a real conversation", "A simple plan template"],
            "duration": "One hour to start, then short reviews",
        },
        nl={
            "name": "Plan vanuit sterke kanten",
            "purpose": "Een persoonlijk plan dat iemand samen met de eigen begeleider maakt, "
            "vanuit waar de persoon goed in is, wie steunt en wat de persoon wil, en niet "
            "alleen vanuit problemen en risico's.",
            "when": "In diensten waarin je één op één werkt, zoals reclassering, "
            "maatschappelijk werk of begeleiding naar werk.",
            "steps": [
                "Begin met een gesprek over sterke kanten, interesses en mensen om de persoon "
                "heen.",
                "Laat de persoon de eigen doelen noemen, in eigen woorden.",
                "Spreek kleine, concrete stappen af en wat de begeleider en anderen doen.",
                "Schrijf het plan samen; de persoon krijgt een kopie.",
                "Kijk er regelmatig samen naar en pas het aan als het leven verandert.",
            ],
            "tips": [
                "Vraag wat eerder goed werkte, niet alleen wat misging.",
                "Het plan is van de persoon zelf; vermijd vaktaal.",
            ],
            "needs": ["Tijd voor een echt gesprek", "Een eenvoudig sjabloon voor het plan"],
            "duration": "Een uur om te beginnen, daarna korte gesprekken om bij te stellen",
        },
    ),
    _method(
        "household_plan",
        "engagement",
        phases=["co_design", "co_implementation"],
        elements=["strengths_based", "fitted_to_context", "relationships_first"],
        effort="medium",
        group=(1, 6),
        en={
            "name": "Household plan",
            "purpose": "A plan made at the kitchen table with a family: what they can grow, "
            "make, save or earn, and what help they need. It builds on the skills and "
            "resources the household already has.",
            "when": "In work on income, poverty or local economy, with families who are "
            "often only seen as receivers of help.",
            "steps": [
                "Visit the family at home and take time to get to know them.",
                "Map together what the household has: skills, land, tools, contacts.",
                "Choose one or two goals the family wants to reach this season.",
                "Agree what the family does and what support partners give.",
                "Visit again to see how it goes and adjust the plan.",
            ],
            "tips": [
                "Go with someone the family trusts, for example from the village.",
                "Celebrate small results; they build confidence.",
            ],
            "needs": ["Home visits", "A simple plan form", "Partners who can offer support"],
            "duration": "A first visit of one to two hours, then visits over a season",
        },
        nl={
            "name": "Huishoudplan",
            "purpose": "Een plan dat aan de keukentafel met een gezin wordt gemaakt: wat ze "
            "kunnen verbouwen, maken, besparen of verdienen, en welke hulp ze nodig hebben. "
            "Het bouwt op de vaardigheden en middelen die het huishouden al heeft.",
            "when": "Bij werk aan inkomen, armoede of lokale economie, met gezinnen die vaak "
            "alleen als ontvangers van hulp worden gezien.",
            "steps": [
                "Bezoek het gezin thuis en neem de tijd om elkaar te leren kennen.",
                "Breng samen in kaart wat het huishouden heeft: vaardigheden, grond, "
                "gereedschap, contacten.",
                "Kies een of twee doelen die het gezin dit seizoen wil halen.",
                "Spreek af wat het gezin doet en welke steun partners geven.",
                "Kom terug om te zien hoe het gaat en pas het plan aan.",
            ],
            "tips": [
                "Ga samen met iemand die het gezin vertrouwt, bijvoorbeeld uit het dorp.",
                "Vier kleine resultaten; ze geven zelfvertrouwen.",
            ],
            "needs": [
                "Huisbezoeken",
                "Een eenvoudig planformulier",
                "Partners die steun kunnen bieden",
            ],
            "duration": "Een eerste bezoek van een tot twee uur, daarna bezoeken gedurende een "
            "seizoen",
        },
    ),
    _method(
        "personal_budget",
        "engagement",
        phases=["co_decision", "co_implementation"],
        elements=["share_power_risk", "new_resources", "power_shift", "fitted_to_context"],
        effort="medium",
        group=(1, 2),
        en={
            "name": "Personal budget",
            "purpose": "A small amount of money that a person decides on together with their "
            "worker, to pay for something that helps them move on, such as a course, tools or "
            "travel. The person gets real say over resources.",
            "when": "When standard offers do not fit and a small, flexible amount can make a "
            "big difference.",
            "steps": [
                "Agree simple rules: what the money can be used for and the maximum.",
                "Let the person propose what would help them most, and why.",
                "Decide together quickly, without long forms.",
                "Pay directly and keep a short record.",
                "Look back together: what did it change?",
            ],
            "tips": [
                "Trust is the point: keep checks light.",
                "Speed matters; help that comes late helps less.",
            ],
            "needs": ["A small fund", "Clear, short rules", "Someone who can approve quickly"],
            "duration": "Days, not months, from request to payment",
        },
        nl={
            "name": "Persoonlijk budget",
            "purpose": "Een klein bedrag waarover iemand samen met de begeleider beslist, om "
            "iets te betalen dat helpt om verder te komen, zoals een cursus, gereedschap of "
            "reiskosten. De persoon krijgt echte zeggenschap over middelen.",
            "when": "Als het standaardaanbod niet past en een klein, flexibel bedrag een groot "
            "verschil kan maken.",
            "steps": [
                "Spreek eenvoudige regels af: waarvoor het geld mag worden gebruikt en tot "
                "welk bedrag.",
                "Laat de persoon voorstellen wat het meest zou helpen, en waarom.",
                "Beslis samen en snel, zonder lange formulieren.",
                "Betaal direct en houd kort bij wat er is uitgegeven.",
                "Kijk samen terug: wat heeft het veranderd?",
            ],
            "tips": [
                "Vertrouwen is de kern: houd controles licht.",
                "Snelheid telt; hulp die laat komt, helpt minder.",
            ],
            "needs": [
                "Een klein fonds",
                "Duidelijke, korte regels",
                "Iemand die snel kan goedkeuren",
            ],
            "duration": "Dagen, geen maanden, van aanvraag tot betaling",
        },
    ),
    # Evaluation and learning ----------------------------------------------------------------
    _method(
        "small_experiment",
        "evaluation",
        phases=["co_implementation", "co_evaluation"],
        elements=["not_linear", "services_evolve", "continuous_evaluation", "openness"],
        effort="medium",
        group=(5, 200),
        en={
            "name": "Small experiment with monitoring",
            "purpose": "Try a change on a small scale for a fixed time, measure what happens "
            "together with the people concerned, and then decide whether to keep it, change "
            "it or stop it.",
            "when": "When an idea looks good but you are not sure it works, or when people "
            "disagree about it.",
            "steps": [
                "Describe the change, the place and the period, for example three months.",
                "Agree with residents and staff what you will measure and how.",
                "Measure before you start, so you can compare.",
                "Run the experiment and share interim results openly.",
                "Look at the results together and decide what happens next.",
            ],
            "tips": [
                "An experiment that fails is also a result; say so beforehand.",
                "Combine figures with what people experience.",
            ],
            "needs": ["A clear agreement about the experiment", "A simple way to measure"],
            "duration": "Weeks to months",
        },
        nl={
            "name": "Kleine proef met meting",
            "purpose": "Probeer een verandering op kleine schaal en voor een vaste tijd, meet "
            "samen met de betrokkenen wat er gebeurt, en beslis dan of je het houdt, aanpast "
            "of stopt.",
            "when": "Als een idee goed lijkt maar je niet zeker weet of het werkt, of als "
            "mensen het er niet over eens zijn.",
            "steps": [
                "Beschrijf de verandering, de plek en de periode, bijvoorbeeld drie maanden.",
                "Spreek met bewoners en medewerkers af wat je meet en hoe.",
                "Meet voordat je begint, zodat je kunt vergelijken.",
                "Voer de proef uit en deel tussentijdse uitkomsten open.",
                "Bekijk de uitkomsten samen en beslis wat er nu gebeurt.",
            ],
            "tips": [
                "Een proef die mislukt is ook een uitkomst; zeg dat vooraf.",
                "Combineer cijfers met wat mensen ervaren.",
            ],
            "needs": ["Duidelijke afspraken over de proef", "Een eenvoudige manier van meten"],
            "duration": "Weken tot maanden",
        },
    ),
    _method(
        "action_learning",
        "evaluation",
        phases=["co_implementation", "co_evaluation"],
        elements=["staff_competences", "continuous_evaluation", "services_evolve"],
        effort="medium",
        group=(4, 8),
        staff_learning=True,
        en={
            "name": "Action learning set",
            "purpose": "A small group of colleagues meets regularly. Each time, one person "
            "brings a real problem from their work, and the others help by asking questions, "
            "not by giving advice. Everyone learns from trying and reflecting.",
            "when": "When staff need to change how they work, for example towards working "
            "with people instead of for them.",
            "steps": [
                "Form a set of four to eight people who commit to several meetings.",
                "One person presents a real problem in a few minutes.",
                "The others ask open questions that help the person think.",
                "The person chooses an action to try before the next meeting.",
                "Next time, start with what happened and what was learnt.",
            ],
            "tips": [
                "Questions, not advice: that is harder than it sounds.",
                "What is said in the set stays in the set.",
            ],
            "needs": ["A committed group", "A facilitator for the first meetings"],
            "duration": "Meetings of two to three hours, every four to six weeks",
        },
        nl={
            "name": "Actieleren in een leerset",
            "purpose": "Een kleine groep collega's komt regelmatig bij elkaar. Elke keer "
            "brengt iemand een echt probleem uit het werk in, en de anderen helpen door vragen "
            "te stellen, niet door advies te geven. Iedereen leert van proberen en "
            "terugkijken.",
            "when": "Als medewerkers anders moeten gaan werken, bijvoorbeeld met mensen in "
            "plaats van voor mensen.",
            "steps": [
                "Vorm een groep van vier tot acht mensen die een paar bijeenkomsten meedoen.",
                "Eén persoon vertelt in een paar minuten over een echt probleem.",
                "De anderen stellen open vragen die helpen nadenken.",
                "De persoon kiest iets om te proberen voor de volgende keer.",
                "Begin de volgende keer met wat er gebeurde en wat het leerde.",
            ],
            "tips": [
                "Vragen, geen advies: dat is moeilijker dan het klinkt.",
                "Wat in de groep gezegd wordt, blijft in de groep.",
            ],
            "needs": ["Een groep die zich eraan verbindt", "Een begeleider voor de eerste keren"],
            "duration": "Bijeenkomsten van twee tot drie uur, elke vier tot zes weken",
        },
    ),
    _method(
        "co_creation_training",
        "evaluation",
        phases=["co_initiation"],
        elements=["staff_competences", "power_shift", "equality", "empathy"],
        effort="medium",
        group=(6, 24),
        staff_learning=True,
        en={
            "name": "Co-creation workshop for staff",
            "purpose": "A workshop in which staff at all levels explore what co-creation asks "
            "of them: sharing power, listening, working as equals. They practise with real "
            "situations from their own work.",
            "when": "Before or early in a project, and again when new colleagues join.",
            "steps": [
                "Start with the team's own experiences: when did working with citizens go well?",
                "Discuss what changes when you work with people instead of for them.",
                "Practise with role plays: an open question, a difficult conversation.",
                "Let each person choose one thing to do differently next week.",
                "Meet again after a few weeks to share what happened.",
            ],
            "tips": [
                "Invite citizens to take part or to help lead the workshop.",
                "Include managers: a change of thinking must happen at all levels.",
            ],
            "needs": ["A trainer or experienced colleague", "Cases from the team's own work"],
            "duration": "Half a day, plus a follow-up meeting",
        },
        nl={
            "name": "Workshop samen creëren voor medewerkers",
            "purpose": "Een workshop waarin medewerkers van alle niveaus verkennen wat samen "
            "creëren van hen vraagt: macht delen, luisteren, als gelijken werken. Ze oefenen "
            "met echte situaties uit hun eigen werk.",
            "when": "Voor of vroeg in een project, en opnieuw als er nieuwe collega's komen.",
            "steps": [
                "Begin bij de eigen ervaringen van het team: wanneer ging werken met inwoners "
                "goed?",
                "Bespreek wat er verandert als je met mensen werkt in plaats van voor hen.",
                "Oefen met rollenspellen: een open vraag, een lastig gesprek.",
                "Laat ieder één ding kiezen om volgende week anders te doen.",
                "Kom na een paar weken terug om te delen wat er gebeurde.",
            ],
            "tips": [
                "Nodig inwoners uit om mee te doen of om de workshop mee te leiden.",
                "Neem leidinggevenden mee: anders denken moet op alle niveaus gebeuren.",
            ],
            "needs": ["Een trainer of ervaren collega", "Voorbeelden uit het eigen werk"],
            "duration": "Een halve dag, plus een terugkombijeenkomst",
        },
    ),
    _method(
        "shadowing",
        "evaluation",
        phases=["co_initiation", "co_design"],
        elements=["staff_competences", "empathy", "hard_to_engage", "relationships_first"],
        effort="low",
        group=(1, 2),
        staff_learning=True,
        en={
            "name": "Walking alongside",
            "purpose": "A member of staff spends part of a day with a citizen who uses the "
            "service, with their consent, to see the service through their eyes: the "
            "waiting, the forms, the travel, the other help they need.",
            "when": "When staff want to understand the experience of users, especially "
            "people the service finds hard to reach.",
            "steps": [
                "Find a citizen who is willing, through a partner or a community reporter.",
                "Agree what you will join, what stays private and how you will use what you learn.",
                "Go along and mostly watch and listen.",
                "Write down afterwards what struck you, without names.",
                "Share the lessons with your team and thank the person.",
            ],
            "tips": [
                "You are a guest: the citizen decides what you see.",
                "Offer something back, such as a fee or help with a question.",
            ],
            "needs": ["A willing citizen", "Clear agreements", "Time in the working day"],
            "duration": "Half a day to a day",
        },
        nl={
            "name": "Een dag meelopen",
            "purpose": "Een medewerker loopt met toestemming een deel van de dag mee met een "
            "inwoner die de dienst gebruikt, om de dienst door diens ogen te zien: het "
            "wachten, de formulieren, het reizen, de andere hulp die nodig is.",
            "when": "Als medewerkers de ervaring van gebruikers willen begrijpen, vooral van "
            "mensen die de dienst moeilijk bereikt.",
            "steps": [
                "Zoek een inwoner die wil meedoen, via een partner of een community reporter.",
                "Spreek af waarbij je aanwezig bent, wat privé blijft en hoe je gebruikt wat "
                "je leert.",
                "Loop mee en kijk en luister vooral.",
                "Schrijf daarna op wat je opviel, zonder namen.",
                "Deel de lessen met je team en bedank de persoon.",
            ],
            "tips": [
                "Je bent te gast: de inwoner bepaalt wat je ziet.",
                "Geef iets terug, zoals een vergoeding of hulp bij een vraag.",
            ],
            "needs": ["Een inwoner die wil meedoen", "Duidelijke afspraken", "Tijd onder werktijd"],
            "duration": "Een halve tot een hele dag",
        },
    ),
]

METHOD_KEYS = [m["key"] for m in METHODS]
CASE_KEYS = [c["key"] for c in CASES]
