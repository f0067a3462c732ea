"""Browser tests: Debian's Chromium, driven by Playwright, against the real server.

The `server` fixture builds a throwaway installation the way an operator would: production
settings, its own SQLite file, `migrate`, `seed_demo` and `collectstatic`, then gunicorn on
a free port. It does not use pytest-django's test database, so browser tests never request
the `db` fixture. Everything runs in subprocesses with a copy of the environment; this
process's environment is left alone.

Run them alone with `pytest -m browser` (after `make compilemessages`; `make test` does both).
"""

import os
import secrets
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Environment variables of this process that must not leak into the throwaway server:
# it would otherwise share a search index, cache or mail server with a real installation.
ISOLATED_ENV = ("ELASTICSEARCH_URL", "CACHE_URL", "REDIS_URL", "EMAIL_URL", "DEBUG", "DATABASE_CONN_MAX_AGE")
SETUP_TIMEOUT = 300  # seconds, per management command
START_TIMEOUT = 30  # seconds until gunicorn must answer
STOP_TIMEOUT = 10  # seconds for a graceful stop before it is killed

# The WCAG 2.x A and AA rules of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


# --- The server ---------------------------------------------------------------------


@dataclass
class Server:
    url: str
    log_path: Path
    mail_dir: Path  # the server writes every e-mail it sends to a file here
    env: dict = field(default_factory=dict, repr=False)  # the server's environment

    def manage(self, *args):
        """Run `manage.py <args>` against the server's database; returns its output."""
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT,
            check=False,
        )
        assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def log_tail(self, lines=60):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _random_secret_key(length=60):
    alphabet = string.ascii_letters + string.digits + "-_!@#%^*()"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _manage(env, log_path, *args):
    """Start `manage.py <args>` with its output in log_path."""
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


def _wait(process, log_path, what, timeout=SETUP_TIMEOUT):
    try:
        returncode = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)
        pytest.fail(f"{what} took longer than {timeout}s:\n{_tail(log_path)}", pytrace=False)
    if returncode != 0:
        pytest.fail(f"{what} failed with exit code {returncode}:\n{_tail(log_path)}", pytrace=False)


def _stop(process):
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


