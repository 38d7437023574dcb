"""The case library: the eleven CoSIE pilots in one schema, written for Constellate in plain
English and plain Dutch (B1). Each case names the standard methods it used (keys of
`library.content.METHODS`). Only facts from the project's reference notes are used; where
little is known publicly, the text says so."""

from typing import Any


def _case(
    key: str,
    number: int,
    *,
    country: str,
    place: str,
    service_area: str,
    methods: list[str],
    en: dict[str, Any],
    nl: dict[str, Any],
) -> dict[str, Any]:
    return {
        "key": key,
        "number": number,
        "country": country,
        "place": place,
        "service_area": service_area,
        "methods": methods,
        "texts": {"nl": nl, "en": en},
    }


CASES: list[dict[str, Any]] = [
    _case(
        "wroclaw-seniors",
        1,
        country="PL",
        place="Wrocław",
        service_area="elderly",
        methods=["open_space", "design_thinking", "community_reporting"],
        en={
            "title": "Wrocław: living together and neighbourly support for older people",
            "summary": "The city worked with older residents on shared housing and support "
            "from neighbours, so that people can keep living in their own district.",
            "service": "Co-housing and neighbourhood support",
            "target_group": "Older residents",
            "objectives": [
                "Help older people stay independent and connected in their neighbourhood.",
                "Design shared living together with the future residents.",
            ],
            "drivers": [
                "More and more older people live alone.",
                "Residents and the city both wanted an alternative to a care home.",
            ],
            "brakes": [
                "Housing rules and budgets were made for standard solutions.",
                "Not every older person finds it easy to join meetings.",
            ],
            "methods": "Open Space meetings brought out what older residents found important. "
            "Design thinking sessions worked these themes out into plans for the shared "
            "house and the support. Community reporters gathered stories about living alone.",
            "ethics": "Older residents were treated as experts on their own lives, not as a "
            "group to be cared for. Their stories set the agenda.",
            "learnings": [
                "An open agenda lets older people raise topics professionals had not thought of.",
                "Stories from peers make needs visible that a survey misses.",
            ],
        },
        nl={
            "title": "Wrocław: samen wonen en burenhulp voor ouderen",
            "summary": "De stad werkte met oudere bewoners aan gedeeld wonen en steun van "
            "buren, zodat mensen in hun eigen wijk kunnen blijven wonen.",
            "service": "Samen wonen en steun in de buurt",
            "target_group": "Oudere bewoners",
            "objectives": [
                "Ouderen helpen zelfstandig en verbonden te blijven in hun buurt.",
                "Gedeeld wonen ontwerpen samen met de toekomstige bewoners.",
            ],
            "drivers": [
                "Steeds meer ouderen wonen alleen.",
                "Bewoners en de stad wilden allebei een alternatief voor een verpleeghuis.",
            ],
            "brakes": [
                "Regels en budgetten voor wonen waren gemaakt voor standaardoplossingen.",
                "Niet elke oudere kan makkelijk naar bijeenkomsten komen.",
            ],
            "methods": "In Open Space-bijeenkomsten kwam naar boven wat oudere bewoners "
            "belangrijk vonden. In design-thinkingsessies werden die thema's uitgewerkt tot "
            "plannen voor het gedeelde huis en de steun. Community reporters haalden verhalen "
            "op over alleen wonen.",
            "ethics": "Oudere bewoners werden gezien als deskundigen van hun eigen leven, niet "
            "als een groep om voor te zorgen. Hun verhalen bepaalden de agenda.",
            "learnings": [
                "Een open agenda laat ouderen onderwerpen inbrengen waar professionals niet aan "
                "dachten.",
                "Verhalen van leeftijdgenoten laten behoeften zien die een vragenlijst mist.",
            ],
        },
    ),
    _case(
        "voru-rural-disability",
        2,
        country="EE",
        place="Võru county",
        service_area="disability",
        methods=["social_hackathon", "community_reporting"],
        en={
            "title": "Võru county: services for disabled people in remote areas",
            "summary": "In a rural county with small villages far apart, the pilot looked for "
            "new ways to bring support to disabled people, people with mental-health problems "
            "and older people. Three social hackathons brought citizens, providers and "
            "businesses together.",
            "service": "Social services in remote areas",
            "target_group": "Disabled people, mental-health clients and older people",
            "objectives": [
                "Find services that reach people who live far from the town.",
                "Involve users, families and local businesses in making them.",
            ],
            "drivers": [
                "Long distances make standard services hard to reach.",
                "The county was open to trying new formats.",
            ],
            "brakes": [
                "After the hackathons, it was hard to keep the ideas alive.",
                "Travel makes it hard for users to join events.",
            ],
            "methods": "The pilot held three social hackathons of about two days. Ideas only "
            "went on if the team mixed different stakeholder groups. Community reporting "
            "brought in stories of people who live in remote places.",
            "ethics": "Mixed teams made sure that users shaped the ideas and did not only "
            "receive them.",
            "learnings": [
                "A hackathon creates energy, but the follow-up must be planned and funded "
                "before it starts.",
                "Mixing people in teams changes how professionals see users.",
            ],
        },
        nl={
            "title": "Võrumaa: diensten voor mensen met een beperking op het platteland",
            "summary": "In een landelijke provincie met kleine dorpen ver uit elkaar zocht de "
            "pilot nieuwe manieren om steun te brengen bij mensen met een beperking, mensen "
            "met psychische problemen en ouderen. Drie sociale hackathons brachten inwoners, "
            "aanbieders en bedrijven samen.",
            "service": "Sociale diensten op het platteland",
            "target_group": "Mensen met een beperking, cliënten in de ggz en ouderen",
            "objectives": [
                "Diensten vinden die mensen bereiken die ver van de stad wonen.",
                "Gebruikers, families en lokale bedrijven betrekken bij het maken ervan.",
            ],
            "drivers": [
                "Door de grote afstanden zijn gewone diensten moeilijk te bereiken.",
                "De provincie stond open voor nieuwe werkvormen.",
            ],
            "brakes": [
                "Na de hackathons was het moeilijk om de ideeën levend te houden.",
                "Door het reizen is het lastig voor gebruikers om naar evenementen te komen.",
            ],
            "methods": "De pilot hield drie sociale hackathons van ongeveer twee dagen. "
            "Ideeën gingen alleen door als het team verschillende groepen mengde. Community "
            "reporting bracht verhalen in van mensen die afgelegen wonen.",
            "ethics": "Door gemengde teams vormden gebruikers de ideeën mee en kregen ze die "
            "niet alleen aangeboden.",
            "learnings": [
                "Een hackathon geeft energie, maar het vervolg moet vooraf gepland en betaald "
                "zijn.",
                "Mensen mengen in teams verandert hoe professionals naar gebruikers kijken.",
            ],
        },
    ),
    _case(
        "valencia-entrepreneurs",
        3,
        country="ES",
        place="Valencia",
        service_area="work_income",
        methods=["design_thinking"],
        en={
            "title": "Valencia: entrepreneurial skills for long-term unemployed people",
            "summary": "The pilot supported long-term unemployed people who had an idea for a "
            "business. The support was designed with them and offered through mentors, an "
            "open forum and social media run by the participants.",
            "service": "Support for starting a business",
            "target_group": "Long-term unemployed people with a business idea",
            "objectives": [
                "Help people turn their own idea into work.",
                "Design the support programme with the people who use it.",
            ],
            "drivers": [
                "High long-term unemployment.",
                "Many people had ideas but no network or support to start.",
            ],
            "brakes": [
                "Standard training courses leave little room for personal ideas.",
                "Confidence is low after a long time without work.",
            ],
            "methods": "Co-design sessions shaped the course programme together with the "
            "participants. Mentors supported them one to one. An open forum and social media "
            "channels, run by the participants themselves, kept the group in contact.",
            "ethics": "The approach starts from people's own ideas and talents, not from what "
            "they lack.",
            "learnings": [
                "Peer support between participants matters as much as expert advice.",
                "Letting users run their own channels builds ownership.",
            ],
        },
        nl={
            "title": "Valencia: ondernemersvaardigheden voor langdurig werklozen",
            "summary": "De pilot steunde langdurig werklozen met een idee voor een eigen "
            "bedrijf. De steun werd samen met hen ontworpen en gegeven via mentoren, een open "
            "forum en sociale media die de deelnemers zelf beheerden.",
            "service": "Steun bij het starten van een bedrijf",
            "target_group": "Langdurig werklozen met een bedrijfsidee",
            "objectives": [
                "Mensen helpen hun eigen idee om te zetten in werk.",
                "Het steunprogramma ontwerpen met de mensen die het gebruiken.",
            ],
            "drivers": [
                "Veel langdurige werkloosheid.",
                "Veel mensen hadden ideeën, maar geen netwerk of steun om te beginnen.",
            ],
            "brakes": [
                "Standaardcursussen laten weinig ruimte voor persoonlijke ideeën.",
                "Na lange tijd zonder werk is het zelfvertrouwen laag.",
            ],
            "methods": "In ontwerpsessies werd het cursusprogramma samen met de deelnemers "
            "gevormd. Mentoren steunden hen een op een. Een open forum en kanalen op sociale "
            "media, beheerd door de deelnemers zelf, hielden de groep in contact.",
            "ethics": "De aanpak begint bij de eigen ideeën en talenten van mensen, niet bij "
            "wat ze missen.",
            "learnings": [
                "Steun van mededeelnemers is even belangrijk als advies van experts.",
                "Gebruikers die hun eigen kanalen beheren, voelen zich eigenaar.",
            ],
        },
    ),
    _case(
        "hungary-villages",
        4,
        country="HU",
        place="Ten villages",
        service_area="local_economy",
        methods=["household_plan", "community_reporting", "cosmos"],
        en={
            "title": "Ten Hungarian villages: household economy and a social land programme",
            "summary": "In ten villages, low-income families, including Roma families, and "
            "the mayors worked on the local economy: household plans, growing food on "
            "municipal land, and local workshops.",
            "service": "Local economy: household economy and social land programme",
            "target_group": "Low-income families, including Roma families; mayors",
            "objectives": [
                "Strengthen the household economy of families with a low income.",
                "Make the social land programme fit the families and the villages.",
            ],
            "drivers": [
                "Few jobs and long travel to work.",
                "Land and skills that were not yet used.",
            ],
            "brakes": [
                "Distrust between families and institutions after earlier projects.",
                "Results on the land take a season or more.",
            ],
            "methods": "Household plans were made with families at home. Local workshops "
            "shared skills. Community reporting gathered the families' stories, and COSMOS "
            "models helped mayors and families to compare how they saw the programme.",
            "ethics": "Families were partners with skills and land, not only people receiving "
            "help. Working with the mayors made sure the village supported the plans.",
            "learnings": [
                "Trust grows through repeated visits by familiar people.",
                "Shared models make different views between mayors and families discussable.",
            ],
        },
        nl={
            "title": "Tien Hongaarse dorpen: huishoudeconomie en een sociaal landprogramma",
            "summary": "In tien dorpen werkten gezinnen met een laag inkomen, ook Roma-"
            "gezinnen, samen met de burgemeesters aan de lokale economie: huishoudplannen, "
            "voedsel verbouwen op gemeentegrond en workshops in het dorp.",
            "service": "Lokale economie: huishoudeconomie en sociaal landprogramma",
            "target_group": "Gezinnen met een laag inkomen, ook Roma-gezinnen; burgemeesters",
            "objectives": [
                "De huishoudeconomie van gezinnen met een laag inkomen versterken.",
                "Het sociale landprogramma laten passen bij de gezinnen en de dorpen.",
            ],
            "drivers": [
                "Weinig banen en lange reistijden naar werk.",
                "Grond en vaardigheden die nog niet werden gebruikt.",
            ],
            "brakes": [
                "Wantrouwen tussen gezinnen en instanties na eerdere projecten.",
                "Resultaten op het land duren een seizoen of langer.",
            ],
            "methods": "Huishoudplannen werden thuis met de gezinnen gemaakt. In workshops in "
            "het dorp werden vaardigheden gedeeld. Community reporting haalde de verhalen van "
            "de gezinnen op, en COSMOS-modellen hielpen burgemeesters en gezinnen te "
            "vergelijken hoe zij het programma zagen.",
            "ethics": "Gezinnen waren partners met vaardigheden en grond, niet alleen mensen "
            "die hulp krijgen. Door met de burgemeesters te werken, steunde het dorp de plannen.",
            "learnings": [
                "Vertrouwen groeit door herhaalde bezoeken van bekende mensen.",
                "Gedeelde modellen maken verschillen tussen burgemeesters en gezinnen "
                "bespreekbaar.",
            ],
        },
    ),
    _case(
        "nieuwegein-waste",
        5,
        country="NL",
        place="Nieuwegein",
        service_area="environment",
        methods=["door_to_door", "living_room", "small_experiment"],
        en={
            "title": "Nieuwegein: waste and liveability with social-housing residents",
            "summary": "In four blocks of social housing, each with about ninety households, "
            "residents and the municipality worked on rubbish around the buildings. They "
            "talked at the door and in living rooms, and tried new containers with "
            "monitoring.",
            "service": "Waste collection and liveability",
            "target_group": "Residents of social housing",
            "objectives": [
                "A cleaner living environment around the blocks.",
                "Solutions that residents support because they helped make them.",
            ],
            "drivers": [
                "Residents were unhappy about rubbish and dumping.",
                "Earlier campaigns had not worked.",
            ],
            "brakes": [
                "Many residents do not come to meetings or read letters.",
                "Several languages are spoken in the blocks.",
            ],
            "methods": "Staff and residents rang doorbells in the four blocks. Living-room "
            "meetings let neighbours choose what to try. A container experiment was "
            "monitored and discussed with residents afterwards.",
            "ethics": "Going to people at home took the municipality out of its office. "
            "Residents decided what was tried.",
            "learnings": [
                "Talks at the door reach far more residents than an evening meeting.",
                "An experiment with measurement makes the discussion concrete.",
            ],
        },
        nl={
            "title": "Nieuwegein: afval en leefbaarheid met huurders van sociale woningen",
            "summary": "In vier flats met sociale huur, elk met ongeveer negentig huishoudens, "
            "werkten bewoners en de gemeente aan het afval rond de gebouwen. Ze praatten aan "
            "de deur en in huiskamers, en probeerden nieuwe containers uit met metingen.",
            "service": "Afvalinzameling en leefbaarheid",
            "target_group": "Huurders van sociale woningen",
            "objectives": [
                "Een schonere woonomgeving rond de flats.",
                "Oplossingen die bewoners steunen omdat ze eraan meewerkten.",
            ],
            "drivers": [
                "Bewoners waren ontevreden over afval en dumpingen.",
                "Eerdere campagnes hadden niet gewerkt.",
            ],
            "brakes": [
                "Veel bewoners komen niet naar bijeenkomsten en lezen geen brieven.",
                "In de flats worden veel talen gesproken.",
            ],
            "methods": "Medewerkers en bewoners belden aan in de vier flats. In "
            "huiskamerbijeenkomsten kozen buren wat ze wilden proberen. Een proef met "
            "containers werd gemeten en daarna met bewoners besproken.",
            "ethics": "Door bij mensen thuis te komen, ging de gemeente haar kantoor uit. "
            "Bewoners bepaalden wat er werd geprobeerd.",
            "learnings": [
                "Gesprekken aan de deur bereiken veel meer bewoners dan een avondbijeenkomst.",
                "Een proef met metingen maakt het gesprek concreet.",
            ],
        },
    ),
    _case(
        "houten-work-income",
        6,
        country="NL",
        place="Houten",
        service_area="work_income",
        methods=["community_reporting", "conversation_of_change", "design_thinking"],
        en={
            "title": "Houten: redesigning work and income services",
            "summary": "The municipality redesigned its work and income services with "
            "long-term unemployed people and employers. Thirty-one stories were gathered and "
            "grouped into six topics, which were discussed in a Conversation of Change and "
            "worked out in co-creation sessions.",
            "service": "Work and income services",
            "target_group": "Long-term unemployed people and employers",
            "objectives": [
                "Services that fit the lives of people looking for work.",
                "A better link between job seekers and local employers.",
            ],
            "drivers": [
                "The wish to work with people instead of for them.",
                "Signals that the service felt distant to many users.",
            ],
            "brakes": [
                "Laws and procedures leave limited room to do things differently.",
                "Some people distrust the municipality after earlier experiences.",
            ],
            "methods": "Community reporters gathered 31 stories from job seekers and sorted "
            "them into six topics. In a Conversation of Change, storytellers, staff and "
            "managers chose priorities. Co-creation sessions with job seekers and employers "
            "worked them out.",
            "ethics": "The stories of job seekers were the starting point. Staff listened "
            "before proposing changes.",
            "learnings": [
                "Stories make staff see the service from the other side of the desk.",
                "A few priorities with owners lead to more change than a long list.",
            ],
        },
        nl={
            "title": "Houten: werk en inkomen opnieuw ontwerpen",
            "summary": "De gemeente ontwierp haar dienstverlening voor werk en inkomen opnieuw, "
            "samen met langdurig werkzoekenden en werkgevers. Er werden 31 verhalen opgehaald "
            "en in zes thema's geordend. Die werden besproken in een gesprek voor verandering "
            "en uitgewerkt in sessies om samen te ontwerpen.",
            "service": "Dienstverlening werk en inkomen",
            "target_group": "Langdurig werkzoekenden en werkgevers",
            "objectives": [
                "Dienstverlening die past bij het leven van mensen die werk zoeken.",
                "Een betere verbinding tussen werkzoekenden en werkgevers in de buurt.",
            ],
            "drivers": [
                "De wens om met mensen te werken in plaats van voor hen.",
                "Signalen dat de dienst voor veel gebruikers ver weg voelde.",
            ],
            "brakes": [
                "Wetten en procedures laten weinig ruimte om het anders te doen.",
                "Sommige mensen wantrouwen de gemeente na eerdere ervaringen.",
            ],
            "methods": "Community reporters haalden 31 verhalen op bij werkzoekenden en "
            "ordenden die in zes thema's. In een gesprek voor verandering kozen vertellers, "
            "medewerkers en leidinggevenden wat voorging. In sessies met werkzoekenden en "
            "werkgevers werd dat uitgewerkt.",
            "ethics": "De verhalen van werkzoekenden waren het vertrekpunt. Medewerkers "
            "luisterden eerst, voordat ze veranderingen voorstelden.",
            "learnings": [
                "Door verhalen zien medewerkers de dienst vanaf de andere kant van het loket.",
                "Een paar prioriteiten met een eigenaar leveren meer op dan een lange lijst.",
            ],
        },
    ),
    _case(
        "reggio-emilia-obesity",
        7,
        country="IT",
        place="Reggio Emilia",
        service_area="health",
        methods=[
            "stakeholder_map",
            "committee",
            "focus_group",
            "public_lab",
            "community_reporting",
        ],
        en={
            "title": "Reggio Emilia: families and services against childhood obesity",
            "summary": "Health services, families with children up to thirteen and local "
            "partners worked together on preventing childhood obesity. The work led to an "
            "app for families.",
            "service": "Preventing childhood obesity",
            "target_group": "Families with children aged 0 to 13",
            "objectives": [
                "Support healthy habits in families in a way that fits daily life.",
                "Bring families, schools, health services and others together.",
            ],
            "drivers": [
                "Concern about overweight in young children.",
                "A tradition of strong services for young children.",
            ],
            "brakes": [
                "Advice from professionals alone did not change habits.",
                "Busy families have little time for meetings.",
            ],
            "methods": "A stakeholder map showed who should be involved. A committee with "
            "families followed the work. Focus groups with parents explored daily life. A "
            "public lab tested the app, and community reporting gathered families' stories.",
            "ethics": "Parents were treated as partners who know their family best, not as "
            "people who must be told what to do.",
            "learnings": [
                "Mapping stakeholders early brings in partners outside health care.",
                "Testing in public helps make a tool that families really use.",
            ],
        },
        nl={
            "title": "Reggio Emilia: gezinnen en diensten samen tegen overgewicht bij kinderen",
            "summary": "Gezondheidsdiensten, gezinnen met kinderen tot dertien jaar en lokale "
            "partners werkten samen aan het voorkomen van overgewicht bij kinderen. Het werk "
            "leidde tot een app voor gezinnen.",
            "service": "Voorkomen van overgewicht bij kinderen",
            "target_group": "Gezinnen met kinderen van 0 tot 13 jaar",
            "objectives": [
                "Gezonde gewoontes in gezinnen steunen op een manier die past bij het "
                "dagelijks leven.",
                "Gezinnen, scholen, gezondheidsdiensten en anderen samenbrengen.",
            ],
            "drivers": [
                "Zorgen over overgewicht bij jonge kinderen.",
                "Een traditie van sterke voorzieningen voor jonge kinderen.",
            ],
            "brakes": [
                "Alleen advies van professionals veranderde de gewoontes niet.",
                "Drukke gezinnen hebben weinig tijd voor bijeenkomsten.",
            ],
            "methods": "Een stakeholderkaart liet zien wie betrokken moest worden. Een "
            "commissie met gezinnen volgde het werk. Focusgroepen met ouders verkenden het "
            "dagelijks leven. In een publiek lab werd de app getest, en community reporting "
            "haalde verhalen van gezinnen op.",
            "ethics": "Ouders werden gezien als partners die hun gezin het best kennen, niet "
            "als mensen die moeten horen wat ze moeten doen.",
            "learnings": [
                "Vroeg in kaart brengen wie erbij hoort, haalt ook partners buiten de zorg binnen.",
                "In het openbaar testen helpt om iets te maken dat gezinnen echt gebruiken.",
            ],
        },
    ),
    _case(
        "hull-probation",
        8,
        country="GB",
        place="Hull",
        service_area="justice",
        methods=["strengths_based_plan", "action_learning", "personal_budget"],
        en={
            "title": "Hull: personalised probation",
            "summary": "The probation service worked with people on low and medium risk "
            "levels on plans built on their strengths. Officers learnt together through "
            "action learning, and a small personal budget, the enabling fund, paid for what "
            "people needed to move on.",
            "service": "Probation supervision",
            "target_group": "People on probation with a low or medium risk level",
            "objectives": [
                "Supervision that fits the person and helps them move away from crime.",
                "More say for people on probation over their own plan.",
            ],
            "drivers": [
                "The wish to make supervision more personal and hopeful.",
                "Standard plans did not fit people's lives.",
            ],
            "brakes": [
                "Rules about risk and control limit how much can be shared.",
                "High caseloads leave officers little time.",
            ],
            "methods": "Officers and people on probation made strengths-based plans together. "
            "Officers met in action learning sets to reflect on their new way of working. The "
            "enabling fund gave a small personal budget for things such as training or travel.",
            "ethics": "The approach sees people on probation as people with strengths and "
            "goals, and trusts them with real decisions.",
            "learnings": [
                "A small, fast budget can make a big difference.",
                "Staff need space to learn a new way of working together.",
            ],
        },
        nl={
            "title": "Hull: reclassering op maat",
            "summary": "De reclassering werkte met mensen met een laag of middelhoog risico "
            "aan plannen vanuit hun sterke kanten. Medewerkers leerden samen via actieleren, "
            "en een klein persoonlijk budget, het enabling fund, betaalde wat mensen nodig "
            "hadden om verder te komen.",
            "service": "Reclasseringstoezicht",
            "target_group": "Mensen onder toezicht met een laag of middelhoog risico",
            "objectives": [
                "Toezicht dat bij de persoon past en helpt om uit de criminaliteit te blijven.",
                "Meer zeggenschap voor mensen onder toezicht over hun eigen plan.",
            ],
            "drivers": [
                "De wens om toezicht persoonlijker en hoopvoller te maken.",
                "Standaardplannen pasten niet bij het leven van mensen.",
            ],
            "brakes": [
                "Regels over risico en controle beperken hoeveel je kunt delen.",
                "Een hoge werkdruk laat medewerkers weinig tijd.",
            ],
            "methods": "Medewerkers en mensen onder toezicht maakten samen plannen vanuit "
            "sterke kanten. Medewerkers kwamen samen in leersets om op hun nieuwe werkwijze "
            "terug te kijken. Het enabling fund gaf een klein persoonlijk budget voor "
            "bijvoorbeeld een opleiding of reiskosten.",
            "ethics": "De aanpak ziet mensen onder toezicht als mensen met sterke kanten en "
            "doelen, en vertrouwt hen echte beslissingen toe.",
            "learnings": [
                "Een klein budget dat snel beschikbaar is, kan veel verschil maken.",
                "Medewerkers hebben ruimte nodig om samen een nieuwe werkwijze te leren.",
            ],
        },
    ),
    _case(
        "jonkoping-assistance",
        9,
        country="SE",
        place="Jönköping",
        service_area="disability",
        methods=["sensemaking_dialogue", "focus_group", "survey", "study_circle"],
        en={
            "title": "Jönköping: personal assistance for disabled people",
            "summary": "Users of personal assistance and first-line managers looked together "
            "at how the service works in practice. In a living lab they held sensemaking "
            "dialogues, supported by focus groups, surveys and study circles.",
            "service": "Personal assistance",
            "target_group": "Users of personal assistance and first-line managers",
            "objectives": [
                "Improve personal assistance from the users' point of view.",
                "Build a habit of learning together between users and managers.",
            ],
            "drivers": [
                "Users wanted more influence on the assistance they receive.",
                "Managers wanted to understand daily practice better.",
            ],
            "brakes": [
                "Differences in power between users and the organisation.",
                "Finding time for regular meetings.",
            ],
            "methods": "Sensemaking dialogues in a living lab brought users and managers "
            "together as equals. Focus groups and surveys added more voices. Study circles "
            "helped groups build knowledge together.",
            "ethics": "Users were seen as experts on their own support. The dialogues aimed at "
            "equal conversations, without hierarchy.",
            "learnings": [
                "Regular dialogues keep evaluation going, instead of one report at the end.",
                "Managers learn as much as users when they talk as equals.",
            ],
        },
        nl={
            "title": "Jönköping: persoonlijke assistentie voor mensen met een beperking",
            "summary": "Gebruikers van persoonlijke assistentie en leidinggevenden keken samen "
            "hoe de dienst in de praktijk werkt. In een living lab voerden ze betekenisgevende "
            "dialogen, aangevuld met focusgroepen, vragenlijsten en studiekringen.",
            "service": "Persoonlijke assistentie",
            "target_group": "Gebruikers van persoonlijke assistentie en leidinggevenden",
            "objectives": [
                "Persoonlijke assistentie verbeteren vanuit het oogpunt van gebruikers.",
                "Een gewoonte opbouwen van samen leren tussen gebruikers en leidinggevenden.",
            ],
            "drivers": [
                "Gebruikers wilden meer invloed op de assistentie die ze krijgen.",
                "Leidinggevenden wilden de dagelijkse praktijk beter begrijpen.",
            ],
            "brakes": [
                "Verschillen in macht tussen gebruikers en de organisatie.",
                "Tijd vinden voor vaste bijeenkomsten.",
            ],
            "methods": "Betekenisgevende dialogen in een living lab brachten gebruikers en "
            "leidinggevenden als gelijken samen. Focusgroepen en vragenlijsten voegden meer "
            "stemmen toe. Studiekringen hielpen groepen samen kennis op te bouwen.",
            "ethics": "Gebruikers werden gezien als deskundigen van hun eigen ondersteuning. "
            "De dialogen waren bedoeld als gelijkwaardige gesprekken, zonder hiërarchie.",
            "learnings": [
                "Vaste dialogen houden de evaluatie gaande, in plaats van één rapport aan het "
                "eind.",
                "Leidinggevenden leren evenveel als gebruikers als ze als gelijken praten.",
            ],
        },
    ),
    _case(
        "turku-youth",
        10,
        country="FI",
        place="Turku",
        service_area="youth",
        methods=["community_reporting", "personas", "social_hackathon", "social_media_analysis"],
        en={
            "title": "Turku: young people outside work and education",
            "summary": "The pilot worked with young people who are not in work, education or "
            "training. Their stories became four profiles, which fed hackathons, and an "
            "analysis of a youth forum online showed what young people talk about.",
            "service": "Youth employment services",
            "target_group": "Young people not in work, education or training",
            "objectives": [
                "Understand the lives of young people the services do not reach.",
                "Design support together with them.",
            ],
            "drivers": [
                "Young people who drop out of all services.",
                "Services that young people find hard to engage with.",
            ],
            "brakes": [
                "It is hard to reach young people who avoid institutions.",
                "Services are split between many organisations.",
            ],
            "methods": "Community reporters gathered young people's stories, which were turned "
            "into four profiles. The profiles fed hackathons for new ideas. Topic modelling "
            "and a close reading of a youth forum online showed the themes young people "
            "discuss.",
            "ethics": "The pilot turned the question around: not young people who are hard to "
            "reach, but services that are hard to engage with.",
            "learnings": [
                "Profiles from real stories keep designers close to young people's lives.",
                "Online analysis helps, but must be checked with young people themselves.",
            ],
        },
        nl={
            "title": "Turku: jongeren zonder werk of opleiding",
            "summary": "De pilot werkte met jongeren die geen werk hebben en niet naar school "
            "gaan. Hun verhalen werden vier profielen, die de basis vormden voor hackathons, "
            "en een analyse van een online jongerenforum liet zien waarover jongeren praten.",
            "service": "Diensten voor werk voor jongeren",
            "target_group": "Jongeren zonder werk, school of opleiding",
            "objectives": [
                "Het leven begrijpen van jongeren die de diensten niet bereiken.",
                "Samen met hen steun ontwerpen.",
            ],
            "drivers": [
                "Jongeren die uit alle voorzieningen vallen.",
                "Diensten waar jongeren moeilijk bij aansluiten.",
            ],
            "brakes": [
                "Jongeren die instanties mijden zijn moeilijk te bereiken.",
                "De diensten zijn verdeeld over veel organisaties.",
            ],
            "methods": "Community reporters haalden verhalen van jongeren op, die werden "
            "uitgewerkt tot vier profielen. De profielen vormden de basis voor hackathons met "
            "nieuwe ideeën. Met onderwerpmodellen en zorgvuldig lezen van een online "
            "jongerenforum werd duidelijk over welke thema's jongeren praten.",
            "ethics": "De pilot draaide de vraag om: niet jongeren die moeilijk te bereiken "
            "zijn, maar diensten die moeilijk bereikbaar zijn.",
            "learnings": [
                "Profielen uit echte verhalen houden ontwerpers dicht bij het leven van jongeren.",
                "Online analyse helpt, maar moet worden getoetst bij jongeren zelf.",
            ],
        },
    ),
    _case(
        "athens-green-spaces",
        11,
        country="GR",
        place="Athens",
        service_area="environment",
        methods=["cosmos", "co_creation_training"],
        en={
            "title": "Athens: green spaces in a large city",
            "summary": "Athens worked with residents on green spaces in the metropolitan area. "
            "It was a test site for the roadmap and the training course, and used COSMOS. "
            "Few details of this pilot are public.",
            "service": "Green spaces in the city",
            "target_group": "Residents",
            "objectives": [
                "Involve residents in the care and use of green spaces.",
                "Test the roadmap and the training course in practice.",
            ],
            "drivers": ["Little green space in a dense city.", "Interest in new ways of working."],
            "brakes": ["Few public details are available about this pilot."],
            "methods": "The pilot tested the roadmap and the training course for staff, and "
            "used COSMOS models to look at the service together.",
            "ethics": "As a test site, the pilot focused on how staff learn to work with "
            "residents.",
            "learnings": [
                "Testing a roadmap in a new place shows what must be adapted to the context.",
            ],
        },
        nl={
            "title": "Athene: groen in een grote stad",
            "summary": "Athene werkte met bewoners aan groene ruimtes in het stedelijk gebied. "
            "Het was een testplek voor de routekaart en de cursus, en gebruikte COSMOS. Over "
            "deze pilot zijn weinig details openbaar.",
            "service": "Groen in de stad",
            "target_group": "Bewoners",
            "objectives": [
                "Bewoners betrekken bij de zorg voor en het gebruik van groen.",
                "De routekaart en de cursus in de praktijk testen.",
            ],
            "drivers": [
                "Weinig groen in een dichtbebouwde stad.",
                "Belangstelling voor nieuwe manieren van werken.",
            ],
            "brakes": ["Over deze pilot zijn weinig openbare details beschikbaar."],
            "methods": "De pilot testte de routekaart en de cursus voor medewerkers, en "
            "gebruikte COSMOS-modellen om samen naar de dienst te kijken.",
            "ethics": "Als testplek lag de nadruk op hoe medewerkers leren samen te werken met "
            "bewoners.",
            "learnings": [
                "Een routekaart testen op een nieuwe plek laat zien wat je aan de omgeving "
                "moet aanpassen.",
            ],
        },
    ),
]
