"""Same question, same answer: on the demo municipality (seed_demo), every query below,
alone and with filters, finds the same pages, the same number of results and the same
facet counts on the database backend and on the search server; the suggestions too.
Ordered by relevance, each engine scores in its own way, but on both what is over comes
last; newest first, both give the same order. Runs where a server is configured
(ELASTICSEARCH_URL), as the server variant of the shared search suite."""

import io
from datetime import UTC, datetime

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from initiatives.models import PitchEventPage
from pages.models import Neighbourhood, Theme
from participation.models import ParticipationProjectPage
from tests.helpers import soup_of

from .test_discovery import facet_counts, result_urls

QUERIES = {
    "nl": [
        "groen tuin",
        "buurttuinen lindenhof",
        "groen",
        "buurt",
        "fietsenstalling",
        "speeltuin",
        "avond",
        "bewoners",
        "initiatief",
        "jij zei wij deden",
        "de",
        "onbestaandwoord",
    ],
    "en": ["bike parking", "residents", "garden", "neighbourhood", "evening"],
}
SUGGESTIONS = {"nl": ["Buurttuin Li", "Buurt", "Groen", "fiets", "Re"], "en": ["Neigh", "Gar", "Bi"]}


def answer(client, language, params):
    """What a resident sees: the results of the first two pages, their number as the
    page states it, and the counts of every facet."""
    with translation.override(language):
        address = reverse("search")
    first = client.get(address, params)
    assert first.status_code == 200
    results = result_urls(first)
    if soup_of(first).select_one('a[rel="next"]'):
        results += result_urls(client.get(address, {**params, "page": 2}))
    heading = soup_of(first).select_one(".result-count")
    return {
        "results": results,
        "count": heading.get_text(" ", strip=True) if heading else None,
        "facets": {name: facet_counts(first, name) for name in ("type", "theme", "neighbourhood")},
    }


def suggested(client, language, query):
    with translation.override(language):
        response = client.get(reverse("search_suggest"), {"q": query})
    return [result["url"] for result in response.json()["results"]]


def describe(question, database, server):
    """One difference, briefly: what only one engine found, or the counts that differ."""
    only_database = sorted(set(database["results"]) - set(server["results"]))
    only_server = sorted(set(server["results"]) - set(database["results"]))
    facets = {
        name: (counts, server["facets"][name])
        for name, counts in database["facets"].items()
        if counts != server["facets"][name]
    }
    counts = (database["count"], server["count"])
    return f"{question}: database only {only_database}, server only {only_server}, counts {counts}, facets {facets}"


def questions():
    """(language, query string parameters) of every question asked."""
    themes = list(Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True)[:2])
    places = list(Neighbourhood.objects.filter(locale__language_code="nl").values_list("slug", flat=True)[:2])
    filters = [
        {},
        {"type": "initiative"},
        {"type": ["initiative", "event"]},
        {"theme": themes[0]},
        {"neighbourhood": places[0]},
        {"theme": themes, "neighbourhood": places[1]},
        {"type": "project", "theme": themes[1]},
    ]
    for language, queries in QUERIES.items():
        for query in queries:
            for extra in filters if language == "nl" else filters[:3]:
                yield language, {"q": query, **extra}
            yield language, {"q": query, "sort": "newest"}


NEVER = datetime.min.replace(tzinfo=UTC)


def pages_by_url():
    """{url: (is over, first published to the millisecond)} of every live page."""
    now = timezone.now()
    found = {}
    for page in Page.objects.live().specific():
        over = (isinstance(page, PitchEventPage) and page.end < now) or (
            isinstance(page, ParticipationProjectPage) and page.status == ParticipationProjectPage.Status.COMPLETED
        )
        published = page.first_published_at or NEVER  # a page made live without publishing comes last
        found[page.url] = (over, published.replace(microsecond=published.microsecond // 1000 * 1000))
    return found


def in_order(params, results, pages):
    """Whether `results` are in the order asked for: newest first (to the millisecond, as
    a search server stores times), or by relevance with what is over last."""
    if params.get("sort") == "newest":
        times = [pages[url][1] for url in results]
        return times == sorted(times, reverse=True)
    flags = [pages[url][0] for url in results]
    return flags == sorted(flags)


def test_the_demo_answers_the_same_on_the_database_and_on_the_server(db, search_engine, client, settings, tmp_path):
    if search_engine == "database":
        pytest.skip("compares the database backend with the search server")
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())  # indexed on both backends as it is saved
    server_settings = (settings.SEARCH_ENGINE, settings.WAGTAILSEARCH_BACKENDS)

    def on(engine):
        cache.clear()
        if engine == "database":
            settings.SEARCH_ENGINE = "database"
            settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND}
        else:
            settings.SEARCH_ENGINE, settings.WAGTAILSEARCH_BACKENDS = server_settings

    asked = list(questions())
    answers = {}
    for engine in ("database", "server"):
        on(engine)
        answers[engine] = {
            "search": [answer(client, language, params) for language, params in asked],
            "suggest": [suggested(client, language, query) for language, qs in SUGGESTIONS.items() for query in qs],
        }
    pages = pages_by_url()
    differences = []
    for number, (database, server) in enumerate(
        zip(answers["database"]["search"], answers["server"]["search"], strict=True)
    ):
        params = asked[number][1]
        for engine, answer_of in (("database", database), ("server", server)):
            assert in_order(params, answer_of["results"], pages), (
                engine,
                asked[number],
                [(url, *pages[url]) for url in answer_of["results"]],
            )
        same = (
            database["count"] == server["count"]
            and database["facets"] == server["facets"]
            and sorted(database["results"]) == sorted(server["results"])
        )
        if not same:
            differences.append((asked[number], database, server))
    assert not differences, f"{len(differences)} of {len(asked)} questions differ: " + "; ".join(
        describe(question, database, server) for question, database, server in differences
    )
    assert answers["database"]["suggest"] == answers["server"]["suggest"]
    # The questions are not trivially alike: most find something, and they differ.
    found = [len(one["results"]) for one in answers["database"]["search"]]
    assert sum(1 for number in found if number) > len(found) / 3
    assert len({tuple(one["results"]) for one in answers["database"]["search"]}) > 20
