"""No input to the read API (/api/v2/) or the feeds gives a server error (5xx): arbitrary
text in every query parameter of every endpoint (listing, detail and find view), with
control characters, NUL bytes, very long strings, hundreds of words and any unicode, and
arbitrary path parts and query strings on every feed address (hypothesis). On the real
database with one published page of every type, so filters and searches really run."""

from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.api import api_router

#: name: view class of every endpoint on the router. (Not the classes' `name`: DRF's
#: as_view() sets it to None once the URLs are loaded.)
ENDPOINTS = dict(api_router._endpoints)

#: Besides what an endpoint understands: the find view's parameters, parameters of
#: Wagtail's API that Meedoen does not offer, and a name nobody knows.
OTHER_PARAMETERS = {"id", "html_path", "search", "search_operator", "type", "child_of", "format", "colour"}


def parameter_names(endpoint):
    return sorted(endpoint().allowed_parameters() | OTHER_PARAMETERS)


#: Any character a URL can carry (lone surrogates cannot be encoded), control characters included.
characters = st.characters(codec="utf-8")
words = st.text(characters, min_size=1, max_size=12)

#: Values close to valid ones, which get furthest into the filters and the database.
NEAR_VALID = [
    "groen",
    "oud-west",
    "groen,oud-west,",
    "nl",
    "en",
    "idea",
    "running",
    "open",
    "true",
    "no",
    "2031-01-01",
    "1900-01-01",
    "title",
    "-title",
    "title,-first_published_at",
    "*",
    "*,-body",
    "title(id)",
    "html",
    "db_html",
    "and",
    "or",
    "0",
    "1",
    "-1",
    "50",
    "9" * 30,
    "²",
    "١٢",
    "/initiatieven/buurtmoestuin-de-linde/",
    "/" * 300,
    "Buurtmoestuin",
    "\x00",
    "\x1b[31m",
    "%00",
    "' OR 1=1 --",
    '"tuin" AND (x OR NOT y)',
]

values = st.one_of(
    st.text(characters, max_size=60),
    st.sampled_from(NEAR_VALID),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    # Hundreds of words (a pasted text): a search builds one expression per word.
    st.tuples(st.lists(words, min_size=1, max_size=6), st.integers(min_value=50, max_value=700)).map(
        lambda drawn: " ".join(drawn[0] * (drawn[1] // len(drawn[0]) + 1))
    ),
    # A very long string.
    st.tuples(words, st.integers(min_value=100, max_value=5000)).map(lambda drawn: drawn[0] * drawn[1]),
)


def query_strings(endpoint):
    return st.lists(st.tuples(st.sampled_from(parameter_names(endpoint)), values), min_size=1, max_size=3).map(
        urlencode
    )


def assert_no_server_error(client, url):
    cache.clear()  # every example asks the database (and starts a fresh rate-limit count)
    response = client.get(url)
    assert response.status_code < 500, (url[:300], response.content[:300])
    return response


@pytest.fixture
def item_ids(client, published_pages):
    """The id of one item of every endpoint, for its detail view."""
    return {name: client.get(f"/api/v2/{name}/").json()["items"][0]["id"] for name in ENDPOINTS}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ENDPOINTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_query_parameter_gives_a_server_error(item_ids, name, data):
    query = data.draw(query_strings(ENDPOINTS[name]), label="query")
    base = f"/api/v2/{name}/"
    for path in (base, f"{base}{item_ids[name]}/", f"{base}find/"):
        response = assert_no_server_error(Client(), f"{path}?{query}")
        if response.status_code != 302:
            assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_a_control_character_in_any_parameter_is_a_bad_request(client, published_pages):
    for name, endpoint in ENDPOINTS.items():
        for view in ("", "find/"):
            for parameter in [*sorted(endpoint().allowed_parameters()), "id", "html_path", "a\x00b", "a\x1fb"]:
                for character in ("\x00", "\x1f", "\x7f", "\x85"):
                    response = client.get(f"/api/v2/{name}/{view}", {parameter: f"a{character}b"})
                    assert response.status_code == 400, (name, view, parameter, character, response.content[:300])
                    assert "control characters" in response.json()["message"]


# --- Feeds -------------------------------------------------------------------------------------

#: Every feed address (portal/feeds.py) with its variable parts.
FEED_PATHS = [
    "/{language}/feeds/events.ics",
    "/{language}/feeds/events/{scope}/{slug}.ics",
    "/{language}/feeds/events/{number}.ics",
    "/{language}/feeds/initiatives.rss",
    "/{language}/feeds/initiatives.atom",
    "/{language}/feeds/initiatives/{scope}/{slug}.rss",
    "/{language}/feeds/initiatives/{scope}/{slug}.atom",
    "/{language}/feeds/stories.rss",
    "/{language}/feeds/stories.atom",
    "/{language}/feeds/stories/{scope}/{slug}.rss",
    "/{language}/feeds/stories/{scope}/{slug}.atom",
]

path_parts = st.one_of(st.text(characters, min_size=1, max_size=40), st.sampled_from(["groen", "oud-west", "x" * 300]))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(FEED_PATHS),
    language=st.one_of(st.sampled_from(["nl", "en"]), path_parts),
    scope=st.one_of(st.sampled_from(["theme", "neighbourhood"]), path_parts),
    slug=path_parts,
    number=st.one_of(st.integers(min_value=0, max_value=10**40).map(str), path_parts),
    query=st.lists(st.tuples(path_parts, values), max_size=3).map(urlencode),
)
def test_no_feed_address_gives_a_server_error(published_pages, path, language, scope, slug, number, query):
    parts = {"language": language, "scope": scope, "slug": slug, "number": number}
    url = path.format(**{name: quote(value, safe="") for name, value in parts.items()})
    assert_no_server_error(Client(), f"{url}?{query}")
