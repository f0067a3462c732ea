"""The home page, the four overview pages and the general pages of Meedoen Meerwijk."""

from .text import B, cta, faq, h3, heading, para, ul

MUNICIPALITY = "Gemeente Meerwijk"
SITE_NAME = "Meedoen Meerwijk"
TEAM_EMAIL = "participatie@meerwijk.example"
PRIVACY_EMAIL = "privacy@meerwijk.example"
DPO_EMAIL = "fg@meerwijk.example"
PHONE = "14 0999"
ADDRESS = "Marktplein 1, 2999 AA Meerwijk"

HOME = {
    "key": "home",
    "slug": B("home", "home-en"),
    "title": B("Meedoen in Meerwijk", "Taking part in Meerwijk"),
    "hero_intro": B(
        "Heb je een goed idee voor je buurt? Of wil je meedenken over plannen van de gemeente? "
        "Hier vind je initiatieven van bewoners, pitch-avonden en projecten waar je aan mee kunt doen.",
        "Do you have a good idea for your neighbourhood? Or do you want to help shape the "
        "municipality's plans? Here you will find residents' initiatives, pitch nights and "
        "projects you can take part in.",
    ),
    "hero_cta_text": B("Bekijk de initiatieven", "See the initiatives"),
    "hero_cta_page": "initiatives",
    "hero_image": "hero",
    "body": [
        heading(B("Zelf iets beginnen?", "Want to start something yourself?")),
        para(
            B(
                "Elke paar maanden is er een pitch-avond. Je vertelt dan in vijf minuten wat je wilt doen "
                "en wat je nodig hebt. Buren, ondernemers en de gemeente denken mee en helpen.",
                "Every few months there is a pitch night. You tell everyone in five minutes what you "
                "want to do and what you need. Neighbours, local businesses and the municipality "
                "think along and help.",
            )
        ),
        cta(
            B("Kom naar de volgende pitch-avond", "Come to the next pitch night"),
            B(
                "Meld je aan als bezoeker of doe zelf een pitch. Meedoen is gratis.",
                "Sign up as a visitor or give a pitch yourself. Taking part is free.",
            ),
            B("Naar de pitch-avonden", "Go to the pitch nights"),
            page="events",
        ),
    ],
}

INDEX_PAGES = [
    {
        "key": "initiatives",
        "model": "initiatives.InitiativeIndexPage",
        "slug": B("initiatieven", "initiatives"),
        "title": B("Initiatieven", "Initiatives"),
        "search_description": B(
            "Plannen en projecten van bewoners uit heel Meerwijk. Doe mee of help een handje.",
            "Plans and projects by residents from all over Meerwijk. Join in or lend a hand.",
        ),
        "intro": [
            B(
                "Bewoners in Meerwijk doen al veel zelf: een buurttuin, een repair café, een wijkbus. "
                "Kijk wat er in jouw buurt gebeurt en wat een initiatief nog nodig heeft.",
                "Residents of Meerwijk already do a lot themselves: a community garden, a repair "
                "café, a neighbourhood bus. See what is happening in your neighbourhood and what "
                "an initiative still needs.",
            )
        ],
    },
    {
        "key": "events",
        "model": "initiatives.PitchEventIndexPage",
        "slug": B("pitch-avonden", "pitch-nights"),
        "title": B("Pitch-avonden", "Pitch nights"),
        "search_description": B(
            "Bewoners pitchen hun plan voor de buurt. Meld je aan als bezoeker of als pitcher.",
            "Residents pitch their plan for the neighbourhood. Sign up as a visitor or a pitcher.",
        ),
        "intro": [
            B(
                "Op een pitch-avond vertellen bewoners in vijf minuten over hun plan. Daarna praat "
                "iedereen mee: wie kan helpen, wie kent iemand, wat is er nodig? De avond is gratis "
                "en iedereen is welkom.",
                "At a pitch night residents talk about their plan for five minutes. Then everyone "
                "joins the conversation: who can help, who knows someone, what is needed? The "
                "evening is free and everyone is welcome.",
            )
        ],
    },
    {
        "key": "projects",
        "model": "participation.ParticipationProjectIndexPage",
        "slug": B("participatieprojecten", "participation-projects"),
        "title": B("Participatieprojecten", "Participation projects"),
        "search_description": B(
            "Plannen van de gemeente waarover je kunt meepraten, meedenken of meebeslissen.",
            "Plans by the municipality that you can discuss, help shape or help decide on.",
        ),
        "intro": [
            B(
                "De gemeente maakt plannen voor de straat, de wijk en de stad. Bij deze projecten "
                "vragen we jouw mening. Per project lees je hoeveel invloed je hebt en wanneer je "
                "kunt meedoen.",
                "The municipality makes plans for streets, neighbourhoods and the town. For these "
                "projects we ask for your opinion. For each project you can read how much say you "
                "have and when you can take part.",
            )
        ],
    },
    {
        "key": "stories",
        "model": "participation.PolicyFeedbackStoryIndexPage",
        "slug": B("jij-zei-wij-deden", "you-said-we-did"),
        "title": B("Jij zei, wij deden", "You said, we did"),
        "search_description": B(
            "Wat we deden met de mening van bewoners, en waarom.",
            "What we did with residents' views, and why.",
        ),
        "intro": [
            B(
                "Als je meedoet, wil je weten wat er met je mening gebeurt. Hier lees je wat "
                "bewoners zeiden, wat de gemeente besloot en waarom. Ook als we iets niet deden.",
                "When you take part, you want to know what happens with your views. Here you can "
                "read what residents said, what the municipality decided and why. Also when we did "
                "not do something.",
            )
        ],
    },
]

