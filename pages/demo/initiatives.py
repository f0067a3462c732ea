"""Forty resident initiatives in Meerwijk. Names are first names or fictional associations;
e-mail addresses are generated as initiatief-<n>@meerwijk.example and never shown."""

from .text import B, heading, para, quote

IDEA = "idea"
HELP = "looking_for_help"
RUNNING = "running"
DONE = "completed"

VOLUNTEERS = "volunteers"
SPACE = "space"
FUNDING = "funding"
EXPERTISE = "expertise"
NETWORK = "network"


def initiative(
    number,
    slug,
    title,
    summary,
    status,
    themes,
    neighbourhoods,
    owner,
    story,
    needs=(),
    tags=(),
    website="",
    days_ago=None,
    image=True,
):
    return {
        "key": f"initiative-{number}",
        "number": number,
        "slug": slug,
        "title": title,
        "summary": summary,
        "status": status,
        "themes": list(themes),
        "neighbourhoods": list(neighbourhoods),
        "public_owner": owner,
        "body": story,
        "needs": list(needs),
        "tags": list(tags),
        "website": website,
        "contact_email": f"initiatief-{number}@meerwijk.example",
        # Spread publication over the last eighteen months, newest numbers less recent.
        "days_ago": days_ago if days_ago is not None else 12 + (number * 53) % 520,
        "image": image,
    }


