"""Business rules of pitch events and initiatives."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from initiatives.models import PitchEventPage
from tests import factories

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def event_times(**offsets):
    """PitchEventPage datetimes relative to now, e.g. event_times(start=2 * DAY)."""
    now = timezone.now()
    return {name: now + offset if offset is not None else None for name, offset in offsets.items()}


# --- PitchEventPage.clean --------------------------------------------------------------------

INVALID_EVENTS = [
    pytest.param(event_times(start=2 * DAY, end=2 * DAY - HOUR), "end", id="ends-before-it-starts"),
    pytest.param(event_times(start=2 * DAY, end=2 * DAY), "end", id="ends-when-it-starts"),
    pytest.param(
        event_times(start=9 * DAY, end=9 * DAY + HOUR, registration_opens_at=3 * DAY, registration_closes_at=2 * DAY),
        "registration_closes_at",
        id="registration-closes-before-it-opens",
    ),
    pytest.param(
        event_times(start=9 * DAY, end=9 * DAY + HOUR, registration_opens_at=3 * DAY, registration_closes_at=3 * DAY),
        "registration_closes_at",
        id="registration-closes-when-it-opens",
    ),
    pytest.param(
        event_times(start=9 * DAY, end=9 * DAY + 2 * HOUR, registration_closes_at=9 * DAY + 3 * HOUR),
        "registration_closes_at",
        id="registration-closes-after-the-event-ended",
    ),
    pytest.param({"max_seats_per_signup": 0}, "max_seats_per_signup", id="no-seat-per-signup"),
]


@pytest.mark.parametrize("changes, field", INVALID_EVENTS)
def test_pitch_event_clean_refuses(event_page, changes, field):
    for name, value in changes.items():
        setattr(event_page, name, value)
    with pytest.raises(ValidationError) as raised:
        event_page.clean()
    assert set(raised.value.message_dict) == {field}


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(event_times(start=2 * DAY, end=2 * DAY + HOUR), id="no-registration-window"),
        pytest.param(
            event_times(start=9 * DAY, end=9 * DAY + HOUR, registration_opens_at=DAY, registration_closes_at=8 * DAY),
            id="window-before-the-event",
        ),
        pytest.param(
            event_times(start=9 * DAY, end=9 * DAY + 2 * HOUR, registration_closes_at=9 * DAY + 2 * HOUR),
            id="registration-closes-when-the-event-ends",
        ),
    ],
)
def test_pitch_event_clean_accepts(event_page, changes):
    for name, value in changes.items():
        setattr(event_page, name, value)
    event_page.clean()  # no ValidationError


def test_registration_cannot_open_after_it_closes_by_default(event_page):
    """Without a closing time registration closes when the event starts, so it must open
    before that; otherwise it would never be open."""
    event_page.registration_closes_at = None
    event_page.registration_opens_at = event_page.start + HOUR
    with pytest.raises(ValidationError) as raised:
        event_page.clean()
    assert set(raised.value.message_dict) & {"registration_opens_at", "registration_closes_at"}


def test_saving_an_invalid_event_revision_is_refused(event_page):
    event_page.end = event_page.start - HOUR
    with pytest.raises(ValidationError):
        event_page.save_revision()


# --- PitchEventPage.registration_state ---------------------------------------------------------


def unsaved_event(**offsets):
    # A new page looks up its content type, so even an unsaved one needs the database.
    return PitchEventPage(title="Pitchavond", summary="…", venue_name="Wijkcentrum", **event_times(**offsets))


@pytest.mark.parametrize(
    "offsets, state",
    [
        pytest.param(
            {"start": 9 * DAY, "end": 9 * DAY + HOUR, "registration_opens_at": DAY}, "not_open", id="not-open"
        ),
        pytest.param({"start": 9 * DAY, "end": 9 * DAY + HOUR, "registration_opens_at": -DAY}, "open", id="open"),
        pytest.param({"start": 9 * DAY, "end": 9 * DAY + HOUR}, "open", id="open-without-opening-time"),
        pytest.param(
            {
                "start": 9 * DAY,
                "end": 9 * DAY + HOUR,
                "registration_opens_at": -2 * DAY,
                "registration_closes_at": -HOUR,
            },
            "closed",
            id="closed-by-closing-time",
        ),
        pytest.param({"start": -HOUR, "end": 2 * HOUR}, "closed", id="closed-once-the-event-started"),
        pytest.param({"start": -3 * HOUR, "end": -HOUR}, "past", id="past"),
        pytest.param({"start": -3 * HOUR, "end": -HOUR, "registration_opens_at": DAY}, "past", id="past-wins"),
    ],
)
@pytest.mark.django_db
def test_registration_state(offsets, state):
    assert unsaved_event(**offsets).registration_state == state


@pytest.mark.django_db
def test_registration_closes_at_the_start_unless_set():
    event = unsaved_event(start=3 * DAY, end=3 * DAY + HOUR)
    assert event.registration_closes == event.start
    event.registration_closes_at = event.start - DAY
    assert event.registration_closes == event.start - DAY


@pytest.mark.django_db
def test_duration():
    event = unsaved_event(start=DAY, end=DAY + 3 * HOUR)
    assert event.duration == 3 * HOUR
    assert event.is_past is False


# --- InitiativePage.pitch_events ---------------------------------------------------------------


def test_pitch_events_lists_live_events_of_the_initiative_newest_first(site_tree, initiative_page):
    other = factories.InitiativePageFactory(parent=site_tree.initiatives)
    older = factories.PitchEventPageFactory(
        parent=site_tree.events,
        programme=[initiative_page, other],
        **event_times(start=-30 * DAY, end=-30 * DAY + HOUR),
    )
    newer = factories.PitchEventPageFactory(
        parent=site_tree.events, programme=[initiative_page], **event_times(start=10 * DAY, end=10 * DAY + HOUR)
    )
    others_only = factories.PitchEventPageFactory(
        parent=site_tree.events, programme=[other], **event_times(start=5 * DAY, end=5 * DAY + HOUR)
    )
    factories.PitchEventPageFactory(parent=site_tree.events, programme=[initiative_page], live=False)

    assert [e.pk for e in initiative_page.pitch_events()] == [newer.pk, older.pk]
    assert [e.pk for e in other.pitch_events()] == [others_only.pk, older.pk]


def test_pitch_events_lists_an_event_once_when_the_initiative_pitches_twice(site_tree, initiative_page):
    event = factories.PitchEventPageFactory(parent=site_tree.events, programme=[initiative_page, initiative_page])
    assert [e.pk for e in initiative_page.pitch_events()] == [event.pk]


def test_pitch_events_follow_the_language_of_the_initiative(site_tree, initiative_page, event_page):
    english_event = event_page.copy_for_translation(site_tree.en, copy_parents=True)
    english_event.save_revision().publish()
    english_initiative = initiative_page.copy_for_translation(site_tree.en, copy_parents=True)
    english_initiative.save_revision().publish()

    assert [e.pk for e in initiative_page.pitch_events()] == [event_page.pk]
    assert [e.pk for e in english_initiative.pitch_events()] == [english_event.pk]


# --- Index pages -------------------------------------------------------------------------------


def test_initiative_index_lists_live_children_newest_first(site_tree):
    first = factories.InitiativePageFactory(parent=site_tree.initiatives)
    second = factories.InitiativePageFactory(parent=site_tree.initiatives)
    factories.InitiativePageFactory(parent=site_tree.initiatives, live=False)
    assert [p.pk for p in site_tree.initiatives.initiatives()] == [second.pk, first.pk]


def test_event_index_splits_upcoming_and_past(site_tree):
    later = factories.PitchEventPageFactory(parent=site_tree.events, **event_times(start=20 * DAY, end=20 * DAY + HOUR))
    sooner = factories.PitchEventPageFactory(parent=site_tree.events, **event_times(start=2 * DAY, end=2 * DAY + HOUR))
    running = factories.PitchEventPageFactory(parent=site_tree.events, **event_times(start=-HOUR, end=HOUR))
    long_ago = factories.PitchEventPageFactory(
        parent=site_tree.events, **event_times(start=-90 * DAY, end=-90 * DAY + HOUR)
    )
    recent = factories.PitchEventPageFactory(
        parent=site_tree.events, **event_times(start=-9 * DAY, end=-9 * DAY + HOUR)
    )

    context = site_tree.events.get_context(RequestFactory().get("/"))

    assert [e.pk for e in context["upcoming_events"]] == [running.pk, sooner.pk, later.pk]
    assert [e.pk for e in context["past_events"]] == [recent.pk, long_ago.pk]
