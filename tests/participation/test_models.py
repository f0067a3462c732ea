"""Business rules of participation projects, their phases and feedback stories."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from participation.models import LADDER_EXPLANATIONS, LadderRung, ParticipationProjectPage, ProjectPhase
from tests import factories

DAY = timedelta(days=1)


def today():
    return timezone.localdate()


# --- ProjectPhase ------------------------------------------------------------------------------


def test_phase_cannot_end_before_it_starts():
    phase = ProjectPhase(title="Ideeën", starts_on=today(), ends_on=today() - DAY)
    with pytest.raises(ValidationError) as raised:
        phase.clean()
    assert set(raised.value.message_dict) == {"ends_on"}


@pytest.mark.parametrize("ends_in_days", [0, 30, None], ids=["same-day", "a-month", "open-ended"])
def test_phase_clean_accepts(ends_in_days):
    ends_on = None if ends_in_days is None else today() + ends_in_days * DAY
    ProjectPhase(title="Ideeën", starts_on=today(), ends_on=ends_on).clean()


@pytest.mark.parametrize(
    "starts, ends, state",
    [
        pytest.param(-20, -10, "past", id="ended-ten-days-ago"),
        pytest.param(-20, -1, "past", id="ended-yesterday"),
        pytest.param(-20, 0, "current", id="ends-today"),
        pytest.param(0, 10, "current", id="starts-today"),
        pytest.param(-20, None, "current", id="open-ended"),
        pytest.param(1, 10, "future", id="starts-tomorrow"),
        pytest.param(5, None, "future", id="open-ended-future"),
    ],
)
def test_phase_state(starts, ends, state):
    phase = ProjectPhase(
        title="Fase", starts_on=today() + starts * DAY, ends_on=None if ends is None else today() + ends * DAY
    )
    assert phase.state == state


def test_current_phase(project_page):
    assert project_page.current_phase().title == "Ideeën ophalen"


def test_no_current_phase_between_phases(site_tree):
    project = factories.ParticipationProjectPageFactory(
        parent=site_tree.projects,
        phases=[
            {"title": "Voorbij", "starts_on": today() - 30 * DAY, "ends_on": today() - DAY},
            {"title": "Straks", "starts_on": today() + DAY, "ends_on": None},
        ],
    )
    assert project.current_phase() is None


# --- The participation ladder ------------------------------------------------------------------


@pytest.mark.parametrize(
    "rung, position",
    [("inform", 1), ("consult", 2), ("advise", 3), ("coproduce", 4), ("codecide", 5)],
    ids=["inform", "consult", "advise", "coproduce", "codecide"],
)
@pytest.mark.django_db  # a new page looks up its content type
def test_ladder_position(rung, position):
    project = ParticipationProjectPage(ladder_rung=rung)
    assert project.ladder_position == position
    assert str(project.ladder_explanation) == str(LADDER_EXPLANATIONS[rung])


def test_every_rung_is_explained():
    assert set(LADDER_EXPLANATIONS) == set(LadderRung)
    assert all(str(text) for text in LADDER_EXPLANATIONS.values())


# --- Overview ordering -------------------------------------------------------------------------


def test_project_index_lists_open_projects_first(site_tree):
    status = ParticipationProjectPage.Status
    made = {}
    for name, state in [
        ("completed", status.COMPLETED),
        ("open-older", status.OPEN),
        ("planned", status.PLANNED),
        ("processing", status.PROCESSING),
        ("open-newer", status.OPEN),
    ]:
        made[name] = factories.ParticipationProjectPageFactory(parent=site_tree.projects, status=state)
    factories.ParticipationProjectPageFactory(parent=site_tree.projects, status=status.OPEN, live=False)

    items = site_tree.projects.get_context(RequestFactory().get("/"))["items"]

    order = ["open-newer", "open-older", "planned", "processing", "completed"]
    assert [p.pk for p in items] == [made[name].pk for name in order]


def test_story_index_lists_newest_stories_first(site_tree):
    old = factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, date=today() - 60 * DAY)
    new = factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, date=today())
    middle = factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, date=today() - 10 * DAY)

    items = site_tree.stories.get_context(RequestFactory().get("/"))["items"]

    assert [p.pk for p in items] == [new.pk, middle.pk, old.pk]


def test_live_feedback_stories_of_a_project(site_tree, project_page, story_page):
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, project=project_page, live=False)
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories)  # about nothing in particular
    assert [s.pk for s in project_page.live_feedback_stories()] == [story_page.pk]


def test_live_feedback_stories_follow_the_language_of_the_project(site_tree, project_page, story_page):
    english_project = project_page.copy_for_translation(site_tree.en, copy_parents=True)
    english_project.save_revision().publish()
    english_story = story_page.copy_for_translation(site_tree.en, copy_parents=True)
    english_story.save_revision().publish()
    # A translated story may still point at the Dutch project.
    assert english_story.specific.project_id == project_page.pk

    assert [s.pk for s in project_page.live_feedback_stories()] == [story_page.pk]
    assert [s.pk for s in english_project.specific.live_feedback_stories()] == [english_story.pk]
