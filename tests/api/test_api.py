"""The public read API (/api/v2/): every endpoint lists and shows its pages with the fields
a consumer needs, filters by theme, neighbourhood, status, date and language, answers bad
parameters with 400, never shows personal data, is rate-limited and cached."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from initiatives import signups
from initiatives.models import InitiativeContactMessage, Pitch
from tests import factories

ENDPOINTS = ["initiatives", "events", "projects", "stories", "themes", "neighbourhoods"]
PAGE_ENDPOINTS = ENDPOINTS[:4]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

RESIDENT_NAME = "Henriëtte Voorbeeldbewoner"
RESIDENT_EMAIL = "henriette.voorbeeld@bewoner.example"


def get(client, path, expect=200, **params):
    response = client.get(path, params)
    assert response.status_code == expect, (path, params, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def crawl(client):
    """The text of every endpoint's listing and every item's detail, all fields."""
    texts = []
    for endpoint in ENDPOINTS:
        for params in ({}, {"fields": "*"}):
            listing = get(client, f"/api/v2/{endpoint}/", **params)
            texts.append(str(listing))
            for item in listing["items"]:
                texts.append(str(get(client, f"/api/v2/{endpoint}/{item['id']}/")))
    return "\n".join(texts)


@pytest.fixture
def with_signups(event_page, initiative_page):
    """A confirmed sign-up with accessibility needs, a waiting one and a message to an initiative."""
    event_page.capacity = 2
    event_page.save_revision().publish()
    signups.sign_up(
        event_page,
        name=RESIDENT_NAME,
        email=RESIDENT_EMAIL,
        seats=2,
        language="nl",
        accessibility_needs="Rolstoelplek nodig",
    )
    signups.sign_up(event_page, name="Wachtende Bewoner", email="wachtend@bewoner.example", seats=1, language="nl")
    Pitch.objects.create(
        initiative_name="Zonnedak Geheimstraat",
        summary="Zonnepanelen op elk dak",
        description="Een plan dat nog niet openbaar is.",
        founder_name="Pitchende Oprichter",
        email="oprichter@bewoner.example",
        phone="06 12345678",
        wished_event=event_page,
        language="nl",
    )
    InitiativeContactMessage.objects.create(
        initiative=initiative_page,
        sender_name="Schrijvende Buurvrouw",
        sender_email="buurvrouw@bewoner.example",
        message="Ik help graag mee.",
        language="nl",
    )


# --- Every endpoint ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_endpoint_lists_and_shows_its_items(client, published_pages, endpoint):
    listing = get(client, f"/api/v2/{endpoint}/")
    assert listing["meta"]["total_count"] == 1
    item = listing["items"][0]
    assert item["meta"]["locale"] == "nl"
    detail = get(client, f"/api/v2/{endpoint}/{item['id']}/")
    assert detail["id"] == item["id"]
    assert detail["meta"]["detail_url"].endswith(f"/api/v2/{endpoint}/{item['id']}/")
    if endpoint in PAGE_ENDPOINTS:
        assert detail["meta"]["html_url"].startswith("http")
        assert client.get(detail["meta"]["html_url"].split("localhost", 1)[1]).status_code == 200
        assert {"themes", "neighbourhoods", "image_card", "image_large", "summary"} <= set(detail)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_empty_site_answers_with_empty_lists(client, site_tree, endpoint):
    listing = get(client, f"/api/v2/{endpoint}/")
    assert listing == {"meta": {"total_count": 0}, "items": []}
    get(client, f"/api/v2/{endpoint}/1/", expect=404)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", PAGE_ENDPOINTS)
def test_without_any_site_the_api_answers_empty_not_an_error(client, locales, endpoint):
    Site.objects.all().delete()
    assert get(client, f"/api/v2/{endpoint}/")["items"] == []


@pytest.mark.django_db
def test_initiative_fields(client, published_pages, image):
    initiative = published_pages["initiative"]
    initiative.image = image
    initiative.status = "running"
    initiative.save_revision().publish()
    data = get(client, f"/api/v2/initiatives/{initiative.pk}/")
    assert data["title"] == "Buurtmoestuin De Linde"
    assert data["status"] == "running"
    assert data["status_label"] == "Loopt"
    assert data["public_owner"]
    assert data["needs"] == [
        {"kind": "volunteers", "kind_label": "Vrijwilligers", "description": "Drie mensen op zaterdagochtend"}
    ]
    assert data["themes"] == [{"id": initiative.themes.get().pk, "slug": "groen", "name": "Groen"}]
    assert data["neighbourhoods"][0]["slug"] == "oud-west"
    assert data["pitch_events"][0]["title"] == "Pitchavond voorjaar"
    assert data["image_card"]["url"].endswith(".webp")
    # 16:9, at most 640 wide (the test image is small: renditions never enlarge).
    assert data["image_card"]["width"] * 9 == data["image_card"]["height"] * 16
    assert data["image_large"]["url"].endswith(".jpg")
    assert data["image_card"]["alt"]
    assert "contact_email" not in data


@pytest.mark.django_db
def test_event_fields_show_seats_as_counts(client, published_pages, with_signups):
    event = published_pages["event"]
    data = get(client, f"/api/v2/events/{event.pk}/")
    assert data["venue"]["name"] == event.venue_name
    assert data["start"] == timezone.localtime(event.start).isoformat()
    assert data["registration"]["capacity"] == 2
    assert data["registration"]["seats_left"] == 0
    assert data["registration"]["state"] == "open"
    assert data["programme"][0]["initiative"]["title"] == "Buurtmoestuin De Linde"
    assert data["calendar_url"].endswith(f"/nl/feeds/events/{event.pk}.ics")
    assert data["is_past"] is False


@pytest.mark.django_db
def test_rich_text_is_rendered_html_with_public_links(client, published_pages):
    story = published_pages["story"]
    project = published_pages["project"]
    story.decision = f'<p>Zie <a linktype="page" id="{project.pk}">het project</a>.</p>'
    story.save_revision().publish()
    data = get(client, f"/api/v2/stories/{story.pk}/")
    assert 'href="/nl/participatie/herinrichting-marktplein/"' in data["decision"]
    assert "linktype" not in data["decision"]
    assert data["project"]["title"] == "Herinrichting Marktplein"
    assert data["what_residents_said"] == [] or isinstance(data["what_residents_said"], list)
    body = get(client, f"/api/v2/initiatives/{published_pages['initiative'].pk}/")["body"]
    assert body[0]["type"] == "paragraph" and body[0]["value"].startswith("<p>")
    # A consumer may still ask for Wagtail's database format.
    raw = get(client, f"/api/v2/stories/{story.pk}/", rich_text_format="db_html")
    assert 'linktype="page"' in raw["decision"]


@pytest.mark.django_db
def test_project_fields(client, published_pages):
    data = get(client, f"/api/v2/projects/{published_pages['project'].pk}/")
    assert data["ladder_rung"] == "coproduce"
    assert [phase["state"] for phase in data["phases"]] == ["current", "future"]
    assert data["feedback_stories"][0]["title"] == "Jij zei: meer bomen"


# --- Only live, public pages ----------------------------------------------------------------


@pytest.mark.django_db
def test_drafts_and_private_pages_are_not_in_the_api(client, published_pages, site_tree):
    draft = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Nog geheim", live=False)
    private = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Alleen met wachtwoord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim123")
    listing = get(client, "/api/v2/initiatives/")
    titles = [item["title"] for item in listing["items"]]
    assert titles == ["Buurtmoestuin De Linde"]
    get(client, f"/api/v2/initiatives/{draft.pk}/", expect=404)
    get(client, f"/api/v2/initiatives/{private.pk}/", expect=404)
    # An initiative's id on another endpoint is not found either.
    get(client, f"/api/v2/events/{published_pages['initiative'].pk}/", expect=404)


# --- Filters -------------------------------------------------------------------------------


@pytest.fixture
def more_pages(published_pages, site_tree, locales):
    other_theme = factories.ThemeFactory(name="Wonen", slug="wonen", locale=locales.nl)
    west = factories.NeighbourhoodFactory(name="West", slug="west", locale=locales.nl)
    factories.InitiativePageFactory(
        parent=site_tree.initiatives, title="Woongroep West", status="idea", themes=[other_theme], neighbourhoods=[west]
    )
    past = timezone.now() - timedelta(days=30)
    factories.PitchEventPageFactory(
        parent=site_tree.events, title="Pitchavond najaar", start=past, end=past + timedelta(hours=3)
    )
    return published_pages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("endpoint", "params", "titles"),
    [
        ("initiatives", {"theme": "groen"}, ["Buurtmoestuin De Linde"]),
        ("initiatives", {"theme": "wonen"}, ["Woongroep West"]),
        ("initiatives", {"theme": "groen,wonen"}, ["Woongroep West", "Buurtmoestuin De Linde"]),
        ("initiatives", {"neighbourhood": "west"}, ["Woongroep West"]),
        ("initiatives", {"status": "idea"}, ["Woongroep West"]),
        ("initiatives", {"status": "completed"}, []),
        ("initiatives", {"locale": "en"}, []),
        ("initiatives", {"order": "title"}, ["Buurtmoestuin De Linde", "Woongroep West"]),
        ("events", {}, ["Pitchavond najaar", "Pitchavond voorjaar"]),
        ("events", {"upcoming": "true"}, ["Pitchavond voorjaar"]),
        ("events", {"upcoming": "false"}, ["Pitchavond najaar"]),
        ("events", {"theme": "groen", "upcoming": "true"}, ["Pitchavond voorjaar"]),
        ("projects", {"status": "open", "neighbourhood": "oud-west"}, ["Herinrichting Marktplein"]),
        ("projects", {"status": "completed"}, []),
        ("stories", {"theme": "groen", "locale": "nl"}, ["Jij zei: meer bomen"]),
    ],
    ids=lambda value: str(value) if not isinstance(value, list) else "",
)
def test_filters(client, more_pages, endpoint, params, titles):
    listing = get(client, f"/api/v2/{endpoint}/", **params)
    assert [item["title"] for item in listing["items"]] == titles
    assert listing["meta"]["total_count"] == len(titles)


@pytest.mark.django_db
def test_date_filters(client, more_pages):
    event = more_pages["event"]
    day = timezone.localtime(event.start).date()
    assert [i["title"] for i in get(client, "/api/v2/events/", date_from=day.isoformat())["items"]] == [
        "Pitchavond voorjaar"
    ]
    assert [
        i["title"] for i in get(client, "/api/v2/events/", date_from=day.isoformat(), date_to=day.isoformat())["items"]
    ] == ["Pitchavond voorjaar"]
    before = (day - timedelta(days=1)).isoformat()
    assert [i["title"] for i in get(client, "/api/v2/events/", date_to=before)["items"]] == ["Pitchavond najaar"]
    today = timezone.localdate().isoformat()
    assert get(client, "/api/v2/stories/", date_from=today, date_to=today)["meta"]["total_count"] == 1
    assert get(client, "/api/v2/initiatives/", date_from=today)["meta"]["total_count"] == 2


@pytest.mark.django_db
def test_theme_filter_takes_slugs_in_any_language_and_language_filter(client, published_pages, locales, translate):
    theme = published_pages["initiative"].themes.get()
    english_theme = theme.copy_for_translation(locales.en)
    english_theme.name, english_theme.slug = "Green", "green"
    english_theme.save()
    english = translate(published_pages["initiative"], locales.en)
    assert get(client, "/api/v2/initiatives/", theme="green")["meta"]["total_count"] == 2
    listing = get(client, "/api/v2/initiatives/", theme="green", locale="en")
    assert [item["id"] for item in listing["items"]] == [english.pk]
    data = get(client, f"/api/v2/initiatives/{english.pk}/")
    # Themes are shown in the page's language.
    assert data["themes"] == [{"id": english_theme.pk, "slug": "green", "name": "Green"}]
    assert data["status_label"] == "Looking for help"
    assert get(client, "/api/v2/themes/", locale="en")["items"][0]["slug"] == "green"


@pytest.mark.django_db
def test_pagination(client, published_pages, site_tree):
    for number in range(5):
        factories.InitiativePageFactory(parent=site_tree.initiatives, title=f"Initiatief {number}")
    first = get(client, "/api/v2/initiatives/", limit=2)
    second = get(client, "/api/v2/initiatives/", limit=2, offset=2)
    assert first["meta"]["total_count"] == 6
    assert len(first["items"]) == len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert get(client, "/api/v2/initiatives/", offset=100)["items"] == []


# --- Bad parameters --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v2/initiatives/", {"colour": "red"}),
        ("/api/v2/initiatives/", {"type": "initiatives.SignUp"}),
        ("/api/v2/initiatives/", {"type": "pages.ContentPage"}),
        ("/api/v2/initiatives/", {"child_of": "1"}),
        ("/api/v2/initiatives/", {"contact_email": "x@example.org"}),
        ("/api/v2/initiatives/", {"status": "secret"}),
        ("/api/v2/initiatives/", {"theme": "does-not-exist"}),
        ("/api/v2/initiatives/", {"theme": ","}),
        ("/api/v2/initiatives/", {"neighbourhood": "x" * 200}),
        ("/api/v2/initiatives/", {"locale": "xx"}),
        ("/api/v2/initiatives/", {"date_from": "gisteren"}),
        ("/api/v2/initiatives/", {"date_from": "2031-02-30"}),
        ("/api/v2/events/", {"date_to": "9999-12-31"}),
        ("/api/v2/stories/", {"date_from": "0001-01-01"}),
        ("/api/v2/initiatives/", {"date_from": "2031-02-02", "date_to": "2031-01-01"}),
        ("/api/v2/events/", {"upcoming": "misschien"}),
        ("/api/v2/stories/", {"status": "open"}),
        ("/api/v2/themes/", {"theme": "groen"}),
        ("/api/v2/initiatives/", {"limit": "veel"}),
        ("/api/v2/initiatives/", {"limit": "-1"}),
        ("/api/v2/initiatives/", {"limit": "1000"}),
        ("/api/v2/initiatives/", {"offset": "-5"}),
        ("/api/v2/initiatives/", {"offset": "9" * 30}),
        ("/api/v2/initiatives/", {"limit": "9" * 30}),
        ("/api/v2/themes/", {"order": "colour"}),
        ("/api/v2/initiatives/", {"order": "random"}),
        ("/api/v2/initiatives/", {"order": "contact_email"}),
        ("/api/v2/initiatives/", {"order": "-owner"}),
        ("/api/v2/initiatives/", {"fields": "contact_email"}),
        ("/api/v2/initiatives/", {"fields": "*,contact_messages"}),
        ("/api/v2/events/", {"fields": "signups"}),
        ("/api/v2/initiatives/", {"fields": "title(("}),
        ("/api/v2/initiatives/", {"rich_text_format": "pdf"}),
        ("/api/v2/initiatives/", {"format": "api"}),
        ("/api/v2/initiatives/", {"search": "tuin", "status": "\x00"}),
        ("/api/v2/initiatives/", {"search": "tuin\x1b"}),
        ("/api/v2/initiatives/", {"search": "tuin", "search_operator": "xor"}),
        ("/api/v2/initiatives/find/", {"id": "abc"}),
        ("/api/v2/initiatives/find/", {"id": "²"}),
        ("/api/v2/initiatives/find/", {"html_path": "\x00"}),
        ("/api/v2/events/find/", {"html_path": "/pitchavonden/\x07/"}),
        ("/api/v2/themes/find/", {"id": "1", "locale": "\x00"}),
        ("/api/v2/initiatives/", {"limit": "²"}),
        ("/api/v2/initiatives/{initiative}/", {"fields": "nope"}),
        ("/api/v2/initiatives/{initiative}/", {"colour": "red"}),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(f"{k}={v[:12]!r}" for k, v in value.items()),
)
def test_bad_parameters_get_400_with_a_message(client, published_pages, path, params):
    path = path.format(initiative=published_pages["initiative"].pk)
    data = get(client, path, expect=400, **params)
    assert data["message"]


@pytest.mark.django_db
def test_search(client, more_pages):
    titles = [item["title"] for item in get(client, "/api/v2/initiatives/", search="Buurtmoestuin")["items"]]
    assert "Buurtmoestuin De Linde" in titles


@pytest.mark.django_db
@pytest.mark.parametrize("words", [200, 600])
def test_a_search_of_hundreds_of_words_is_cut_short_not_an_error(client, published_pages, words):
    """The search backends nest one expression per word: about 200 words (1.4 KB) exceeded
    Python's recursion limit on PostgreSQL, 600 on SQLite. The words are cut to 200
    characters, as the site search cuts them."""
    text = "Buurtmoestuin " + " ".join(f"woord{number}" for number in range(words))
    listing = get(client, "/api/v2/initiatives/", search=text, search_operator="or")
    assert [item["title"] for item in listing["items"]] == ["Buurtmoestuin De Linde"]


@pytest.mark.django_db
def test_huge_ids_are_not_found(client, published_pages):
    huge = "9" * 30
    get(client, f"/api/v2/initiatives/{huge}/", expect=404)
    assert client.get("/api/v2/initiatives/find/", {"id": huge}).status_code == 404
    assert client.get(f"/nl/feeds/events/{huge}.ics").status_code == 404


@pytest.mark.django_db
def test_search_with_filters_is_not_an_error(client, published_pages):
    for params in ({"search": "moestuin", "theme": "groen"}, {"search": "", "status": "idea"}, {"search": "%_'\""}):
        response = client.get("/api/v2/initiatives/", params)
        assert response.status_code in (200, 400), params


@pytest.mark.django_db
def test_find_by_html_path(client, published_pages):
    response = client.get("/api/v2/initiatives/find/", {"html_path": "/initiatieven/buurtmoestuin-de-linde/"})
    assert response.status_code == 302
    assert response["Location"].split("?")[0].endswith(f"/api/v2/initiatives/{published_pages['initiative'].pk}/")


@pytest.mark.django_db
def test_only_get(client, published_pages):
    assert client.post("/api/v2/initiatives/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/initiatives/{published_pages['initiative'].pk}/").status_code == 405


# --- No personal data ------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_personal_data_in_any_endpoint(client, published_pages, with_signups, translate, locales):
    translate(published_pages["event"], locales.en)
    text = crawl(client)
    assert EMAIL.findall(text) == []
    for secret in (
        RESIDENT_NAME,
        RESIDENT_EMAIL,
        "Wachtende Bewoner",
        "Rolstoelplek",
        "Schrijvende Buurvrouw",
        "Ik help graag mee",
        "verborgen.adres",
        "contact_email",
        "accessibility_needs",
        "Zonnedak Geheimstraat",
        "Pitchende Oprichter",
        "06 12345678",
        "nog niet openbaar",
    ):
        assert secret not in text


# --- Rate limit and cache ----------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_clients_are_rate_limited_per_address(client, published_pages, settings):
    settings.MEEDOEN_API_RATE_LIMIT = "3/minute"
    for _ in range(3):
        get(client, "/api/v2/themes/")
    response = client.get("/api/v2/initiatives/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # Another address has its own count.
    assert client.get("/api/v2/themes/", REMOTE_ADDR="192.0.2.7").status_code == 200


@pytest.mark.django_db
def test_answers_are_cached_until_something_is_published(client, published_pages, django_assert_num_queries, settings):
    first = get(client, "/api/v2/initiatives/")
    response = None
    with django_assert_num_queries(0):
        response = client.get("/api/v2/initiatives/")
    assert response.json() == first
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]

    initiative = published_pages["initiative"]
    initiative.title = "Buurtmoestuin De Linde (nieuw)"
    initiative.save_revision().publish()
    assert get(client, "/api/v2/initiatives/")["items"][0]["title"] == "Buurtmoestuin De Linde (nieuw)"
    initiative.unpublish()
    assert get(client, "/api/v2/initiatives/")["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["initiatives", "projects", "stories"])
def test_a_listing_does_not_query_per_item(client, published_pages, site_tree, image, endpoint):
    """The themes, neighbourhoods, needs, tags and image renditions of a whole page of
    results are fetched at once: ten more items cost no more queries."""
    make = {
        "initiatives": lambda n: factories.InitiativePageFactory(
            parent=site_tree.initiatives,
            title=f"Initiatief {n}",
            image=image,
            themes=list(published_pages["initiative"].themes.all()),
        ),
        "projects": lambda n: factories.ParticipationProjectPageFactory(
            parent=site_tree.projects, title=f"Project {n}", image=image
        ),
        "stories": lambda n: factories.PolicyFeedbackStoryPageFactory(
            parent=site_tree.stories, title=f"Verhaal {n}", image=image
        ),
    }[endpoint]

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            get(client, f"/api/v2/{endpoint}/", fields="*", limit=50)
        return len(captured)

    make(0)
    few = queries()
    for n in range(1, 11):
        make(n)
    assert queries() <= few + 2
