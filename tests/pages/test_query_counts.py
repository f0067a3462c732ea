"""Listings do not run queries per item: an overview with a full page of cards runs as many
queries as one with two."""

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