INITIATIVES = [
    initiative(
        1,
        B("buurttuin-lindenhof", "community-garden-lindenhof"),
        B("Buurttuin Lindenhof", "Lindenhof community garden"),
        B(
            "Een grasveld achter de flats wordt een tuin voor groente, bloemen en ontmoeting.",
            "A lawn behind the flats becomes a garden for vegetables, flowers and meeting people.",
        ),
        RUNNING,
        ["groen", "zorg-en-welzijn"],
        ["lindenhof"],
        "Buurtvereniging De Linde",
        [
            para(
                B(
                    "Achter de flats aan de Lindelaan lag jarenlang een kaal grasveld. Sinds vorig voorjaar "
                    "staan er twaalf moestuinbakken, een kruidenspiraal en een bank onder de appelboom.",
                    "For years there was a bare lawn behind the flats on the Lindelaan. Since last spring "
                    "there have been twelve vegetable beds, a herb spiral and a bench under the apple tree.",
                ),
                B(
                    "Iedereen mag meedoen, ook als je geen groene vingers hebt. Op zaterdagochtend "
                    "tuinieren we samen en drinken we koffie.",
                    "Everyone can join in, even if you have no green fingers. On Saturday mornings we "
                    "garden together and drink coffee.",
                ),
            ),
            quote(
                B(
                    "Ik woon hier twintig jaar, maar ik ken nu pas mijn buren van drie hoog.",
                    "I have lived here for twenty years, but only now do I know my neighbours on the third floor.",
                ),
                B("Bewoner van de Lindelaan", "Resident of the Lindelaan"),
            ),
            para(
                B(
                    "Volgend jaar willen we een regenton en een kleine kas. Daarvoor zoeken we nog hulp.",
                    "Next year we want a rain barrel and a small greenhouse. We are still looking for help with that.",
                )
            ),
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Twee mensen die op zaterdagochtend willen helpen", "Two people to help on Saturday mornings"),
            ),
            (EXPERTISE, B("Iemand die verstand heeft van een kleine kas", "Someone who knows about small greenhouses")),
        ],
        tags=["moestuin", "ontmoeting", "buurttuin"],
        website="https://example.org/buurttuin-lindenhof",
        days_ago=400,
    ),
    initiative(
        2,
        B("repair-cafe-de-remise", "repair-cafe-de-remise"),
        B("Repair Café De Remise", "Repair Café De Remise"),
        B(
            "Elke eerste zaterdag van de maand repareren vrijwilligers samen met jou kapotte spullen.",
            "Every first Saturday of the month volunteers repair broken things together with you.",
        ),
        RUNNING,
        ["groen", "zorg-en-welzijn"],
        ["centrum"],
        "Stichting Heel Meerwijk",
        [
            para(
                B(
                    "Een broodrooster die het niet meer doet, een broek met een scheur, een fiets met een "
                    "lekke band: gooi het niet weg. In het Repair Café kijken we samen of het te maken is.",
                    "A toaster that no longer works, trousers with a tear, a bike with a flat tyre: do not "
                    "throw it away. At the Repair Café we look together at whether it can be fixed.",
                ),
                B(
                    "We repareren zo'n zestig spullen per keer. Twee op de drie gaan weer mee naar huis.",
                    "We repair about sixty items each time. Two out of three go home working again.",
                ),
            ),
            quote(
                B(
                    "Het mooiste is als iemand zelf leert solderen. Dan hoeft hij volgende keer niet te komen.",
                    "The best thing is when someone learns to solder. Then they do not need to come next time.",
                ),
                "Henk, vrijwilliger",
            ),
        ],
        needs=[
            (VOLUNTEERS, B("Naaiers en fietsenmakers", "People who can sew or fix bikes")),
            (SPACE, B("Een vaste opslagplek voor gereedschap", "A permanent storage place for tools")),
        ],
        tags=["repareren", "duurzaam", "afval"],
        website="https://example.org/repaircafe-meerwijk",
        days_ago=530,
    ),
    initiative(
        3,
        B("energiecooperatie-meerwijkzon", "meerwijkzon-energy-cooperative"),
        B("Energiecoöperatie MeerwijkZon", "MeerwijkZon energy cooperative"),
        B(
            "Bewoners leggen samen zonnepanelen op grote daken en delen de opbrengst.",
            "Residents put solar panels on large roofs together and share the proceeds.",
        ),
        RUNNING,
        ["energie"],
        [],
        "Coöperatie MeerwijkZon",
        [
            para(
                B(
                    "Niet iedereen heeft een eigen dak dat geschikt is voor zonnepanelen. Daarom huren we "
                    "grote daken van scholen, sporthallen en bedrijven. Bewoners kopen een of meer panelen "
                    "en krijgen de opbrengst terug op hun energierekening.",
                    "Not everyone has their own roof that is suitable for solar panels. That is why we "
                    "rent large roofs from schools, sports halls and businesses. Residents buy one or more "
                    "panels and get the proceeds back on their energy bill.",
                ),
                B(
                    "Op het dak van sporthal De Weiden liggen nu 640 panelen. Het tweede dak volgt dit jaar.",
                    "There are now 640 panels on the roof of De Weiden sports hall. The second roof follows this year.",
                ),
            ),
            heading(B("Lid worden", "Becoming a member")),
            para(
                B(
                    "Een paneel kost eenmalig 250 euro. Je kunt ook lid worden zonder paneel en meebeslissen "
                    "op de ledenvergadering.",
                    "A panel costs a one-off 250 euros. You can also become a member without a panel and "
                    "have a say at the members' meeting.",
                )
            ),
        ],
        needs=[(EXPERTISE, B("Een penningmeester met boekhoudervaring", "A treasurer with bookkeeping experience"))],
        tags=["zonnepanelen", "coöperatie", "duurzaam"],
        website="https://example.org/meerwijkzon",
        days_ago=510,
    ),
    initiative(
        4,
        B("zonnepanelen-buurthuis-het-anker", "solar-panels-community-centre-het-anker"),
        B("Zonnepanelen op buurthuis Het Anker", "Solar panels on community centre Het Anker"),
        B(
            "Het dak van Het Anker is groot en ligt op het zuiden. Wij willen er zonnepanelen op.",
            "The roof of Het Anker is large and faces south. We want to put solar panels on it.",
        ),
        HELP,
        ["energie"],
        ["vogelzang"],
        "Werkgroep Groen Anker",
        [
            para(
                B(
                    "Buurthuis Het Anker betaalt elk jaar veel geld aan stroom. Dat geld kan beter naar "
                    "activiteiten voor de buurt. Met veertig panelen wekt het buurthuis bijna alle stroom zelf op.",
                    "Community centre Het Anker pays a lot for electricity every year. That money is better "
                    "spent on activities for the neighbourhood. With forty panels the centre generates "
                    "almost all its own electricity.",
                ),
                B(
                    "Een installateur heeft het dak bekeken. Nu zoeken we geld en iemand die de subsidie kan "
                    "aanvragen.",
                    "An installer has looked at the roof. Now we are looking for money and someone who can "
                    "apply for the subsidy.",
                ),
            )
        ],
        needs=[
            (FUNDING, B("Ongeveer 18.000 euro voor panelen en omvormer", "About 18,000 euros for panels and inverter")),
            (EXPERTISE, B("Hulp bij de subsidieaanvraag", "Help with the subsidy application")),
        ],
        tags=["zonnepanelen", "buurthuis"],
        days_ago=95,
    ),
    initiative(
        5,
        B("jongerenpodium-de-kelder", "youth-stage-de-kelder"),
        B("Jongerenpodium De Kelder", "Youth stage De Kelder"),
        B(
            "Een plek waar jongeren zelf concerten, open mics en battles organiseren.",
            "A place where young people organise their own concerts, open mics and battles.",
        ),
        HELP,
        ["jongeren", "cultuur"],
        ["oude-haven"],
        "Samira en Daan",
        [
            para(
                B(
                    "In Meerwijk is weinig te doen voor jongeren die muziek maken. Wij willen een podium "
                    "in de kelder van het oude pakhuis aan de Havenkade. Jongeren bepalen zelf het programma.",
                    "There is little to do in Meerwijk for young people who make music. We want a stage in "
                    "the basement of the old warehouse on the Havenkade. Young people decide the programme themselves.",
                ),
                B(
                    "We hebben al een groep van vijftien jongeren die wil helpen met licht, geluid en de bar.",
                    "We already have a group of fifteen young people who want to help with lighting, sound and the "
                    "bar.",
                ),
            ),
            quote(
                B(
                    "We willen niet alleen een plek om te chillen. We willen iets maken.",
                    "We do not just want a place to chill. We want to make something.",
                ),
                "Samira (17)",
            ),
        ],
        needs=[
            (SPACE, B("Een ruimte voor 80 tot 100 bezoekers", "A space for 80 to 100 visitors")),
            (
                EXPERTISE,
                B("Een geluidstechnicus die jongeren wil opleiden", "A sound engineer willing to train young people"),
            ),
        ],
        tags=["muziek", "podium", "jongeren"],
        days_ago=40,
    ),
    initiative(
        6,
        B("uitgiftepunt-voedselbank-rietkamp", "food-bank-point-rietkamp"),
        B("Uitgiftepunt voedselbank in Rietkamp", "Food bank distribution point in Rietkamp"),
        B(
            "Dichtbij huis je voedselpakket ophalen, zonder lange busreis naar het centrum.",
            "Collecting your food parcel close to home, without a long bus ride to the centre.",
        ),
        RUNNING,
        ["zorg-en-welzijn"],
        ["rietkamp"],
        "Vrijwilligers Voedselbank Meerwijk",
        [
            para(
                B(
                    "Veel klanten van de voedselbank wonen in Rietkamp. Het was voor hen lastig om elke week "
                    "naar het centrum te reizen. Sinds dit jaar is er op donderdag een uitgiftepunt in de "
                    "kerkzaal aan de Lisdoddestraat.",
                    "Many food bank clients live in Rietkamp. It was hard for them to travel to the centre "
                    "every week. Since this year there has been a distribution point on Thursdays in the "
                    "church hall on the Lisdoddestraat.",
                ),
                B(
                    "Er is koffie, en wie wil kan praten met een schuldhulpmaatje.",
                    "There is coffee, and anyone who wants to can talk to a debt support volunteer.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Chauffeurs met rijbewijs B op donderdagochtend", "Drivers with a car licence on Thursday mornings"),
            )
        ],
        tags=["voedselbank", "armoede"],
        days_ago=300,
    ),
    initiative(
        7,
        B("speeltuin-kwartelpad", "kwartelpad-playground"),
        B("Speeltuin Kwartelpad opknappen", "Renovating the Kwartelpad playground"),
        B(
            "De speeltoestellen zijn oud en de zandbak is vaak vies. Ouders willen samen een nieuw plan.",
            "The play equipment is old and the sandpit is often dirty. Parents want to make a new plan together.",
        ),
        IDEA,
        ["jongeren", "groen"],
        ["de-weiden"],
        "Ouders van het Kwartelpad",
        [
            para(
                B(
                    "De speeltuin aan het Kwartelpad is dertig jaar oud. Er is een wip, een schommel en een "
                    "zandbak. Kinderen spelen er steeds minder.",
                    "The playground on the Kwartelpad is thirty years old. There is a seesaw, a swing and "
                    "a sandpit. Children play there less and less.",
                ),
                B(
                    "Wij willen met kinderen tekenen hoe hun droomspeeltuin eruitziet. Met meer groen, "
                    "water en een plek in de schaduw voor ouders en grootouders.",
                    "We want to draw with children what their dream playground looks like. With more "
                    "green, water and a shady spot for parents and grandparents.",
                ),
            )
        ],
        needs=[
            (EXPERTISE, B("Een ontwerper van natuurlijke speelplekken", "A designer of natural play areas")),
            (NETWORK, B("Contact met de afdeling buitenruimte", "A contact at the public space department")),
        ],
        tags=["spelen", "kinderen"],
        days_ago=20,
    ),
    initiative(
        8,
        B("taalcafe-bibliotheek", "language-cafe-library"),
        B("Taalcafé in de bibliotheek", "Language café at the library"),
        B(
            "Elke woensdagmiddag Nederlands oefenen met koffie, spelletjes en gesprekken.",
            "Practising Dutch every Wednesday afternoon with coffee, games and conversation.",
        ),
        RUNNING,
        ["zorg-en-welzijn", "cultuur"],
        ["centrum"],
        "Taalhuis Meerwijk",
        [
            para(
                B(
                    "In het taalcafé oefen je Nederlands in een ontspannen sfeer. Je hoeft je niet aan te "
                    "melden. Vrijwilligers praten met je over het nieuws, je werk of je kinderen.",
                    "At the language café you practise Dutch in a relaxed atmosphere. You do not need to "
                    "sign up. Volunteers talk with you about the news, your work or your children.",
                ),
                B(
                    "Elke week komen er twintig tot dertig mensen uit meer dan tien landen.",
                    "Every week twenty to thirty people from more than ten countries come.",
                ),
            ),
            quote(
                B(
                    "Hier durf ik fouten te maken. Dat durf ik bij de bakker nog niet.",
                    "Here I dare to make mistakes. I do not dare to yet at the baker's.",
                ),
                "Oksana",
            ),
        ],
        needs=[(VOLUNTEERS, B("Gespreksleiders op woensdagmiddag", "Conversation hosts on Wednesday afternoons"))],
        tags=["taal", "ontmoeting", "nieuwkomers"],
        days_ago=460,
    ),
    initiative(
        9,
        B("wijkbus-molenbuurt", "neighbourhood-bus-molenbuurt"),
        B("Wijkbus Molenbuurt", "Molenbuurt neighbourhood bus"),
        B(
            "Een elektrisch busje brengt ouderen naar de huisarts, de markt en het buurthuis.",
            "An electric minibus takes older residents to the GP, the market and the community centre.",
        ),
        HELP,
        ["mobiliteit", "zorg-en-welzijn"],
        ["molenbuurt"],
        "Stichting Wijkbus Molenbuurt",
        [
            para(
                B(
                    "In de Molenbuurt wonen veel ouderen. De bushalte is ver weg en een taxi is duur. "
                    "Daarom rijdt er sinds kort een wijkbus met vrijwillige chauffeurs.",
                    "Many older people live in the Molenbuurt. The bus stop is far away and a taxi is "
                    "expensive. That is why a neighbourhood bus with volunteer drivers has recently started running.",
                ),
                B(
                    "Een rit kost één euro. Je belt de dag ervoor en de chauffeur haalt je thuis op.",
                    "A ride costs one euro. You call the day before and the driver picks you up at home.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Chauffeurs voor een ochtend of middag per week", "Drivers for one morning or afternoon a week"),
            ),
            (FUNDING, B("Een bijdrage aan de verzekering", "A contribution towards the insurance")),
        ],
        tags=["vervoer", "ouderen", "vrijwilligers"],
        website="https://example.org/wijkbus-molenbuurt",
        days_ago=150,
    ),
    initiative(
        10,
        B("buurtfietsenstalling-oude-haven", "neighbourhood-bike-shed-oude-haven"),
        B("Buurtfietsenstalling Oude Haven", "Neighbourhood bike shed Oude Haven"),
        B(
            "Veilig je fiets stallen in een buurt met smalle straten en weinig ruimte.",
            "Parking your bike safely in a neighbourhood with narrow streets and little space.",
        ),
        IDEA,
        ["mobiliteit"],
        ["oude-haven"],
        "Joost",
        [
            para(
                B(
                    "In de oude huizen aan de kade is geen schuur. Fietsen staan op de stoep en worden "
                    "vaak gestolen. Een buurtstalling in een leegstaande winkel kan helpen.",
                    "The old houses on the quay have no shed. Bikes stand on the pavement and are often "
                    "stolen. A neighbourhood bike shed in an empty shop could help.",
                ),
                B(
                    "Ik wil eerst weten hoeveel buren een plek zouden huren. Vul de korte enquête in!",
                    "First I want to know how many neighbours would rent a space. Fill in the short survey!",
                ),
            )
        ],
        needs=[
            (SPACE, B("Een leeg pand op de begane grond", "An empty ground-floor building")),
            (NETWORK, B("Contact met de eigenaar van Havenkade 20", "Contact with the owner of Havenkade 20")),
        ],
        tags=["fiets", "parkeren"],
        days_ago=15,
    ),
    initiative(
        11,
        B("geveltuinen-vogelzang", "facade-gardens-vogelzang"),
        B("Geveltuinen in Vogelzang", "Facade gardens in Vogelzang"),
        B(
            "Honderd stoeptegels eruit, honderd geveltuintjes erin. Het is gelukt!",
            "A hundred paving stones out, a hundred facade gardens in. We did it!",
        ),
        DONE,
        ["groen"],
        ["vogelzang"],
        "Bewonerscommissie Vogelzang",
        [
            para(
                B(
                    "Vorig jaar haalden bewoners van de Merelstraat en de Reigerlaan samen honderd tegels "
                    "weg. De gemeente bracht aarde en planten. Nu bloeit de hele straat.",
                    "Last year residents of the Merelstraat and the Reigerlaan removed a hundred paving "
                    "stones together. The municipality brought soil and plants. Now the whole street is in bloom.",
                ),
                B(
                    "Geveltuinen houden regenwater vast en maken de straat koeler in de zomer.",
                    "Facade gardens retain rainwater and make the street cooler in summer.",
                ),
            ),
            quote(
                B(
                    "Mijn buurvrouw en ik wisselen nu stekjes uit. Dat deden we vroeger nooit.",
                    "My neighbour and I now swap cuttings. We never used to do that.",
                ),
                B("Bewoner van de Merelstraat", "Resident of the Merelstraat"),
            ),
        ],
        tags=["tegels-eruit", "geveltuin", "klimaat"],
        days_ago=500,
    ),
    initiative(
        12,
        B("buurtpreventie-de-weiden", "neighbourhood-watch-de-weiden"),
        B("Buurtpreventieteam De Weiden", "Neighbourhood watch De Weiden"),
        B(
            "Bewoners lopen 's avonds een rondje en letten op open ramen, kapotte lampen en onveilige plekken.",
            "Residents walk a round in the evening and look out for open windows, broken lights and unsafe spots.",
        ),
        RUNNING,
        ["veiligheid"],
        ["de-weiden"],
        "Buurtpreventie De Weiden",
        [
            para(
                B(
                    "Twee keer per week lopen we met een paar buren door de wijk. We melden kapotte "
                    "straatlantaarns en wijzen mensen op een open raam of een fiets zonder slot.",
                    "Twice a week we walk through the neighbourhood with a few neighbours. We report "
                    "broken street lights and point out an open window or an unlocked bike.",
                ),
                B(
                    "We werken samen met de wijkagent en de boa's, maar we zijn geen politie. We kijken en melden.",
                    "We work with the community police officer and the enforcement officers, but we are not "
                    "the police. We watch and report.",
                ),
            )
        ],
        needs=[(VOLUNTEERS, B("Nieuwe lopers, ook jongeren", "New walkers, young people too"))],
        tags=["buurtpreventie", "veiligheid"],
        days_ago=240,
    ),
    initiative(
        13,
        B("huiswerkklas-lindenhof", "homework-club-lindenhof"),
        B("Huiswerkklas Lindenhof", "Homework club Lindenhof"),
        B(
            "Studenten helpen kinderen uit groep 7 en 8 en de brugklas met hun huiswerk.",
            "Students help children in the last years of primary school and the first year of secondary school with "
            "homework.",
        ),
        HELP,
        ["jongeren"],
        ["lindenhof"],
        "Amira",
        [
            para(
                B(
                    "Niet elk kind heeft thuis een rustige plek of iemand die kan helpen met breuken. In het "
                    "buurthuis kunnen kinderen op dinsdag en donderdag na school terecht.",
                    "Not every child has a quiet place at home or someone who can help with fractions. "
                    "Children can come to the community centre after school on Tuesdays and Thursdays.",
                ),
                B(
                    "Er is fruit, er zijn laptops en er zijn studenten die het leuk vinden om uit te leggen.",
                    "There is fruit, there are laptops and there are students who enjoy explaining things.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Studenten die wiskunde of Engels goed kunnen", "Students who are good at maths or English"),
            ),
            (FUNDING, B("Zes tweedehands laptops", "Six second-hand laptops")),
        ],
        tags=["onderwijs", "kinderen"],
        days_ago=110,
    ),
    initiative(
        14,
        B("samen-eten-molenbuurt", "eating-together-molenbuurt"),
        B("Samen eten in de Molenbuurt", "Eating together in Molenbuurt"),
        B(
            "Elke vrijdag koken buren voor buren. Een maaltijd kost vier euro.",
            "Every Friday neighbours cook for neighbours. A meal costs four euros.",
        ),
        RUNNING,
        ["zorg-en-welzijn"],
        ["molenbuurt"],
        "Buurtkeuken De Molen",
        [
            para(
                B(
                    "Alleen eten is niet leuk. Daarom koken we elke vrijdag met een groep vrijwilligers "
                    "in het buurthuis. Er eten zo'n veertig mensen mee, jong en oud.",
                    "Eating alone is no fun. That is why a group of volunteers cooks at the community "
                    "centre every Friday. About forty people eat with us, young and old.",
                ),
                B(
                    "Kun je het niet betalen? Dan eet je gratis mee. Niemand hoeft dat te weten.",
                    "Cannot afford it? Then you eat for free. Nobody needs to know.",
                ),
            )
        ],
        needs=[(VOLUNTEERS, B("Koks en afwassers op vrijdag", "Cooks and dishwashers on Fridays"))],
        tags=["eten", "ontmoeting", "eenzaamheid"],
        days_ago=360,
    ),
    initiative(
        15,
        B("elektrische-deelauto-rietkamp", "shared-electric-car-rietkamp"),
        B("Elektrische deelauto Rietkamp", "Shared electric car Rietkamp"),
        B(
            "Samen één elektrische auto delen in plaats van elk een eigen auto voor de deur.",
            "Sharing one electric car together instead of everyone having their own car at the door.",
        ),
        IDEA,
        ["mobiliteit", "energie"],
        ["rietkamp"],
        "Yusuf",
        [
            para(
                B(
                    "Veel buren gebruiken hun auto maar een paar keer per week. Met een deelauto bespaar "
                    "je geld en komt er ruimte vrij in de straat.",
                    "Many neighbours only use their car a few times a week. With a shared car you save "
                    "money and free up space in the street.",
                ),
                B(
                    "Ik zoek tien huishoudens die willen meedoen en een laadpaal bij de flat.",
                    "I am looking for ten households who want to join and a charging point near the flat.",
                ),
            )
        ],
        needs=[(NETWORK, B("Tien huishoudens die willen delen", "Ten households who want to share"))],
        tags=["deelauto", "elektrisch"],
        days_ago=30,
    ),
    initiative(
        16,
        B("energiecoaches-aan-huis", "energy-coaches-at-home"),
        B("Energiecoaches aan huis", "Energy coaches at your door"),
        B(
            "Getrainde buren komen gratis langs met tips om energie te besparen.",
            "Trained neighbours visit you for free with tips to save energy.",
        ),
        RUNNING,
        ["energie", "wonen"],
        ["lindenhof", "molenbuurt"],
        "Energieloket Meerwijk",
        [
            para(
                B(
                    "Een energiecoach kijkt samen met jou naar je huis. Waar tocht het? Kan de verwarming "
                    "lager? De coach brengt radiatorfolie, tochtstrips en ledlampen mee.",
                    "An energy coach looks at your home together with you. Where is it draughty? Can the "
                    "heating go down? The coach brings radiator foil, draught strips and LED bulbs.",
                ),
                B(
                    "Vorig jaar bezochten de coaches 320 huizen. Gemiddeld bespaarden bewoners 180 euro per jaar.",
                    "Last year the coaches visited 320 homes. On average residents saved 180 euros a year.",
                ),
            )
        ],
        needs=[(VOLUNTEERS, B("Nieuwe coaches; je krijgt een training", "New coaches; training is provided"))],
        tags=["energiebesparing", "isolatie"],
        days_ago=280,
    ),
    initiative(
        17,
        B("wooncooperatie-de-dijkhoeve", "housing-cooperative-de-dijkhoeve"),
        B("Wooncoöperatie De Dijkhoeve", "Housing cooperative De Dijkhoeve"),
        B(
            "Een groep bewoners wil samen betaalbare huizen bouwen op een oud boerenerf.",
            "A group of residents wants to build affordable homes together on an old farmyard.",
        ),
        IDEA,
        ["wonen"],
        ["buitengebied"],
        "Vereniging De Dijkhoeve",
        [
            para(
                B(
                    "Jongeren uit het buitengebied vinden geen huis in hun eigen dorp. Ouderen willen kleiner "
                    "wonen, maar niet weg. Op het erf van de oude Dijkhoeve is ruimte voor twaalf woningen.",
                    "Young people from the countryside cannot find a home in their own village. Older "
                    "people want to live smaller, but not move away. The yard of the old Dijkhoeve farm "
                    "has room for twelve homes.",
                ),
                B(
                    "We willen samen bouwen en samen beheren, zonder winst. We staan nog aan het begin.",
                    "We want to build together and manage together, without profit. We are still at the beginning.",
                ),
            )
        ],
        needs=[
            (
                EXPERTISE,
                B("Advies over wooncoöperaties en financiering", "Advice on housing cooperatives and financing"),
            ),
            (
                NETWORK,
                B("Gesprek met de gemeente over het bestemmingsplan", "A talk with the municipality about zoning"),
            ),
        ],
        tags=["wonen", "coöperatie", "betaalbaar"],
        days_ago=60,
    ),
    initiative(
        18,
        B("hofje-voor-ouderen", "courtyard-homes-older-residents"),
        B("Hofje voor ouderen in het centrum", "Courtyard homes for older residents in the centre"),
        B(
            "Zelfstandig wonen, maar met buren die naar je omkijken, rond een gezamenlijke tuin.",
            "Living independently, but with neighbours who look out for you, around a shared garden.",
        ),
        HELP,
        ["wonen", "zorg-en-welzijn"],
        ["centrum"],
        "Werkgroep Hofwonen",
        [
            para(
                B(
                    "Wij zijn een groep van 24 mensen boven de 60. We willen samen in een hofje wonen, met "
                    "eigen huisjes en een gemeenschappelijke ruimte. Zo kunnen we langer zelfstandig blijven.",
                    "We are a group of 24 people over 60. We want to live together in a courtyard, with our "
                    "own small homes and a shared room. That way we can stay independent for longer.",
                ),
                B(
                    "We zoeken een locatie dicht bij winkels en de huisarts.",
                    "We are looking for a site close to shops and the GP.",
                ),
            )
        ],
        needs=[
            (SPACE, B("Een bouwlocatie in of bij het centrum", "A building site in or near the centre")),
            (EXPERTISE, B("Een architect die mee wil denken", "An architect willing to think along")),
        ],
        tags=["wonen", "ouderen"],
        days_ago=200,
    ),
    initiative(
        19,
        B("muurschildering-onderdoorgang", "underpass-mural"),
        B("Muurschildering in de onderdoorgang", "Mural in the underpass"),
        B(
            "De donkere tunnel onder het spoor is nu een kleurrijk kunstwerk, gemaakt met jongeren uit de buurt.",
            "The dark tunnel under the railway is now a colourful artwork, made with young people from the area.",
        ),
        DONE,
        ["cultuur", "veiligheid"],
        ["kanaalzone"],
        "Kunstcollectief Kanaal",
        [
            para(
                B(
                    "Veel mensen liepen 's avonds liever om dan door de onderdoorgang aan de Kanaalweg. "
                    "Samen met twintig jongeren hebben we de muren beschilderd. Er kwam ook betere verlichting.",
                    "Many people preferred to walk round rather than through the underpass on the "
                    "Kanaalweg in the evening. Together with twenty young people we painted the walls. "
                    "Better lighting was added too.",
                ),
                B(
                    "De schildering laat de geschiedenis van het kanaal zien: schepen, fabrieken en de mensen van nu.",
                    "The mural shows the history of the canal: ships, factories and the people of today.",
                ),
            )
        ],
        tags=["kunst", "graffiti", "verlichting"],
        days_ago=420,
    ),
    initiative(
        20,
        B("boomspiegels-adopteren", "adopt-a-tree-bed"),
        B("Boomspiegels adopteren", "Adopt a tree bed"),
        B(
            "Bewoners planten bloemen rond de bomen in hun straat en houden ze bij.",
            "Residents plant flowers around the trees in their street and look after them.",
        ),
        RUNNING,
        ["groen"],
        ["oude-haven"],
        "Buren van de Havenkade",
        [
            para(
                B(
                    "Een boomspiegel is het stukje grond rond een boom. Vaak ligt daar zwerfafval. Als je een "
                    "boomspiegel adopteert, krijg je van de gemeente plantjes en een bordje.",
                    "A tree bed is the patch of soil around a tree. Litter often collects there. If you "
                    "adopt a tree bed, the municipality gives you plants and a small sign.",
                ),
                B(
                    "Er zijn al 45 boomspiegels geadopteerd in de Oude Haven.",
                    "45 tree beds have already been adopted in the Oude Haven.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B(
                    "Buren die een boom in hun straat willen adopteren",
                    "Neighbours who want to adopt a tree in their street",
                ),
            )
        ],
        tags=["bomen", "bloemen"],
        days_ago=330,
    ),
    initiative(
        21,
        B("zwerfafvalteam-meerwijk", "litter-picking-team-meerwijk"),
        B("Zwerfafvalteam Meerwijk", "Litter picking team Meerwijk"),
        B(
            "Elke maand ruimen we samen een andere plek in Meerwijk op.",
            "Every month we clean up a different place in Meerwijk together.",
        ),
        RUNNING,
        ["groen"],
        [],
        "Lotte",
        [
            para(
                B(
                    "Met grijpers, handschoenen en vuilniszakken van de gemeente ruimen we op. Daarna drinken "
                    "we iets samen. Kinderen zijn ook welkom.",
                    "We clean up with litter pickers, gloves and bin bags from the municipality. Afterwards "
                    "we have a drink together. Children are welcome too.",
                ),
                B(
                    "Vorig jaar haalden we ruim 900 kilo afval op.",
                    "Last year we collected more than 900 kilos of litter.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Meer handen op de laatste zaterdag van de maand", "More hands on the last Saturday of the month"),
            )
        ],
        tags=["afval", "opruimen"],
        days_ago=250,
    ),
    initiative(
        22,
        B("jongerenraad-meerwijk", "youth-council-meerwijk"),
        B("Jongerenraad Meerwijk", "Meerwijk youth council"),
        B(
            "Jongeren tussen 14 en 23 geven de gemeenteraad gevraagd en ongevraagd advies.",
            "Young people aged 14 to 23 give the council advice, whether asked for or not.",
        ),
        RUNNING,
        ["jongeren"],
        [],
        "Jongerenraad Meerwijk",
        [
            para(
                B(
                    "De jongerenraad praat mee over alles wat jongeren raakt: uitgaan, sport, wonen en school. "
                    "We gaan langs scholen en sportclubs om te horen wat jongeren belangrijk vinden.",
                    "The youth council has a say in everything that affects young people: going out, sport, "
                    "housing and school. We visit schools and sports clubs to hear what young people care about.",
                ),
                B(
                    "Dit jaar gaven we advies over de skatebaan en over betaalbare studentenkamers.",
                    "This year we gave advice on the skate park and on affordable student rooms.",
                ),
            )
        ],
        needs=[(NETWORK, B("Jongeren uit Polderzicht en Kanaalzone", "Young people from Polderzicht and Kanaalzone"))],
        tags=["jongeren", "inspraak"],
        days_ago=380,
    ),
    initiative(
        23,
        B("buurtfeest-reigerplantsoen", "reigerplantsoen-street-party"),
        B("Buurtfeest Reigerplantsoen", "Reigerplantsoen street party"),
        B(
            "Een zomerfeest met muziek, eten uit twintig landen en een rommelmarkt.",
            "A summer party with music, food from twenty countries and a flea market.",
        ),
        DONE,
        ["cultuur"],
        ["vogelzang"],
        "Feestcommissie Reigerplantsoen",
        [
            para(
                B(
                    "Op de laatste zaterdag van juni stond het Reigerplantsoen vol tafels. Bewoners kookten "
                    "gerechten uit hun land van herkomst. Er speelde een band uit de buurt.",
                    "On the last Saturday of June the Reigerplantsoen was full of tables. Residents cooked "
                    "dishes from their country of origin. A local band played.",
                ),
                B(
                    "Er kwamen meer dan vierhonderd mensen. Volgend jaar doen we het weer.",
                    "More than four hundred people came. We will do it again next year.",
                ),
            )
        ],
        tags=["feest", "ontmoeting"],
        days_ago=170,
    ),
    initiative(
        24,
        B("schoolmoestuin-de-regenboog", "school-garden-de-regenboog"),
        B("Schoolmoestuin De Regenboog", "School vegetable garden De Regenboog"),
        B(
            "Kinderen zaaien, wieden en oogsten in hun eigen moestuin naast de school.",
            "Children sow, weed and harvest in their own vegetable garden next to the school.",
        ),
        RUNNING,
        ["groen", "jongeren"],
        ["de-weiden"],
        "Basisschool De Regenboog",
        [
            para(
                B(
                    "Elke klas heeft een eigen bak. Kinderen leren waar eten vandaan komt. In de zomervakantie "
                    "zorgen buren voor de tuin.",
                    "Every class has its own bed. Children learn where food comes from. In the summer holidays "
                    "neighbours look after the garden.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Buren die in de zomervakantie water geven", "Neighbours who water during the summer holidays"),
            )
        ],
        tags=["moestuin", "school", "kinderen"],
        days_ago=310,
    ),
    initiative(
        25,
        B("verlichting-dijkfietspad", "dyke-cycle-path-lighting"),
        B("Betere verlichting op het fietspad langs de dijk", "Better lighting on the dyke cycle path"),
        B(
            "Scholieren fietsen 's winters in het donker naar school. Slimme verlichting kan helpen.",
            "Pupils cycle to school in the dark in winter. Smart lighting could help.",
        ),
        IDEA,
        ["veiligheid", "mobiliteit"],
        ["polderzicht"],
        "Ouders in Polderzicht",
        [
            para(
                B(
                    "Het fietspad van Polderzicht naar het centrum is twee kilometer lang en helemaal donker. "
                    "Veel kinderen voelen zich er niet veilig.",
                    "The cycle path from Polderzicht to the centre is two kilometres long and completely dark. "
                    "Many children do not feel safe there.",
                ),
                B(
                    "Wij denken aan lampen die alleen aangaan als er iemand langskomt. Dat is goed voor "
                    "vleermuizen en bespaart stroom.",
                    "We are thinking of lights that only switch on when someone passes. That is good for "
                    "bats and saves electricity.",
                ),
            )
        ],
        needs=[
            (NETWORK, B("Steun van de scholen en de fietsersbond", "Support from the schools and the cyclists' union"))
        ],
        tags=["fiets", "verlichting", "scholieren"],
        days_ago=25,
    ),
    initiative(
        26,
        B("buurtkoor-havenklanken", "havenklanken-community-choir"),
        B("Buurtkoor Havenklanken", "Havenklanken community choir"),
        B(
            "Een koor voor iedereen die graag zingt, ook als je geen noten kunt lezen.",
            "A choir for everyone who likes to sing, even if you cannot read music.",
        ),
        RUNNING,
        ["cultuur"],
        ["oude-haven"],
        "Havenklanken",
        [
            para(
                B(
                    "We zingen zeemansliederen, popsongs en liedjes uit de hele wereld. Er is geen auditie. "
                    "We repeteren op maandagavond in het oude pakhuis.",
                    "We sing sea shanties, pop songs and songs from all over the world. There is no audition. "
                    "We rehearse on Monday evenings in the old warehouse.",
                ),
            )
        ],
        needs=[(EXPERTISE, B("Een pianist voor de repetities", "A pianist for rehearsals"))],
        tags=["muziek", "zingen"],
        days_ago=440,
    ),
    initiative(
        27,
        B("mantelzorgcafe-rietkamp", "carers-cafe-rietkamp"),
        B("Mantelzorgcafé Rietkamp", "Carers' café Rietkamp"),
        B(
            "Even op adem komen en ervaringen delen met andere mantelzorgers.",
            "A moment to catch your breath and share experiences with other carers.",
        ),
        RUNNING,
        ["zorg-en-welzijn"],
        ["rietkamp"],
        "Steunpunt Mantelzorg",
        [
            para(
                B(
                    "Zorg je voor je partner, ouder of kind? Dan weet je hoe zwaar dat kan zijn. In het "
                    "mantelzorgcafé drink je koffie met mensen die het begrijpen.",
                    "Do you care for your partner, parent or child? Then you know how hard that can be. "
                    "At the carers' café you drink coffee with people who understand.",
                ),
                B(
                    "Soms komt er een deskundige vertellen over regelingen of respijtzorg.",
                    "Sometimes an expert comes to talk about support schemes or respite care.",
                ),
            )
        ],
        needs=[(SPACE, B("Een rustige ruimte met een keukentje", "A quiet room with a small kitchen"))],
        tags=["mantelzorg", "ontmoeting"],
        days_ago=210,
    ),
    initiative(
        28,
        B("klusjesdienst-ouderen", "odd-job-service"),
        B("Klusjesdienst voor ouderen", "Odd-job service for older residents"),
        B(
            "Een lamp ophangen of een kraan vervangen: handige buren helpen ouderen met kleine klussen.",
            "Hanging a lamp or replacing a tap: handy neighbours help older residents with small jobs.",
        ),
        HELP,
        ["zorg-en-welzijn", "wonen"],
        ["lindenhof"],
        "Gerard",
        [
            para(
                B(
                    "Ik ben gepensioneerd timmerman en help graag. Maar de vraag is groter dan ik alleen aankan. "
                    "Daarom zoek ik andere handige buren.",
                    "I am a retired carpenter and I like to help. But there is more demand than I can handle "
                    "alone. That is why I am looking for other handy neighbours.",
                ),
                B(
                    "De klus is gratis; je betaalt alleen de onderdelen.",
                    "The job is free; you only pay for the parts.",
                ),
            )
        ],
        needs=[
            (VOLUNTEERS, B("Handige buren met een paar uur per maand", "Handy neighbours with a few hours a month"))
        ],
        tags=["klussen", "ouderen"],
        days_ago=130,
    ),
    initiative(
        29,
        B("buurtbatterij-polderzicht", "neighbourhood-battery-polderzicht"),
        B("Buurtbatterij Polderzicht", "Neighbourhood battery Polderzicht"),
        B(
            "Zonnestroom van overdag bewaren voor 's avonds, in één grote batterij voor de hele straat.",
            "Storing solar power from the day for the evening, in one big battery for the whole street.",
        ),
        IDEA,
        ["energie"],
        ["polderzicht"],
        "Tim en Fleur",
        [
            para(
                B(
                    "In Polderzicht heeft bijna elk huis zonnepanelen. Op zonnige middagen is het stroomnet vol. "
                    "Een buurtbatterij kan de stroom bewaren tot de avond.",
                    "In Polderzicht almost every home has solar panels. On sunny afternoons the grid is full. "
                    "A neighbourhood battery can store the power until the evening.",
                ),
            )
        ],
        needs=[
            (EXPERTISE, B("Kennis van netbeheer en batterijen", "Knowledge of grid management and batteries")),
            (FUNDING, B("Geld voor een haalbaarheidsstudie", "Money for a feasibility study")),
        ],
        tags=["batterij", "zonnepanelen", "stroomnet"],
        days_ago=45,
    ),
    initiative(
        30,
        B("skatebaan-weidenpark", "skate-park-weidenpark"),
        B("Skatebaan in het Weidenpark", "Skate park in Weidenpark"),
        B(
            "Jongeren willen een betonnen skatebaan waar ze na school en in het weekend kunnen skaten.",
            "Young people want a concrete skate park where they can skate after school and at weekends.",
        ),
        HELP,
        ["jongeren"],
        ["de-weiden"],
        "Skaters van De Weiden",
        [
            para(
                B(
                    "Nu skaten we op het parkeerterrein van de supermarkt. Dat is gevaarlijk en de buren "
                    "vinden het lawaaiig. In het Weidenpark is een plek ver van de huizen.",
                    "Right now we skate in the supermarket car park. That is dangerous and the neighbours "
                    "find it noisy. In the Weidenpark there is a spot far from the houses.",
                ),
                B(
                    "We hebben al 300 handtekeningen en een ontwerp gemaakt met een skatebaanbouwer.",
                    "We already have 300 signatures and a design made with a skate park builder.",
                ),
            )
        ],
        needs=[
            (FUNDING, B("Een deel van de bouwkosten", "Part of the building costs")),
            (NETWORK, B("Steun van omwonenden", "Support from local residents")),
        ],
        tags=["skaten", "sport", "jongeren"],
        days_ago=75,
    ),
    initiative(
        31,
        B("minibiebs-molenbuurt", "little-free-libraries-molenbuurt"),
        B("Minibiebs in elke straat", "Little free libraries in every street"),
        B(
            "Kastjes waar je een boek pakt en een boek terugzet. Nu in elke straat van de Molenbuurt.",
            "Little cupboards where you take a book and leave a book. Now in every street of the Molenbuurt.",
        ),
        DONE,
        ["cultuur"],
        ["molenbuurt"],
        "Leesclub De Molen",
        [
            para(
                B(
                    "We bouwden veertien minibiebs van oud hout, samen met de leerlingen van het vmbo. "
                    "Ze zijn beschilderd door kinderen uit de buurt.",
                    "We built fourteen little libraries from old wood, together with pupils from the "
                    "vocational school. Children from the neighbourhood painted them.",
                ),
            )
        ],
        tags=["lezen", "boeken"],
        days_ago=480,
    ),
    initiative(
        32,
        B("regenwater-centrum", "catching-rainwater-centre"),
        B("Regenwater opvangen in het centrum", "Catching rainwater in the centre"),
        B(
            "Bij hevige buien staan straten in het centrum blank. Bewoners willen regentonnen en groene daken.",
            "During heavy showers streets in the centre flood. Residents want rain barrels and green roofs.",
        ),
        IDEA,
        ["groen", "wonen"],
        ["centrum"],
        "Marieke",
        [
            para(
                B(
                    "De afgelopen zomer liep het water twee keer de kelders in. Als veel huizen regenwater "
                    "opvangen, heeft het riool minder te doen.",
                    "Last summer water flowed into the cellars twice. If many homes catch rainwater, the "
                    "sewers have less to cope with.",
                ),
                B(
                    "Ik wil een collectieve inkoop van regentonnen organiseren, met subsidie van de gemeente.",
                    "I want to organise a group purchase of rain barrels, with a subsidy from the municipality.",
                ),
            )
        ],
        needs=[
            (NETWORK, B("Buren die mee willen doen aan de inkoop", "Neighbours who want to join the group purchase"))
        ],
        tags=["klimaat", "water"],
        days_ago=35,
        image=False,
    ),
    initiative(
        33,
        B("praatbankjes-vogelzang", "chat-benches-vogelzang"),
        B("Praatbankjes in het park", "Chat benches in the park"),
        B(
            "Op een praatbankje ga je zitten als je het goed vindt dat iemand een praatje met je maakt.",
            "You sit on a chat bench if you are happy for someone to start a conversation with you.",
        ),
        DONE,
        ["zorg-en-welzijn"],
        ["vogelzang"],
        "Welzijn Vogelzang",
        [
            para(
                B(
                    "In het Vogelpark staan nu drie gele bankjes met een bordje: hier maak je een praatje. "
                    "Vrijwilligers zitten er op vaste tijden.",
                    "There are now three yellow benches in the Vogelpark with a sign: have a chat here. "
                    "Volunteers sit there at set times.",
                ),
            ),
            quote(
                B("Soms is een praatje het beste van mijn dag.", "Sometimes a chat is the best part of my day."),
                B("Bezoeker van het park", "Park visitor"),
            ),
        ],
        tags=["eenzaamheid", "ontmoeting"],
        days_ago=350,
    ),
    initiative(
        34,
        B("fietsles-nieuwkomers", "cycling-lessons-newcomers"),
        B("Fietsles voor nieuwkomers", "Cycling lessons for newcomers"),
        B(
            "Leren fietsen geeft vrijheid. Vrijwilligers geven les op het schoolplein.",
            "Learning to cycle gives freedom. Volunteers teach on the school playground.",
        ),
        RUNNING,
        ["mobiliteit", "zorg-en-welzijn"],
        ["rietkamp"],
        "Fietsmaatjes Meerwijk",
        [
            para(
                B(
                    "Veel vrouwen die net in Nederland wonen, hebben nooit leren fietsen. In tien lessen leer "
                    "je fietsen en de verkeersregels. Aan het eind krijg je een opgeknapte fiets.",
                    "Many women who have just come to live in the Netherlands have never learned to cycle. "
                    "In ten lessons you learn to cycle and the traffic rules. At the end you get a refurbished bike.",
                ),
            )
        ],
        needs=[(VOLUNTEERS, B("Fietsdocenten op zaterdagochtend", "Cycling teachers on Saturday mornings"))],
        tags=["fiets", "nieuwkomers"],
        days_ago=190,
    ),
    initiative(
        35,
        B("buitensport-lindepark", "outdoor-exercise-lindepark"),
        B("Buitensport voor iedereen in het Lindepark", "Outdoor exercise for everyone in Lindepark"),
        B(
            "Gratis sporten in het park, op je eigen niveau, elke dinsdag- en zaterdagochtend.",
            "Free exercise in the park, at your own level, every Tuesday and Saturday morning.",
        ),
        RUNNING,
        ["zorg-en-welzijn", "jongeren"],
        ["lindenhof"],
        "Bart",
        [
            para(
                B(
                    "Ik ben sportleraar en geef gratis les in het Lindepark. Er doen mensen van 16 tot 82 mee. "
                    "Je hebt geen sportkleding nodig.",
                    "I am a PE teacher and give free classes in the Lindepark. People aged 16 to 82 take part. "
                    "You do not need sportswear.",
                ),
            )
        ],
        needs=[(FUNDING, B("Geld voor matten en elastieken", "Money for mats and resistance bands"))],
        tags=["sport", "gezondheid"],
        days_ago=260,
    ),
    initiative(
        36,
        B("ruilwinkel-centrum", "swap-shop-centre"),
        B("Ruilwinkel in het centrum", "Swap shop in the centre"),
        B(
            "Spullen ruilen in plaats van kopen: kleding, speelgoed en keukenspullen.",
            "Swapping instead of buying: clothes, toys and kitchenware.",
        ),
        HELP,
        ["groen"],
        ["centrum"],
        "Ruilwinkel Meerwijk",
        [
            para(
                B(
                    "Je brengt spullen en krijgt punten. Met die punten neem je iets anders mee. Zo krijgen "
                    "spullen een tweede leven en bespaar je geld.",
                    "You bring things and receive points. With those points you take something else home. "
                    "That way things get a second life and you save money.",
                ),
                B(
                    "We draaien nu op een pop-uplocatie, maar moeten in maart weg.",
                    "We are currently in a pop-up location, but have to leave in March.",
                ),
            )
        ],
        needs=[(SPACE, B("Een winkelpand voor minstens een jaar", "A shop unit for at least a year"))],
        tags=["hergebruik", "duurzaam"],
        days_ago=55,
    ),
    initiative(
        37,
        B("veilige-schoolroute-vogelzang", "safe-route-to-school-vogelzang"),
        B("Veilige schoolroute Vogelzang", "Safe route to school Vogelzang"),
        B(
            "Ouders en kinderen brengen in kaart waar de route naar school onveilig is.",
            "Parents and children map where the route to school is unsafe.",
        ),
        IDEA,
        ["veiligheid", "mobiliteit"],
        ["vogelzang"],
        "Ouderraad De Zwaluw",
        [
            para(
                B(
                    "Kinderen van groep 6 hebben met een camera hun route naar school gelopen. Ze vonden "
                    "zeven plekken waar ze zich niet veilig voelen, zoals de oversteek bij de Spreeuwlaan.",
                    "Children in year 6 walked their route to school with a camera. They found seven "
                    "places where they do not feel safe, such as the crossing at the Spreeuwlaan.",
                ),
                B(
                    "Die plekken willen we samen met de gemeente aanpakken.",
                    "We want to tackle those places together with the municipality.",
                ),
            )
        ],
        needs=[(NETWORK, B("Een verkeerskundige van de gemeente", "A traffic engineer from the municipality"))],
        tags=["verkeer", "school", "kinderen"],
        days_ago=18,
    ),
    initiative(
        38,
        B("podcast-stemmen-van-meerwijk", "podcast-voices-of-meerwijk"),
        B("Podcast Stemmen van Meerwijk", "Podcast Voices of Meerwijk"),
        B(
            "Elke maand een gesprek met een bewoner met een bijzonder verhaal.",
            "Every month a conversation with a resident with a special story.",
        ),
        RUNNING,
        ["cultuur"],
        [],
        "Noor",
        [
            para(
                B(
                    "Een bakker die al vijftig jaar om vier uur opstaat. Een jongen die vanuit Eritrea hier "
                    "kwam en nu verpleegkundige is. In de podcast vertellen bewoners hun verhaal.",
                    "A baker who has been getting up at four o'clock for fifty years. A boy who came here "
                    "from Eritrea and is now a nurse. In the podcast residents tell their story.",
                ),
            )
        ],
        needs=[(EXPERTISE, B("Iemand die kan monteren", "Someone who can edit audio"))],
        tags=["verhalen", "podcast"],
        website="https://example.org/stemmen-van-meerwijk",
        days_ago=140,
        image=False,
    ),
    initiative(
        39,
        B("bloemenlint-dijk", "flower-ribbon-dyke"),
        B("Bloemenlint langs de dijk", "Flower ribbon along the dyke"),
        B(
            "Een strook wilde bloemen van drie kilometer voor bijen, vlinders en wandelaars.",
            "A three-kilometre strip of wild flowers for bees, butterflies and walkers.",
        ),
        HELP,
        ["groen"],
        ["buitengebied"],
        "Agrarische natuurvereniging De Dijk",
        [
            para(
                B(
                    "Boeren langs de dijk willen een rand van hun land inzaaien met wilde bloemen. Dat is "
                    "goed voor insecten en mooi voor wandelaars en fietsers.",
                    "Farmers along the dyke want to sow a strip of their land with wild flowers. That is "
                    "good for insects and beautiful for walkers and cyclists.",
                ),
            )
        ],
        needs=[
            (FUNDING, B("Geld voor inheems zaad", "Money for native seed")),
            (VOLUNTEERS, B("Helpers bij het zaaien in april", "Helpers for sowing in April")),
        ],
        tags=["biodiversiteit", "bijen"],
        days_ago=85,
    ),
    initiative(
        40,
        B("digitaal-spreekuur-senioren", "digital-help-desk-older-residents"),
        B("Digitaal spreekuur voor senioren", "Digital help desk for older residents"),
        B(
            "Hulp bij je telefoon, DigiD of online bankieren, elke maandagochtend in de bibliotheek.",
            "Help with your phone, DigiD or online banking, every Monday morning at the library.",
        ),
        RUNNING,
        ["zorg-en-welzijn"],
        ["oude-haven"],
        "SeniorWeb-vrijwilligers Meerwijk",
        [
            para(
                B(
                    "Steeds meer gaat online. Dat is lastig als je niet met computers bent opgegroeid. "
                    "Vrijwilligers helpen je rustig en stap voor stap.",
                    "More and more things happen online. That is hard if you did not grow up with "
                    "computers. Volunteers help you calmly, step by step.",
                ),
            )
        ],
        needs=[
            (
                VOLUNTEERS,
                B("Geduldige vrijwilligers met verstand van telefoons", "Patient volunteers who know about phones"),
            )
        ],
        tags=["digitaal", "ouderen"],
        days_ago=225,
    ),
]

# About half of the initiatives also get an English translation.
TRANSLATED = {f"initiative-{n}" for n in range(1, 41) if n % 2 == 1} | {"initiative-2"}
