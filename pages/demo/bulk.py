"""Many generated initiatives, fast: for load tests and for trying the listings and search.

`add_child` plus `save_revision().publish()` costs dozens of queries per page. Here we
build the treebeard paths ourselves and insert pages, their InitiativePage rows, needs,
tags and themes/neighbourhoods in batches. The generated pages are live but have no
revisions (Wagtail's admin then edits the live page itself) and are Dutch only. Wagtail's
reference index is not updated for them: run `manage.py rebuild_references_index` if you
need "usage" counts for the images they use.
"""

import random
import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from initiatives.models import InitiativeNeed, InitiativePage, InitiativePageTag

from .text import block_id

BATCH = 100

# (title start, summary, story sentence, themes, tags, needs)
ACTIVITIES = [
    (
        "Buurttuin",
        "Samen groente en bloemen kweken",
        "Buren tuinieren samen en delen de oogst.",
        ["groen"],
        ["moestuin", "ontmoeting"],
        ["volunteers", "expertise"],
    ),
    (
        "Repair café",
        "Kapotte spullen samen repareren",
        "Vrijwilligers repareren elektrische apparaten, kleding en fietsen.",
        ["groen", "zorg-en-welzijn"],
        ["repareren", "duurzaam"],
        ["volunteers", "space"],
    ),
    (
        "Zonnedak",
        "Zonnepanelen op een gedeeld dak",
        "Bewoners investeren samen in zonnepanelen op een groot dak.",
        ["energie"],
        ["zonnepanelen", "duurzaam"],
        ["funding", "expertise"],
    ),
    (
        "Jongerenpodium",
        "Een podium voor jong talent",
        "Jongeren organiseren zelf concerten en open mics.",
        ["jongeren", "cultuur"],
        ["muziek", "jongeren"],
        ["space", "expertise"],
    ),
    (
        "Voedselbank-uitgiftepunt",
        "Voedselpakketten dicht bij huis",
        "Vrijwilligers delen elke week pakketten uit in de buurt.",
        ["zorg-en-welzijn"],
        ["voedselbank", "armoede"],
        ["volunteers"],
    ),
    (
        "Speeltuin",
        "De speelplek opknappen met kinderen",
        "Kinderen en ouders ontwerpen samen een nieuwe speelplek.",
        ["jongeren", "groen"],
        ["spelen", "kinderen"],
        ["expertise", "funding"],
    ),
    (
        "Taalcafé",
        "Nederlands oefenen met koffie",
        "Nieuwkomers oefenen Nederlands met vrijwilligers.",
        ["zorg-en-welzijn", "cultuur"],
        ["taal", "nieuwkomers"],
        ["volunteers"],
    ),
    (
        "Wijkbus",
        "Vervoer voor wie slecht ter been is",
        "Vrijwillige chauffeurs brengen buren naar de dokter en de markt.",
        ["mobiliteit", "zorg-en-welzijn"],
        ["vervoer", "ouderen"],
        ["volunteers", "funding"],
    ),
    (
        "Fietsenstalling",
        "Veilig je fiets stallen",
        "Een buurtstalling geeft ruimte op de stoep en minder diefstal.",
        ["mobiliteit"],
        ["fiets", "parkeren"],
        ["space"],
    ),
    (
        "Geveltuinen",
        "Tegels eruit, groen erin",
        "Bewoners vervangen stoeptegels door geveltuintjes.",
        ["groen"],
        ["tegels-eruit", "klimaat"],
        ["volunteers"],
    ),
    (
        "Buurtpreventie",
        "Samen letten op de buurt",
        "Buren lopen rondes en melden onveilige plekken.",
        ["veiligheid"],
        ["buurtpreventie"],
        ["volunteers"],
    ),
    (
        "Huiswerkklas",
        "Hulp bij huiswerk na school",
        "Studenten helpen kinderen met rekenen en taal.",
        ["jongeren"],
        ["onderwijs", "kinderen"],
        ["volunteers", "funding"],
    ),
    (
        "Samen eten",
        "Elke week een gezonde maaltijd met buren",
        "Buren koken voor buren, voor een klein bedrag.",
        ["zorg-en-welzijn"],
        ["eten", "ontmoeting"],
        ["volunteers", "space"],
    ),
    (
        "Deelauto",
        "Een elektrische auto delen",
        "Huishoudens delen samen een elektrische auto.",
        ["mobiliteit", "energie"],
        ["deelauto", "elektrisch"],
        ["network"],
    ),
    (
        "Energiecoaches",
        "Energie besparen met hulp van buren",
        "Getrainde buren geven tips om energie te besparen.",
        ["energie", "wonen"],
        ["energiebesparing"],
        ["volunteers"],
    ),
    (
        "Woongroep",
        "Samen wonen, zelfstandig blijven",
        "Bewoners willen samen een woonproject beginnen.",
        ["wonen"],
        ["wonen", "coöperatie"],
        ["expertise", "network"],
    ),
    (
        "Muurschildering",
        "Kunst op een kale muur",
        "Jongeren en kunstenaars beschilderen samen een muur.",
        ["cultuur", "veiligheid"],
        ["kunst"],
        ["funding"],
    ),
    (
        "Zwerfafvalactie",
        "Samen de buurt schoon houden",
        "Buren ruimen elke maand samen zwerfafval op.",
        ["groen"],
        ["afval", "opruimen"],
        ["volunteers"],
    ),
    (
        "Buurtfeest",
        "Een feest voor de hele straat",
        "Buren organiseren muziek, eten en spelletjes.",
        ["cultuur"],
        ["feest", "ontmoeting"],
        ["funding", "volunteers"],
    ),
    (
        "Schoolmoestuin",
        "Kinderen leren waar eten vandaan komt",
        "Leerlingen zaaien en oogsten in hun eigen tuin.",
        ["groen", "jongeren"],
        ["moestuin", "school"],
        ["volunteers"],
    ),
    (
        "Buurtkoor",
        "Zingen met buren",
        "Iedereen mag meezingen, ook zonder ervaring.",
        ["cultuur"],
        ["muziek", "zingen"],
        ["expertise"],
    ),
    (
        "Mantelzorgcafé",
        "Steun voor mantelzorgers",
        "Mantelzorgers delen ervaringen en tips.",
        ["zorg-en-welzijn"],
        ["mantelzorg"],
        ["space"],
    ),
    (
        "Klusjesdienst",
        "Hulp bij kleine klussen",
        "Handige buren helpen ouderen met kleine klussen.",
        ["zorg-en-welzijn", "wonen"],
        ["klussen", "ouderen"],
        ["volunteers"],
    ),
    (
        "Buurtbatterij",
        "Zonnestroom bewaren voor de avond",
        "Een gedeelde batterij vangt zonnestroom op.",
        ["energie"],
        ["batterij", "stroomnet"],
        ["expertise", "funding"],
    ),
    (
        "Skatespot",
        "Een plek om te skaten",
        "Jongeren willen een veilige skateplek.",
        ["jongeren"],
        ["skaten", "sport"],
        ["funding", "network"],
    ),
    (
        "Minibieb",
        "Boeken ruilen in de straat",
        "Buren zetten boeken in een kastje voor iedereen.",
        ["cultuur"],
        ["lezen", "boeken"],
        ["volunteers"],
    ),
    (
        "Regentonnen",
        "Regenwater opvangen",
        "Bewoners kopen samen regentonnen in.",
        ["groen", "wonen"],
        ["klimaat", "water"],
        ["network"],
    ),
    (
        "Praatbankje",
        "Een bankje voor een praatje",
        "Op het bankje maak je makkelijk contact.",
        ["zorg-en-welzijn"],
        ["eenzaamheid"],
        ["volunteers"],
    ),
    (
        "Fietsles",
        "Leren fietsen voor volwassenen",
        "Vrijwilligers geven fietsles op een rustig plein.",
        ["mobiliteit", "zorg-en-welzijn"],
        ["fiets", "nieuwkomers"],
        ["volunteers"],
    ),
    (
        "Buitensport",
        "Gratis sporten in het park",
        "Een sportleraar geeft les voor alle leeftijden.",
        ["zorg-en-welzijn", "jongeren"],
        ["sport", "gezondheid"],
        ["funding"],
    ),
    (
        "Ruilwinkel",
        "Ruilen in plaats van kopen",
        "Spullen krijgen een tweede leven.",
        ["groen"],
        ["hergebruik", "duurzaam"],
        ["space"],
    ),
    (
        "Schoolroute",
        "Veilig naar school",
        "Ouders en kinderen maken de route naar school veiliger.",
        ["veiligheid", "mobiliteit"],
        ["verkeer", "school"],
        ["network"],
    ),
    (
        "Buurtpodcast",
        "Verhalen uit de buurt",
        "Bewoners vertellen hun verhaal in een podcast.",
        ["cultuur"],
        ["verhalen", "podcast"],
        ["expertise"],
    ),
    (
        "Bloemenlint",
        "Wilde bloemen voor bijen",
        "Een strook wilde bloemen helpt bijen en vlinders.",
        ["groen"],
        ["biodiversiteit", "bijen"],
        ["funding", "volunteers"],
    ),
    (
        "Digitaal spreekuur",
        "Hulp met telefoon en computer",
        "Vrijwilligers helpen stap voor stap met digitale zaken.",
        ["zorg-en-welzijn"],
        ["digitaal", "ouderen"],
        ["volunteers"],
    ),
    (
        "Buurtwerkplaats",
        "Samen timmeren en maken",
        "Een werkplaats met gereedschap voor de hele buurt.",
        ["cultuur", "wonen"],
        ["maken", "gereedschap"],
        ["space", "expertise"],
    ),
    (
        "Ontmoetingstuin",
        "Een tuin om elkaar te ontmoeten",
        "Een plek met bankjes, groen en koffie.",
        ["groen", "zorg-en-welzijn"],
        ["ontmoeting"],
        ["funding"],
    ),
    (
        "Hondenlosloopplek",
        "Een veilige plek voor honden",
        "Hondenbezitters zoeken een omheind veldje.",
        ["groen", "veiligheid"],
        ["honden"],
        ["network"],
    ),
    (
        "Buurtapp",
        "Buren verbinden online",
        "Een appgroep om elkaar snel te helpen.",
        ["veiligheid", "zorg-en-welzijn"],
        ["digitaal", "buren"],
        ["expertise"],
    ),
    (
        "Gereedschapsbieb",
        "Gereedschap lenen in plaats van kopen",
        "Buren lenen elkaar boormachines en ladders.",
        ["groen", "wonen"],
        ["delen", "duurzaam"],
        ["space", "volunteers"],
    ),
]

