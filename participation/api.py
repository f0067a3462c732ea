"""The read API's endpoints for participation projects and feedback stories (see pages/api.py)."""

from wagtail.api import APIField
from wagtail.api.v2.views import PagesAPIViewSet

from pages.api import (
    ContentPagesEndpoint,
    MethodField,
    PageReferenceField,
    image_fields,
    localized,
    page_reference,
    taxonomy_fields,
)

from .models import ParticipationProjectPage, PolicyFeedbackStoryPage


def project_phases(project):
    return [
        {
            "title": phase.title,
            "starts_on": phase.starts_on,
            "ends_on": phase.ends_on,
            "description": phase.description,
            "residents_take_part": phase.is_participation,
            "state": phase.state,
        }
        for phase in project.phases.all()
    ]


def project_related_events(project):
    events = localized(project.related_events.all(), project.locale_id, project.related_events.model)
    return [ref for ref in (page_reference(event) for event in events) if ref]


def project_feedback_stories(project):
    return [page_reference(story) for story in project.live_feedback_stories()]


class ParticipationProjectsEndpoint(ContentPagesEndpoint):
    """Participation projects: ?status=, ?theme=, ?neighbourhood=, ?date_from=/?date_to=
    (first published), ?locale=, ?search=."""

    name = "projects"
    model = ParticipationProjectPage
    status_field = "status"
    date_field = "first_published_at"
    body_fields = PagesAPIViewSet.body_fields + [
        "question",
        "summary",
        "status",
        APIField("status_label", serializer=MethodField(lambda page: str(page.get_status_display()))),
        "ladder_rung",
        APIField("ladder_rung_label", serializer=MethodField(lambda page: str(page.get_ladder_rung_display()))),
        APIField("ladder_explanation", serializer=MethodField(lambda page: str(page.ladder_explanation))),
        "how_to_take_part",
        APIField("phases", serializer=MethodField(project_phases)),
        "body",
        APIField("related_events", serializer=MethodField(project_related_events)),
        APIField("feedback_stories", serializer=MethodField(project_feedback_stories)),
        *taxonomy_fields(),
        *image_fields(),
    ]
    listing_default_fields = ContentPagesEndpoint.listing_default_fields + ["status"]
    prefetch = (*ContentPagesEndpoint.prefetch, "phases")
    # Looked up per item: in the detail only, so a listing costs the same for 5 or 50.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "related_events", "feedback_stories"]


class FeedbackStoriesEndpoint(ContentPagesEndpoint):
    """Feedback stories ("Jij zei, wij deden"), newest first: ?theme=, ?neighbourhood=,
    ?date_from=/?date_to= (the story's date), ?locale=, ?search=."""

    name = "stories"
    model = PolicyFeedbackStoryPage
    date_field = "date"
    default_order = ["-date", "-pk"]
    body_fields = PagesAPIViewSet.body_fields + [
        "date",
        "summary",
        APIField("project", serializer=PageReferenceField()),
        APIField("initiative", serializer=PageReferenceField()),
        "participant_count",
        "participation_methods",
        "what_residents_said",
        "decision",
        "decision_reasons",
        "not_adopted",
        "next_steps",
        "next_step_date",
        *taxonomy_fields(),
        *image_fields(),
    ]
    listing_default_fields = ContentPagesEndpoint.listing_default_fields + ["date"]
