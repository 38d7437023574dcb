"""The eleven CoSIE pilots as demo content, written for Constellate.

Each pilot becomes one organisation with one initiative, a filled canvas (the six starting
questions), a handful of activities running side by side, and demo people in the roles the
platform knows. `manage.py load_demo` turns this data into database rows through the services.

Language choice: the two Dutch pilots (Houten and Nieuwegein) are written in Dutch, because
Dutch is the platform's default language and these are the pilots a Dutch user will open first.
The other nine are written in English, the working language of the CoSIE consortium, so every
visitor can read them; their participation languages list the local language(s) they would
really use. Names of people and the situations described are made up: the pilots inspired the
content, but no sentence, person or figure here is a record of what a pilot actually did.

Dates are offsets in days from the day the demo is loaded (negative is in the past), so some
activities have finished, some are open now and some are still to come. `closes` None means
the activity is ongoing.

Shape of one pilot:
    slug, name, country, description, domain (e-mail domain), language (of its people)
    people: {key: display name}, keys from ROLES below
    initiative: fields for services.initiative_create, plus "created_by" (a people key)
    canvas: list of versions; the first is a full canvas, later ones replace whole sections
    activities: fields for services.activity_create; "opens"/"closes" are day offsets and
        "run_by" is a people key or None
"""

from typing import Any

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.initiatives.choices import (
    ActivityKind,
    InitiativeStatus,
    Phase,
    ServiceArea,
    Setting,
    Visibility,
)

# One password for every demo account: long enough for the platform's 15-character rule.
DEMO_PASSWORD = "samen-werken-aan-diensten"  # noqa: S105 - a documented demo password
DEMO_URL = "http://127.0.0.1:8000/"
SUPERUSER_EMAIL = "admin@constellate.demo"
SUPERUSER_NAME = "Constellate demo beheer"

# People keys: their role in the organisation and in the pilot's initiative, in display order.
ROLES: dict[str, tuple[str, str]] = {
    "admin": (OrgRole.ADMIN, InitiativeRole.LEAD),
    "facilitator": (OrgRole.FACILITATOR, InitiativeRole.FACILITATOR),
    "reporter": (OrgRole.REPORTER, InitiativeRole.REPORTER),
    "partner": (OrgRole.PARTNER, InitiativeRole.PARTNER),
    "observer": (OrgRole.OBSERVER, InitiativeRole.OBSERVER),
}

P = Phase
K = ActivityKind
S = Setting