PLACES = [
    "Lindelaan",
    "Kastanjehof",
    "Reigerplantsoen",
    "Merelstraat",
    "Havenkade",
    "Spoorlaan",
    "Kwartelpad",
    "Lisdoddestraat",
    "Spreeuwlaan",
    "Kanaalweg",
    "Dijkweg",
    "Marktplein",
    "Molenwerf",
    "Korenbloemhof",
    "Zwaluwstraat",
    "Eikenlaan",
    "Berkenhof",
    "Schuttersveld",
    "Pakhuisplein",
    "Sluisweg",
    "Rietgors",
    "Weidepad",
    "Polderweg",
    "Zonnehof",
    "Lijnbaan",
    "Ankerstraat",
    "Vogelpark",
    "Lindepark",
    "Weidenpark",
    "Kerkstraat",
    "Schoolstraat",
    "Bakkerssteeg",
    "Tuinderslaan",
    "Kapiteinshof",
    "Veerstraat",
    "Oude Dijk",
    "Stationsplein",
    "Hoogstraat",
    "Zeilmakershof",
    "Turfmarkt",
    "Boogaardlaan",
    "Meidoornstraat",
    "Wilgenhof",
    "Populierenlaan",
    "Hazelaarpad",
    "Vlierhof",
    "Klaverweide",
    "Boterbloemstraat",
    "Kievitlaan",
    "Roerdompstraat",
]