CONTENT_PAGES = [
    {
        "key": "how",
        "slug": B("zo-werkt-meedoen", "how-taking-part-works"),
        "title": B("Zo werkt meedoen", "How taking part works"),
        "show_in_menus": True,
        "search_description": B(
            "Van informeren tot meebeslissen: hoeveel invloed je hebt en hoe je meedoet.",
            "From informing to co-deciding: how much say you have and how to take part.",
        ),
        "intro": B(
            "Niet bij elk plan heb je evenveel invloed. Daarom zeggen we bij elk project vooraf "
            "hoeveel je mag meepraten. Dat doen we met de participatieladder.",
            "You do not have the same say in every plan. That is why we tell you for each project "
            "beforehand how much say you have. We use the participation ladder for this.",
        ),
        "body": [
            heading(B("De participatieladder", "The participation ladder")),
            para(
                B(
                    "De ladder heeft vijf treden. Hoe hoger de trede, hoe meer invloed bewoners hebben.",
                    "The ladder has five steps. The higher the step, the more say residents have.",
                ),
                ul(
                    B(
                        "<b>Informeren</b>: de gemeente vertelt wat zij van plan is en waarom.",
                        "<b>Informing</b>: the municipality tells you what it plans and why.",
                    ),
                    B(
                        "<b>Raadplegen</b>: de gemeente vraagt je mening. Zij beslist daarna zelf.",
                        "<b>Consulting</b>: the municipality asks your opinion. It then decides itself.",
                    ),
                    B(
                        "<b>Adviseren</b>: bewoners geven advies. De gemeente legt uit wat zij ermee doet.",
                        "<b>Advising</b>: residents give advice. The municipality explains what it does with it.",
                    ),
                    B(
                        "<b>Coproduceren</b>: bewoners en gemeente maken het plan samen.",
                        "<b>Co-producing</b>: residents and the municipality make the plan together.",
                    ),
                    B(
                        "<b>Meebeslissen</b>: bewoners beslissen samen met de gemeente, bijvoorbeeld over "
                        "een wijkbudget.",
                        "<b>Co-deciding</b>: residents decide together with the municipality, for example "
                        "on a neighbourhood budget.",
                    ),
                ),
            ),
            heading(B("Wat je van ons mag verwachten", "What you can expect from us")),
            para(
                B(
                    "We zeggen vooraf wat er al vastligt en waarover je kunt meepraten. Na afloop "
                    "laten we weten wat we met je mening hebben gedaan. Dat lees je bij "
                    "<b>Jij zei, wij deden</b>.",
                    "We say beforehand what has already been decided and what you can have a say "
                    "in. Afterwards we let you know what we did with your views. You can read this "
                    "under <b>You said, we did</b>.",
                )
            ),
            faq(
                B("Veelgestelde vragen", "Frequently asked questions"),
                (
                    B("Moet ik in Meerwijk wonen om mee te doen?", "Do I have to live in Meerwijk to take part?"),
                    B(
                        "Nee. Werk je hier, ga je hier naar school of heb je hier een bedrijf? Dan ben je ook welkom.",
                        "No. If you work here, go to school here or run a business here, you are welcome too.",
                    ),
                ),
                (
                    B("Kost meedoen geld?", "Does taking part cost money?"),
                    B(
                        "Nee. Pitch-avonden en bijeenkomsten zijn gratis. Vaak is er koffie en thee.",
                        "No. Pitch nights and meetings are free. There is usually coffee and tea.",
                    ),
                ),
                (
                    B("Ik heb een idee. Hoe begin ik?", "I have an idea. How do I start?"),
                    [
                        B(
                            "Schrijf je idee kort op en meld je aan voor een pitch-avond. Je mag ook eerst "
                            "bellen of mailen met het participatieteam. Wij helpen je op weg.",
                            "Write down your idea briefly and sign up for a pitch night. You can also call "
                            "or e-mail the participation team first. We will help you get started.",
                        )
                    ],
                ),
                (
                    B(
                        "Wat gebeurt er met mijn mening als de gemeente iets anders besluit?",
                        "What happens to my opinion if the municipality decides otherwise?",
                    ),
                    B(
                        "Dan leggen we uit waarom. In elk verhaal bij Jij zei, wij deden staat ook wat we "
                        "niet hebben overgenomen, en de reden.",
                        "Then we explain why. Every story under You said, we did also tells you what we "
                        "did not adopt, and the reason.",
                    ),
                ),
                (
                    B(
                        "Ik heb een beperking. Kan ik meedoen?",
                        "I have a disability. Can I take part?",
                    ),
                    B(
                        "Ja. Bij elke bijeenkomst staat hoe toegankelijk de plek is. Heb je iets nodig, zoals "
                        "een tolk of een rustige plek? Laat het ons weten, dan regelen we het.",
                        "Yes. Every event lists how accessible the venue is. Do you need something, such "
                        "as an interpreter or a quiet room? Let us know and we will arrange it.",
                    ),
                ),
            ),
            cta(
                B("Bekijk lopende projecten", "See current projects"),
                B("Kijk waar je nu aan mee kunt doen.", "See what you can take part in right now."),
                B("Naar de projecten", "Go to the projects"),
                page="projects",
            ),
        ],
    },
    {
        "key": "about",
        "slug": B("over-meedoen", "about"),
        "title": B("Over Meedoen", "About Meedoen"),
        "show_in_menus": True,
        "search_description": B(
            "Waarom dit portaal er is en wie het maakt.",
            "Why this portal exists and who runs it.",
        ),
        "intro": B(
            "Meedoen Meerwijk is de plek waar bewoners en gemeente samen werken aan de stad. "
            "Het participatieteam van de gemeente beheert dit portaal.",
            "Meedoen Meerwijk is where residents and the municipality work on the town together. "
            "The municipality's participation team runs this portal.",
        ),
        "body": [
            para(
                B(
                    "Veel goede ideeën voor de buurt komen van bewoners zelf. Maar het is niet altijd "
                    "makkelijk om hulp, een ruimte of geld te vinden. Op dit portaal laten initiatieven "
                    "zien wat ze doen en wat ze nodig hebben.",
                    "Many good ideas for the neighbourhood come from residents themselves. But it is "
                    "not always easy to find help, a space or money. On this portal initiatives show "
                    "what they do and what they need.",
                ),
                B(
                    "De gemeente gebruikt het portaal ook om bewoners te betrekken bij haar eigen plannen. "
                    "En om terug te koppelen wat er met hun mening is gebeurd.",
                    "The municipality also uses the portal to involve residents in its own plans, and "
                    "to report back on what happened with their views.",
                ),
            ),
            heading(B("Open source", "Open source")),
            para(
                B(
                    "Meedoen is open-source software, gemaakt voor en door Nederlandse gemeenten. "
                    'Lees meer op <a href="https://example.org/meedoen">example.org/meedoen</a>.',
                    "Meedoen is open-source software, made for and by Dutch municipalities. "
                    'Read more at <a href="https://example.org/meedoen">example.org/meedoen</a>.',
                )
            ),
        ],
    },
    {
        "key": "privacy",
        "slug": B("privacyverklaring", "privacy-statement"),
        "title": B("Privacyverklaring", "Privacy statement"),
        "search_description": B(
            "Welke gegevens Meedoen Meerwijk gebruikt, waarom, hoe lang, en wat je rechten zijn.",
            "What data Meedoen Meerwijk uses, why, for how long, and what your rights are.",
        ),
        "intro": B(
            "Gemeente Meerwijk gaat zorgvuldig om met je persoonsgegevens. We vragen alleen wat we "
            "nodig hebben en bewaren het niet langer dan nodig. Hier lees je precies hoe dat werkt.",
            "The Municipality of Meerwijk handles your personal data with care. We only ask for what "
            "we need and keep it no longer than necessary. Here you can read exactly how that works.",
        ),
        "body": [
            heading(B("Wie is verantwoordelijk?", "Who is responsible?")),
            para(
                B(
                    "Gemeente Meerwijk (Marktplein 1, 2999 AA Meerwijk) is verwerkingsverantwoordelijke "
                    "voor de gegevens op dit portaal. Het participatieteam voert het dagelijks beheer.",
                    "The Municipality of Meerwijk (Marktplein 1, 2999 AA Meerwijk) is the controller of "
                    "the data on this portal. The participation team manages it day to day.",
                )
            ),
            heading(B("Welke gegevens en waarom", "What data and why")),
            para(
                h3(B("Aanmelden voor een pitch-avond", "Signing up for a pitch night")),
                B(
                    "We vragen je naam, je e-mailadres en het aantal plaatsen. Als je wilt, vertel je ook wat "
                    "je nodig hebt om mee te kunnen doen, zoals een rolstoelplek of een tolk. We gebruiken "
                    "dit om plaatsen te reserveren, je een bevestiging met je persoonlijke link te sturen en de "
                    "avond goed te regelen.",
                    "We ask for your name, your e-mail address and the number of seats. If you want, you "
                    "also tell us what you need to take part, such as a wheelchair space or an "
                    "interpreter. We use this to reserve seats, send you a confirmation with your personal link, "
                    "and to organise the evening well.",
                ),
                h3(B("Een pitch aanmelden", "Submitting a pitch")),
                B(
                    "We vragen je naam, je e-mailadres, eventueel je telefoonnummer en een beschrijving "
                    "van je plan. We gebruiken dit om contact met je op te nemen en het programma te maken. "
                    "Als je pitch op het programma komt, tonen we de naam van je initiatief en alleen de "
                    "naam die jij daarvoor opgeeft.",
                    "We ask for your name, your e-mail address, optionally your phone number and a "
                    "description of your plan. We use this to contact you and to put together the "
                    "programme. If your pitch is on the programme, we show the name of your initiative "
                    "and only the name you choose for it.",
                ),
                h3(B("Een bericht aan een initiatief", "A message to an initiative")),
                B(
                    "Via het contactformulier stuur je een bericht naar een initiatief. We sturen je naam, "
                    "e-mailadres en bericht door naar het initiatief. Het e-mailadres van het initiatief "
                    "tonen we nooit.",
                    "With the contact form you send a message to an initiative. We forward your name, "
                    "e-mail address and message to the initiative. We never show the initiative's "
                    "e-mail address.",
                ),
            ),
            para(
                B(
                    "De grondslag is de uitvoering van een taak van algemeen belang (artikel 6, lid 1, "
                    "onder e AVG): bewoners betrekken bij de buurt en bij het beleid van de gemeente. "
                    "Informatie over je gezondheid of beperking geef je alleen als je dat zelf wilt; "
                    "daarvoor vragen we je uitdrukkelijke toestemming.",
                    "The legal basis is the performance of a task in the public interest (Article 6(1)(e) "
                    "GDPR): involving residents in their neighbourhood and in the municipality's policy. "
                    "You only give information about your health or disability if you want to; for "
                    "that we ask your explicit consent.",
                )
            ),
            heading(B("Hoe lang bewaren we je gegevens?", "How long do we keep your data?")),
            para(
                ul(
                    B(
                        "Aanmeldingen voor een pitch-avond: tot 60 dagen na de avond. Daarna houden we alleen "
                        "het aantal aanmeldingen over, zonder namen of e-mailadressen.",
                        "Sign-ups for a pitch night: until 60 days after the evening. After that we only keep "
                        "the number of sign-ups, without names or e-mail addresses.",
                    ),
                    B(
                        "Wat je nodig hebt om mee te doen (toegankelijkheid): tot de dag na de avond.",
                        "What you need to take part (accessibility): until the day after the evening.",
                    ),
                    B(
                        "Pitches: tot twaalf maanden na de pitch-avond, daarna alleen de openbare "
                        "gegevens van het initiatief.",
                        "Pitches: until twelve months after the pitch night; after that only the public "
                        "details of the initiative.",
                    ),
                    B(
                        "Berichten aan initiatieven: we bewaren ze niet langer dan dertig dagen na het doorsturen.",
                        "Messages to initiatives: we keep them no longer than thirty days after forwarding.",
                    ),
                )
            ),
            heading(B("Cookies en bezoekstatistieken", "Cookies and visitor statistics")),
            para(
                B(
                    "We gebruiken alleen cookies die nodig zijn: om je taalkeuze te onthouden en om "
                    "formulieren veilig te versturen. We gebruiken geen tracking-cookies en laden geen "
                    "inhoud van andere websites, zoals video's of kaarten, zonder dat je daarvoor kiest.",
                    "We only use cookies that are necessary: to remember your language choice and to "
                    "send forms securely. We do not use tracking cookies and do not load content from "
                    "other websites, such as videos or maps, unless you choose to.",
                )
            ),
            heading(B("Wie kan je gegevens zien?", "Who can see your data?")),
            para(
                B(
                    "Alleen medewerkers van het participatieteam die het nodig hebben voor hun werk. Het "
                    "portaal draait bij een hostingbedrijf in de Europese Unie, met wie we een "
                    "verwerkersovereenkomst hebben. We verkopen je gegevens nooit en delen ze niet met "
                    "anderen, tenzij de wet dat verplicht.",
                    "Only staff of the participation team who need it for their work. The portal runs "
                    "at a hosting company in the European Union with which we have a data processing "
                    "agreement. We never sell your data and do not share it with others unless the law "
                    "requires it.",
                )
            ),
            heading(B("Jouw rechten", "Your rights")),
            para(
                B(
                    "Je mag je gegevens inzien, laten verbeteren of laten verwijderen. Je mag ook bezwaar "
                    "maken, vragen om minder gebruik van je gegevens, of je gegevens meekrijgen. Toestemming "
                    "die je gaf, kun je altijd intrekken. Stuur je verzoek naar "
                    '<a href="mailto:privacy@meerwijk.example">privacy@meerwijk.example</a>. '
                    "We reageren binnen een maand.",
                    "You may see, correct or delete your data. You may also object, ask us to limit the "
                    "use of your data, or receive a copy of it. You can always withdraw consent you gave. "
                    'Send your request to <a href="mailto:privacy@meerwijk.example">'
                    "privacy@meerwijk.example</a>. We will respond within one month.",
                ),
                B(
                    "Ben je het niet eens met hoe wij met je gegevens omgaan? Neem contact op met onze "
                    "functionaris gegevensbescherming via "
                    '<a href="mailto:fg@meerwijk.example">fg@meerwijk.example</a>. Je kunt ook een klacht '
                    "indienen bij de Autoriteit Persoonsgegevens.",
                    "Do you disagree with how we handle your data? Contact our data protection officer at "
                    '<a href="mailto:fg@meerwijk.example">fg@meerwijk.example</a>. You can also lodge a '
                    "complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
                ),
            ),
        ],
    },
    {
        "key": "accessibility",
        "slug": B("toegankelijkheid", "accessibility"),
        "title": B("Toegankelijkheidsverklaring", "Accessibility statement"),
        "search_description": B(
            "Hoe toegankelijk dit portaal is, hoe we dat testen en waar je problemen kunt melden.",
            "How accessible this portal is, how we test it and where you can report problems.",
        ),
        "intro": B(
            "Iedereen moet mee kunnen doen, ook op deze website. Gemeente Meerwijk wil dat dit portaal "
            "voldoet aan de WCAG 2.1 op niveau AA, zoals de wet voor overheden vraagt (het Besluit "
            "digitale toegankelijkheid overheid). We testen zelfs op de nieuwere WCAG 2.2, niveau AA.",
            "Everyone should be able to take part, on this website too. The Municipality of Meerwijk "
            "wants this portal to meet WCAG 2.1 at level AA, as Dutch law requires of public bodies "
            "(the Besluit digitale toegankelijkheid overheid). We even test against the newer WCAG 2.2, "
            "level AA.",
        ),
        "body": [
            heading(B("Wat we doen", "What we do")),
            para(
                ul(
                    B(
                        "We schrijven in duidelijke taal, op taalniveau B1.",
                        "We write in plain language, at language level B1.",
                    ),
                    B(
                        "Je kunt de hele website met het toetsenbord gebruiken.",
                        "You can use the whole website with a keyboard.",
                    ),
                    B(
                        "Afbeeldingen hebben een beschrijving voor schermlezers.",
                        "Images have a description for screen readers.",
                    ),
                    B(
                        "Elke pagina zegt in welke taal hij is, zodat een schermlezer hem goed uitspreekt.",
                        "Every page says which language it is in, so that a screen reader pronounces it well.",
                    ),
                    B(
                        "De website laadt niets van andere partijen: geen lettertypen, geen trackers, geen "
                        "video's zonder dat je erop klikt.",
                        "The website loads nothing from other parties: no fonts, no trackers, no videos "
                        "unless you click them.",
                    ),
                )
            ),
            heading(B("Hoe we testen", "How we test")),
            para(
                B(
                    "Bij elke wijziging aan de software draaien automatische tests. Een wijziging die een "
                    "test laat falen, gaat niet live.",
                    "Automated tests run on every change to the software. A change that makes a test fail "
                    "does not go live.",
                ),
                ul(
                    B(
                        "In de browser Chromium controleert axe-core elke soort pagina (de voorpagina, "
                        "overzichten, initiatieven, pitch-avonden, projecten, verhalen, zoeken) op de regels "
                        "van WCAG 2.0, 2.1 en 2.2, niveau A en AA.",
                        "In the Chromium browser, axe-core checks every kind of page (the home page, "
                        "overviews, initiatives, pitch events, projects, stories, search) against the rules "
                        "of WCAG 2.0, 2.1 and 2.2, levels A and AA.",
                    ),
                    B(
                        "Een test meldt zich aan voor een pitch-avond, maakt eerst een fout, verbetert die en "
                        "zegt de aanmelding weer af. Elke stap wordt met axe-core gecontroleerd.",
                        "A test signs up for a pitch event, first makes a mistake, corrects it and cancels "
                        "the sign-up again. Every step is checked with axe-core.",
                    ),
                    B(
                        "Toetsenbord: een test gebruikt de link 'Direct naar de inhoud' en de zoekbox met "
                        "suggesties alleen met het toetsenbord, en controleert dat je altijd ziet waar de "
                        "focus is.",
                        "Keyboard: a test uses the 'Skip to main content' link and the search box with "
                        "suggestions with the keyboard only, and checks that you can always see where the "
                        "focus is.",
                    ),
                    B(
                        "Een test toont de pagina's van rechts naar links en met lange woorden, op een "
                        "breed scherm en op een telefoon, en controleert dat niets over elkaar heen valt.",
                        "A test shows the pages right to left and with long words, on a wide screen and on "
                        "a phone, and checks that nothing overlaps.",
                    ),
                    B(
                        "Een test controleert dat geen pagina iets van een andere website laadt, en dat "
                        "elke tekst van de website een Nederlandse vertaling heeft.",
                        "A test checks that no page loads anything from another website, and that every "
                        "text of the website has a Dutch translation.",
                    ),
                ),
            ),
            para(
                B(
                    "Automatische tests vinden niet alles. Daarom testen we nieuwe onderdelen ook met "
                    "schermlezers en met bewoners.",
                    "Automated tests do not find everything. That is why we also test new parts with "
                    "screen readers and with residents.",
                )
            ),
            heading(B("Status", "Status")),
            para(
                B(
                    "Dit portaal voldoet gedeeltelijk. Een onafhankelijk onderzoek staat gepland. Bekende "
                    "problemen: sommige oudere documenten (pdf) zijn nog niet goed leesbaar voor schermlezers.",
                    "This portal partially complies. An independent audit is planned. Known problems: some "
                    "older documents (PDF) are not yet easy to read with screen readers.",
                )
            ),
            heading(B("Probleem gevonden?", "Found a problem?")),
            para(
                B(
                    "Laat het ons weten via "
                    '<a href="mailto:participatie@meerwijk.example">participatie@meerwijk.example</a> '
                    "of bel 14 0999. We antwoorden binnen vijf werkdagen en lossen het probleem zo snel "
                    "mogelijk op.",
                    "Let us know at "
                    '<a href="mailto:participatie@meerwijk.example">participatie@meerwijk.example</a> '
                    "or call 14 0999. We reply within five working days and fix the problem as soon "
                    "as possible.",
                )
            ),
        ],
    },
    {
        "key": "contact",
        "slug": B("contact", "contact"),
        "title": B("Contact", "Contact"),
        "search_description": B(
            "Vragen over meedoen? Zo bereik je het participatieteam.",
            "Questions about taking part? This is how to reach the participation team.",
        ),
        "intro": B(
            "Heb je een vraag, een idee of een klacht? Het participatieteam van Gemeente Meerwijk helpt je graag.",
            "Do you have a question, an idea or a complaint? The Municipality of Meerwijk's participation "
            "team is happy to help.",
        ),
        "body": [
            para(
                ul(
                    B(
                        'E-mail: <a href="mailto:participatie@meerwijk.example">participatie@meerwijk.example</a>',
                        'E-mail: <a href="mailto:participatie@meerwijk.example">participatie@meerwijk.example</a>',
                    ),
                    B(
                        "Telefoon: 14 0999, maandag tot en met vrijdag van 9.00 tot 17.00 uur",
                        "Phone: 14 0999, Monday to Friday from 9 am to 5 pm",
                    ),
                    B(
                        "Bezoekadres: Stadhuis, Marktplein 1, 2999 AA Meerwijk",
                        "Visiting address: Town hall, Marktplein 1, 2999 AA Meerwijk",
                    ),
                ),
                B(
                    "Wil je langskomen? Maak dan eerst een afspraak. Het stadhuis is toegankelijk met een "
                    "rolstoel en heeft een ringleiding bij de balie.",
                    "Would you like to visit? Please make an appointment first. The town hall is "
                    "wheelchair accessible and has a hearing loop at the front desk.",
                ),
            ),
        ],
    },
]


