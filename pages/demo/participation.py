"""Four participation projects on different rungs of the ladder, and four feedback stories."""

from .text import B, figure, para, quote, ul

PROJECTS = [
    {
        "key": "project-speelplein",
        "slug": B("nieuw-speelplein-vogelzang", "new-play-square-vogelzang"),
        "title": B("Nieuw speelplein Vogelzang", "New play square Vogelzang"),
        "question": B(
            "Hoe moet het nieuwe speelplein aan de Spreeuwlaan eruitzien, zodat kinderen én buren er blij mee zijn?",
            "What should the new play square on the Spreeuwlaan look like, so that children and neighbours "
            "are both happy with it?",
        ),
        "summary": B(
            "Kinderen, ouders en buren ontwerpen samen met de gemeente het nieuwe speelplein.",
            "Children, parents and neighbours design the new play square together with the municipality.",
        ),
        "ladder_rung": "coproduce",
        "status": "open",
        "themes": ["jongeren", "groen"],
        "neighbourhoods": ["vogelzang"],
        "image": "project-play",
        "related_events": ["event-7"],
        "how_to_take_part": [
            B(
                "Kom naar een ontwerpavond in buurthuis Het Anker. Daar tekenen we samen met een ontwerper. "
                "Kinderen zijn ook welkom.",
                "Come to a design evening at community centre Het Anker. We draw together with a designer. "
                "Children are welcome too.",
            ),
            B(
                "Kun je niet komen? Reageer dan op de schetsontwerpen in het buurthuis of mail het participatieteam.",
                "Cannot come? Then respond to the sketch designs at the community centre or e-mail the "
                "participation team.",
            ),
        ],
        "body": [
            para(
                B(
                    "Het oude trapveld aan de Spreeuwlaan wordt opnieuw ingericht. Het budget is 180.000 euro. "
                    "Wat er vastligt: het plein blijft openbaar, er komen geen extra parkeerplaatsen en de grote "
                    "eiken blijven staan.",
                    "The old kick-about pitch on the Spreeuwlaan is being redesigned. The budget is 180,000 "
                    "euros. What is fixed: the square stays public, there will be no extra parking spaces and "
                    "the large oak trees will stay.",
                ),
                B(
                    "Al het andere bepalen we samen: wat er komt te staan, waar het rustig blijft en hoe het "
                    "plein 's avonds veilig voelt.",
                    "Everything else we decide together: what goes on it, where it stays quiet and how the "
                    "square feels safe in the evening.",
                ),
            ),
        ],
        "phases": [
            (
                B("Ideeën ophalen", "Collecting ideas"),
                -70,
                -25,
                B(
                    "Kinderen van twee scholen en buren gaven hun ideeën via tekeningen en een enquête.",
                    "Children from two schools and neighbours gave their ideas through drawings and a survey.",
                ),
                True,
            ),
            (
                B("Samen ontwerpen", "Designing together"),
                -24,
                30,
                B(
                    "Drie ontwerpavonden met een landschapsontwerper. Iedereen kan meetekenen.",
                    "Three design evenings with a landscape designer. Everyone can draw along.",
                ),
                True,
            ),
            (
                B("Definitief ontwerp en aanleg", "Final design and construction"),
                31,
                210,
                B(
                    "De gemeente maakt het definitieve ontwerp en legt het plein aan.",
                    "The municipality makes the final design and builds the square.",
                ),
                False,
            ),
        ],
    },
    {
        "key": "project-warmte",
        "slug": B("warmtevisie-lindenhof", "heat-plan-lindenhof"),
        "title": B("Warmtevisie Lindenhof: van het gas af", "Heat plan Lindenhof: moving off gas"),
        "question": B(
            "Welke manier om huizen te verwarmen zonder aardgas past het best bij Lindenhof?",
            "Which way of heating homes without natural gas suits Lindenhof best?",
        ),
        "summary": B(
            "De gemeente vroeg bewoners van Lindenhof wat zij belangrijk vinden bij het aardgasvrij maken van de wijk.",
            "The municipality asked Lindenhof residents what matters to them in making the neighbourhood gas-free.",
        ),
        "ladder_rung": "consult",
        "status": "processing",
        "themes": ["energie", "wonen"],
        "neighbourhoods": ["lindenhof"],
        "image": "project-heat",
        "related_events": [],
        "how_to_take_part": [
            B(
                "De enquête is gesloten. We verwerken nu alle reacties. Je kunt het verslag lezen bij Jij zei, wij "
                "deden.",
                "The survey has closed. We are now processing all responses. You can read the report under "
                "You said, we did.",
            )
        ],
        "body": [
            para(
                B(
                    "In 2050 moeten alle huizen in Nederland van het aardgas af. In Lindenhof kan dat met een "
                    "warmtenet, met warmtepompen of met een mix. De gemeenteraad kiest, maar wil eerst weten "
                    "wat bewoners belangrijk vinden: kosten, gemak, tempo of keuzevrijheid.",
                    "By 2050 all homes in the Netherlands must be off natural gas. In Lindenhof this can be "
                    "done with a heat network, with heat pumps or with a mix. The council decides, but first "
                    "wants to know what residents care about: cost, convenience, pace or freedom of choice.",
                )
            ),
        ],
        "phases": [
            (
                B("Informatieavonden", "Information evenings"),
                -160,
                -130,
                B(
                    "Twee avonden over de mogelijkheden, met experts en bewoners uit andere gemeenten.",
                    "Two evenings about the options, with experts and residents from other municipalities.",
                ),
                False,
            ),
            (
                B("Enquête en keukentafelgesprekken", "Survey and kitchen-table talks"),
                -129,
                -85,
                B(
                    "Bewoners vulden een enquête in of praatten thuis met een energiecoach.",
                    "Residents filled in a survey or talked at home with an energy coach.",
                ),
                True,
            ),
            (
                B("Reacties verwerken", "Processing responses"),
                -84,
                25,
                B(
                    "We zetten alle reacties op een rij voor de gemeenteraad.",
                    "We are putting all responses together for the council.",
                ),
                False,
            ),
            (
                B("Besluit gemeenteraad", "Council decision"),
                40,
                40,
                B(
                    "De gemeenteraad besluit over de warmtevisie voor Lindenhof.",
                    "The council decides on the heat plan for Lindenhof.",
                ),
                False,
            ),
        ],
    },
    {
        "key": "project-wijkbudget",
        "slug": B("wijkbudget-kanaalzone", "neighbourhood-budget-kanaalzone"),
        "title": B("Wijkbudget Kanaalzone", "Neighbourhood budget Kanaalzone"),
        "question": B(
            "Waaraan besteden we 75.000 euro om de Kanaalzone mooier, veiliger en gezelliger te maken?",
            "What should we spend 75,000 euros on to make the Kanaalzone nicer, safer and more welcoming?",
        ),
        "summary": B(
            "Bewoners bedachten plannen en stemden zelf over het wijkbudget. De winnende plannen zijn uitgevoerd.",
            "Residents came up with plans and voted on the neighbourhood budget themselves. The winning plans "
            "have been carried out.",
        ),
        "ladder_rung": "codecide",
        "status": "completed",
        "themes": ["veiligheid", "groen", "cultuur"],
        "neighbourhoods": ["kanaalzone"],
        "image": "project-budget",
        "related_events": [],
        "how_to_take_part": [
            B(
                "Dit project is afgerond. Volgend jaar is er weer een wijkbudget, dan in een andere wijk.",
                "This project has finished. Next year there will be another neighbourhood budget, in a "
                "different neighbourhood.",
            )
        ],
        "body": [
            para(
                B(
                    "In de Kanaalzone doen nog weinig bewoners mee aan plannen voor de buurt. Daarom probeerden "
                    "we iets nieuws: bewoners beslisten zelf over een deel van het geld.",
                    "Few residents in the Kanaalzone take part in plans for the neighbourhood yet. So we tried "
                    "something new: residents decided themselves on part of the money.",
                ),
                B(
                    "Iedereen vanaf 12 jaar die in de Kanaalzone woont of werkt, mocht een plan indienen en stemmen.",
                    "Everyone aged 12 and over who lives or works in the Kanaalzone could submit a plan and vote.",
                ),
            ),
        ],
        "phases": [
            (
                B("Plannen indienen", "Submitting plans"),
                -300,
                -255,
                B(
                    "Bewoners dienden 31 plannen in. Een bewonerscommissie toetste ze op haalbaarheid.",
                    "Residents submitted 31 plans. A residents' committee checked whether they were feasible.",
                ),
                True,
            ),
            (
                B("Stemmen", "Voting"),
                -240,
                -226,
                B(
                    "Twee weken stemmen, online en op papier in de bibliotheek en het buurthuis.",
                    "Two weeks of voting, online and on paper at the library and the community centre.",
                ),
                True,
            ),
            (
                B("Uitvoering", "Carrying out"),
                -225,
                -40,
                B(
                    "De gemeente en de indieners voerden de winnende plannen samen uit.",
                    "The municipality and the people who submitted them carried out the winning plans together.",
                ),
                False,
            ),
        ],
    },
    {
        "key": "project-schoolroutes",
        "slug": B("fietsroutes-naar-school", "cycle-routes-to-school"),
        "title": B("Veilige fietsroutes naar school", "Safe cycle routes to school"),
        "question": B(
            "Welke fietsroutes naar de middelbare scholen moeten als eerste veiliger, en hoe?",
            "Which cycle routes to the secondary schools should be made safer first, and how?",
        ),
        "summary": B(
            "Een adviesgroep van scholieren, ouders en leraren adviseert de gemeente over veilige fietsroutes.",
            "An advisory group of pupils, parents and teachers advises the municipality on safe cycle routes.",
        ),
        "ladder_rung": "advise",
        "status": "planned",
        "themes": ["mobiliteit", "veiligheid", "jongeren"],
        "neighbourhoods": [],
        "image": "project-routes",
        "related_events": ["event-8"],
        "how_to_take_part": [
            B(
                "We zoeken vijftien mensen voor de adviesgroep: scholieren, ouders en leraren uit verschillende "
                "wijken. Aanmelden kan vanaf de start van de eerste fase.",
                "We are looking for fifteen people for the advisory group: pupils, parents and teachers from "
                "different neighbourhoods. You can sign up from the start of the first phase.",
            ),
            ul(
                B("Vijf bijeenkomsten van twee uur", "Five meetings of two hours"),
                B("Een fietstocht langs de routes", "A bike ride along the routes"),
                B("Een vrijwilligersvergoeding voor scholieren", "A volunteer allowance for pupils"),
            ),
        ],
        "body": [
            para(
                B(
                    "Elke dag fietsen 2.400 scholieren naar de twee middelbare scholen in Meerwijk. Op sommige "
                    "kruispunten gaat het vaak bijna mis. De gemeente heeft geld om de komende twee jaar vier "
                    "plekken aan te pakken.",
                    "Every day 2,400 pupils cycle to the two secondary schools in Meerwijk. At some junctions "
                    "there are frequent near misses. The municipality has money to tackle four places over "
                    "the next two years.",
                ),
                B(
                    "De gemeente neemt het advies over, tenzij het niet veilig, niet betaalbaar of in strijd met de "
                    "wet is. Dan leggen we uit waarom.",
                    "The municipality will follow the advice unless it is unsafe, unaffordable or against the "
                    "law. In that case we will explain why.",
                ),
            ),
        ],
        "phases": [
            (
                B("Adviesgroep samenstellen", "Forming the advisory group"),
                20,
                50,
                B("Aanmelden en loting voor de adviesgroep.", "Sign-up and draw for the advisory group."),
                True,
            ),
            (
                B("Advies maken", "Preparing the advice"),
                51,
                130,
                B(
                    "De adviesgroep fietst de routes, praat met experts en schrijft het advies.",
                    "The advisory group cycles the routes, talks to experts and writes the advice.",
                ),
                True,
            ),
            (
                B("Besluit en uitvoering", "Decision and implementation"),
                150,
                None,
                B(
                    "Het college besluit en legt uit wat het met het advies doet.",
                    "The executive decides and explains what it does with the advice.",
                ),
                False,
            ),
        ],
    },
]

