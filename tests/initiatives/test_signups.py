"""Seats for pitch events (initiatives/signups.py): confirmed or waiting, refused for a
reason, cancellations and seat changes that move the waiting list up, and no overbooking
when many residents sign up at the same moment (threads on PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from initiatives import signups
from initiatives.models import SignUp
from tests import factories

HOUR = timedelta(hours=1)


def event_for(site_tree, **fields):
    return factories.PitchEventPageFactory(parent=site_tree.events, **fields)


def sign_up(event, email, seats=1, **fields):
    return signups.sign_up(event, name="Bewoner", email=email, seats=seats, language="nl", **fields)


def statuses(event):
    return [(s.email, s.status, s.seats) for s in SignUp.objects.filter(event_key=event.translation_key)]


# --- Signing up -------------------------------------------------------------------------------------


def test_seats_are_confirmed_while_they_last_then_the_waiting_list_fills(site_tree):
    event = event_for(site_tree, capacity=3)

    first = sign_up(event, "a@example.org", seats=2)
    second = sign_up(event, "b@example.org", seats=1)
    third = sign_up(event, "c@example.org", seats=1)
    fourth = sign_up(event, "d@example.org", seats=2)

    assert (first.status, first.position) == ("confirmed", None)
    assert (second.status, second.position) == ("confirmed", None)
    assert (third.status, third.position) == ("waiting", 1)
    assert (fourth.status, fourth.position) == ("waiting", 2)
    assert signups.availability(event) == signups.Availability(capacity=3, taken=3, waiting=2)
    assert signups.availability(event).left == 0


def test_full_without_a_waiting_list_is_refused_and_stores_nothing(site_tree):
    event = event_for(site_tree, capacity=1, waiting_list_enabled=False)
    sign_up(event, "a@example.org")

    outcome = sign_up(event, "b@example.org")

    assert (outcome.ok, outcome.reason, outcome.signup) == (False, "full", None)
    assert SignUp.objects.count() == 1


@pytest.mark.parametrize(
    "times, reason",
    [
        ({"registration_opens_at": timezone.now() + 2 * HOUR}, "not_open"),
        ({"registration_closes_at": timezone.now() - HOUR}, "closed"),
        ({"start": timezone.now() - 3 * HOUR, "end": timezone.now() - HOUR}, "past"),
    ],
    ids=["not-open-yet", "closed", "past"],
)
def test_outside_the_registration_window_is_refused(site_tree, times, reason):
    if "registration_closes_at" in times:
        times = {**times, "registration_opens_at": timezone.now() - 2 * HOUR}
    event = event_for(site_tree, **times)
    outcome = sign_up(event, "a@example.org")
    assert outcome.reason == reason
    assert not SignUp.objects.exists()


@pytest.mark.parametrize("seats", [0, 3, -1], ids=["none", "over-the-maximum", "negative"])
def test_seats_must_be_between_one_and_the_events_maximum(site_tree, seats):
    event = event_for(site_tree, max_seats_per_signup=2)
    assert sign_up(event, "a@example.org", seats=seats).reason == "too_many"
    assert not SignUp.objects.exists()


def test_the_same_address_twice_takes_no_second_set_of_seats(site_tree):
    event = event_for(site_tree, capacity=10)
    sign_up(event, "Fatima@Example.org ", seats=2)

    again = sign_up(event, "fatima@example.org", seats=2)

    assert again.reason == "duplicate"
    assert statuses(event) == [("fatima@example.org", "confirmed", 2)]


def test_the_same_address_may_sign_up_again_after_cancelling(site_tree):
    event = event_for(site_tree)
    first = sign_up(event, "a@example.org")
    signups.cancel(first.signup.pk)
    assert sign_up(event, "a@example.org").status == "confirmed"


def test_a_translation_of_the_event_shares_its_seats(site_tree, translate):
    event = event_for(site_tree, capacity=2)
    english = translate(event, site_tree.en)

    sign_up(event, "a@example.org", seats=2)
    on_english_page = signups.sign_up(english, name="Resident", email="b@example.org", seats=1, language="en")

    assert on_english_page.status == "waiting"
    assert on_english_page.signup.event == english
    assert signups.availability(english) == signups.availability(event)
    assert sign_up(event, "B@example.org").reason == "duplicate"


# --- Cancelling and changing seats ---------------------------------------------------------


def test_cancelling_moves_up_everyone_on_the_waiting_list_whose_request_fits(site_tree):
    event = event_for(site_tree, capacity=3, max_seats_per_signup=3)
    leaving = sign_up(event, "a@example.org", seats=3).signup
    sign_up(event, "b@example.org", seats=2)  # waiting 1
    sign_up(event, "c@example.org", seats=2)  # waiting 2: does not fit after b
    sign_up(event, "d@example.org", seats=1)  # waiting 3: fits beside b

    outcome = signups.cancel(leaving.pk)

    assert outcome.ok and outcome.status == "cancelled"
    promoted = SignUp.objects.filter(pk__in=outcome.promoted)
    assert sorted(s.email for s in promoted) == ["b@example.org", "d@example.org"]
    assert statuses(event) == [
        ("a@example.org", "cancelled", 3),
        ("b@example.org", "confirmed", 2),
        ("c@example.org", "waiting", 2),
        ("d@example.org", "confirmed", 1),
    ]
    assert SignUp.objects.get(email="c@example.org").waiting_position() == 1


def test_cancelling_twice_changes_nothing(site_tree):
    event = event_for(site_tree, capacity=1)
    first = sign_up(event, "a@example.org").signup
    signups.cancel(first.pk)
    sign_up(event, "b@example.org")
    before = statuses(event)

    again = signups.cancel(first.pk)

    assert again.reason == "already_cancelled"
    assert statuses(event) == before
    assert signups.cancel(10**9).reason == "already_cancelled"


def test_fewer_seats_free_them_for_the_waiting_list(site_tree):
    event = event_for(site_tree, capacity=2)
    first = sign_up(event, "a@example.org", seats=2).signup
    sign_up(event, "b@example.org", seats=1)

    outcome = signups.change_seats(first.pk, 1)

    assert outcome.ok and outcome.signup.seats == 1
    assert statuses(event) == [("a@example.org", "confirmed", 1), ("b@example.org", "confirmed", 1)]


def test_more_seats_only_when_they_fit(site_tree):
    event = event_for(site_tree, capacity=3)
    first = sign_up(event, "a@example.org", seats=1).signup
    sign_up(event, "b@example.org", seats=1)

    assert signups.change_seats(first.pk, 2).ok
    sign_up(event, "c@example.org", seats=1)  # waiting now
    refused = signups.change_seats(SignUp.objects.get(email="b@example.org").pk, 2)

    assert refused.reason == "full"
    assert statuses(event) == [
        ("a@example.org", "confirmed", 2),
        ("b@example.org", "confirmed", 1),
        ("c@example.org", "waiting", 1),
    ]
    assert signups.change_seats(first.pk, 5).reason == "too_many"


def test_seats_an_editor_adds_go_to_the_waiting_list_first(site_tree):
    event = event_for(site_tree, capacity=1)
    sign_up(event, "a@example.org")
    sign_up(event, "b@example.org")
    event.capacity = 2
    event.save_revision().publish()

    late = sign_up(event, "c@example.org")

    assert [SignUp.objects.get(pk=pk).email for pk in late.promoted] == ["b@example.org"]
    assert late.status == "waiting"


# --- Many residents at once (PostgreSQL) --------------------------------------------------


def in_threads(count, work):
    """Run work(i) in `count` threads that start together; each closes its own connection."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(i):
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locking under concurrency is tested on PostgreSQL (DATABASE_URL)"
)