def _wait_until_answering(process, url, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with code {process.returncode}:\n{_tail(log_path)}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own http://127.0.0.1 server)
                return
        except urllib.error.HTTPError:
            return  # it answers; the tests say whether the answer is right
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer on {url} within {START_TIMEOUT}s:\n{_tail(log_path)}", pytrace=False)


def _stale_catalogs():
    """The .po catalogs without a compiled .mo: the server would show their language's
    interface in English."""
    return [
        str(po.relative_to(PROJECT_ROOT))
        for po in sorted((PROJECT_ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
        if not po.with_suffix(".mo").exists()
    ]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A migrated, seeded, production-configured Meedoen under gunicorn; yields a Server."""
    stale = _stale_catalogs()
    if stale:
        pytest.fail(f"Compile the translations first (`make compilemessages`): {', '.join(stale)}", pytrace=False)
    tmp = tmp_path_factory.mktemp("meedoen-server")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {name: value for name, value in os.environ.items() if name not in ISOLATED_ENV}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": _random_secret_key(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "ALLOW_SQLITE": "1",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            # Two gunicorn workers share one cache, as in production (keys of their own).
            "CACHE_URL": "redis://127.0.0.1:6379/0",
            "CACHE_KEY_PREFIX": f"meedoen-browser-{secrets.token_hex(6)}",
            "MEEDOEN_VAR_DIR": str(tmp),
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "SERVE_MEDIA": "1",
            "SECURE_SSL_REDIRECT": "0",
            "BASE_URL": url,
            "EMAIL_URL": f"file:///{tmp / 'mail'}",
            "PYTHONUNBUFFERED": "1",
        }
    )

    # collectstatic (compressing and hashing every file) needs no database: it runs
    # while the database is migrated and seeded.
    collectstatic = _manage(env, tmp / "collectstatic.log", "collectstatic", "--noinput", "-v", "0")
    try:
        migrate = _manage(env, tmp / "migrate.log", "migrate", "--noinput", "-v", "0")
        _wait(migrate, tmp / "migrate.log", "manage.py migrate")
        seed = _manage(env, tmp / "seed_demo.log", "seed_demo")
        _wait(seed, tmp / "seed_demo.log", "manage.py seed_demo")
        _wait(collectstatic, tmp / "collectstatic.log", "manage.py collectstatic")
    finally:
        _stop(collectstatic)

    # The worker beside the web server, as in production: it sends the e-mail and keeps
    # the search index up to date. First what the seeding queued (the search index).
    batch = _manage(env, tmp / "worker-batch.log", "db_worker", "--batch", "--no-startup-delay", "--no-reload")
    _wait(batch, tmp / "worker-batch.log", "manage.py db_worker --batch")
    worker = _manage(env, tmp / "worker.log", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload")

    log_path = tmp / "gunicorn.log"
    with open(log_path, "wb") as log:
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--access-logfile",
                "-",
                "--error-logfile",
                "-",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        _wait_until_answering(gunicorn, url + "/", log_path)
        yield Server(url=url, log_path=log_path, mail_dir=tmp / "mail", env=env)
    finally:
        _stop(gunicorn)
        _stop(worker)


# --- The browser --------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"Chromium not installed at {CHROMIUM} (`make browser-deps` installs Debian's package)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


# Records `securitypolicyviolation` events, which the console messages may not all show.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}` +
    ` (${event.sourceFile || location.href}:${event.lineNumber})`);
});
"""


@dataclass
class Watch:
    """What the page did behind the scenes: its requests, console errors and CSP reports."""

    base_url: str
    requests: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    documents: set = field(default_factory=set)  # the pages the tab navigated to

    def on_request(self, request):
        self.requests.append(request.url)
        if request.resource_type == "document":
            self.documents.add(request.url)

    def on_console(self, message):
        if message.type == "error" or "Content Security Policy" in message.text:
            url = (message.location or {}).get("url", "?")
            if url == self.base_url + "/favicon.ico":
                return  # asked for once per browser, not by the page: test_site_icon checks it
            self.console_errors.append(f"[{message.type}] {message.text} ({url})")

    def on_page_error(self, error):
        self.page_errors.append(str(error))

    def third_party_requests(self):
        own = self.base_url + "/"
        # data: and blob: URLs never leave the browser.
        return [u for u in self.requests if not (u.startswith(own) or u.startswith(("data:", "blob:")))]


@pytest.fixture
def page(browser, server):
    """A fresh Dutch-speaking browser tab; `page.watch` records what happens behind the scenes."""
    context = browser.new_context(
        base_url=server.url,
        locale="nl-NL",
        viewport={"width": 1280, "height": 900},
        extra_http_headers={"Accept-Language": "nl-NL,nl;q=0.9"},
    )
    context.set_default_timeout(10_000)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.watch = Watch(base_url=server.url)
    page.on("request", page.watch.on_request)
    page.on("console", page.watch.on_console)
    page.on("pageerror", page.watch.on_page_error)
    try:
        yield page
    finally:
        context.close()


# --- Checks -------------------------------------------------------------------------


def _format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'n/a'}): {violation['help']}\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " > ".join(str(t) for t in node["target"])
            html = " ".join(node.get("html", "").split())
            if len(html) > 300:
                html = html[:300] + "…"
            lines.append(f"    at {target}\n       {html}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", "\n         ")
            if summary:
                lines.append(f"         {summary}")
    return "\n".join(lines)


@pytest.fixture
def check_page(server):
    """check_page(page, lang="nl") asserts what every public page must do: the language,
    a visible <h1>, only requests to our own server, no console errors or CSP violations,
    and no WCAG 2.x A/AA violations according to axe-core. Returns the <h1> text."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page, lang="nl"):
        where = page.url
        assert page.locator("html").get_attribute("lang") == lang, f'{where}: <html lang> is not "{lang}"'
        heading = page.locator("h1")
        assert heading.count() == 1, f"{where}: expected one <h1>, found {heading.count()}"
        assert heading.is_visible(), f"{where}: the <h1> is not visible"

        watch = page.watch
        foreign = watch.third_party_requests()
        assert not foreign, f"{where}: requests to other hosts than {server.url}:\n" + "\n".join(foreign)
        csp = page.evaluate("window.__cspViolations || []")
        # A form answered with 400 (or 409, 429) makes Chromium log "Failed to load
        # resource" for the page itself: that is the page's own status, not a broken resource.
        # (Compared without the fragment: a form may post to an address with one, #registration.)
        pages = {f"({url.split('#')[0]})" for url in watch.documents}
        errors = [
            e
            for e in watch.console_errors
            if not ("Failed to load resource" in e and e[e.rfind(" (") + 1 :].split("#")[0].rstrip(")") + ")" in pages)
        ]
        problems = errors + [f"[pageerror] {e}" for e in watch.page_errors]
        problems += [f"[CSP] {v}" for v in csp]
        assert not problems, f"{where}: console errors or CSP violations:\n" + "\n".join(problems)

        # axe runs after the checks above: injecting it must not count against the page.
        results = axe.run(page, options=AXE_OPTIONS)
        violations = [v for v in results.response["violations"] if set(v["tags"]) & set(WCAG_TAGS)]
        assert not violations, f"{where}: axe-core found WCAG 2.x A/AA violations:\n" + _format_violations(violations)
        return heading.inner_text().strip()

    return check


@pytest.fixture
def visit(server):
    """visit(page, path) opens a path of the server and asserts it answered 200."""

    def go(page, path):
        response = page.goto(path)
        assert response is not None, f"no response for {path}"
        assert response.status == 200, f"{path} answered {response.status}; server log:\n{server.log_tail()}"
        return response

    return go
