"""E-mails about seats say "1 plaats" and "3 plaatsen", never "je plaatsen" for one seat."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation


def body(template, seats):
    signup = SimpleNamespace(name="Fatima", seats=seats, waiting_position=None)
    event = SimpleNamespace(title="Pitchavond West", start=None, end=None, venue_name="", city="")
    with translation.override("nl"):
        return " ".join(render_to_string(template, {"signup": signup, "event": event, "event_url": "x"}).split())


@pytest.mark.parametrize(
    ("seats", "expected"),
    [(1, "je plaats gaat naar iemand anders"), (3, "je 3 plaatsen gaan naar iemand anders")],
)
def test_a_cancellation_counts_the_seats(seats, expected):
    assert expected in body("emails/signup_cancelled_body.txt", seats)


def test_moving_up_for_one_seat_does_not_speak_of_seats():
    text = body("emails/signup_promoted_body.txt", 1)
    assert "Er is plek vrijgekomen" in text
    assert "plaatsen" not in text
