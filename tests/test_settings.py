"""Production settings: they refuse to start half-configured, pass Django's deployment
checks, send the security headers, and read every service from the environment.

Each test runs Python in a subprocess with an environment built from scratch, because
settings are read once, at import, from the environment.
"""

import json
import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = "portal.settings.production"


def random_secret_key(length=60):
    alphabet = string.ascii_letters + string.digits + "!#%&()*+,-./:;<=>?@[]^_{|}~"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def run_python(args, env, timeout=180):
    """Run Python from the project's virtualenv in the project root with exactly `env`
    (plus PATH and HOME), so nothing leaks in from the environment of the test run."""
    clean_env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", ""), "PYTHONDONTWRITEBYTECODE": "1"}
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT_ROOT, env=clean_env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """What an operator sets for production: a real key, the host name, a database."""
    var = tmp_path_factory.mktemp("production")
    return {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "SECRET_KEY": random_secret_key(),
        "ALLOWED_HOSTS": "meedoen.example.nl",
        "DATABASE_URL": f"sqlite:///{var / 'meedoen.sqlite3'}",
        "CACHE_URL": "redis://127.0.0.1:6379/0",
        "MEEDOEN_VAR_DIR": str(var),
        "STATIC_ROOT": str(var / "static"),
        "MEDIA_ROOT": str(var / "media"),
        "LOG_LEVEL": "WARNING",
    }


# --- Start-up and deployment checks ----------------------------------------------------------


def test_production_passes_the_deployment_checks(production_env):
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "?: (security." not in output
    assert "System check identified no issues" in output


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"SECRET_KEY": None}, id="no-secret-key"),
        pytest.param({"SECRET_KEY": ""}, id="empty-secret-key"),
        pytest.param({"SECRET_KEY": "too-short-to-be-a-real-key"}, id="short-secret-key"),
        pytest.param({"ALLOWED_HOSTS": None}, id="no-allowed-hosts"),
        pytest.param({"ALLOWED_HOSTS": " , "}, id="blank-allowed-hosts"),
        pytest.param({"DATABASE_URL": None}, id="no-database"),
        pytest.param({"CACHE_URL": None}, id="no-shared-cache"),
    ],
)
def test_production_refuses_to_start_half_configured(production_env, changes):
    env = {**production_env, **changes}
    env = {name: value for name, value in env.items() if value is not None}
    result = run_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr


def test_production_on_sqlite_needs_an_explicit_choice(production_env):
    env = {name: value for name, value in production_env.items() if name != "DATABASE_URL"}
    result = run_python(["manage.py", "check"], {**env, "ALLOW_SQLITE": "1"})
    assert result.returncode == 0, result.stderr


def test_production_without_a_shared_cache_needs_a_single_process(production_env):
    """Each worker process would keep its own public cache: a page made private on one
    stays listed on the others. Without CACHE_URL/REDIS_URL production says so."""
    env = {name: value for name, value in production_env.items() if name != "CACHE_URL"}
    refused = run_python(["manage.py", "check"], env)
    assert refused.returncode != 0
    assert "every worker process must share one cache" in refused.stderr
    assert "SINGLE_PROCESS=1" in refused.stderr
    result = run_python(["manage.py", "check"], {**env, "SINGLE_PROCESS": "1"})
    assert result.returncode == 0, result.stderr
    assert run_python(["manage.py", "check"], {**env, "REDIS_URL": "redis://127.0.0.1:6379/0"}).returncode == 0


