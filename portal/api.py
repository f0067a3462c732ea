"""The router of the public read API (/api/v2/): one endpoint per kind of content."""

from wagtail.api.v2.router import WagtailAPIRouter

from initiatives.api import InitiativesEndpoint, PitchEventsEndpoint
from pages.api import NeighbourhoodsEndpoint, ThemesEndpoint
from participation.api import FeedbackStoriesEndpoint, ParticipationProjectsEndpoint

ENDPOINTS = (
    InitiativesEndpoint,
    PitchEventsEndpoint,
    ParticipationProjectsEndpoint,
    FeedbackStoriesEndpoint,
    ThemesEndpoint,
    NeighbourhoodsEndpoint,
)

api_router = WagtailAPIRouter("meedoen_api")
for endpoint in ENDPOINTS:
    api_router.register_endpoint(endpoint.name, endpoint)
