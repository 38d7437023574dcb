"""The standard compass: the three constellations of the CoSIE roadmap and their 18 elements.

This is data, written for Constellate in plain Dutch and English. `services.framework_ensure`
copies it into each organisation's own framework the first time it is needed; from then on
the organisation's admin can correct it (texts, grouping, order, languages, own elements)
without touching this module or another organisation's copy.

Shape:
    CONSTELLATIONS: [{"key", "position", "texts": {lang: {"name", "description",
        "scenes": [{"title", "situation", "questions": [...]}, ...two scenes]}}}]
    ELEMENTS: [{"key", "number", "constellation", "texts": {lang: {"name", "description",
        "questions": [...]}}}]

The keys and numbers are shared by every app (method library, reflection sessions) and must
not change.
"""

from typing import Any

CONSTELLATIONS: list[dict[str, Any]] = [
    {
        "key": "system",
        "position": 1,
        "texts": {
            "en": {
                "name": "The System",
                "description": (
                    "How co-creation fits into the wider system of public services: how "
                    "services change over time, who they reach, how power, risk and money are "
                    "shared, and how the work is evaluated."
                ),
                "scenes": [
                    {
                        "title": "The project plan",
                        "situation": (
                            "A job centre redesigns how new clients are received. The plan has "
                            "neat phases: research, design, test, roll out. Halfway through, "
                            "young people who never come to the office tell a street worker why "
                            "they stay away. Their story does not fit the plan, and the next "
                            "phase is already booked."
                        ),
                        "questions": [
                            "Which of our plans assume that co-creation moves in a straight line?",
                            "When did someone last tell us something that did not fit our plan? "
                            "What did we do with it?",
                            "Who decides when a service is finished, and could that be different?",
                            "What would we need to let two pieces of work run side by side?",
                        ],
                    },
                    {
                        "title": "The budget meeting",
                        "situation": (
                            "Residents have helped to design a new neighbourhood service. At the "
                            "budget meeting the manager explains that the money is tied to the "
                            "old service and that the council decides. The residents ask why "
                            "they were asked to design something nobody can pay for."
                        ),
                        "questions": [
                            "Which decisions about money and risk do we keep to ourselves, and why?",
                            "What could we share with residents and partners that we have never "
                            "offered?",
                            "Who takes part in evaluating this work, and what do they get back?",
                            "What would change if we called our service hard to engage with, "
                            "instead of calling people hard to reach?",
                        ],
                    },
                ],
            },
            "nl": {
                "name": "Het systeem",
                "description": (
                    "Hoe cocreatie past in het grotere geheel van publieke diensten: hoe "
                    "diensten veranderen, wie ze bereiken, hoe macht, risico en geld gedeeld "
                    "worden en hoe het werk geëvalueerd wordt."
                ),
                "scenes": [
                    {
                        "title": "Het projectplan",
                        "situation": (
                            "Een werkplein ontwerpt opnieuw hoe nieuwe klanten ontvangen worden. "
                            "Het plan heeft nette fasen: onderzoek, ontwerp, test, invoering. "
                            "Halverwege vertellen jongeren die nooit naar het kantoor komen aan "
                            "een jongerenwerker waarom ze wegblijven. Hun verhaal past niet in "
                            "het plan, en de volgende fase staat al in de agenda."
                        ),
                        "questions": [
                            "Welke van onze plannen gaan ervan uit dat cocreatie in een rechte "
                            "lijn loopt?",
                            "Wanneer vertelde iemand ons voor het laatst iets dat niet in ons "
                            "plan paste? Wat deden we ermee?",
                            "Wie bepaalt wanneer een dienst af is, en kan dat anders?",
                            "Wat hebben we nodig om twee sporen naast elkaar te laten lopen?",
                        ],
                    },
                    {
                        "title": "Het budgetoverleg",
                        "situation": (
                            "Bewoners hebben meegedacht over een nieuwe dienst in hun wijk. In "
                            "het budgetoverleg legt de manager uit dat het geld vastzit aan de "
                            "oude dienst en dat de raad beslist. De bewoners vragen waarom ze "
                            "iets moesten ontwerpen dat niemand kan betalen."
                        ),
                        "questions": [
                            "Welke beslissingen over geld en risico houden we bij onszelf, en "
                            "waarom?",
                            "Wat kunnen we delen met bewoners en partners dat we nog nooit "
                            "hebben aangeboden?",
                            "Wie doet mee aan de evaluatie van dit werk, en wat krijgen zij "
                            "ervan terug?",
                            "Wat verandert er als we onze dienst moeilijk bereikbaar noemen, in "
                            "plaats van mensen moeilijk bereikbaar te noemen?",
                        ],
                    },
                ],
            },
        },
    },
    {
        "key": "ethical_compass",
        "position": 2,
        "texts": {
            "en": {
                "name": "Ethical Compass",
                "description": (
                    "Co-creation rests on values. This constellation is about how we work with "
                    "people: relationships before tools, empathy, equality, a real shift of "
                    "power, and light ways to take part."
                ),
                "scenes": [
                    {
                        "title": "The kitchen table",
                        "situation": (
                            "A social worker visits a family to talk about a new youth service. "
                            "She brings a tablet with a questionnaire. The father wants to talk "
                            "about his son's school report and the neighbour who helps them out. "
                            "The questionnaire has no place for that, and the visit ends before "
                            "the questions are done."
                        ),
                        "questions": [
                            "When do our tools help a conversation, and when do they get in the "
                            "way?",
                            "How do we show people that their view counts as much as ours?",
                            "What did we learn the last time we really listened instead of "
                            "asking our own questions?",
                        ],
                    },
                    {
                        "title": "The evening session",
                        "situation": (
                            "The municipality invites residents to an evening about the future "
                            "of their library. The agenda, the options and the timetable are "
                            "fixed beforehand. Ten people come, most of them regular visitors. "
                            "A mother of two small children wanted to give her view, but an "
                            "evening meeting does not work for her."
                        ),
                        "questions": [
                            "Is what we do consultation or co-creation? How do we know?",
                            "Which light ways to take part could we offer, close to where people "
                            "already are?",
                            "Who was not in the room, and what would it take to go to them?",
                            "What would we have to let go of so that participants can change "
                            "the agenda?",
                        ],
                    },
                ],
            },
            "nl": {
                "name": "Ethisch kompas",
                "description": (
                    "Cocreatie rust op waarden. Dit sterrenbeeld gaat over hoe we met mensen "
                    "werken: relaties vóór middelen, empathie, gelijkwaardigheid, echt macht "
                    "delen en lichte manieren om mee te doen."
                ),
                "scenes": [
                    {
                        "title": "Aan de keukentafel",
                        "situation": (
                            "Een maatschappelijk werker gaat op bezoek bij een gezin om te praten "
                            "over een nieuwe jeugddienst. Ze heeft een tablet met een vragenlijst "
                            "bij zich. De vader wil praten over het rapport van zijn zoon en de "
                            "buurvrouw die hen helpt. In de vragenlijst is daar geen plek voor, "
                            "en het bezoek is voorbij voordat de vragen af zijn."
                        ),
                        "questions": [
                            "Wanneer helpen onze middelen een gesprek, en wanneer staan ze in de "
                            "weg?",
                            "Hoe laten we mensen merken dat hun mening evenveel telt als de onze?",
                            "Wat leerden we de laatste keer dat we echt luisterden in plaats van "
                            "onze eigen vragen te stellen?",
                        ],
                    },
                    {
                        "title": "De avondbijeenkomst",
                        "situation": (
                            "De gemeente nodigt bewoners uit voor een avond over de toekomst van "
                            "hun bibliotheek. De agenda, de keuzes en de planning liggen vooraf "
                            "vast. Er komen tien mensen, vooral vaste bezoekers. Een moeder van "
                            "twee kleine kinderen wilde graag haar mening geven, maar een "
                            "avondbijeenkomst past niet in haar leven."
                        ),
                        "questions": [
                            "Is wat we doen inspraak of cocreatie? Hoe weten we dat?",
                            "Welke lichte manieren om mee te doen kunnen we bieden, dicht bij "
                            "waar mensen al zijn?",
                            "Wie was er niet bij, en wat is er nodig om naar hen toe te gaan?",
                            "Wat moeten we loslaten zodat deelnemers de agenda kunnen veranderen?",
                        ],
                    },
                ],
            },
        },
    },
    {
        "key": "catalysts",
        "position": 3,
        "texts": {
            "en": {
                "name": "Catalysts",
                "description": (
                    "Starting is often the hardest part. Catalysts help co-creation to begin "
                    "and to grow: talking, openness, building on strengths, finding more voices "
                    "through relationships, and staff with the skills and attitude for it."
                ),
                "scenes": [
                    {
                        "title": "The first phone call",
                        "situation": (
                            "A probation officer wants to involve former clients in improving "
                            "supervision. There is no plan yet and no budget. She calls one "
                            "former client she trusts. He knows two others, and one of them runs "
                            "a small boxing club. A month later six people meet in the club's "
                            "canteen."
                        ),
                        "questions": [
                            "Who could we call this week to start a conversation?",
                            "Whose voice is still missing, and who could introduce us?",
                            "Which talents and strengths of the people involved do we not use yet?",
                        ],
                    },
                    {
                        "title": "Months of silence",
                        "situation": (
                            "A team has run three co-creation workshops. The participants hear "
                            "nothing for months. Meanwhile, staff say in the corridor that "
                            "clients do not really know what is possible. When the next workshop "
                            "is announced, only two people sign up."
                        ),
                        "questions": [
                            "What do participants hear from us between meetings?",
                            "How open are we about what was decided, and why?",
                            "Which attitudes in our own team hold co-creation back?",
                            "What support or training would help our staff to work with citizens "
                            "as equals?",
                        ],
                    },
                ],
            },
            "nl": {
                "name": "Katalysatoren",
                "description": (
                    "Beginnen is vaak het moeilijkst. Katalysatoren helpen cocreatie op gang "
                    "en laten het groeien: met elkaar praten, openheid, bouwen op sterke "
                    "kanten, via relaties meer stemmen vinden, en medewerkers met de juiste "
                    "vaardigheden en houding."
                ),
                "scenes": [
                    {
                        "title": "Het eerste telefoontje",
                        "situation": (
                            "Een reclasseringswerker wil oud-cliënten betrekken bij het "
                            "verbeteren van het toezicht. Er is nog geen plan en geen budget. Ze "
                            "belt één oud-cliënt die ze vertrouwt. Hij kent er nog twee, en een "
                            "van hen heeft een kleine boksclub. Een maand later zitten zes "
                            "mensen samen in de kantine van de club."
                        ),
                        "questions": [
                            "Wie kunnen we deze week bellen om een gesprek te beginnen?",
                            "Wiens stem ontbreekt nog, en wie kan ons met hen in contact brengen?",
                            "Welke talenten en sterke kanten van de betrokkenen gebruiken we nog "
                            "niet?",
                        ],
                    },
                    {
                        "title": "Maanden stilte",
                        "situation": (
                            "Een team heeft drie cocreatiesessies gehouden. De deelnemers horen "
                            "daarna maandenlang niets. Intussen zeggen medewerkers op de gang dat "
                            "cliënten niet goed weten wat er mogelijk is. Als de volgende sessie "
                            "wordt aangekondigd, melden zich maar twee mensen aan."
                        ),
                        "questions": [
                            "Wat horen deelnemers van ons tussen de bijeenkomsten door?",
                            "Hoe open zijn we over wat er besloten is, en waarom?",
                            "Welke houding in ons eigen team remt cocreatie af?",
                            "Welke steun of training helpt onze medewerkers om gelijkwaardig met "
                            "burgers samen te werken?",
                        ],
                    },
                ],
            },
        },
    },
]