PILOTS: list[dict[str, Any]] = [
    # 1 -------------------------------------------------------------------------------------
    {
        "slug": "wroclaw",
        "name": "City of Wrocław",
        "country": "Poland",
        "domain": "wroclaw.demo",
        "language": "en",
        "description": (
            "Demo organisation: a city social-services department working with older residents "
            "on new ways of living together. People and figures are fictional."
        ),
        "people": {
            "admin": "Agnieszka Nowak",
            "facilitator": "Tomasz Wiśniewski",
            "reporter": "Zofia Kaczmarek",
        },
        "initiative": {
            "title": "Neighbours for seniors: shared living and support in Nadodrze",
            "summary": (
                "Many older people in the district live alone in large, hard-to-heat flats and "
                "see hardly anyone in a week. With them, their neighbours and the housing "
                "association we are shaping two things at once: a small shared-living house "
                "and a network of neighbours who look in on each other. Sessions are open to "
                "anyone who wants to help decide how it works."
            ),
            "service_area": ServiceArea.ELDERLY,
            "place": "Wrocław, Nadodrze",
            "target_groups": [
                "Older residents living alone",
                "Neighbours and volunteers",
                "Housing association staff",
            ],
            "languages": ["pl", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "admin",
                "days_ago": 50,
                "data": {
                    "context": {
                        "place": "An old inner-city district with tenement blocks, many stairs "
                        "and few lifts.",
                        "target_group": "People over 70 who live alone, and the neighbours around "
                        "them.",
                        "policy": "The city's programme for active ageing and its housing "
                        "renovation plan.",
                        "service": "Home care, day centres and the municipal housing stock.",
                    },
                    "goals": [
                        {
                            "goal": "Open a shared-living house that residents helped design",
                            "why": "A home only feels like one if the people living there chose "
                            "how it is arranged.",
                            "driver": "need",
                        },
                        {
                            "goal": "Build a neighbour network that notices loneliness early",
                            "why": "Home care sees people for minutes; neighbours see them every "
                            "day.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "Reach residents who never come to the day centre",
                            "why": "The loneliest people are exactly the ones our services "
                            "currently miss.",
                            "driver": "inequality",
                        },
                    ],
                    "values": [
                        {
                            "value": "Independence",
                            "meaning": "Support should add to what people can do, not take it "
                            "over.",
                        },
                        {
                            "value": "Openness",
                            "meaning": "Every session is open and its notes are shared with "
                            "everyone.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Two social workers, a housing officer and a group "
                            "of volunteer neighbours.",
                        },
                        {
                            "kind": "spaces",
                            "description": "A ground-floor community room owned by the housing "
                            "association.",
                        },
                        {
                            "kind": "budget",
                            "description": "Renovation funds for one building, if residents "
                            "agree on a design.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "legal",
                            "description": "Tenancy rules assume one household per flat.",
                            "contradiction": "Shared living needs flexible contracts, while "
                            "tenants want the security of their own lease.",
                        },
                        {
                            "kind": "cultural",
                            "description": "Asking for help is seen as a loss of dignity by "
                            "many older people.",
                            "contradiction": "Those who need support most are the least likely "
                            "to say so.",
                        },
                    ],
                    "tools": ["open_space", "design_thinking", "community_reporting"],
                    "tools_note": "Open Space to find the themes, design sessions to work them "
                    "out, and stories from residents to check we heard them right.",
                },
            }
        ],
        "activities": [
            {
                "title": "Stories of living alone",
                "kind": K.STORY_GATHERING,
                "purpose": "Volunteer reporters record short stories from older residents about "
                "a normal week: who they see, what is hard, what they enjoy.",
                "opens": -60,
                "closes": 15,
                "phases": [P.CO_INITIATION, P.CO_EVALUATION],
                "setting": S.MIXED,
                "location": "At home or in the community room",
                "run_by": "reporter",
            },
            {
                "title": "Open Space: what makes living together work?",
                "kind": K.OPEN_SPACE,
                "purpose": "One afternoon where residents set the agenda and discuss what a "
                "shared house needs to feel like home.",
                "opens": -35,
                "closes": -35,
                "phases": [P.CO_INITIATION, P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Community room, ground floor",
                "run_by": "facilitator",
            },
            {
                "title": "Design sessions for the shared house",
                "kind": K.WORKSHOP,
                "purpose": "Small groups sketch the rooms, the house rules and the help each "
                "resident wants, using floor plans and cardboard models.",
                "opens": -10,
                "closes": 30,
                "phases": [P.CO_DESIGN, P.CO_DECISION],
                "setting": S.PLACE,
                "location": "Community room, Tuesdays 15:00",
                "run_by": "facilitator",
            },
            {
                "title": "Neighbour visiting round",
                "kind": K.DOOR_TO_DOOR,
                "purpose": "Volunteers knock on doors in two blocks to explain the network and "
                "ask who would like a regular visit.",
                "opens": 20,
                "closes": 80,
                "phases": [P.CO_IMPLEMENTATION],
                "setting": S.DOOR_TO_DOOR,
                "location": "Two tenement blocks near the market hall",
                "run_by": None,
            },
        ],
    },
    # 2 -------------------------------------------------------------------------------------
    {
        "slug": "voru-county",
        "name": "Võru County",
        "country": "Estonia",
        "domain": "voru.demo",
        "language": "en",
        "description": (
            "Demo organisation: a county development team that brings services to people in "
            "remote villages. People and figures are fictional."
        ),
        "people": {
            "admin": "Kadri Tamm",
            "facilitator": "Marko Saar",
            "reporter": "Liis Kask",
        },
        "initiative": {
            "title": "Help that reaches the farmhouse: services for disabled people in rural "
            "Võru county",
            "summary": (
                "Disabled people and their families on remote farms often live an hour from the "
                "nearest service point, and buses run twice a day. In weekend hackathons "
                "residents, care workers, local firms and the county invent services that come "
                "to people instead of the other way round. Between hackathons we keep in touch "
                "with every team so good ideas do not fade away."
            ),
            "service_area": ServiceArea.DISABILITY,
            "place": "Võru county, rural villages",
            "target_groups": [
                "Disabled people in remote villages",
                "People using mental-health services",
                "Older residents",
                "Family carers",
            ],
            "languages": ["et", "ru", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "admin",
                "days_ago": 100,
                "data": {
                    "context": {
                        "place": "A sparsely populated county of forests and small villages.",
                        "target_group": "Disabled adults, mental-health clients and frail older "
                        "people living far from services, and the relatives who care for them.",
                        "policy": "National social welfare law and the county's development "
                        "strategy.",
                        "service": "Social transport, home support and day activities.",
                    },
                    "goals": [
                        {
                            "goal": "Design at least three services that come to people's homes",
                            "why": "Distance, not lack of need, keeps people from using what "
                            "exists.",
                            "driver": "inequality",
                        },
                        {
                            "goal": "Mix service users, staff and businesses in every idea team",
                            "why": "Ideas made by one group alone rarely survive contact with "
                            "the others.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "Keep hackathon ideas alive for at least six months",
                            "why": "Energy after a weekend event drops quickly without follow-up.",
                            "driver": "need",
                        },
                    ],
                    "values": [
                        {
                            "value": "Nothing about us without us",
                            "meaning": "Every team includes someone who uses the service.",
                        },
                        {
                            "value": "Local strength",
                            "meaning": "Villages already solve many problems themselves; we "
                            "build on that.",
                        },
                        {
                            "value": "Follow-through",
                            "meaning": "We only start what we can keep supporting.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Volunteer mentors from local firms and two county "
                            "social workers.",
                        },
                        {
                            "kind": "budget",
                            "description": "Small grants to test the best hackathon ideas.",
                        },
                        {
                            "kind": "spaces",
                            "description": "A village community centre with accessible "
                            "toilets and overnight rooms.",
                        },
                        {
                            "kind": "other",
                            "description": "A minibus to bring participants to the hackathon.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "financial",
                            "description": "Pilot grants end before services can pay for "
                            "themselves.",
                            "contradiction": "We ask for bold ideas, but only fund them for a "
                            "few months.",
                        },
                        {
                            "kind": "technical",
                            "description": "Mobile coverage is weak in parts of the county.",
                            "contradiction": "Digital services could bridge distance, but not "
                            "where the signal is missing.",
                        },
                    ],
                    "tools": ["social_hackathon", "community_reporting", "phone_round"],
                    "tools_note": "Two weekend hackathons, stories gathered in between, and "
                    "monthly calls with every team.",
                },
            }
        ],
        "activities": [
            {
                "title": "First hackathon: getting around",
                "kind": K.HACKATHON,
                "purpose": "A weekend on transport and access: mixed teams pitch, build and "
                "test ideas with mentors.",
                "opens": -90,
                "closes": -88,
                "phases": [P.CO_INITIATION, P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Village community centre",
                "run_by": "facilitator",
            },
            {
                "title": "Team follow-up calls",
                "kind": K.PHONE_ROUND,
                "purpose": "A monthly call with each hackathon team: what moved, what is stuck, "
                "what help is needed.",
                "opens": -80,
                "closes": 10,
                "phases": [P.CO_IMPLEMENTATION, P.CO_EVALUATION],
                "setting": S.PHONE,
                "location": "",
                "run_by": "facilitator",
            },
            {
                "title": "Stories from the farms",
                "kind": K.STORY_GATHERING,
                "purpose": "Reporters visit families and record how they get help today and "
                "what they wish were different.",
                "opens": -60,
                "closes": None,
                "phases": [P.CO_INITIATION, P.CO_EVALUATION],
                "setting": S.MIXED,
                "location": "Home visits across the county",
                "run_by": "reporter",
            },
            {
                "title": "Second hackathon: support at home",
                "kind": K.HACKATHON,
                "purpose": "A weekend on home support and respite for family carers.",
                "opens": 25,
                "closes": 27,
                "phases": [P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Village community centre",
                "run_by": None,
            },
        ],
    },
    # 3 -------------------------------------------------------------------------------------
    {
        "slug": "valencia",
        "name": "Valencia Employment and Enterprise Service",
        "country": "Spain",
        "domain": "valencia.demo",
        "language": "en",
        "description": (
            "Demo organisation: a regional employment service supporting people who want to "
            "start a business. People and figures are fictional."
        ),
        "people": {"admin": "Lucía Martínez", "facilitator": "Javier Romero"},
        "initiative": {
            "title": "From idea to enterprise: support designed with long-term unemployed founders",
            "summary": (
                "People who have been out of work for years often carry a business idea but no "
                "network and little confidence. Together with them and with volunteer mentors "
                "we are redesigning the support programme: what is taught, who mentors whom, "
                "and how participants help each other once the course is over."
            ),
            "service_area": ServiceArea.WORK_INCOME,
            "place": "Valencia",
            "target_groups": [
                "Long-term unemployed people with a business idea",
                "Volunteer mentors",
                "Local business owners",
            ],
            "languages": ["es", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "facilitator",
                "days_ago": 70,
                "data": {
                    "context": {
                        "place": "A large city with high unemployment among people over 45.",
                        "target_group": "Jobseekers unemployed for over a year who want to work "
                        "for themselves.",
                        "policy": "Regional active employment policy and self-employment grants.",
                        "service": "Entrepreneurship courses and start-up advice.",
                    },
                    "goals": [
                        {
                            "goal": "A programme whose content participants chose",
                            "why": "Classroom courses built by experts lose half their students "
                            "in the first month.",
                            "driver": "need",
                        },
                        {
                            "goal": "Every participant paired with a mentor they picked",
                            "why": "A good match matters more than the mentor's credentials.",
                            "driver": "opportunity",
                        },
                    ],
                    "values": [
                        {
                            "value": "Peer respect",
                            "meaning": "Participants are founders, not cases.",
                        },
                        {
                            "value": "Learning by doing",
                            "meaning": "We test ideas with real customers early.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Twenty volunteer mentors from the local chamber of "
                            "commerce.",
                        },
                        {
                            "kind": "ict",
                            "description": "A group chat and social media page run by the "
                            "participants themselves.",
                        },
                        {
                            "kind": "spaces",
                            "description": "A co-working floor lent by a business incubator.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "financial",
                            "description": "Starting a business can stop unemployment benefit.",
                            "contradiction": "We encourage people to take a risk that can cost "
                            "them their only income.",
                        },
                        {
                            "kind": "organisational",
                            "description": "Course budgets are fixed per hour of teaching.",
                            "contradiction": "Participants want mentoring and peer time, which "
                            "the budget does not count.",
                        },
                    ],
                    "tools": ["design_thinking", "idea_board", "social_media_analysis"],
                    "tools_note": "Co-design sessions, an open forum with mentors, and a "
                    "participant-run online group we read together once a month.",
                },
            }
        ],
        "activities": [
            {
                "title": "Co-design of the course programme",
                "kind": K.WORKSHOP,
                "purpose": "Participants and trainers rebuild the course module by module.",
                "opens": -45,
                "closes": -5,
                "phases": [P.CO_DESIGN, P.CO_DECISION],
                "setting": S.PLACE,
                "location": "Incubator co-working floor",
                "run_by": "facilitator",
            },
            {
                "title": "Mentor matching evenings",
                "kind": K.CONVERSATION,
                "purpose": "Short conversations between founders and mentors; each founder "
                "proposes the mentor they would like.",
                "opens": -14,
                "closes": 21,
                "phases": [P.CO_IMPLEMENTATION],
                "setting": S.PLACE,
                "location": "Incubator co-working floor, Thursday evenings",
                "run_by": "admin",
            },
            {
                "title": "Founders' online forum",
                "kind": K.IDEA_ROUND,
                "purpose": "An online group where participants share problems and ideas; the "
                "team reads along with permission.",
                "opens": -40,
                "closes": None,
                "phases": [P.CO_DESIGN, P.CO_EVALUATION],
                "setting": S.ONLINE,
                "location": "",
                "run_by": None,
                "run_by_note": "Moderated by two participants",
            },
        ],
    },
    # 4 -------------------------------------------------------------------------------------
    {
        "slug": "hungarian-villages",
        "name": "Ten Villages Partnership",
        "country": "Hungary",
        "domain": "villages.demo",
        "language": "en",
        "description": (
            "Demo organisation: a partnership of village councils and social workers working on "
            "the household economy of low-income families. People and figures are fictional."
        ),
        "people": {
            "admin": "Eszter Kovács",
            "facilitator": "Gábor Horváth",
            "reporter": "Anikó Balogh",
        },
        "initiative": {
            "title": "Gardens, skills and local trade in ten villages",
            "summary": (
                "Families on low incomes, many of them Roma, plan their household economy with "
                "a social worker, grow food on land the village lends them and sell or swap what "
                "they make. Mayors, families and social workers decide together which land, "
                "which seeds and which training each village needs. This initiative is private "
                "while families decide what they want to share."
            ),
            "service_area": ServiceArea.LOCAL_ECONOMY,
            "place": "Ten villages in north-eastern Hungary",
            "target_groups": [
                "Low-income families, including Roma families",
                "Village mayors",
                "Social workers",
            ],
            "languages": ["hu"],
            "visibility": Visibility.PRIVATE,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "admin",
                "days_ago": 120,
                "data": {
                    "context": {
                        "place": "Small villages with few jobs and long travel to the nearest "
                        "town.",
                        "target_group": "Families living on benefits or seasonal work.",
                        "policy": "The national social land programme and local public works "
                        "schemes.",
                        "service": "Family support, household planning and the land programme.",
                    },
                    "goals": [
                        {
                            "goal": "Every taking-part family has a household plan it wrote itself",
                            "why": "A plan made for a family is rarely followed; one made by it "
                            "often is.",
                            "driver": "need",
                        },
                        {
                            "goal": "Village land used for food that families choose to grow",
                            "why": "Unused land and empty cupboards sit side by side.",
                            "driver": "inequality",
                        },
                        {
                            "goal": "Mayors and families decide the programme together",
                            "why": "In the past, decisions were announced, not shared.",
                            "driver": "statutory",
                        },
                    ],
                    "values": [
                        {
                            "value": "Dignity",
                            "meaning": "We talk about skills and plans, not about debts and "
                            "failures.",
                        },
                        {
                            "value": "Trust before targets",
                            "meaning": "Relationships come first; numbers follow.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "A social worker per two villages and volunteer "
                            "gardeners.",
                        },
                        {
                            "kind": "other",
                            "description": "Plots of municipal land, seeds and tools.",
                        },
                        {
                            "kind": "budget",
                            "description": "The land programme's annual allocation.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "cultural",
                            "description": "Long-standing distrust between Roma families and "
                            "local authorities.",
                            "contradiction": "The partners who must share power are the ones "
                            "families trust least.",
                        },
                        {
                            "kind": "legal",
                            "description": "Selling produce needs registration that few "
                            "families have.",
                            "contradiction": "We promote local trade that the rules make hard "
                            "to start.",
                        },
                    ],
                    "tools": ["community_reporting", "cosmos", "study_circle", "door_to_door"],
                    "tools_note": "Household plans at the kitchen table, local workshops, "
                    "families' own stories and a COSMOS model to compare what each party "
                    "expects.",
                },
            }
        ],
        "activities": [
            {
                "title": "Household planning visits",
                "kind": K.DOOR_TO_DOOR,
                "purpose": "Social workers and families draw up a household plan together at home.",
                "opens": -100,
                "closes": None,
                "phases": [P.CO_DESIGN, P.CO_IMPLEMENTATION],
                "setting": S.DOOR_TO_DOOR,
                "location": "Families' homes in all ten villages",
                "run_by": "facilitator",
                "is_public": False,
            },
            {
                "title": "Seed and preserving workshops",
                "kind": K.WORKSHOP,
                "purpose": "Families teach each other how to choose seeds, grow and preserve "
                "food for winter.",
                "opens": -30,
                "closes": 40,
                "phases": [P.CO_IMPLEMENTATION],
                "setting": S.PLACE,
                "location": "Village halls, in turn",
                "run_by": "facilitator",
            },
            {
                "title": "Family stories: a year on the land",
                "kind": K.STORY_GATHERING,
                "purpose": "Community reporters from the villages record what the programme "
                "changed, and what it did not.",
                "opens": -20,
                "closes": 60,
                "phases": [P.CO_EVALUATION],
                "setting": S.MIXED,
                "location": "",
                "run_by": "reporter",
            },
            {
                "title": "COSMOS session with mayors and families",
                "kind": K.WORKSHOP,
                "purpose": "Build a shared model of who is responsible for what, and compare "
                "the mayors' and the families' answers.",
                "opens": 30,
                "closes": 30,
                "phases": [P.CO_DECISION, P.CO_EVALUATION],
                "setting": S.PLACE,
                "location": "Largest village's council room",
                "run_by": "admin",
            },
        ],
    },
    # 5 -------------------------------------------------------------------------------------
    {
        "slug": "nieuwegein",
        "name": "Gemeente Nieuwegein",
        "country": "Nederland",
        "domain": "nieuwegein.demo",
        "language": "nl",
        "description": (
            "Demo-organisatie: een gemeente die samen met huurders werkt aan een schone en "
            "prettige woonomgeving. Alle personen en cijfers zijn verzonnen."
        ),
        "people": {
            "admin": "Peter van Dijk",
            "facilitator": "Ayşe Yılmaz",
            "partner": "Linda Mulder",
        },
        "initiative": {
            "title": "Een schoon plein: samen met bewoners aan de slag met afval",
            "summary": (
                "Rond vier flats met elk zo'n negentig huishoudens staan vuilniszakken vaak naast "
                "de containers. In plaats van nog een folder of een boete gaan we met bewoners "
                "praten: aan de deur, in een huiskamer in de flat en tijdens een proef met andere "
                "containers. Samen kijken we of het plein er echt schoner door wordt."
            ),
            "service_area": ServiceArea.ENVIRONMENT,
            "place": "Nieuwegein",
            "target_groups": [
                "Huurders van vier flats",
                "Woningcorporatie",
                "Afvalinzameling en wijkbeheer",
            ],
            "languages": ["nl", "nl-simple", "ar", "tr"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "facilitator",
                "days_ago": 55,
                "data": {
                    "context": {
                        "place": "Vier portiekflats rond een gedeeld binnenplein met een "
                        "speeltuin.",
                        "target_group": "Huurders, onder wie veel gezinnen met jonge kinderen en "
                        "mensen die nog maar kort in Nederland wonen.",
                        "policy": "Het afvalbeleid van de gemeente en de prestatieafspraken met "
                        "de woningcorporatie.",
                        "service": "Afvalinzameling, handhaving en wijkbeheer.",
                    },
                    "goals": [
                        {
                            "goal": "Minder afval naast de containers",
                            "why": "Losse zakken trekken ratten aan en maken het plein onveilig "
                            "om te spelen.",
                            "driver": "need",
                        },
                        {
                            "goal": "Bewoners kiezen zelf de oplossing die bij hun flat past",
                            "why": "Eerdere campagnes van bovenaf hielpen maar een paar weken.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "Ook bewoners bereiken die weinig Nederlands spreken",
                            "why": "Zij kregen tot nu toe vooral brieven die ze niet konden lezen.",
                            "driver": "inequality",
                        },
                    ],
                    "values": [
                        {
                            "value": "Naar mensen toe",
                            "meaning": "We wachten niet op een inspraakavond, we bellen aan.",
                        },
                        {
                            "value": "Geen schuldvraag",
                            "meaning": "We praten over het plein, niet over wie een zak liet "
                            "staan.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Twee wijkbeheerders, een bewonersconsulent van de "
                            "corporatie en tolken op afroep.",
                        },
                        {
                            "kind": "budget",
                            "description": "Huur van proefcontainers voor drie maanden.",
                        },
                        {
                            "kind": "spaces",
                            "description": "Een leegstaande benedenwoning als tijdelijke "
                            "huiskamer.",
                        },
                        {
                            "kind": "ict",
                            "description": "Sensoren die meten hoe vol de containers zijn.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "financial",
                            "description": "Vaker legen kost geld dat niet begroot is.",
                            "contradiction": "Bewoners vragen om meer ophaalrondes; de "
                            "begroting vraagt om minder kosten.",
                        },
                        {
                            "kind": "cultural",
                            "description": "Wantrouwen na eerdere boetes.",
                            "contradiction": "Dezelfde gemeente die beboet, vraagt nu om mee te "
                            "denken.",
                        },
                    ],
                    "tools": ["door_to_door", "living_room", "open_data"],
                    "tools_note": "Eerst aanbellen, dan in de huiskamer samen kiezen, daarna "
                    "meten wat de proef oplevert.",
                },
            },
            {
                "author": "admin",
                "days_ago": 10,
                "data": {
                    "barriers": [
                        {
                            "kind": "financial",
                            "description": "Vaker legen kost geld dat niet begroot is.",
                            "contradiction": "Bewoners vragen om meer ophaalrondes; de "
                            "begroting vraagt om minder kosten.",
                        },
                        {
                            "kind": "cultural",
                            "description": "Wantrouwen na eerdere boetes.",
                            "contradiction": "Dezelfde gemeente die beboet, vraagt nu om mee te "
                            "denken.",
                        },
                        {
                            "kind": "technical",
                            "description": "De sensoren laten zien dat een container vol is, "
                            "niet waarom.",
                            "contradiction": "Cijfers geven houvast, maar het verhaal erachter "
                            "horen we alleen in gesprek.",
                        },
                    ],
                    "tools": ["door_to_door", "living_room", "open_data", "light_participation"],
                    "tools_note": "Na de huiskamergesprekken: een korte vraag op een kaartje "
                    "bij de containers voor wie niet wil of kan praten.",
                },
            },
        ],
        "activities": [
            {
                "title": "Aanbellen in de vier flats",
                "kind": K.DOOR_TO_DOOR,
                "purpose": "Met een tolk langs alle deuren: wat vindt u van het plein, en wat "
                "zou helpen?",
                "opens": -50,
                "closes": -15,
                "phases": [P.CO_INITIATION],
                "setting": S.DOOR_TO_DOOR,
                "location": "Vier portiekflats aan het binnenplein",
                "run_by": "facilitator",
            },
            {
                "title": "Huiskamergesprekken",
                "kind": K.LIVING_ROOM,
                "purpose": "Met koffie en thee in de tijdelijke huiskamer kiezen bewoners welke "
                "proef we doen.",
                "opens": -20,
                "closes": 20,
                "phases": [P.CO_DESIGN, P.CO_DECISION],
                "setting": S.PLACE,
                "location": "Tijdelijke huiskamer, begane grond",
                "run_by": "partner",
            },
            {
                "title": "Proef met nieuwe containers",
                "kind": K.OTHER,
                "purpose": "Drie maanden andere containers op het plein, met sensoren en een "
                "wekelijkse ronde van bewoners.",
                "opens": -5,
                "closes": 85,
                "phases": [P.CO_IMPLEMENTATION, P.CO_EVALUATION],
                "setting": S.PLACE,
                "location": "Binnenplein",
                "run_by": "admin",
                "run_by_note": "samen met de bewonerscommissie",
            },
            {
                "title": "Terugblik op de proef",
                "kind": K.CONVERSATION,
                "purpose": "Wat zeggen de metingen, wat zien bewoners zelf, en gaan we door?",
                "opens": 90,
                "closes": 90,
                "phases": [P.CO_EVALUATION, P.CO_DECISION],
                "setting": S.PLACE,
                "location": "Tijdelijke huiskamer",
                "run_by": None,
            },
        ],
    },
    # 6 -------------------------------------------------------------------------------------
    {
        "slug": "houten",
        "name": "Gemeente Houten",
        "country": "Nederland",
        "domain": "houten.demo",
        "language": "nl",
        "description": (
            "Demo-organisatie: een gemeente die haar dienstverlening rond werk en inkomen samen "
            "met inwoners opnieuw vormgeeft. Alle personen en cijfers zijn verzonnen."
        ),
        "people": {
            "admin": "Marieke de Vries",
            "facilitator": "Joost Bakker",
            "reporter": "Fatima El Amrani",
            "partner": "Henk Jansen",
            "observer": "Sanne Visser",
        },
        "initiative": {
            "title": "Werk en inkomen opnieuw ontwerpen, samen met werkzoekenden",
            "summary": (
                "Wie al jaren zonder betaald werk zit, weet als geen ander waar onze begeleiding "
                "tekortschiet. Met verhalen van inwoners, gesprekken met werkgevers en "
                "gezamenlijke ontwerpsessies maken we de weg naar werk persoonlijker en "
                "eenvoudiger. Op deze pagina laten we zien wat we met iedere bijdrage doen."
            ),
            "service_area": ServiceArea.WORK_INCOME,
            "place": "Houten",
            "target_groups": [
                "Langdurig werkzoekenden",
                "Werkgevers uit de regio",
                "Klantmanagers",
            ],
            "languages": ["nl", "nl-simple"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "facilitator",
                "days_ago": 75,
                "data": {
                    "context": {
                        "place": "Een groeikern met wijken die sterk verschillen in opbouw en "
                        "voorzieningen.",
                        "target_group": "Inwoners met een bijstandsuitkering die al meer dan "
                        "twee jaar geen betaald werk hebben, en werkgevers die lastig personeel "
                        "vinden.",
                        "policy": "De Participatiewet en het beleidsplan werk en inkomen, met "
                        "ruimte voor maatwerk binnen de regels.",
                        "service": "Begeleiding naar werk, re-integratie en de uitkeringen van "
                        "het team Werk en Inkomen.",
                    },
                    "goals": [
                        {
                            "goal": "Begeleiding die past bij de persoon, niet één vast traject",
                            "why": "Standaardtrajecten sluiten slecht aan bij wat mensen kunnen "
                            "en willen, dus haken ze af.",
                            "driver": "need",
                        },
                        {
                            "goal": "Meer vertrouwen tussen inwoners en de gemeente",
                            "why": "Zonder vertrouwen vertelt niemand wat er echt speelt.",
                            "driver": "need",
                        },
                        {
                            "goal": "Werkgevers vroeg laten meedenken over trajecten",
                            "why": "Banen ontstaan bij werkgevers; denken zij mee, dan sluit een "
                            "traject aan op echt werk.",
                            "driver": "opportunity",
                        },
                    ],
                    "values": [
                        {
                            "value": "Gelijkwaardigheid",
                            "meaning": "De ervaring van een werkzoekende weegt even zwaar als "
                            "die van een beleidsmaker.",
                        },
                        {
                            "value": "Eerlijk terugkoppelen",
                            "meaning": "We vertellen wat we met ideeën doen, ook als iets niet "
                            "kan.",
                        },
                        {
                            "value": "Uitgaan van talent",
                            "meaning": "We vragen eerst wat iemand goed kan, niet wat er "
                            "ontbreekt.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Twee klantmanagers een dag per week vrijgemaakt, "
                            "en drie getrainde buurtverslaggevers.",
                        },
                        {
                            "kind": "budget",
                            "description": "Een klein projectbudget voor vrijwilligersvergoeding, "
                            "reiskosten en koffie.",
                        },
                        {
                            "kind": "spaces",
                            "description": "Het wijkcentrum en de bibliotheek, zodat gesprekken "
                            "niet in het gemeentehuis hoeven.",
                        },
                        {
                            "kind": "ict",
                            "description": "Telefoons om verhalen op te nemen en dit platform "
                            "voor de terugkoppeling.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "legal",
                            "description": "Regels voor rechtmatigheid en handhaving laten weinig "
                            "ruimte om af te wijken.",
                            "contradiction": "We willen maatwerk, maar moeten ook iedereen gelijk "
                            "behandelen.",
                        },
                        {
                            "kind": "cultural",
                            "description": "Veel inwoners verwachten controle van de gemeente, "
                            "geen meedenken.",
                            "contradiction": "Wie een uitkering krijgt, hangt af van de instantie "
                            "die nu om kritiek vraagt.",
                        },
                        {
                            "kind": "organisational",
                            "description": "Klantmanagers hebben een volle caseload.",
                            "contradiction": "Tijd voor co-creatie gaat af van de tijd voor "
                            "individuele begeleiding.",
                        },
                    ],
                    "tools": [
                        "community_reporting",
                        "conversation_of_change",
                        "journey_map",
                        "light_participation",
                    ],
                    "tools_note": "Verhalen zijn het vertrekpunt; in een verandergesprek kiezen "
                    "we samen de thema's waarmee we verdergaan.",
                },
            },
            {
                "author": "admin",
                "days_ago": 12,
                "data": {
                    "goals": [
                        {
                            "goal": "Begeleiding die past bij de persoon, niet één vast traject",
                            "why": "Standaardtrajecten sluiten slecht aan bij wat mensen kunnen "
                            "en willen, dus haken ze af.",
                            "driver": "need",
                        },
                        {
                            "goal": "Meer vertrouwen tussen inwoners en de gemeente",
                            "why": "Zonder vertrouwen vertelt niemand wat er echt speelt.",
                            "driver": "need",
                        },
                        {
                            "goal": "Werkgevers vroeg laten meedenken over trajecten",
                            "why": "Banen ontstaan bij werkgevers; denken zij mee, dan sluit een "
                            "traject aan op echt werk.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "Eén vast aanspreekpunt voor iedere werkzoekende",
                            "why": "In bijna elk verhaal moest iemand zijn situatie steeds "
                            "opnieuw uitleggen aan een nieuwe medewerker.",
                            "driver": "need",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "legal",
                            "description": "Regels voor rechtmatigheid en handhaving laten weinig "
                            "ruimte om af te wijken.",
                            "contradiction": "We willen maatwerk, maar moeten ook iedereen gelijk "
                            "behandelen.",
                        },
                        {
                            "kind": "cultural",
                            "description": "Veel inwoners verwachten controle van de gemeente, "
                            "geen meedenken.",
                            "contradiction": "Wie een uitkering krijgt, hangt af van de instantie "
                            "die nu om kritiek vraagt.",
                        },
                        {
                            "kind": "organisational",
                            "description": "Klantmanagers hebben een volle caseload.",
                            "contradiction": "Tijd voor co-creatie gaat af van de tijd voor "
                            "individuele begeleiding.",
                        },
                        {
                            "kind": "technical",
                            "description": "Het klantsysteem kan geen afspraken vastleggen die "
                            "de inwoner zelf voorstelt.",
                            "contradiction": "We vragen inwoners om mee te plannen, maar het "
                            "systeem kent alleen plannen van de gemeente.",
                        },
                    ],
                    "tools": [
                        "community_reporting",
                        "conversation_of_change",
                        "journey_map",
                        "personas",
                        "design_thinking",
                        "light_participation",
                    ],
                    "tools_note": "De verhalen zijn in thema's geordend. Per thema werkt een "
                    "kleine groep van inwoners, klantmanagers en werkgevers verder met "
                    "persona's en ontwerpsessies.",
                },
            },
        ],
        "activities": [
            {
                "title": "Verhalen ophalen: werk zoeken in Houten",
                "kind": K.STORY_GATHERING,
                "purpose": "Buurtverslaggevers vragen inwoners met een uitkering naar hun "
                "ervaringen met werk zoeken en met de gemeente. Iedereen bepaalt zelf wat er "
                "met zijn verhaal gebeurt.",
                "opens": -70,
                "closes": 21,
                "phases": [P.CO_INITIATION, P.CO_EVALUATION],
                "setting": S.MIXED,
                "location": "Wijkcentrum, bibliotheek en bij mensen thuis",
                "run_by": "reporter",
            },
            {
                "title": "Verandergesprek: wat moet er anders?",
                "kind": K.CONVERSATION,
                "purpose": "Inwoners, klantmanagers en werkgevers luisteren samen naar "
                "fragmenten uit de verhalen en kiezen de thema's waar we mee verdergaan.",
                "opens": -28,
                "closes": 10,
                "phases": [P.CO_DESIGN, P.CO_DECISION],
                "setting": S.PLACE,
                "location": "Wijkcentrum, grote zaal",
                "run_by": "facilitator",
                "run_by_note": "samen met twee inwoners uit de verhalenronde",
            },
            {
                "title": "Ontwerpsessies met werkgevers en werkzoekenden",
                "kind": K.WORKSHOP,
                "purpose": "Per thema ontwerpen we een nieuwe aanpak en proberen die meteen uit "
                "met een paar deelnemers.",
                "opens": -7,
                "closes": 35,
                "phases": [P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Ondernemershuis, vergaderzaal",
                "run_by": "partner",
            },
            {
                "title": "Meedenkpunt in de bibliotheek",
                "kind": K.IDEA_ROUND,
                "purpose": "Elke woensdagmiddag kan iedereen binnenlopen met een idee of vraag, "
                "zonder afspraak en zonder formulier.",
                "opens": -40,
                "closes": None,
                "phases": [P.CO_INITIATION, P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Bibliotheek, woensdag 13.00-16.00 uur",
                "run_by": "facilitator",
            },
            {
                "title": "Belronde: hoe ging het na het eerste gesprek?",
                "kind": K.PHONE_ROUND,
                "purpose": "We bellen deelnemers na een paar weken om te horen of de nieuwe "
                "aanpak voor hen werkt.",
                "opens": 14,
                "closes": 42,
                "phases": [P.CO_EVALUATION],
                "setting": S.PHONE,
                "location": "",
                "run_by": None,
            },
        ],
    },
    # 7 -------------------------------------------------------------------------------------
    {
        "slug": "reggio-emilia",
        "name": "Reggio Emilia Family Health Services",
        "country": "Italy",
        "domain": "reggio.demo",
        "language": "en",
        "description": (
            "Demo organisation: local health and family services working with parents on "
            "children's health. People and figures are fictional."
        ),
        "people": {
            "admin": "Giulia Ferrari",
            "facilitator": "Marco Bianchi",
            "reporter": "Sara Conti",
        },
        "initiative": {
            "title": "Healthy childhoods: families and services against childhood obesity",
            "summary": (
                "Advice on healthy eating and exercise often reaches the families who need it "
                "least. Parents, paediatricians, schools and sports clubs are working out "
                "together what would really help families with children up to thirteen: in a "
                "families' committee, focus groups, a public lab and a digital tool that "
                "parents help to design."
            ),
            "service_area": ServiceArea.HEALTH,
            "place": "Reggio Emilia province",
            "target_groups": [
                "Families with children aged 0 to 13",
                "Paediatricians and school staff",
                "Sports clubs",
            ],
            "languages": ["it", "ar", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "admin",
                "days_ago": 90,
                "data": {
                    "context": {
                        "place": "A province with a strong tradition of early-childhood services.",
                        "target_group": "Parents and carers of children up to 13, especially "
                        "families under financial pressure.",
                        "policy": "The regional prevention plan for healthy lifestyles.",
                        "service": "Paediatric care, school health and family counselling.",
                    },
                    "goals": [
                        {
                            "goal": "Advice that fits family life instead of a leaflet",
                            "why": "Parents already know the rules; what is hard is daily life "
                            "with little time and money.",
                            "driver": "need",
                        },
                        {
                            "goal": "One network of services around each family",
                            "why": "Doctors, schools and clubs each see a piece of the child's "
                            "life.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "A digital tool designed with parents",
                            "why": "Tools built without parents end up unused.",
                            "driver": "opportunity",
                        },
                    ],
                    "values": [
                        {
                            "value": "No blame",
                            "meaning": "Weight is a shared concern, never a parent's failure.",
                        },
                        {
                            "value": "Parents as experts",
                            "meaning": "Parents know their children and their days best.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Paediatric nurses, a dietitian and parent volunteers.",
                        },
                        {
                            "kind": "ict",
                            "description": "A small development budget for a mobile app.",
                        },
                        {
                            "kind": "spaces",
                            "description": "Schools and a public library for the lab.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "cultural",
                            "description": "Talking about a child's weight feels like an "
                            "accusation.",
                            "contradiction": "The subject we must discuss is the one families "
                            "avoid most.",
                        },
                        {
                            "kind": "organisational",
                            "description": "Health, school and sport are funded and steered "
                            "separately.",
                            "contradiction": "Families need one approach; services are built "
                            "in three.",
                        },
                    ],
                    "tools": [
                        "stakeholder_map",
                        "committee",
                        "focus_group",
                        "community_reporting",
                    ],
                    "tools_note": "Start by mapping who is involved, then a standing families' "
                    "committee, focus groups and a public lab.",
                },
            }
        ],
        "activities": [
            {
                "title": "Stakeholder mapping",
                "kind": K.WORKSHOP,
                "purpose": "Map every person and organisation that touches a child's eating "
                "and moving, and who is missing.",
                "opens": -80,
                "closes": -79,
                "phases": [P.CO_INITIATION],
                "setting": S.PLACE,
                "location": "Health centre meeting room",
                "run_by": "admin",
            },
            {
                "title": "Families' committee",
                "kind": K.CONVERSATION,
                "purpose": "A standing group of parents that meets monthly and co-decides the "
                "initiative's next steps.",
                "opens": -60,
                "closes": None,
                "phases": [P.CO_DESIGN, P.CO_DECISION, P.CO_EVALUATION],
                "setting": S.PLACE,
                "location": "Public library, first Monday of the month",
                "run_by": "facilitator",
            },
            {
                "title": "Focus groups with parents",
                "kind": K.FOCUS_GROUP,
                "purpose": "Small groups on food shopping, screen time and sport, with "
                "childcare provided.",
                "opens": -15,
                "closes": 20,
                "phases": [P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Three primary schools",
                "run_by": "facilitator",
            },
            {
                "title": "Public lab: testing the app",
                "kind": K.WORKSHOP,
                "purpose": "Families try the first version of the app and decide what to keep.",
                "opens": 35,
                "closes": 36,
                "phases": [P.CO_DESIGN, P.CO_EVALUATION],
                "setting": S.PLACE,
                "location": "Public library",
                "run_by": None,
            },
        ],
    },
    # 8 -------------------------------------------------------------------------------------
    {
        "slug": "hull",
        "name": "Hull Probation Service",
        "country": "United Kingdom",
        "domain": "hull.demo",
        "language": "en",
        "description": (
            "Demo organisation: a probation service trying personalised, strengths-based "
            "supervision. People and figures are fictional."
        ),
        "people": {
            "admin": "Rachel Thompson",
            "facilitator": "Daniel Hughes",
            "partner": "Priya Shah",
            "observer": "Owen Clarke",
        },
        "initiative": {
            "title": "Plans that fit the person: strengths-based probation",
            "summary": (
                "People on probation and their officers write supervision plans together, "
                "starting from what the person is good at and wants to achieve. A small "
                "personal fund pays for things that make a plan work, such as a course fee or "
                "work boots. Officers meet regularly to learn from each other. The initiative is "
                "private because it concerns people under supervision."
            ),
            "service_area": ServiceArea.JUSTICE,
            "place": "Hull",
            "target_groups": [
                "People on probation with a low or medium risk",
                "Probation officers",
                "Local support organisations",
            ],
            "languages": ["en"],
            "visibility": Visibility.PRIVATE,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "admin",
                "days_ago": 110,
                "data": {
                    "context": {
                        "place": "A port city with high deprivation in several neighbourhoods.",
                        "target_group": "Adults on community orders or licence, assessed as low "
                        "or medium risk.",
                        "policy": "National probation standards and local reducing-reoffending "
                        "plans.",
                        "service": "Supervision, sentence planning and referral to support.",
                    },
                    "goals": [
                        {
                            "goal": "Every plan written with the person, in their words",
                            "why": "People follow plans they recognise as their own.",
                            "driver": "need",
                        },
                        {
                            "goal": "A personal fund that people help decide on",
                            "why": "Small practical costs often block a good plan.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "Officers who share what works",
                            "why": "Strengths-based work is new to many staff and needs practice.",
                            "driver": "need",
                        },
                    ],
                    "values": [
                        {
                            "value": "Strengths first",
                            "meaning": "We start from what a person can do.",
                        },
                        {
                            "value": "Honesty about limits",
                            "meaning": "We are clear about what is not negotiable, such as "
                            "public safety.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "budget",
                            "description": "A small personal fund per person on the scheme.",
                        },
                        {
                            "kind": "people",
                            "description": "Six officers in the pilot team and a peer mentor "
                            "charity.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "legal",
                            "description": "Court orders set conditions that cannot be changed.",
                            "contradiction": "We share power over a plan inside limits that "
                            "nobody in the room can move.",
                        },
                        {
                            "kind": "organisational",
                            "description": "Performance targets count appointments, not progress.",
                            "contradiction": "Staff are asked to build relationships but "
                            "measured on compliance.",
                        },
                    ],
                    "tools": ["personas", "study_circle", "journey_map"],
                    "tools_note": "Action learning sets for officers; journey maps drawn with "
                    "people on probation.",
                },
            }
        ],
        "activities": [
            {
                "title": "Action learning sets for officers",
                "kind": K.WORKSHOP,
                "purpose": "Officers bring a real case every fortnight and work out the next "
                "step together.",
                "opens": -100,
                "closes": 60,
                "phases": [P.CO_IMPLEMENTATION, P.CO_EVALUATION],
                "setting": S.PLACE,
                "location": "Probation office, training room",
                "run_by": "facilitator",
                "is_public": False,
            },
            {
                "title": "Journey maps with people on probation",
                "kind": K.FOCUS_GROUP,
                "purpose": "Draw the path from sentence to the end of supervision, marking where "
                "it helped and where it hurt.",
                "opens": -30,
                "closes": 5,
                "phases": [P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Partner charity's drop-in centre",
                "run_by": "partner",
            },
            {
                "title": "Personal fund panel",
                "kind": K.CONVERSATION,
                "purpose": "A panel with two people with lived experience agrees how the fund "
                "is spent and reviews requests.",
                "opens": 7,
                "closes": 90,
                "phases": [P.CO_DECISION],
                "setting": S.MIXED,
                "location": "",
                "run_by": "admin",
            },
        ],
    },
    # 9 -------------------------------------------------------------------------------------
    {
        "slug": "jonkoping",
        "name": "Jönköping Municipality",
        "country": "Sweden",
        "domain": "jonkoping.demo",
        "language": "en",
        "description": (
            "Demo organisation: a municipality rethinking personal assistance with the people "
            "who use it. People and figures are fictional."
        ),
        "people": {"admin": "Karin Lindqvist", "facilitator": "Erik Johansson"},
        "initiative": {
            "title": "Personal assistance on the user's terms",
            "summary": (
                "People who rely on personal assistance, their assistants and the managers who "
                "plan the work meet in sense-making dialogues to find out what good assistance "
                "looks like from each side. Study circles, focus groups and a short survey help "
                "us test what we hear with a wider group."
            ),
            "service_area": ServiceArea.DISABILITY,
            "place": "Jönköping",
            "target_groups": [
                "People who use personal assistance",
                "Personal assistants",
                "First-line managers",
            ],
            "languages": ["sv", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "facilitator",
                "days_ago": 60,
                "data": {
                    "context": {
                        "place": "A mid-sized municipality with its own assistance provider.",
                        "target_group": "Adults with extensive disabilities who employ or are "
                        "assigned personal assistants.",
                        "policy": "The national act on support and service for disabled people.",
                        "service": "Municipal personal assistance and its scheduling.",
                    },
                    "goals": [
                        {
                            "goal": "Users have a real say in who assists them and when",
                            "why": "Assistance shapes every hour of a person's day.",
                            "driver": "statutory",
                        },
                        {
                            "goal": "Managers and users share one picture of good assistance",
                            "why": "Complaints often come from different expectations, not bad "
                            "will.",
                            "driver": "need",
                        },
                    ],
                    "values": [
                        {
                            "value": "Self-determination",
                            "meaning": "The user decides about their own life.",
                        },
                        {
                            "value": "Respect for the work",
                            "meaning": "Assistants' experience counts as expertise too.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "A researcher who facilitates the dialogues, and "
                            "release time for assistants.",
                        },
                        {
                            "kind": "spaces",
                            "description": "An accessible meeting room used as a living lab.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "organisational",
                            "description": "Rotas are planned centrally, weeks ahead.",
                            "contradiction": "Users want flexibility; managers need a rota "
                            "that is fair to staff.",
                        },
                        {
                            "kind": "technical",
                            "description": "Some users communicate with aids that meetings are "
                            "not set up for.",
                            "contradiction": "We invite everyone but run meetings at a pace "
                            "not everyone can follow.",
                        },
                    ],
                    "tools": ["focus_group", "study_circle", "survey"],
                    "tools_note": "Sense-making dialogues in the living lab, followed by study "
                    "circles and a short survey.",
                },
            }
        ],
        "activities": [
            {
                "title": "Sense-making dialogues",
                "kind": K.CONVERSATION,
                "purpose": "Users, assistants and managers describe a recent day and look for "
                "where their pictures differ.",
                "opens": -50,
                "closes": 15,
                "phases": [P.CO_INITIATION, P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Living lab room, town hall annex",
                "run_by": "facilitator",
            },
            {
                "title": "Focus groups with assistants",
                "kind": K.FOCUS_GROUP,
                "purpose": "Assistants talk among themselves about what makes their work good "
                "for the user.",
                "opens": -20,
                "closes": -2,
                "phases": [P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Living lab room",
                "run_by": "facilitator",
            },
            {
                "title": "Survey: what matters in assistance?",
                "kind": K.SURVEY,
                "purpose": "A short survey, also in easy-read and by phone, to check the "
                "dialogues' findings with more people.",
                "opens": -3,
                "closes": 25,
                "phases": [P.CO_EVALUATION],
                "setting": S.MIXED,
                "location": "",
                "run_by": "admin",
            },
            {
                "title": "Study circle for first-line managers",
                "kind": K.WORKSHOP,
                "purpose": "Managers read and discuss the findings over four meetings and "
                "propose changes to scheduling.",
                "opens": 20,
                "closes": 60,
                "phases": [P.CO_DECISION, P.CO_IMPLEMENTATION],
                "setting": S.PLACE,
                "location": "Town hall",
                "run_by": None,
                "is_public": False,
            },
        ],
    },
    # 10 ------------------------------------------------------------------------------------
    {
        "slug": "turku",
        "name": "City of Turku",
        "country": "Finland",
        "domain": "turku.demo",
        "language": "en",
        "description": (
            "Demo organisation: a city youth services team working with young people outside "
            "work and education. People and figures are fictional."
        ),
        "people": {
            "admin": "Aino Virtanen",
            "facilitator": "Mikko Korhonen",
            "reporter": "Emilia Nieminen",
        },
        "initiative": {
            "title": "Ways in: young people shape youth employment services",
            "summary": (
                "Young people who are not in work or education told us that services feel like "
                "a maze built for someone else. We gather their stories, turn them into a few "
                "recognisable profiles and invite young people, youth workers and employers to "
                "hackathons where they redesign the way in."
            ),
            "service_area": ServiceArea.YOUTH,
            "place": "Turku",
            "target_groups": [
                "Young people not in work, education or training",
                "Youth workers",
                "Employers",
            ],
            "languages": ["fi", "sv", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.RUNNING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "facilitator",
                "days_ago": 65,
                "data": {
                    "context": {
                        "place": "A university city with a young population and pockets of "
                        "long youth unemployment.",
                        "target_group": "Young people aged 16 to 29 who are not in work, study "
                        "or training.",
                        "policy": "The youth guarantee and the city's employment services.",
                        "service": "Youth guidance centre, outreach youth work and job coaching.",
                    },
                    "goals": [
                        {
                            "goal": "Profiles of young people that staff recognise and use",
                            "why": "Services are planned for an average young person who does "
                            "not exist.",
                            "driver": "need",
                        },
                        {
                            "goal": "Redesign the first contact with services",
                            "why": "Most young people we lose are lost at the very start.",
                            "driver": "inequality",
                        },
                    ],
                    "values": [
                        {
                            "value": "Young people lead",
                            "meaning": "They choose the topics and co-host the events.",
                        },
                        {
                            "value": "Low threshold",
                            "meaning": "Anyone can join once, without committing to more.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Outreach youth workers and trained young reporters.",
                        },
                        {
                            "kind": "ict",
                            "description": "Text analysis of a public youth discussion forum.",
                        },
                        {
                            "kind": "budget",
                            "description": "Event costs and gift cards for participants.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "cultural",
                            "description": "Many young people distrust anything run by the city.",
                            "contradiction": "The city asks for trust while being the source of "
                            "the distrust.",
                        },
                        {
                            "kind": "legal",
                            "description": "Privacy rules limit how forum posts may be used.",
                            "contradiction": "Public posts are easy to read but not ours to "
                            "analyse freely.",
                        },
                    ],
                    "tools": [
                        "community_reporting",
                        "personas",
                        "social_hackathon",
                        "social_media_analysis",
                    ],
                    "tools_note": "Stories become four profiles; profiles feed the hackathon; "
                    "forum analysis checks whether we missed a group.",
                },
            }
        ],
        "activities": [
            {
                "title": "Young reporters gather stories",
                "kind": K.STORY_GATHERING,
                "purpose": "Young reporters ask peers one question: what happened the last time "
                "you asked a service for help?",
                "opens": -55,
                "closes": -10,
                "phases": [P.CO_INITIATION],
                "setting": S.MIXED,
                "location": "Youth centres, cafés and online",
                "run_by": "reporter",
            },
            {
                "title": "Profile workshop",
                "kind": K.WORKSHOP,
                "purpose": "Sort the stories into a few profiles and check them with the "
                "storytellers.",
                "opens": -12,
                "closes": 8,
                "phases": [P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Youth guidance centre",
                "run_by": "facilitator",
            },
            {
                "title": "Listening to the youth forum",
                "kind": K.OTHER,
                "purpose": "Analyse public forum discussions about work and study to find "
                "themes the stories missed.",
                "opens": -40,
                "closes": None,
                "phases": [P.CO_INITIATION, P.CO_EVALUATION],
                "setting": S.ONLINE,
                "location": "",
                "run_by": "admin",
                "is_public": False,
            },
            {
                "title": "Hackathon: the way in",
                "kind": K.HACKATHON,
                "purpose": "Teams of young people, youth workers and employers redesign the "
                "first contact with services.",
                "opens": 18,
                "closes": 19,
                "phases": [P.CO_DESIGN, P.CO_DECISION],
                "setting": S.PLACE,
                "location": "City library, event hall",
                "run_by": None,
            },
        ],
    },
    # 11 ------------------------------------------------------------------------------------
    {
        "slug": "athens",
        "name": "Athens Green Spaces Lab",
        "country": "Greece",
        "domain": "athens.demo",
        "language": "en",
        "description": (
            "Demo organisation: a metropolitan team preparing to plan small green spaces with "
            "residents, and testing this platform while it does. People and figures are "
            "fictional."
        ),
        "people": {"admin": "Eleni Papadopoulou", "facilitator": "Nikos Georgiou"},
        "initiative": {
            "title": "Shade in the neighbourhood: residents plan small green spaces",
            "summary": (
                "Dense neighbourhoods heat up in summer and have few places to sit in the shade. "
                "We are preparing to plan pocket parks and tree-lined corners with the people "
                "who live there, starting with walks through the streets and an idea board "
                "anyone can add to."
            ),
            "service_area": ServiceArea.ENVIRONMENT,
            "place": "Athens, central neighbourhoods",
            "target_groups": [
                "Residents of dense neighbourhoods",
                "Older residents",
                "Schools",
            ],
            "languages": ["el", "en"],
            "visibility": Visibility.PUBLIC,
            "status": InitiativeStatus.PREPARING,
            "created_by": "admin",
        },
        "canvas": [
            {
                "author": "admin",
                "days_ago": 30,
                "data": {
                    "context": {
                        "place": "Central districts with little public green and many "
                        "apartment blocks.",
                        "target_group": "Residents, especially older people and families "
                        "without a garden or balcony.",
                        "policy": "The metropolitan climate adaptation plan.",
                        "service": "Parks maintenance and public space planning.",
                    },
                    "goals": [
                        {
                            "goal": "Choose the first sites with residents",
                            "why": "People know which corners they would actually use.",
                            "driver": "opportunity",
                        },
                        {
                            "goal": "Train staff in co-creation before the first site is built",
                            "why": "Planners are used to consulting, not sharing decisions.",
                            "driver": "need",
                        },
                    ],
                    "values": [
                        {
                            "value": "Go where people are",
                            "meaning": "We meet residents on their street, not in an office.",
                        },
                        {
                            "value": "Open process",
                            "meaning": "All ideas and choices are published on this page.",
                        },
                    ],
                    "resources": [
                        {
                            "kind": "people",
                            "description": "Two planners and a landscape architect.",
                        },
                        {
                            "kind": "budget",
                            "description": "Climate adaptation funds for the first three sites.",
                        },
                    ],
                    "barriers": [
                        {
                            "kind": "technical",
                            "description": "Underground cables and pipes limit where trees can "
                            "grow.",
                            "contradiction": "Residents may choose places that engineering "
                            "rules out.",
                        },
                        {
                            "kind": "financial",
                            "description": "Maintenance money is not guaranteed after planting.",
                            "contradiction": "We plan green spaces that someone must water for "
                            "years.",
                        },
                    ],
                    "tools": ["idea_board", "cosmos", "open_data"],
                    "tools_note": "Street walks with a simple map, an idea board with voting and "
                    "a COSMOS session to agree who maintains what.",
                },
            }
        ],
        "activities": [
            {
                "title": "Staff training in co-creation",
                "kind": K.WORKSHOP,
                "purpose": "Planners practise listening, sharing decisions and giving feedback "
                "before meeting residents.",
                "opens": -20,
                "closes": -6,
                "phases": [P.CO_INITIATION],
                "setting": S.PLACE,
                "location": "Town hall training room",
                "run_by": "admin",
                "is_public": False,
            },
            {
                "title": "Neighbourhood walks",
                "kind": K.SURVEY,
                "purpose": "Walk the streets with residents and mark hot spots, shady spots and "
                "places to sit.",
                "opens": -8,
                "closes": 12,
                "phases": [P.CO_INITIATION, P.CO_DESIGN],
                "setting": S.PLACE,
                "location": "Meeting point: the main square, Saturdays 10:00",
                "run_by": "facilitator",
            },
            {
                "title": "Idea board: where do you want shade?",
                "kind": K.IDEA_ROUND,
                "purpose": "Anyone can propose a corner for a green space and vote on others' "
                "proposals.",
                "opens": -2,
                "closes": 45,
                "phases": [P.CO_DESIGN, P.CO_DECISION],
                "setting": S.ONLINE,
                "location": "",
                "run_by": "facilitator",
            },
        ],
    },
]
