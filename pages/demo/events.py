"""Nine pitch events: six in the past, three coming up. Dates are relative to today.

Venue names and addresses are synchronised across languages (proper nouns), so they are
written once; the accessibility information is translated."""

from .text import B, heading, para, ul

VENUES = {
    "anker": {
        "venue_name": "Buurthuis Het Anker",
        "street_address": "Reigerplantsoen 2",
        "postal_code": "2999 KB",
        "city": "Meerwijk",
        "neighbourhood": "vogelzang",
        "accessibility_info": B(
            "Alles is gelijkvloers. Er is een toilet voor rolstoelgebruikers en een ringleiding in de grote zaal.",
            "Everything is on the ground floor. There is a wheelchair-accessible toilet and a hearing loop "
            "in the main hall.",
        ),
    },
    "remise": {
        "venue_name": "Cultuurhuis De Remise",
        "street_address": "Spoorlaan 31",
        "postal_code": "2999 AR",
        "city": "Meerwijk",
        "neighbourhood": "centrum",
        "accessibility_info": B(
            "Drempelvrije ingang aan de zijkant en een lift naar de zaal op de eerste verdieping. Er is een "
            "stilteruimte. Voor de deur zijn twee parkeerplaatsen voor mensen met een beperking.",
            "Step-free entrance at the side and a lift to the hall on the first floor. There is a quiet "
            "room. Two disabled parking spaces are right outside.",
        ),
    },
    "bieb": {
        "venue_name": "Bibliotheek Meerwijk",
        "street_address": "Havenkade 12",
        "postal_code": "2999 BC",
        "city": "Meerwijk",
        "neighbourhood": "oude-haven",
        "accessibility_info": B(
            "Rolstoeltoegankelijk, met ringleiding. Een tolk Nederlandse Gebarentaal is mogelijk: vraag het "
            "twee weken van tevoren aan.",
            "Wheelchair accessible, with a hearing loop. A Sign Language of the Netherlands interpreter is "
            "available: request one two weeks in advance.",
        ),
    },
    "stadhuis": {
        "venue_name": "Stadhuis Meerwijk, raadzaal",
        "street_address": "Marktplein 1",
        "postal_code": "2999 AA",
        "city": "Meerwijk",
        "neighbourhood": "centrum",
        "accessibility_info": B(
            "Ingang met lift aan de Kerkstraat. In de raadzaal zijn een ringleiding en live ondertiteling op het "
            "scherm.",
            "Entrance with a lift on the Kerkstraat. The council chamber has a hearing loop and live "
            "subtitles on the screen.",
        ),
    },
    "polder": {
        "venue_name": "Wijkcentrum De Polder",
        "street_address": "Dijkweg 5",
        "postal_code": "2999 PZ",
        "city": "Meerwijk",
        "neighbourhood": "polderzicht",
        "accessibility_info": B(
            "Gelijkvloers, met een genderneutraal toilet en een rustige ruimte. Bus 12 stopt voor de deur.",
            "Ground floor, with a gender-neutral toilet and a quiet room. Bus 12 stops at the door.",
        ),
    },
}

PROGRAMME_BODY = [
    heading(B("Programma", "Programme")),
    para(
        ul(
            B("19.30 uur: inloop met koffie en thee", "7.30 pm: doors open, coffee and tea"),
            B(
                "19.45 uur: pitches van vijf minuten, met na elke pitch tijd voor vragen",
                "7.45 pm: five-minute pitches, each followed by time for questions",
            ),
            B(
                "21.00 uur: napraten en elkaar helpen bij de marktkraam",
                "9 pm: mingling and helping each other at the market stall",
            ),
        ),
        B(
            "Iedereen is welkom. Je hoeft niets voor te bereiden. Neem vooral je buren mee!",
            "Everyone is welcome. You do not need to prepare anything. Do bring your neighbours!",
        ),
    ),
]