def _element(number: int, key: str, constellation: str, en: tuple, nl: tuple) -> dict[str, Any]:
    """One element from (name, description, questions) in English and Dutch."""
    return {
        "key": key,
        "number": number,
        "constellation": constellation,
        "texts": {
            lang: {"name": name, "description": description, "questions": list(questions)}
            for lang, (name, description, questions) in (("en", en), ("nl", nl))
        },
    }


ELEMENTS: list[dict[str, Any]] = [
    # The System --------------------------------------------------------------------------
    _element(
        1,
        "not_linear",
        "system",
        (
            "Not a straight line",
            "Co-creation does not follow fixed phases from start to finish. Several pieces of "
            "work run side by side, and teams go back to earlier steps when they learn "
            "something new. Practices keep changing with the situation.",
            [
                "Which parts of our work run side by side right now?",
                "When did we last go back a step because we learned something? Was that allowed?",
                "Does our planning leave room for surprises?",
            ],
        ),
        (
            "Geen rechte lijn",
            "Cocreatie volgt geen vaste fasen van begin tot eind. Verschillende sporen lopen "
            "naast elkaar, en teams gaan terug naar een eerdere stap als ze iets nieuws leren. "
            "De praktijk verandert mee met de situatie.",
            [
                "Welke delen van ons werk lopen nu naast elkaar?",
                "Wanneer gingen we voor het laatst een stap terug omdat we iets leerden? Mocht "
                "dat?",
                "Laat onze planning ruimte voor verrassingen?",
            ],
        ),
    ),
    _element(
        2,
        "services_evolve",
        "system",
        (
            "Services keep evolving",
            "A service is never finished. Needs, people and circumstances change, so the "
            "service must be able to change with them. Co-creation is a way to keep adjusting "
            "over time.",
            [
                "What changed in our service in the past year because users told us something?",
                "Who can propose a change, and how quickly can it happen?",
                "What would make it easier to adjust the service as we go?",
            ],
        ),
        (
            "Diensten blijven zich ontwikkelen",
            "Een dienst is nooit af. Behoeften, mensen en omstandigheden veranderen, dus de "
            "dienst moet mee kunnen veranderen. Cocreatie is een manier om steeds bij te sturen.",
            [
                "Wat is er het afgelopen jaar in onze dienst veranderd omdat gebruikers ons iets "
                "vertelden?",
                "Wie kan een verandering voorstellen, en hoe snel kan die er komen?",
                "Wat maakt het makkelijker om de dienst onderweg bij te stellen?",
            ],
        ),
    ),
    _element(
        3,
        "hard_to_engage",
        "system",
        (
            "Services that are hard to engage with",
            "People are often called hard to reach. Turn it around: perhaps our services are "
            "hard to engage with. Find out what keeps people away, and change it.",
            [
                "Which groups do we call hard to reach? What would they say about us?",
                "What in our opening hours, language, buildings or forms keeps people away?",
                "What have we changed so far to be easier to engage with?",
            ],
        ),
        (
            "Diensten die moeilijk bereikbaar zijn",
            "Mensen worden vaak moeilijk bereikbaar genoemd. Draai het om: misschien zijn onze "
            "diensten moeilijk bereikbaar. Zoek uit wat mensen tegenhoudt, en verander dat.",
            [
                "Welke groepen noemen wij moeilijk bereikbaar? Wat zouden zij over ons zeggen?",
                "Wat in onze openingstijden, taal, gebouwen of formulieren houdt mensen tegen?",
                "Wat hebben we tot nu toe veranderd om beter bereikbaar te zijn?",
            ],
        ),
    ),
    _element(
        4,
        "share_power_risk",
        "system",
        (
            "Power, risk and resources are shared",
            "Providers dare to take risks and share responsibility, power and resources with "
            "residents, groups and partners. Decisions are not kept behind closed doors.",
            [
                "Which decisions do residents and partners really take part in?",
                "What risk are we willing to take, and who carries it?",
                "What could we hand over that we still keep to ourselves?",
            ],
        ),
        (
            "Macht, risico en middelen worden gedeeld",
            "Aanbieders durven risico te nemen en delen verantwoordelijkheid, macht en middelen "
            "met bewoners, groepen en partners. Beslissingen vallen niet achter gesloten deuren.",
            [
                "Over welke beslissingen beslissen bewoners en partners echt mee?",
                "Welk risico durven we te nemen, en wie draagt het?",
                "Wat kunnen we uit handen geven dat we nu nog zelf houden?",
            ],
        ),
    ),
    _element(
        5,
        "new_resources",
        "system",
        (
            "New use of resources",
            "Co-creation uses resources in new ways: the time, skills, places and money of "
            "everyone involved. It also asks how services are funded, and whether that funding "
            "helps people to work together.",
            [
                "Which resources of residents, volunteers and partners do we overlook?",
                "Does the way our service is funded help or block co-creation?",
                "What could we stop doing to free up time or money?",
            ],
        ),
        (
            "Middelen anders inzetten",
            "Cocreatie zet middelen op een nieuwe manier in: de tijd, kennis, plekken en het "
            "geld van iedereen die meedoet. Het vraagt ook hoe diensten gefinancierd worden, en "
            "of die financiering samenwerken helpt.",
            [
                "Welke middelen van bewoners, vrijwilligers en partners zien we over het hoofd?",
                "Helpt of hindert de manier waarop onze dienst betaald wordt de cocreatie?",
                "Waarmee kunnen we stoppen om tijd of geld vrij te maken?",
            ],
        ),
    ),
    _element(
        6,
        "fitted_to_context",
        "system",
        (
            "Fitted to place and person",
            "Every service works in a specific place, with specific people. Co-creation makes "
            "services less standard and better fitted to the local situation and to each "
            "person.",
            [
                "Where does our standard approach not fit the people we serve?",
                "What do we know about this place that a general rule ignores?",
                "How much room do our staff have to tailor the service?",
            ],
        ),
        (
            "Passend bij plek en persoon",
            "Elke dienst werkt op een bepaalde plek, met bepaalde mensen. Cocreatie maakt "
            "diensten minder standaard en beter passend bij de situatie ter plekke en bij "
            "ieder mens.",
            [
                "Waar past onze standaardaanpak niet bij de mensen voor wie we werken?",
                "Wat weten we over deze plek dat een algemene regel negeert?",
                "Hoeveel ruimte hebben onze medewerkers om de dienst op maat te maken?",
            ],
        ),
    ),
    _element(
        7,
        "continuous_evaluation",
        "system",
        (
            "Evaluating together, all the time",
            "Evaluation is not a report at the end. It happens all along, with different "
            "stakeholders, so that participants learn and the service improves.",
            [
                "Who takes part in evaluating our work now? Who is missing?",
                "How do we use what we learn while the work is still going on?",
                "What do participants get back from the evaluation?",
            ],
        ),
        (
            "Samen en doorlopend evalueren",
            "Evaluatie is geen rapport aan het eind. Het gebeurt de hele tijd, met "
            "verschillende betrokkenen, zodat deelnemers leren en de dienst beter wordt.",
            [
                "Wie doet nu mee aan de evaluatie van ons werk? Wie ontbreekt?",
                "Hoe gebruiken we wat we leren terwijl het werk nog loopt?",
                "Wat krijgen deelnemers terug van de evaluatie?",
            ],
        ),
    ),
    # Ethical Compass ----------------------------------------------------------------------
    _element(
        8,
        "relationships_first",
        "ethical_compass",
        (
            "Relationships first",
            "Co-creation is about building and keeping relationships. Digital tools can help "
            "in some situations, but they are not the starting point.",
            [
                "How much time do we spend on relationships compared with tools and forms?",
                "When did a digital tool help us, and when did it stand in the way?",
                "Who keeps in touch with participants between activities?",
            ],
        ),
        (
            "Relaties eerst",
            "Cocreatie draait om relaties opbouwen en onderhouden. Digitale middelen kunnen in "
            "sommige situaties helpen, maar ze zijn niet het vertrekpunt.",
            [
                "Hoeveel tijd besteden we aan relaties, vergeleken met middelen en formulieren?",
                "Wanneer hielp een digitaal middel ons, en wanneer stond het in de weg?",
                "Wie houdt contact met deelnemers tussen de activiteiten door?",
            ],
        ),
    ),
    _element(
        9,
        "empathy",
        "ethical_compass",
        (
            "Led by empathy",
            "We listen actively to understand how others see things, and we value views that "
            "differ from our own.",
            [
                "When did we last change our mind after listening to someone?",
                "How do we make sure that quieter voices are heard?",
                "Which points of view do we find hard to understand, and why?",
            ],
        ),
        (
            "Vanuit empathie",
            "We luisteren actief om te begrijpen hoe anderen de dingen zien, en we waarderen "
            "meningen die anders zijn dan de onze.",
            [
                "Wanneer veranderden we voor het laatst van mening nadat we naar iemand "
                "luisterden?",
                "Hoe zorgen we ervoor dat stillere stemmen gehoord worden?",
                "Welke standpunten vinden we moeilijk te begrijpen, en waarom?",
            ],
        ),
    ),
    _element(
        10,
        "power_shift",
        "ethical_compass",
        (
            "From doing for to working with",
            "Power shifts from doing things for people to working with citizens and "
            "communities. People shape the service instead of only receiving it.",
            [
                "In which decisions do citizens have a real say, not just a voice?",
                "What do we still do for people that we could do with them?",
                "What would we need to let go of?",
            ],
        ),
        (
            "Van doen voor naar werken met",
            "De macht verschuift van dingen doen voor mensen naar samenwerken met burgers en "
            "gemeenschappen. Mensen geven de dienst mee vorm in plaats van hem alleen te "
            "ontvangen.",
            [
                "Bij welke beslissingen hebben burgers echt iets te zeggen, en niet alleen een "
                "stem?",
                "Wat doen we nog voor mensen dat we ook met hen kunnen doen?",
                "Wat moeten we daarvoor loslaten?",
            ],
        ),
    ),
    _element(
        11,
        "equality",
        "ethical_compass",
        (
            "Equal footing",
            "Real conversations need equality. Nobody's view counts more because of their "
            "position or title. Everyone's knowledge is treated as valuable.",
            [
                "Where do titles or positions still decide whose view counts?",
                "How do we set up meetings so that everyone can speak as an equal?",
                "How do we value knowledge from daily life next to professional knowledge?",
            ],
        ),
        (
            "Gelijkwaardig",
            "Echte gesprekken vragen om gelijkwaardigheid. Niemands mening telt zwaarder door "
            "functie of titel. Ieders kennis wordt als waardevol gezien.",
            [
                "Waar bepalen titels of functies nog wiens mening telt?",
                "Hoe richten we bijeenkomsten zo in dat iedereen als gelijke kan spreken?",
                "Hoe waarderen we kennis uit het dagelijks leven naast kennis van professionals?",
            ],
        ),
    ),
    _element(
        12,
        "light_participation",
        "ethical_compass",
        (
            "Light ways to take part",
            "Not everyone can or wants to join everything. Offer light ways to take part that "
            "can grow into more, and go to where people already are instead of waiting for "
            "them to come.",
            [
                "What is the smallest step someone can take to join in?",
                "Where do the people we want to reach already spend their time?",
                "How can someone who starts small grow into a bigger role?",
            ],
        ),
        (
            "Lichte manieren om mee te doen",
            "Niet iedereen kan of wil overal aan meedoen. Bied lichte manieren om mee te doen "
            "die kunnen uitgroeien tot meer, en ga naar de plekken waar mensen al zijn in "
            "plaats van te wachten tot ze komen.",
            [
                "Wat is de kleinste stap die iemand kan zetten om mee te doen?",
                "Waar zijn de mensen die we willen bereiken al te vinden?",
                "Hoe kan iemand die klein begint doorgroeien naar een grotere rol?",
            ],
        ),
    ),
    _element(
        13,
        "not_consultation",
        "ethical_compass",
        (
            "More than consultation",
            "Consultation collects opinions; co-creation shares the power to decide and to "
            "act. Asking for input is only a start.",
            [
                "In our last activity, did people help to decide or only give their opinion?",
                "What happened with the input people gave us?",
                "What would turn our next consultation into co-creation?",
            ],
        ),
        (
            "Meer dan inspraak",
            "Inspraak haalt meningen op; cocreatie deelt de macht om te beslissen en te doen. "
            "Om input vragen is pas het begin.",
            [
                "Beslisten mensen bij onze laatste activiteit mee, of gaven ze alleen hun mening?",
                "Wat is er gebeurd met de input die mensen ons gaven?",
                "Wat maakt van onze volgende inspraakronde echte cocreatie?",
            ],
        ),
    ),
    # Catalysts ----------------------------------------------------------------------------
    _element(
        14,
        "snowball",
        "catalysts",
        (
            "Involvement snowballs",
            "Important voices are often missing at the start. By building relationships, one "
            "person leads to the next, and the circle of people involved keeps growing.",
            [
                "Whose voice was missing at the start, and how did we find them?",
                "Who could introduce us to people we do not reach yet?",
                "Do we keep track of who brought in whom?",
            ],
        ),
        (
            "Betrokkenheid als sneeuwbal",
            "Belangrijke stemmen ontbreken vaak in het begin. Door relaties op te bouwen leidt "
            "de ene persoon naar de volgende, en de kring van betrokkenen blijft groeien.",
            [
                "Wiens stem ontbrak in het begin, en hoe vonden we die persoon?",
                "Wie kan ons in contact brengen met mensen die we nog niet bereiken?",
                "Houden we bij wie wie heeft meegebracht?",
            ],
        ),
    ),
    _element(
        15,
        "get_talking",
        "catalysts",
        (
            "Get people talking",
            "Start the conversation: a joint meeting or a single phone call can be enough. See "
            "what grows from it instead of waiting for a perfect plan.",
            [
                "Which conversation could we start this week?",
                "What holds us back from starting before the plan is ready?",
                "Where can people meet in an informal way?",
            ],
        ),
        (
            "Mensen met elkaar laten praten",
            "Begin het gesprek: een gezamenlijke bijeenkomst of één telefoontje kan genoeg "
            "zijn. Kijk wat eruit groeit, in plaats van te wachten op een perfect plan.",
            [
                "Welk gesprek kunnen we deze week beginnen?",
                "Wat houdt ons tegen om te beginnen voordat het plan klaar is?",
                "Waar kunnen mensen elkaar op een informele manier ontmoeten?",
            ],
        ),
    ),
    _element(
        16,
        "openness",
        "catalysts",
        (
            "Openness builds trust",
            "Being open about the process, the decisions and the activities builds trust "
            "between everyone involved. People can see what happens with their input.",
            [
                "Can participants see what was decided and why?",
                "What do we keep closed, and is there a good reason for it?",
                "How do we report back to the people who contributed?",
            ],
        ),
        (
            "Openheid bouwt vertrouwen",
            "Open zijn over het proces, de beslissingen en de activiteiten bouwt vertrouwen "
            "tussen alle betrokkenen. Mensen zien wat er met hun inbreng gebeurt.",
            [
                "Kunnen deelnemers zien wat er besloten is en waarom?",
                "Wat houden we gesloten, en is daar een goede reden voor?",
                "Hoe laten we mensen die iets bijdroegen weten wat ermee gebeurd is?",
            ],
        ),
    ),
    _element(
        17,
        "strengths_based",
        "catalysts",
        (
            "Building on strengths",
            "Co-creation starts from people's talents and strengths, not only from their "
            "problems. It brings these strengths together for exchange and change.",
            [
                "Which strengths and skills do participants bring that we have not used yet?",
                "Do our forms and conversations start from problems or from strengths?",
                "How can people share what they are good at?",
            ],
        ),
        (
            "Bouwen op sterke kanten",
            "Cocreatie begint bij de talenten en sterke kanten van mensen, niet alleen bij hun "
            "problemen. Het brengt die sterke kanten samen voor uitwisseling en verandering.",
            [
                "Welke sterke kanten en vaardigheden van deelnemers hebben we nog niet benut?",
                "Beginnen onze formulieren en gesprekken bij problemen of bij sterke kanten?",
                "Hoe kunnen mensen delen waar ze goed in zijn?",
            ],
        ),
    ),
    _element(
        18,
        "staff_competences",
        "catalysts",
        (
            "Staff competences",
            "Providers develop co-creation skills, knowledge and values in staff at every "
            "level. Sometimes a change of thinking is needed before working with citizens.",
            [
                "Which co-creation skills does our team have, and which are missing?",
                "How do managers support staff who try new ways of working?",
                "What training or learning from colleagues would help us most?",
            ],
        ),
        (
            "Vaardigheden van medewerkers",
            "Aanbieders ontwikkelen vaardigheden, kennis en waarden voor cocreatie bij "
            "medewerkers op elk niveau. Soms is eerst een andere manier van denken nodig "
            "voordat je met burgers samenwerkt.",
            [
                "Welke vaardigheden voor cocreatie heeft ons team, en welke ontbreken?",
                "Hoe steunen leidinggevenden medewerkers die nieuwe manieren van werken proberen?",
                "Welke training of welk leren van collega's helpt ons het meest?",
            ],
        ),
    ),
]

CONSTELLATION_KEYS = tuple(c["key"] for c in CONSTELLATIONS)
ELEMENT_KEYS = tuple(e["key"] for e in ELEMENTS)