def test_manage_py_defaults_to_development_settings(tmp_path):
    result = run_python(["manage.py", "diffsettings"], {"MEEDOEN_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "DEBUG = True" in result.stdout.splitlines()


# --- Security headers under the production middleware ------------------------------------------


@pytest.fixture(scope="module")
def production_responses(production_env):
    """Pages requested under the production settings, with a migrated database and
    collected (hashed, compressed) static files, as the deployment has them."""
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = run_python(["manage.py", *command, "-v", "0"], production_env, timeout=600)
        assert result.returncode == 0, result.stderr
    paths = ["/nl/", "/nl/initiatieven/buurtmoestuin/", "/nl/over-meedoen/", "/nl/bestaat-niet/", "/admin/login/"]
    result = run_python(["-m", "tests.production_requests", *paths], production_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


PUBLIC_PAGES = ["/nl/", "/nl/initiatieven/buurtmoestuin/", "/nl/over-meedoen/"]


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_renders_under_production_settings(production_responses, path):
    response = production_responses[path]["https"]
    assert response["status"] == 200
    body = BeautifulSoup(response["body"], "html.parser")
    stylesheets = [link["href"] for link in body.find_all("link", rel="stylesheet")]
    # The municipality's colours (branding/views.py) come last, versioned by the public cache.
    assert stylesheets and stylesheets[-1].startswith("/branding.css?v="), stylesheets
    # ManifestStaticFilesStorage: file names carry their content hash.
    assert all(href.startswith("/static/") and href.count(".") >= 2 for href in stylesheets[:-1]), stylesheets


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/nl/bestaat-niet/"])
def test_security_headers(production_responses, path):
    headers = production_responses[path]["https"]["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/nl/bestaat-niet/"])
def test_content_security_policy_allows_no_inline_or_third_party_scripts(production_responses, path):
    response = production_responses[path]["https"]
    directives = csp_directives(response["headers"]["Content-Security-Policy"])

    script_src = directives["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    nonces = [source for source in script_src if source.startswith("'nonce-")]
    assert [source for source in script_src if source not in nonces] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    for name, sources in directives.items():
        hosts = [s for s in sources if not s.startswith("'") and s not in {"data:", "blob:"}]
        assert hosts == [], f"{name} allows {hosts}"

    # Every inline script the page has carries this response's nonce, or the browser blocks it.
    nonce = nonces[0][len("'nonce-") : -1] if nonces else None
    body = BeautifulSoup(response["body"], "html.parser")
    executable = [s for s in body.find_all("script") if not s.get("src") and s.get("type", "") in {"", "module"}]
    assert [s for s in executable if s.get("nonce") != nonce] == []


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_plain_http_is_redirected_to_https(production_responses, path):
    plain = production_responses[path]["http"]
    assert plain["status"] == 301
    assert plain["location"] == f"https://meedoen.example.nl{path}"


def test_cookies_are_secure(production_responses):
    cookies = {
        name: flags
        for response in production_responses.values()
        for name, flags in response["https"]["cookies"].items()
    }
    assert "csrftoken" in cookies  # the initiative's contact form and the admin login set it
    for name, flags in cookies.items():
        assert flags["secure"], f"cookie {name} is sent over plain HTTP too"


def test_admin_works_under_the_content_security_policy(production_responses):
    """Wagtail's admin loads its scripts from files; an inline script would be blocked."""
    response = production_responses["/admin/login/"]["https"]
    assert response["status"] == 200
    assert "Content-Security-Policy" in response["headers"]
    body = BeautifulSoup(response["body"], "html.parser")
    inline = [s for s in body.find_all("script") if not s.get("src") and s.get("type", "") in {"", "module"}]
    assert inline == []
    assert all(s["src"].startswith("/") for s in body.find_all("script", src=True))


def test_unknown_page_is_404_under_production_settings(production_responses):
    response = production_responses["/nl/bestaat-niet/"]["https"]
    assert response["status"] == 404
    assert 'lang="nl"' in response["body"]


# --- Services from the environment -------------------------------------------------------------

PRINT_SETTINGS = """
import json
from portal.settings import base as s

database = s.DATABASES["default"]
print(json.dumps({
    "database": {key: database.get(key) for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT")},
    "cache": s.CACHES["default"],
    "email": {key: getattr(s, key, None) for key in (
        "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_TIMEOUT",
    )},
    "search": s.WAGTAILSEARCH_BACKENDS["default"],
}, default=str))
"""


def settings_with(**env):
    result = run_python(["-c", PRINT_SETTINGS], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_need_no_services(tmp_path):
    values = settings_with(MEEDOEN_VAR_DIR=str(tmp_path))
    assert values["database"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["database"]["NAME"] == str(tmp_path / "meedoen.sqlite3")
    assert values["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["email"]["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["search"] == {"BACKEND": "search.backends.database"}


def test_database_url_for_postgresql():
    values = settings_with(DATABASE_URL="postgres://meedoen:g3heim@db.internal:5433/meedoen_prod")
    assert values["database"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "meedoen_prod",
        "USER": "meedoen",
        "PASSWORD": "g3heim",
        "HOST": "db.internal",
        "PORT": 5433,
    }
    # The same backend; on PostgreSQL it stems Dutch words ('dutch' configuration, see
    # search/backends/database.py and tests/search/).
    assert values["search"] == {"BACKEND": "search.backends.database"}


@pytest.mark.parametrize(
    "env, location",
    [
        pytest.param({"REDIS_URL": "redis://cache.internal:6379/2"}, "redis://cache.internal:6379/2", id="redis-url"),
        pytest.param({"CACHE_URL": "redis://cache.internal:6379/3"}, "redis://cache.internal:6379/3", id="cache-url"),
        pytest.param(
            {"CACHE_URL": "redis://cache.internal:6379/3", "REDIS_URL": "redis://other:6379/0"},
            "redis://cache.internal:6379/3",
            id="cache-url-wins",
        ),
    ],
)
def test_cache_url(env, location):
    values = settings_with(**env)
    assert values["cache"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": "meedoen",
    }


def test_email_url():
    values = settings_with(EMAIL_URL="smtp://postbus:w8woord@smtp.example.nl:587/?tls=True")
    assert values["email"] == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.nl",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "postbus",
        "EMAIL_HOST_PASSWORD": "w8woord",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_elasticsearch_url():
    values = settings_with(ELASTICSEARCH_URL="https://search.internal:9200")
    search = values["search"]
    assert search["BACKEND"] == "modelsearch.backends.elasticsearch9"  # the default engine with a URL
    assert search["URLS"] == ["https://search.internal:9200"]
    assert search["INDEX_PREFIX"] == "meedoen_"
    assert "INDEX" not in search  # the option Wagtail 8 no longer reads


def test_elasticsearch_backend_loads_with_the_installed_client(production_env):
    """The configured backend module exists and accepts the options (no server needed:
    the client connects lazily)."""
    script = (
        "import django; django.setup();"
        "from wagtail.search.backends import get_search_backend;"
        "b = get_search_backend(); print(type(b).__module__, b.index_prefix)"
    )
    env = {**production_env, "ELASTICSEARCH_URL": "https://search.internal:9200", "ELASTICSEARCH_INDEX_PREFIX": "mw_"}
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["modelsearch.backends.elasticsearch9", "mw_"]