STORIES = [
    {
        "key": "story-wijkbudget",
        "slug": B("wijkbudget-kanaalzone-dit-deden-we", "neighbourhood-budget-kanaalzone-what-we-did"),
        "title": B(
            "Wijkbudget Kanaalzone: dit deden we met jullie stemmen",
            "Neighbourhood budget Kanaalzone: what we did with your votes",
        ),
        "day_offset": -28,
        "summary": B(
            "412 bewoners stemden over 75.000 euro. Vijf plannen zijn uitgevoerd, twee niet. We leggen uit waarom.",
            "412 residents voted on 75,000 euros. Five plans were carried out, two were not. We explain why.",
        ),
        "project": "project-wijkbudget",
        "initiative": None,
        "image": "story-budget",
        "themes": ["veiligheid", "groen", "cultuur"],
        "neighbourhoods": ["kanaalzone"],
        "participant_count": 412,
        "participation_methods": B(
            "Plannen indienen via het portaal en op papier, twee inloopavonden en twee weken stemmen online en "
            "in de bibliotheek.",
            "Submitting plans on the portal and on paper, two drop-in evenings and two weeks of voting online "
            "and at the library.",
        ),
        "what_residents_said": [
            figure("31", B("plannen ingediend", "plans submitted")),
            figure("412", B("bewoners stemden", "residents voted")),
            figure("18%", B("van de stemmers was jonger dan 23", "of voters were under 23")),
            para(
                B(
                    "Bewoners wilden vooral een veiligere en lichtere buurt, meer groen langs het kanaal en "
                    "een plek om elkaar te ontmoeten.",
                    "Residents mainly wanted a safer and better-lit neighbourhood, more green along the canal "
                    "and a place to meet each other.",
                )
            ),
            quote(
                B(
                    "Voor het eerst had ik het gevoel dat mijn stem echt iets uitmaakte.",
                    "For the first time I felt that my vote really made a difference.",
                ),
                B("Bewoner van de Kanaalweg", "Resident of the Kanaalweg"),
            ),
        ],
        "decision": [
            B(
                "We voerden de vijf plannen met de meeste stemmen uit:",
                "We carried out the five plans with the most votes:",
            ),
            ul(
                B(
                    "betere verlichting in de onderdoorgang en langs het jaagpad",
                    "better lighting in the underpass and along the towpath",
                ),
                B("een muurschildering in de onderdoorgang", "a mural in the underpass"),
                B("dertig nieuwe bomen langs de Kanaalweg", "thirty new trees along the Kanaalweg"),
                B("picknicktafels en een watertappunt aan de kade", "picnic tables and a water fountain on the quay"),
                B("een zomerfestival voor de hele buurt", "a summer festival for the whole neighbourhood"),
            ),
        ],
        "decision_reasons": [
            B(
                "Bewoners beslisten zelf. De gemeente controleerde alleen of de plannen veilig, uitvoerbaar en "
                "binnen het budget waren.",
                "Residents decided themselves. The municipality only checked whether the plans were safe, "
                "feasible and within budget.",
            )
        ],
        "not_adopted": [
            B(
                "<b>Een overdekte sportkooi</b> kreeg veel stemmen, maar kost meer dan het hele budget. We nemen "
                "het mee in de plannen voor het nieuwe sportpark.",
                "<b>A covered sports cage</b> received many votes, but costs more than the whole budget. We are "
                "including it in the plans for the new sports park.",
            ),
            B(
                "<b>Een hondenlosloopgebied aan het kanaal</b> kon niet, omdat de oever van het waterschap is. "
                "We zoeken samen met de indieners een andere plek.",
                "<b>An off-lead dog area by the canal</b> was not possible because the bank belongs to the "
                "water board. We are looking for another place together with the people who proposed it.",
            ),
        ],
        "next_steps": [
            B(
                "We evalueren het wijkbudget met bewoners en de gemeenteraad. Volgend jaar volgt een wijkbudget in "
                "een andere wijk.",
                "We are evaluating the neighbourhood budget with residents and the council. Next year there will "
                "be a neighbourhood budget in another neighbourhood.",
            )
        ],
        "next_step_offset": 60,
    },
    {
        "key": "story-warmte",
        "slug": B("warmtevisie-lindenhof-wat-we-hoorden", "heat-plan-lindenhof-what-we-heard"),
        "title": B("Warmtevisie Lindenhof: wat we hoorden", "Heat plan Lindenhof: what we heard"),
        "day_offset": -70,
        "summary": B(
            "286 huishoudens deelden hun zorgen en wensen. Betaalbaarheid staat voor bijna iedereen voorop.",
            "286 households shared their concerns and wishes. Affordability comes first for almost everyone.",
        ),
        "project": "project-warmte",
        "initiative": None,
        "image": "story-heat",
        "themes": ["energie", "wonen"],
        "neighbourhoods": ["lindenhof"],
        "participant_count": 286,
        "participation_methods": B(
            "Een online enquête, een papieren enquête bij de huis-aan-huiskrant en 40 keukentafelgesprekken.",
            "An online survey, a paper survey with the local free paper and 40 kitchen-table talks.",
        ),
        "what_residents_said": [
            figure("286", B("huishoudens deden mee", "households took part")),
            figure("81%", B("vindt betaalbaarheid het belangrijkst", "say affordability matters most")),
            para(
                B(
                    "Bewoners willen niet meer betalen dan nu. Huurders willen weten wat de woningcorporatie doet. "
                    "Veel eigenaren willen zelf kunnen kiezen.",
                    "Residents do not want to pay more than they do now. Tenants want to know what the housing "
                    "association will do. Many owners want to be able to choose for themselves.",
                )
            ),
            quote(
                B(
                    "Ik wil best van het gas af, maar niet als ik dan mijn boodschappen niet meer kan betalen.",
                    "I am happy to move off gas, but not if I can no longer afford my shopping.",
                ),
                B("Bewoner van Lindenhof", "Lindenhof resident"),
            ),
        ],
        "decision": [
            B(
                "Er is nog geen besluit. We schrijven een voorstel voor de gemeenteraad waarin betaalbaarheid de "
                "eerste voorwaarde is.",
                "No decision has been made yet. We are writing a proposal for the council in which affordability "
                "is the first condition.",
            )
        ],
        "decision_reasons": [
            B(
                "Bijna alle bewoners noemden de kosten. Zonder betaalbare oplossing doet niemand mee.",
                "Almost all residents mentioned the costs. Without an affordable solution nobody will take part.",
            )
        ],
        "not_adopted": [
            B(
                "Sommige bewoners vroegen om helemaal niets te veranderen. Dat kan niet: de landelijke wet "
                "verplicht gemeenten een plan te maken.",
                "Some residents asked for nothing to change at all. That is not possible: national law requires "
                "municipalities to make a plan.",
            )
        ],
        "next_steps": [
            B(
                "De gemeenteraad bespreekt het voorstel. Je kunt inspreken tijdens de commissievergadering.",
                "The council will discuss the proposal. You can speak at the committee meeting.",
            )
        ],
        "next_step_offset": 40,
    },
    {
        "key": "story-speelplein",
        "slug": B("speelplein-vogelzang-ideeen-van-kinderen", "play-square-vogelzang-childrens-ideas"),
        "title": B(
            "Speelplein Vogelzang: dit tekenden de kinderen",
            "Play square Vogelzang: what the children drew",
        ),
        "day_offset": -15,
        "summary": B(
            "134 kinderen en buren gaven hun ideeën. Water, klimmen en schaduw staan bovenaan.",
            "134 children and neighbours shared their ideas. Water, climbing and shade top the list.",
        ),
        "project": "project-speelplein",
        "initiative": None,
        "image": "story-play",
        "themes": ["jongeren", "groen"],
        "neighbourhoods": ["vogelzang"],
        "participant_count": 134,
        "participation_methods": B(
            "Tekenlessen op twee basisscholen en een enquête voor buren.",
            "Drawing lessons at two primary schools and a survey for neighbours.",
        ),
        "what_residents_said": [
            figure("96", B("tekeningen van kinderen", "drawings by children")),
            figure("38", B("buren vulden de enquête in", "neighbours filled in the survey")),
            para(
                B(
                    "Kinderen willen vooral water om mee te spelen, iets hoogs om in te klimmen en verstopplekken. "
                    "Buren vragen om bankjes in de schaduw en om rust na negen uur 's avonds.",
                    "Children mainly want water to play with, something high to climb and hiding places. "
                    "Neighbours ask for benches in the shade and for quiet after nine in the evening.",
                )
            ),
        ],
        "decision": [
            B(
                "De ontwerper gebruikt deze ideeën voor drie schetsen. Die bespreken we op de ontwerpavonden.",
                "The designer is using these ideas for three sketches. We will discuss them at the design evenings.",
            )
        ],
        "decision_reasons": [
            B(
                "Dit is een tussenstand. We ontwerpen samen verder, zoals afgesproken.",
                "This is an interim update. We are continuing to design together, as agreed.",
            )
        ],
        "not_adopted": [
            B(
                "Een zwembad past niet binnen het budget en de ruimte. Een waterspeelplek wel.",
                "A swimming pool does not fit the budget or the space. A water play area does.",
            )
        ],
        "next_steps": [
            B(
                "Kom naar een ontwerpavond in Het Anker en teken mee.",
                "Come to a design evening at Het Anker and draw along.",
            )
        ],
        "next_step_offset": 12,
    },
    {
        "key": "story-repaircafe",
        "slug": B("repair-cafe-krijgt-vaste-plek", "repair-cafe-gets-a-permanent-home"),
        "title": B("Repair Café krijgt een vaste plek", "Repair Café gets a permanent home"),
        "day_offset": -100,
        "summary": B(
            "Na de pitch-avond vroeg het Repair Café om een vaste ruimte. Die is er nu, in De Remise.",
            "After the pitch night the Repair Café asked for a permanent space. It now has one, at De Remise.",
        ),
        "project": None,
        "initiative": "initiative-2",
        "image": "story-repair",
        "themes": ["groen", "zorg-en-welzijn"],
        "neighbourhoods": ["centrum"],
        "participant_count": 58,
        "participation_methods": B(
            "Een pitch op de pitch-avond en een korte vragenlijst onder bezoekers van het Repair Café.",
            "A pitch at the pitch night and a short questionnaire among visitors of the Repair Café.",
        ),
        "what_residents_said": [
            figure("58", B("bezoekers vulden de vragenlijst in", "visitors filled in the questionnaire")),
            para(
                B(
                    "Bezoekers vonden het lastig dat het Repair Café steeds op een andere plek was. Vrijwilligers "
                    "sjouwden elke maand hun gereedschap mee.",
                    "Visitors found it hard that the Repair Café kept moving. Volunteers had to carry their "
                    "tools with them every month.",
                )
            ),
        ],
        "decision": [
            B(
                "De gemeente en Cultuurhuis De Remise bieden het Repair Café een vaste ruimte met opslag, voor "
                "drie jaar en tegen een lage huur.",
                "The municipality and cultural centre De Remise offer the Repair Café a permanent room with "
                "storage, for three years and at a low rent.",
            )
        ],
        "decision_reasons": [
            B(
                "Het Repair Café helpt afval te verminderen en brengt mensen samen. Dat past bij de doelen van "
                "de gemeente.",
                "The Repair Café helps reduce waste and brings people together. That fits the municipality's goals.",
            )
        ],
        "not_adopted": [
            B(
                "Een eigen pand kon niet: daar is geen geld voor.",
                "A building of its own was not possible: there is no money for it.",
            )
        ],
        "next_steps": [
            B(
                "Over drie jaar kijken we samen hoe het gaat.",
                "In three years we will look together at how it is going.",
            )
        ],
        "next_step_offset": None,
    },
]

TRANSLATED = {"project-speelplein", "project-wijkbudget", "story-wijkbudget", "story-repaircafe"}
