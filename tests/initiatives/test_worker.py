"""Nothing a resident or an editor does waits on a mail server: e-mail is queued in the
database (django-tasks-db) and sent by the worker, `manage.py db_worker`, exactly once."""

import socket
import threading
import time
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from asgiref.local import Local
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation
from django_tasks import task_backends

from initiatives.models import InitiativeContactMessage, PitchEmail, SignUpEmail
from initiatives.tasks import send_signup_email
from notifications import delivery
from participation.models import FeedbackEmail
from tests import factories

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class HangingMailServer:
    """A mail server that accepts connections and then never answers: the worst a
    request could meet, were it to send mail itself."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.socket.accept()
            except OSError:
                return
            self.connections.append(client)  # kept open, never answered

    def close(self):
        for client in self.connections:
            client.close()
        self.socket.close()


class Inbox:
    """aiosmtpd's handler: keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope)
        return "250 OK"


def forget_task_backends():
    """django-tasks reads TASKS once (it has no setting_changed receiver)."""
    task_backends._settings = None  # noqa: SLF001
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)  # noqa: SLF001


@pytest.fixture
def queued(settings):
    """The database queue, as in every setting but the tests'."""
    settings.TASKS = DATABASE_QUEUE
    forget_task_backends()
    yield
    forget_task_backends()  # read again, from the settings restored after this


def smtp(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 30


def timed(work):
    started = time.perf_counter()
    response = work()
    return response, time.perf_counter() - started


def test_a_hanging_mail_server_never_holds_up_a_request_and_the_worker_delivers_later(
    keep_migrated_data,
    transactional_db,  # the worker closes a connection left inside a transaction
    client,
    settings,
    queued,
    django_capture_on_commit_callbacks,
    site_tree,
    initiative_page,
    event_page,
    theme,
):
    hanging = HangingMailServer()
    smtp(settings, hanging.port)
    event_page.signup_opens_at = timezone.now() - timedelta(days=1)
    event_page.save_revision().publish()
    pitch_page = factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)
    with translation.override("nl"):
        signup_url = event_page.url + event_page.reverse_subpage("signup")
    actions = {
        "sign-up": lambda: client.post(
            signup_url,
            {
                "name": "Fatima",
                "email": "fatima@example.org",
                "seats": "1",
                "role": "attend",
                "consent": "on",
                "wants_updates": "on",
            },
        ),
        "pitch": lambda: client.post(
            pitch_page.url,
            {
                "initiative_name": "Buurttuin De Vlinder",
                "summary": "Een moestuin voor en door de buren.",
                "description": "We willen het veldje aan de Vlinderstraat omtoveren tot een moestuin.",
                "themes": [str(theme.pk)],
                "stage": "idea",
                "founder_name": "Sanne de Vries",
                "email": "sanne@example.org",
                "consent": "on",
                "website": "",
            },
        ),
        "contact message": lambda: client.post(
            initiative_page.url + "contact/",
            {"name": "Jan", "email": "jan@example.org", "message": "Ik help graag mee.", "consent": "on"},
        ),
    }
    for url in (event_page.url, pitch_page.url, initiative_page.url):
        client.get(url)  # templates loaded: what is timed is the answer, not a first start
    try:
        for name, action in actions.items():
            with django_capture_on_commit_callbacks(execute=True):
                response, seconds = timed(action)
            assert response.status_code in (200, 302), name
            assert seconds < 1, f"{name} took {seconds:.1f} s"
        # A published feedback story about the event mails its subscribers (the sign-up
        # above opted in): an editor's publish does not wait either.
        with django_capture_on_commit_callbacks(execute=True):
            _story, seconds = timed(
                lambda: factories.PolicyFeedbackStoryPageFactory(
                    parent=site_tree.stories, decision="<p>De moestuin komt er.</p>", initiative=initiative_page
                )
            )
        assert seconds < 1
        assert hanging.connections == []  # no request so much as connected
        assert SignUpEmail.objects.filter(sent_at=None).exists()
        assert PitchEmail.objects.filter(sent_at=None).exists()
        assert InitiativeContactMessage.objects.filter(sent_at=None).exists()
    finally:
        hanging.close()

    # The mail server answers again: the worker sends everything that waited.
    inbox = Inbox()
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # a free port (aiosmtpd cannot take port 0)
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        smtp(settings, server.port)
        for _round in range(2):  # the story's task queues an e-mail per subscriber, after its commit
            with django_capture_on_commit_callbacks(execute=True):
                call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)
    finally:
        server.stop()
    recipients = {address for envelope in inbox.messages for address in envelope.rcpt_tos}
    assert {"fatima@example.org", "sanne@example.org"} <= recipients
    assert initiative_page.contact_email in recipients
    for model in (SignUpEmail, PitchEmail, InitiativeContactMessage, FeedbackEmail):
        assert not model.objects.filter(sent_at=None).exists(), model.__name__