@needs_postgresql
def test_fifty_residents_at_once_never_overbook_a_ten_seat_event(keep_migrated_data, transactional_db, site_tree):
    event = event_for(site_tree, capacity=10)

    outcomes = in_threads(50, lambda i: sign_up(event, f"bewoner{i}@example.org"))

    assert all(o.ok for o in outcomes)
    confirmed = list(SignUp.objects.filter(status="confirmed").order_by("created_at", "pk"))
    waiting = list(signups.waiting_list(event.translation_key))
    assert len(confirmed) == 10 and len(waiting) == 40
    assert signups.seats_taken(event.translation_key) == 10
    # Arrival order: everyone confirmed came before everyone waiting, and the waiting list
    # is numbered in the order the sign-ups were decided.
    assert max(s.created_at for s in confirmed) <= min(s.created_at for s in waiting)
    assert [s.waiting_position() for s in waiting] == list(range(1, 41))
    assert sorted(o.position for o in outcomes if o.status == "waiting") == list(range(1, 41))


@needs_postgresql
def test_concurrent_cancellations_promote_each_waiting_resident_once_in_order(
    keep_migrated_data, transactional_db, site_tree
):
    event = event_for(site_tree, capacity=10)
    for i in range(25):
        sign_up(event, f"bewoner{i}@example.org")
    confirmed = list(SignUp.objects.filter(status="confirmed").values_list("pk", flat=True))
    first_waiting = list(signups.waiting_list(event.translation_key).values_list("email", flat=True)[:10])

    # Every confirmed resident cancels at once, and each cancellation is replayed.
    outcomes = in_threads(20, lambda i: signups.cancel(confirmed[i % 10]))

    assert sum(o.ok for o in outcomes) == 10
    assert sum(o.reason == "already_cancelled" for o in outcomes) == 10
    promoted = [pk for o in outcomes for pk in o.promoted]
    assert len(promoted) == len(set(promoted)) == 10
    now_confirmed = set(SignUp.objects.filter(status="confirmed").values_list("email", flat=True))
    assert now_confirmed == set(first_waiting)
    assert signups.seats_taken(event.translation_key) == 10
    assert signups.waiting_list(event.translation_key).count() == 5


@needs_postgresql
def test_concurrent_seat_changes_never_overbook(keep_migrated_data, transactional_db, site_tree):
    event = event_for(site_tree, capacity=10, max_seats_per_signup=2)
    for i in range(10):
        sign_up(event, f"bewoner{i}@example.org")
    pks = list(SignUp.objects.values_list("pk", flat=True))
    signups.cancel(pks[0])
    signups.cancel(pks[1])  # two seats free

    outcomes = in_threads(8, lambda i: signups.change_seats(pks[i + 2], 2))

    assert sum(o.ok for o in outcomes) == 2
    assert sum(o.reason == "full" for o in outcomes) == 6
    assert signups.seats_taken(event.translation_key) == 10
