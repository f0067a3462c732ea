"""Listings do not run queries per item: an overview with a full page of cards runs as many
queries as one with two; and every page kind keeps a fixed budget of queries, warm and
right after a change of content. (bench/ prints the same counts on 10,000 initiatives.)"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories


def add_items(site_tree, kind, count, image, theme, neighbourhood):
    now = timezone.now()
    taxonomy = {"themes": [theme], "neighbourhoods": [neighbourhood]}
    for _ in range(count):
        if kind == "initiatives":
            factories.InitiativePageFactory(parent=site_tree.initiatives, image=image, **taxonomy)
        elif kind == "events":
            # Half upcoming, half past: both lists grow.
            offset = timedelta(days=10) if _ % 2 else -timedelta(days=10)
            factories.PitchEventPageFactory(
                parent=site_tree.events, image=image, start=now + offset, end=now + offset + timedelta(hours=2)
            )
        elif kind == "projects":
            factories.ParticipationProjectPageFactory(parent=site_tree.projects, image=image, **taxonomy)
        else:
            factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, image=image, **taxonomy)


def queries_to_render(client, url):
    client.get(url)  # warm up: renditions, Wagtail's cached site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["home", "initiatives", "events", "projects", "stories"])
def test_listing_query_count_does_not_grow_with_its_items(client, site_tree, image, theme, neighbourhood, kind):
    url = site_tree.home.url if kind == "home" else getattr(site_tree, kind).url
    kinds = ["initiatives", "events", "stories"] if kind == "home" else [kind]

    for each in kinds:
        add_items(site_tree, each, 2, image, theme, neighbourhood)
    few = queries_to_render(client, url)
    for each in kinds:
        add_items(site_tree, each, 10, image, theme, neighbourhood)
    many = queries_to_render(client, url)

    assert many == few


# --- A fixed budget per page kind -------------------------------------------------------------

#: The most SQL queries each kind of page may run: warm (the public cache filled) and right
#: after a change of content (a new generation: everything computed again). The same with
#: a handful of items and with many (see `test_every_page_kind_keeps_its_budget`). Warm, a
#: page's route, its view restrictions and the private sections come from the cache too
#: (pages/publiccache.py), so a content page asks nothing.
BUDGETS = {
    # kind: (warm, after a change: the site's settings, look and chrome read again)
    "home": (4, 29),
    "initiatives": (0, 18),
    "events": (4, 28),  # the counts of upcoming and past events on each request
    "projects": (2, 23),
    "stories": (2, 23),
    "search": (3, 16),  # after a change: the relevance of the matches and which can be over (search/ranking.py)
    "theme": (9, 19),
    "initiative": (5, 23),
    "event": (7, 24),
    "project": (5, 23),
    "story": (3, 20),
    "content": (0, 13),
    "pitch_form": (4, 20),
}


def page_urls(published, site_tree, theme):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("nl"):
        search = reverse("search") + "?q=buurtmoestuin&theme=" + theme.slug
        theme_url = reverse("theme", args=[theme.slug])
    return {
        "home": site_tree.home.url,
        "initiatives": site_tree.initiatives.url + f"?theme={theme.slug}&status=idea",
        "events": site_tree.events.url,
        "projects": site_tree.projects.url,
        "stories": site_tree.stories.url,
        "search": search,
        "theme": theme_url,
        "initiative": published["initiative"].url,
        "event": published["event"].url,
        "project": published["project"].url,
        "story": published["story"].url,
        "content": published["content"].url,
        "pitch_form": published["pitch_form"].url,
    }


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def measure(client, urls):
    """{kind: (warm, after a change)} of every page kind."""
    from pages import publiccache

    found = {}
    for kind, url in urls.items():
        client.get(url)  # renditions made, Wagtail's site root paths cached
        warm = queries(client, url)
        publiccache.bump()
        found[kind] = (warm, queries(client, url))
    return found


@pytest.mark.django_db
def test_every_page_kind_keeps_its_budget(client, published_pages, site_tree, image, theme, neighbourhood):
    published_pages["pitch_form"] = factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)
    urls = page_urls(published_pages, site_tree, theme)
    kinds = ("initiatives", "events", "projects", "stories")
    for kind in kinds:  # a few of each, with images, upcoming and past: every list shows something
        add_items(site_tree, kind, 2, image, theme, neighbourhood)
    few = measure(client, urls)
    for kind in kinds:
        add_items(site_tree, kind, 30, image, theme, neighbourhood)
    many = measure(client, urls)
    over = {
        (kind, size): counts
        for size, found in (("few", few), ("many", many))
        for kind, counts in found.items()
        if counts[0] > BUDGETS[kind][0] or counts[1] > BUDGETS[kind][1]
    }
    assert over == {}
    # Nothing grows with the items (a search or theme page may show fewer page types).
    assert {kind for kind in urls if many[kind][0] > few[kind][0] or many[kind][1] > few[kind][1]} == set()
