"""Themes and neighbourhoods of the fictional municipality of Meerwijk (about 45,000 residents).

The CBS codes use the fictional municipality code 0999. Kanaalzone, Polderzicht and the
Buitengebied have few initiatives on purpose, so the portal has something to show when
staff look for neighbourhoods that take part less."""

from .text import B

# (Dutch slug, English slug, name, description)
THEMES = [
    (
        "wonen",
        "housing",
        B("Wonen", "Housing"),
        B(
            "Betaalbare woningen, wonen met elkaar en een huis dat past bij je leven.",
            "Affordable homes, living together and a home that fits your life.",
        ),
    ),
    (
        "energie",
        "energy",
        B("Energie", "Energy"),
        B(
            "Zelf energie opwekken, energie besparen en samen van het gas af.",
            "Generating your own energy, saving energy and moving off gas together.",
        ),
    ),
    (
        "groen",
        "green",
        B("Groen", "Green"),
        B(
            "Bomen, tuinen, parken en schone straten. Meer groen is koeler en gezonder.",
            "Trees, gardens, parks and clean streets. More green is cooler and healthier.",
        ),
    ),
    (
        "zorg-en-welzijn",
        "care-and-wellbeing",
        B("Zorg en welzijn", "Care and wellbeing"),
        B(
            "Naar elkaar omkijken, elkaar ontmoeten en hulp als je die nodig hebt.",
            "Looking out for each other, meeting each other and help when you need it.",
        ),
    ),
    (
        "jongeren",
        "young-people",
        B("Jongeren", "Young people"),
        B(
            "Plekken, plannen en kansen voor kinderen en jongeren in Meerwijk.",
            "Places, plans and opportunities for children and young people in Meerwijk.",
        ),
    ),
    (
        "cultuur",
        "culture",
        B("Cultuur", "Culture"),
        B(
            "Muziek, kunst, verhalen en feesten in de buurt.",
            "Music, art, stories and celebrations in the neighbourhood.",
        ),
    ),
    (
        "veiligheid",
        "safety",
        B("Veiligheid", "Safety"),
        B(
            "Een veilige en prettige buurt, op straat en in het verkeer.",
            "A safe and pleasant neighbourhood, on the street and in traffic.",
        ),
    ),
    (
        "mobiliteit",
        "mobility",
        B("Mobiliteit", "Mobility"),
        B(
            "Fietsen, lopen, openbaar vervoer en delen in plaats van bezitten.",
            "Cycling, walking, public transport and sharing instead of owning.",
        ),
    ),
]

# (slug, name, CBS code, population, description). Names are proper nouns: the same in
# both languages; slugs stay the same too.
NEIGHBOURHOODS = [
    (
        "centrum",
        "Centrum",
        "WK099901",
        5200,
        B(
            "Het oude centrum rond het Marktplein, met winkels, het stadhuis en de bibliotheek.",
            "The old town centre around the Marktplein, with shops, the town hall and the library.",
        ),
    ),
    (
        "oude-haven",
        "Oude Haven",
        "WK099902",
        3900,
        B(
            "Kades, oude pakhuizen en nieuwe appartementen aan het water.",
            "Quays, old warehouses and new flats on the water.",
        ),
    ),
    (
        "lindenhof",
        "Lindenhof",
        "WK099903",
        6800,
        B(
            "Een groene wijk uit de jaren zeventig met veel gezinnen en het Lindepark.",
            "A green 1970s neighbourhood with many families and the Lindepark.",
        ),
    ),
    (
        "de-weiden",
        "De Weiden",
        "WK099904",
        4800,
        B(
            "Een rustige woonwijk met twee basisscholen en het Weidenpark.",
            "A quiet residential area with two primary schools and the Weidenpark.",
        ),
    ),
    (
        "molenbuurt",
        "Molenbuurt",
        "WK099905",
        3400,
        B(
            "Een hechte buurt rond de oude korenmolen, met veel oudere bewoners.",
            "A close-knit neighbourhood around the old corn mill, with many older residents.",
        ),
    ),
    (
        "rietkamp",
        "Rietkamp",
        "WK099906",
        6300,
        B(
            "Een jonge, diverse wijk met veel flats en een groot winkelcentrum.",
            "A young, diverse neighbourhood with many flats and a large shopping centre.",
        ),
    ),
    (
        "kanaalzone",
        "Kanaalzone",
        "WK099907",
        2900,
        B(
            "Bedrijven en woningen langs het kanaal. Hier verandert de komende jaren veel.",
            "Businesses and homes along the canal. Much will change here in the coming years.",
        ),
    ),
    (
        "vogelzang",
        "Vogelzang",
        "WK099908",
        4300,
        B(
            "Straten met vogelnamen, veel speelplekken en een actief buurthuis.",
            "Streets named after birds, many playgrounds and a busy community centre.",
        ),
    ),
    (
        "polderzicht",
        "Polderzicht",
        "WK099909",
        5700,
        B(
            "De nieuwste wijk van Meerwijk, aan de rand van de polder.",
            "Meerwijk's newest neighbourhood, on the edge of the polder.",
        ),
    ),
    (
        "buitengebied",
        "Buitengebied",
        "WK099910",
        1700,
        B(
            "Boerderijen, de dijk en het hamlet Dijkhoeve buiten de bebouwde kom.",
            "Farms, the dyke and the hamlet of Dijkhoeve outside the built-up area.",
        ),
    ),
]