PITCH_FORM = {
    "key": "pitch-form",
    "slug": B("pitch-je-initiatief", "pitch-your-initiative"),
    "title": B("Pitch je initiatief", "Pitch your initiative"),
    "search_description": B(
        "Heb je een plan voor je buurt? Vertel het ons. Misschien pitch je het op de volgende pitch-avond.",
        "Do you have a plan for your neighbourhood? Tell us. Perhaps you pitch it at the next pitch night.",
    ),
    "intro": [
        B(
            "Heb je een plan voor je buurt, of loopt je initiatief al? Vertel het ons hier. "
            "Het kost ongeveer tien minuten. We lezen elke pitch en laten binnen twee weken van ons horen.",
            "Do you have a plan for your neighbourhood, or is your initiative already running? Tell us here. "
            "It takes about ten minutes. We read every pitch and get back to you within two weeks.",
        )
    ],
    "privacy_note": [
        B(
            "Je pitch en je gegevens zien alleen de medewerkers die pitches beoordelen. "
            "Niets wordt gepubliceerd zonder dat je het weet. Trek je je pitch in of wijzen we hem af, "
            "dan verwijderen we je gegevens na 90 dagen.",
            "Only the staff who review pitches see your pitch and your details. Nothing is published "
            "without you knowing. If you withdraw your pitch or we decline it, we delete your details "
            "after 90 days.",
        )
    ],
    "thank_you": [
        B(
            f"We lezen je pitch en laten binnen twee weken van ons horen. Heb je vragen? Mail naar {TEAM_EMAIL}.",
            f"We read your pitch and get back to you within two weeks. Questions? Write to {TEAM_EMAIL}.",
        )
    ],
}


# Promoted search results: (search term, page key, description in Dutch). Words residents
# type that the pages do not use themselves; the English search shows the English page.
SEARCH_PROMOTIONS = [
    ("subsidie", "how", "Geld voor je plan: zo helpt de gemeente, en wat meedoen kost."),
    ("idee", "pitch-form", "Heb je een idee voor je buurt? Vertel het ons in tien minuten."),
    ("idea", "pitch-form", ""),
]