SUFFIXES = ["", " 2.0", " voor jong en oud", " in de zomer", " op zaterdag", " – de volgende stap"]

OWNERS = [
    "Anouk",
    "Mehmet",
    "Sanne",
    "Ruben",
    "Fatima",
    "Jeroen",
    "Ilse",
    "Kwame",
    "Lieke",
    "Mohamed",
    "Esther",
    "Pieter",
    "Naima",
    "Thijs",
    "Yara",
    "Buurtvereniging De Brug",
    "Stichting Samen Sterk",
    "Bewonersgroep Noord",
    "Wijkraad Zuid",
    "Vereniging Het Erf",
]

STATUSES = [("idea", 25), ("looking_for_help", 30), ("running", 35), ("completed", 10)]

NEED_TEXTS = {
    "volunteers": "Een paar mensen die een dagdeel per maand willen helpen",
    "space": "Een ruimte in de buurt, een of twee keer per week",
    "funding": "Een bijdrage voor materiaal en koffie",
    "expertise": "Iemand met ervaring die wil meedenken",
    "network": "Contact met buren, ondernemers of de gemeente",
}

# Under-represented neighbourhoods get a small weight here too.
NEIGHBOURHOOD_WEIGHTS = {"kanaalzone": 1, "polderzicht": 2, "buitengebied": 1}