@pytest.fixture
def signup_email(event_page, django_capture_on_commit_callbacks):
    from initiatives import signups

    with translation.override("nl"):
        outcome = signups.sign_up(event_page, name="Fatima", email="fatima@example.org", seats=1, language="nl")
    # Not sent yet (a transactional test has already sent it after the commit).
    SignUpEmail.objects.filter(signup=outcome.signup).update(sent_at=None, attempts=0)
    mail.outbox.clear()
    return SignUpEmail.objects.get(signup=outcome.signup)


def test_an_email_being_sent_is_not_taken_by_a_second_worker(signup_email):
    signup_email.sending_until = timezone.now() + delivery.SENDING_LEASE
    signup_email.save()
    assert send_signup_email.call(signup_email.pk) == "taken"
    assert mail.outbox == []
    # A lease left by a worker that died mid-send runs out: the e-mail is not dropped.
    SignUpEmail.objects.filter(pk=signup_email.pk).update(sending_until=timezone.now() - timedelta(seconds=1))
    assert send_signup_email.call(signup_email.pk) == "sent"
    assert len(mail.outbox) == 1
    assert send_signup_email.call(signup_email.pk) == "nothing to send"
    assert len(mail.outbox) == 1


def test_every_attempt_at_one_email_carries_the_same_message_id(signup_email, monkeypatch):
    def fail_once(self, *args, **kwargs):
        monkeypatch.undo()
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", fail_once)
    assert send_signup_email.call(signup_email.pk) == "failed"
    assert send_signup_email.call(signup_email.pk) == "sent"
    [message] = mail.outbox
    assert message.extra_headers["Message-ID"] == delivery.message_id(signup_email)
    signup_email.refresh_from_db()
    assert (signup_email.attempts, signup_email.sending_until) == (2, None)


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_database_restart_after_sending_never_sends_twice(
    keep_migrated_data, transactional_db, signup_email, settings, monkeypatch
):
    """The database goes away between sending and recording (its connection is cut, as a
    restart does): the worker records the e-mail once it answers, and no retry sends it
    again."""
    import psycopg

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    real_send = mail.backends.locmem.EmailBackend.send_messages
    monkeypatch.setattr(delivery.time, "sleep", lambda seconds: None)

    def send_then_lose_the_database(self, messages):
        sent = real_send(self, messages)
        pid = connection.connection.info.backend_pid
        with psycopg.connect(**connection.get_connection_params()) as other:
            other.execute("SELECT pg_terminate_backend(%s)", [pid])
        return sent

    monkeypatch.setattr(mail.backends.locmem.EmailBackend, "send_messages", send_then_lose_the_database)
    assert send_signup_email.call(signup_email.pk) == "sent"
    monkeypatch.undo()
    signup_email.refresh_from_db()
    assert signup_email.sent_at is not None
    assert send_signup_email.call(signup_email.pk) in ("taken", "nothing to send")
    assert len(mail.outbox) == 1