def event(edition, day_offset, slug, title, summary, intro, venue, programme, **extra):
    data = {
        "key": f"event-{edition}",
        "edition": edition,
        "day_offset": day_offset,
        "slug": slug,
        "title": title,
        "summary": summary,
        "body": [para(intro), *PROGRAMME_BODY],
        "venue": venue,
        "programme": programme,
        "capacity": 80,
        "max_seats_per_signup": 2,
        # Registration opens four weeks before and closes two hours before the start.
        "registration_opens_offset": -28,
        "registration_closes_hours_before": 2,
    }
    data.update(extra)
    return data


EVENTS = [
    event(
        1,
        -330,
        B("pitch-avond-1-groen-doen", "pitch-night-1-going-green"),
        B("Pitch-avond 1: Groen doen", "Pitch night 1: Going green"),
        B(
            "De eerste pitch-avond van Meerwijk, over tuinen, bomen en een schonere buurt.",
            "Meerwijk's first pitch night, about gardens, trees and a cleaner neighbourhood.",
        ),
        B(
            "Vier groene initiatieven vertellen wat ze doen en wat ze nodig hebben.",
            "Four green initiatives tell you what they do and what they need.",
        ),
        "remise",
        [
            ("initiative-1", B("Won de publieksprijs", "Won the audience award")),
            ("initiative-11", ""),
            ("initiative-20", ""),
            ("initiative-21", ""),
        ],
        capacity=100,
    ),
    event(
        2,
        -270,
        B("pitch-avond-2-samen-aan-tafel", "pitch-night-2-around-the-table"),
        B("Pitch-avond 2: Samen aan tafel", "Pitch night 2: Around the table"),
        B(
            "Over ontmoeten, samen eten en elkaar helpen.",
            "About meeting, eating together and helping each other.",
        ),
        B(
            "Drie initiatieven die mensen bij elkaar brengen.",
            "Three initiatives that bring people together.",
        ),
        "anker",
        [("initiative-2", ""), ("initiative-8", ""), ("initiative-14", "")],
        capacity=60,
    ),
    event(
        3,
        -210,
        B("pitch-avond-3-energie-en-cultuur", "pitch-night-3-energy-and-culture"),
        B("Pitch-avond 3: Energie en cultuur", "Pitch night 3: Energy and culture"),
        B(
            "Zonnepanelen, energiecoaches, een koor en minibiebs: een avond vol energie.",
            "Solar panels, energy coaches, a choir and little libraries: an evening full of energy.",
        ),
        B(
            "Vijf pitches over energie besparen en cultuur in de buurt.",
            "Five pitches about saving energy and culture in the neighbourhood.",
        ),
        "bieb",
        [
            ("initiative-3", ""),
            ("initiative-16", ""),
            ("initiative-31", ""),
            ("initiative-26", B("Met een lied", "With a song")),
            ("initiative-33", ""),
        ],
    ),
    event(
        4,
        -150,
        B("pitch-avond-4-jongeren-aan-zet", "pitch-night-4-young-people-take-the-lead"),
        B("Pitch-avond 4: Jongeren aan zet", "Pitch night 4: Young people take the lead"),
        B(
            "Jongeren pitchen hun plannen in de raadzaal, voor raadsleden en buurtbewoners.",
            "Young people pitch their plans in the council chamber, to councillors and residents.",
        ),
        B(
            "Een avond georganiseerd door en voor jongeren, samen met de jongerenraad.",
            "An evening organised by and for young people, together with the youth council.",
        ),
        "stadhuis",
        [("initiative-22", ""), ("initiative-13", ""), ("initiative-30", ""), ("initiative-24", "")],
        capacity=120,
    ),
    event(
        5,
        -90,
        B("pitch-avond-5-zorg-voor-elkaar", "pitch-night-5-caring-for-each-other"),
        B("Pitch-avond 5: Zorg voor elkaar", "Pitch night 5: Caring for each other"),
        B(
            "Zes initiatieven over vervoer, eten, wonen en mantelzorg.",
            "Six initiatives about transport, food, housing and caring.",
        ),
        B(
            "Hoe zorgen we in Meerwijk voor elkaar? Zes initiatieven laten het zien.",
            "How do we look after each other in Meerwijk? Six initiatives show how.",
        ),
        "remise",
        [
            ("initiative-6", ""),
            ("initiative-9", ""),
            ("initiative-27", ""),
            ("initiative-34", ""),
            ("initiative-18", ""),
            ("initiative-28", ""),
        ],
        capacity=100,
    ),
    event(
        6,
        -35,
        B("pitch-avond-6-ruimte-gezocht", "pitch-night-6-space-wanted"),
        B("Pitch-avond 6: Ruimte gezocht", "Pitch night 6: Space wanted"),
        B(
            "Initiatieven die een dak, een podium of een stuk grond zoeken.",
            "Initiatives looking for a roof, a stage or a piece of land.",
        ),
        B(
            "Vier initiatieven zoeken een plek. Weet jij er een?",
            "Four initiatives are looking for a place. Do you know one?",
        ),
        "anker",
        [("initiative-4", ""), ("initiative-5", ""), ("initiative-36", ""), ("initiative-39", "")],
        capacity=70,
    ),
    event(
        7,
        10,
        B("pitch-avond-7-buurt-in-beweging", "pitch-night-7-neighbourhood-on-the-move"),
        B("Pitch-avond 7: Buurt in beweging", "Pitch night 7: Neighbourhood on the move"),
        B(
            "Over spelen, fietsen, delen en veilig naar school. De zaal is bijna vol.",
            "About play, cycling, sharing and getting to school safely. The hall is almost full.",
        ),
        B(
            "Vier nieuwe ideeën over bewegen in de buurt. Kom luisteren en denk mee.",
            "Four new ideas about getting around the neighbourhood. Come and listen and think along.",
        ),
        "bieb",
        [("initiative-7", ""), ("initiative-10", ""), ("initiative-15", ""), ("initiative-37", "")],
        capacity=60,
        max_seats_per_signup=1,
        registration_opens_offset=-20,
    ),
    event(
        8,
        38,
        B("pitch-avond-8-wonen-en-energie", "pitch-night-8-housing-and-energy"),
        B("Pitch-avond 8: Wonen en energie", "Pitch night 8: Housing and energy"),
        B(
            "Betaalbaar wonen, buurtbatterijen en droge voeten: bewoners met grote plannen.",
            "Affordable housing, neighbourhood batteries and dry feet: residents with big plans.",
        ),
        B(
            "Vier initiatieven met grote plannen voor wonen, energie en klimaat.",
            "Four initiatives with big plans for housing, energy and climate.",
        ),
        "stadhuis",
        [("initiative-17", ""), ("initiative-29", ""), ("initiative-25", ""), ("initiative-32", "")],
        capacity=120,
        registration_opens_offset=-45,
    ),
    event(
        9,
        80,
        B("pitch-avond-9-polderzicht", "pitch-night-9-polderzicht"),
        B("Pitch-avond 9: Op bezoek in Polderzicht", "Pitch night 9: Visiting Polderzicht"),
        B(
            "Voor het eerst in Polderzicht. Het programma wordt nog aangevuld: pitch je mee?",
            "For the first time in Polderzicht. The programme is still being filled: will you pitch?",
        ),
        B(
            "We gaan naar de wijk waar we nog weinig initiatieven zien. Heb jij een plan? Meld je pitch aan.",
            "We are going to the neighbourhood where we see few initiatives so far. Do you have a plan? "
            "Submit your pitch.",
        ),
        "polder",
        [("initiative-40", ""), ("initiative-38", ""), ("initiative-12", "")],
        capacity=80,
        registration_opens_offset=-30,
    ),
]

TRANSLATED = {"event-5", "event-6", "event-7", "event-8", "event-9"}