def _titles(rng, taken, count):
    combos = [(a, p, s) for a in range(len(ACTIVITIES)) for p in range(len(PLACES)) for s in range(len(SUFFIXES))]
    rng.shuffle(combos)
    produced = 0
    round_number = 1
    while produced < count:
        for activity, place, suffix in combos:
            title = f"{ACTIVITIES[activity][0]} {PLACES[place]}{SUFFIXES[suffix]}"
            if round_number > 1:
                title = f"{title} ({round_number})"
            if title in taken:
                continue
            taken.add(title)
            yield title, ACTIVITIES[activity], PLACES[place]
            produced += 1
            if produced >= count:
                return
        round_number += 1


def ensure_initiative_total(total, *, index, themes, neighbourhoods, images, owner, report):
    """Add generated Dutch initiatives under `index` until it has `total`. `images` maps a
    theme slug to the illustration to use."""
    started = time.monotonic()
    existing = InitiativePage.objects.child_of(index).count()
    missing = total - existing
    if missing <= 0:
        report.present("generated initiatives (bulk)", existing)
        return

    rng = random.Random(f"meerwijk-bulk-{existing}")  # noqa: S311 - demo data
    now = timezone.now()
    index = Page.objects.get(pk=index.pk)  # fresh path, depth and numchild
    content_type = ContentType.objects.get_for_model(InitiativePage)
    themes_by_slug = {t.slug: t for t in themes}
    hood_weights = [NEIGHBOURHOOD_WEIGHTS.get(n.slug, 6) for n in neighbourhoods]
    taken_titles = set(InitiativePage.objects.filter(locale_id=index.locale_id).values_list("title", flat=True))
    taken_slugs = set(index.get_children().values_list("slug", flat=True))
    last_child = index.get_last_child()
    step = last_child._get_lastpos_in_path() if last_child else 0
    next_number = InitiativePage.objects.count() + 1

    pages, details = [], []
    for title, activity, place in _titles(rng, taken_titles, missing):
        start, summary, sentence, theme_slugs, tags, need_kinds = activity
        slug = base = slugify(title)[:240]
        n = 2
        while slug in taken_slugs:
            slug = f"{base}-{n}"
            n += 1
        taken_slugs.add(slug)
        step += 1
        published = now - timedelta(days=rng.randint(1, 3 * 365), minutes=rng.randint(0, 1440))
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{index.url_path}{slug}/",
                owner=owner,
                first_published_at=published,
                last_published_at=published,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                path=Page._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
            )
        )
        hood = rng.choices(neighbourhoods, weights=hood_weights)[0] if rng.random() < 0.9 else None
        status = rng.choices([s for s, _w in STATUSES], weights=[w for _s, w in STATUSES])[0]
        details.append(
            {
                "number": next_number,
                "summary": f"{summary} bij de {place}." if hood is None else f"{summary} in {hood.name}.",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            f"<p>{sentence} Het initiatief begon aan de {place}. "
                            f"Iedereen uit de buurt is welkom om mee te doen.</p>"
                        ),
                        "id": block_id("bulk", slug, 0),
                    }
                ],
                "status": status,
                "owner": rng.choice(OWNERS),
                "themes": [themes_by_slug[s] for s in theme_slugs if s in themes_by_slug],
                "neighbourhood": hood,
                "tags": tags,
                "needs": need_kinds if status != "completed" else [],
                "image": images.get(theme_slugs[0]) if rng.random() < 0.6 else None,
            }
        )
        next_number += 1

    Page.objects.bulk_create(pages, batch_size=500)
    if connection.features.can_return_rows_from_bulk_insert is False:  # pragma: no cover - old databases
        by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
        for page in pages:
            page.pk = page.id = by_path[page.path]

    specific = [
        InitiativePage(
            page_ptr_id=page.pk,
            summary=detail["summary"],
            body=detail["body"],
            status=detail["status"],
            public_owner=detail["owner"],
            contact_email=f"initiatief-{detail['number']}@meerwijk.example",
            website="",
            image=detail["image"],
            links=[],
        )
        for page, detail in zip(pages, details, strict=True)
    ]
    local_fields = InitiativePage._meta.local_concrete_fields
    for offset in range(0, len(specific), BATCH):
        InitiativePage._base_manager._insert(specific[offset : offset + BATCH], fields=local_fields)

    needs, tagged, theme_links, hood_links = [], [], [], []
    tag_ids = _tag_ids({tag for detail in details for tag in detail["tags"]})
    theme_through = InitiativePage._meta.get_field("themes").remote_field.through
    hood_through = InitiativePage._meta.get_field("neighbourhoods").remote_field.through
    for page, detail in zip(pages, details, strict=True):
        for order, kind in enumerate(detail["needs"]):
            needs.append(
                InitiativeNeed(
                    page_id=page.pk,
                    locale_id=index.locale_id,
                    kind=kind,
                    description=NEED_TEXTS[kind],
                    sort_order=order,
                )
            )
        tagged.extend(InitiativePageTag(content_object_id=page.pk, tag_id=tag_ids[tag]) for tag in detail["tags"])
        theme_links.extend(theme_through(initiativepage_id=page.pk, theme_id=theme.pk) for theme in detail["themes"])
        if detail["neighbourhood"] is not None:
            hood_links.append(hood_through(initiativepage_id=page.pk, neighbourhood_id=detail["neighbourhood"].pk))
    InitiativeNeed.objects.bulk_create(needs, batch_size=500)
    InitiativePageTag.objects.bulk_create(tagged, batch_size=500)
    theme_through.objects.bulk_create(theme_links, batch_size=500)
    hood_through.objects.bulk_create(hood_links, batch_size=500)

    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    inserted = time.monotonic() - started

    _index_for_search([page.pk for page in pages])
    report.created("generated initiatives (bulk)", len(pages))
    report.present("generated initiatives (bulk)", existing)
    report.notes.append(
        f"Bulk: {len(pages)} initiatives inserted in {inserted:.1f}s, search index updated in "
        f"{time.monotonic() - started - inserted:.1f}s. They have no revisions; the reference index "
        "is not updated (manage.py rebuild_references_index)."
    )


def _tag_ids(names):
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    for name in sorted(names - existing.keys()):
        tag = Tag.objects.create(name=name, slug=slugify(name) or name)
        existing[name] = tag.pk
    return existing


def _index_for_search(page_ids):
    """Add the new pages to every configured search backend, in batches."""
    backends = list(get_search_backends())
    for offset in range(0, len(page_ids), 1000):
        batch = list(InitiativePage.objects.filter(pk__in=page_ids[offset : offset + 1000]).prefetch_related("tags"))
        for backend in backends:
            backend.add_bulk(InitiativePage, batch)
