"""Any query string gets a normal page, never a server error: arbitrary parameters
(hypothesis), and the named cases of the issue (unknown slugs, repeated parameters, huge
page numbers, 10 KB queries, operators and quotes, bytes that are not UTF-8)."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

PARAMETERS = ["q", "page", "theme", "neighbourhood", "type", "status", "need", "ladder", "when", "sort", "x"]

texts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["groen", "west", "initiative", "idea", "volunteers", "upcoming", "title", "-1", "0", "1e9"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(['"', "'", "*", "AND", "OR NOT", "(", ")", ":", "^", "%", "\\", "<b>", "fiets*"]),
)
query_params = st.lists(st.tuples(st.sampled_from(PARAMETERS), texts), max_size=8)


@pytest.fixture
def listing_site(site_tree):
    groen = factories.ThemeFactory(name="Groen", slug="groen", locale=site_tree.nl)
    west = factories.NeighbourhoodFactory(name="West", slug="west", locale=site_tree.nl)
    factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een buurttuin.", themes=[groen])
    factories.ParticipationProjectPageFactory(parent=site_tree.projects, neighbourhoods=[west])
    factories.PitchEventPageFactory(parent=site_tree.events, themes=[groen])
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories)
    with translation.override("nl"):
        search, theme = reverse("search"), reverse("theme", kwargs={"slug": "groen"})
    return [
        search,
        theme,
        site_tree.initiatives.url,
        site_tree.events.url,
        site_tree.projects.url,
        site_tree.stories.url,
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=query_params, which=st.integers(min_value=0, max_value=5))
def test_arbitrary_parameters_never_fail(listing_site, pairs, which):
    client = Client()
    try:
        response = client.get(f"{listing_site[which]}?{urlencode(pairs)}")
    except UnicodeEncodeError:
        return  # the test client cannot send lone surrogates; a browser cannot either
    assert response.status_code == 200, (listing_site[which], pairs)


@pytest.mark.parametrize(
    "query_string",
    [
        "theme=bestaat-niet&neighbourhood=ook-niet",
        "theme=groen&theme=groen&theme=groen&type=initiative&type=initiative",
        "page=99999999999999999999999",
        "page=-5",
        "q=" + "fietsenstalling " * 700,
        'q="buurt*"+AND+(tuin+OR+NOT+x)',
        "q=%FF%FE%00buurt&theme=%C0%AF",
        "q=%00",
        "sort=%27%3B+DROP+TABLE",
        "&".join(f"theme=t{n}" for n in range(500)),
        "q=%3A",
        "q=*+-+%22",
    ],
    ids=[
        "unknown-slugs",
        "repeated",
        "huge-page",
        "negative-page",
        "10kb-query",
        "operators",
        "not-utf8",
        "nul",
        "sql-in-sort",
        "500-values",
        "only-a-colon",
        "only-operators",
    ],
)
def test_named_bad_input_gives_a_normal_page(client, listing_site, query_string):
    for path in listing_site:
        response = client.get(f"{path}?{query_string}")
        assert response.status_code == 200, path
