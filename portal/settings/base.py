"""Settings shared by every environment. Environment variables are read here and in
production.py only; each one is listed in .env.example and the README."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("MEEDOEN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pages",
    "initiatives",
    "participation",
    "search",
    "notifications",
    "branding",
    "demo",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.csp.AdminScriptsMiddleware",  # inline scripts in Wagtail's admin only
    "pages.publiccache.CachedSiteMiddleware",  # the request's Site and settings, from the cache
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite under var/ by default, anything dj-database-url understands
# (postgres://user@host:5432/name) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'meedoen.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A sign-up or pitch must not fail because a reader holds the file: wait for locks
    # and let writers queue instead of erroring out. Connections are kept like any
    # other database's (DATABASE_CONN_MAX_AGE): a new one reads the schema, runs the
    # PRAGMAs below and starts with a cold page cache, 3-6 ms a request. Between
    # requests a connection holds no transaction, so it blocks no writer and no WAL
    # checkpoint. (Not across a fork: no `gunicorn --preload`.)
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; Redis (shared by every app server) through
# CACHE_URL or REDIS_URL, e.g. redis://127.0.0.1:6379/0.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "meedoen"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# E-mail: console output unless EMAIL_URL (smtp://user:pass@host:587/?tls=True) is set.
EMAIL_URL = os.environ.get("EMAIL_URL")
if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or 10
    if _email.get("EMAIL_FILE_PATH"):
        # file:////var/mail/meedoen writes each e-mail to a file (a test server, a demo).
        EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Background work (e-mail, search indexing, Wagtail's reference index) is queued in the
# database and done by the worker, `manage.py db_worker` (django-tasks-db), beside the web
# server: a request never waits on a mail server. The tests run tasks at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Meedoen <noreply@meedoen.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: LANGUAGES lists the codes, the first being the default (Dutch unless
# configured otherwise). Adding a language is this setting plus its catalog in locale/
# and, for content, a translation of the home page (see the README). Names come from
# Django's own list, translated by Django's catalogs; right-to-left languages (ar, fa,
# he, ur) get dir="rtl" from Django's bidi list.
LANGUAGES = []
for _code in env_list("LANGUAGES") or ["nl", "en"]:
    if "name" not in LANG_INFO.get(_code, {}):
        raise ImproperlyConfigured(f"LANGUAGES: {_code!r} is not a language Django knows (e.g. nl, en, tr, ar, pl)")
    LANGUAGES.append((_code, _(LANG_INFO[_code]["name"])))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Images founders send with a pitch, until staff accept one into the image library:
    # outside MEDIA_ROOT, never served. Several app servers need it on a shared volume.
    "pitch_uploads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))},
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Search (search/service.py): modelsearch's database backend by default, with Dutch
# stemming on SQLite and PostgreSQL (search/backends/database.py). SEARCH_ENGINE picks a
# search server instead (ELASTICSEARCH_URL then required), each needing its own client:
# elasticsearch9 (the default with ELASTICSEARCH_URL; its client is in requirements.txt),
# elasticsearch8, elasticsearch7, opensearch3, opensearch2. The database index is kept
# up to date beside a server's, as the fallback while the server cannot be reached.
SEARCH_ENGINES = ("database", "elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
_legacy_engine = (
    f"elasticsearch{os.environ['ELASTICSEARCH_VERSION']}" if os.environ.get("ELASTICSEARCH_VERSION") else None
)
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE") or (
    (_legacy_engine or "elasticsearch9") if ELASTICSEARCH_URL else "database"
)
if SEARCH_ENGINE not in SEARCH_ENGINES:
    raise ImproperlyConfigured(f"SEARCH_ENGINE: {SEARCH_ENGINE!r} is not one of {', '.join(SEARCH_ENGINES)}")
DATABASE_SEARCH_BACKEND = {"BACKEND": "search.backends.database"}
if SEARCH_ENGINE == "database":
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
else:
    if not ELASTICSEARCH_URL:
        raise ImproperlyConfigured(f"SEARCH_ENGINE={SEARCH_ENGINE} needs ELASTICSEARCH_URL, the server's address")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"modelsearch.backends.{SEARCH_ENGINE}",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "meedoen_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "10")),
            # Written only by the worker (search/indexing.py): modelsearch's own writes,
            # which Wagtail's image and document forms make inside the editor's request,
            # leave it alone.
            "AUTO_UPDATE": False,
            # Dutch for every text field without an analyzer of its own: Snowball's classic
            # Dutch stemmer and stop words, as PostgreSQL's 'dutch' configuration and the
            # SQLite backend (search/dutch.py); modelsearch's ngram analyzers for
            # autocomplete stay as they are. Replicas: 0 for a single node.
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {"number_of_replicas": int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))},
                    "analysis": {
                        "filter": {
                            "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                            "dutch_stemmer": {"type": "snowball", "language": "Dutch"},
                        },
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["lowercase", "dutch_stop", "dutch_stemmer"],
                            }
                        },
                    },
                }
            },
        },
        "database": DATABASE_SEARCH_BACKEND,
    }

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Meedoen")
# BASE_URL, the public address: links in e-mails, the admin and the API, and the address
# seed_demo gives the demo's Wagtail Site (whose full URLs are canonical links, sitemap
# and feed entries).
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
_base_url = urlsplit(WAGTAILADMIN_BASE_URL)
if _base_url.scheme not in ("http", "https") or not _base_url.hostname or _base_url.path or _base_url.query:
    raise ImproperlyConfigured(
        f"BASE_URL {WAGTAILADMIN_BASE_URL!r}: the portal's public address, scheme and host, such as "
        "https://meedoen.example.nl or http://127.0.0.1:8000, without a path."
    )
# No avatars from gravatar.com in the admin: staff browsers contact only the portal.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Machine translation in the translation editor: off unless a DeepL key is configured.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "FORMALITY": os.environ.get("DEEPL_FORMALITY", "prefer_less")},
    }

# Serve uploaded media from Django (development, single-server installs). A proxy in front
# of several app servers serves MEDIA_ROOT (or shared object storage) itself.
MEEDOEN_SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Privacy: embeds (YouTube, Vimeo...) contact third parties; they are off unless an
# operator switches them on.
MEEDOEN_ENABLE_EMBEDS = env_bool("ENABLE_EMBEDS", False)

# Security headers that hold everywhere.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): nothing from third-party hosts, no inline
# scripts. Wagtail's admin needs inline styles and data: images.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

if MEEDOEN_ENABLE_EMBEDS:
    # Embedded players come from the providers' own hosts.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] = [SELF, "https:"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The client address rate limits and the admin login lockout count per (pages.ratelimit.
# client_ip): every proxy appends to X-Forwarded-For, so only the entries written by the
# TRUSTED_PROXY_COUNT proxies in front of the portal are believed, counted from the right
# (1 for one nginx). 0: no proxy, the header is ignored and REMOTE_ADDR counts.
MEEDOEN_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if MEEDOEN_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT: the number of proxies in front of the portal, 0 or more.")
if env_bool("TRUST_X_FORWARDED_FOR", False):
    raise ImproperlyConfigured(
        "TRUST_X_FORWARDED_FOR is gone: it believed the first X-Forwarded-For entry, which clients choose. "
        "Remove it and set TRUSTED_PROXY_COUNT to the number of proxies in front of the portal (1 for one nginx)."
    )
# Messages from residents to initiatives: at most this many per address per hour, kept
# this many days after they have been relayed.
MEEDOEN_CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
MEEDOEN_CONTACT_MESSAGE_RETENTION_DAYS = int(os.environ.get("CONTACT_MESSAGE_RETENTION_DAYS", "30"))
# Sign-ups for pitch events: attempts per client address and per e-mail address per hour.
# Raise them for a busy event behind one shared address, or for a load test on loopback.
MEEDOEN_SIGNUP_RATE_LIMIT_PER_IP = int(os.environ.get("SIGNUP_RATE_LIMIT_PER_IP", "20"))
MEEDOEN_SIGNUP_RATE_LIMIT_PER_EMAIL = int(os.environ.get("SIGNUP_RATE_LIMIT_PER_EMAIL", "5"))
# Personal data of sign-ups is removed this many days after the event (counts stay).
MEEDOEN_SIGNUP_RETENTION_DAYS = int(os.environ.get("SIGNUP_RETENTION_DAYS", "60"))
# Pitches: at most this many per client address and per e-mail address per day; declined
# and withdrawn pitches are deleted this many days after that decision; image limits.
MEEDOEN_PITCH_RATE_LIMIT_PER_IP = int(os.environ.get("PITCH_RATE_LIMIT_PER_IP", "10"))
MEEDOEN_PITCH_RATE_LIMIT_PER_EMAIL = int(os.environ.get("PITCH_RATE_LIMIT_PER_EMAIL", "3"))
MEEDOEN_PITCH_RETENTION_DAYS = int(os.environ.get("PITCH_RETENTION_DAYS", "90"))
MEEDOEN_PITCH_IMAGE_MAX_BYTES = 5 * 1024 * 1024
MEEDOEN_PITCH_IMAGE_MAX_PIXELS = 40_000_000

# Feedback loop: a resident's subscription to updates (feedback stories about what they
# took part in) ends this many days after it was made.
MEEDOEN_SUBSCRIPTION_RETENTION_DAYS = int(os.environ.get("SUBSCRIPTION_RETENTION_DAYS", "730"))

# Staff tools (staff/): reports and the dashboard panel, login protection.
INSTALLED_APPS += ["staff", "axes", "django_otp", "django_otp.plugins.otp_totp"]
# Failed admin logins (django-axes): after STAFF_LOGIN_FAILURE_LIMIT wrong passwords for
# one user name from one address, that pair is locked out for STAFF_LOGIN_LOCKOUT_MINUTES.
# AxesBackend first (it also answers get_user and permission checks, as Wagtail's test
# utilities expect of the first backend); ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("STAFF_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "staff/lockout.html"
AXES_LOCKOUT_CALLABLE = "staff.lockout.lockout_response"  # that page, with Retry-After
AXES_CLIENT_IP_CALLABLE = "pages.ratelimit.client_ip"
# Two-factor authentication (django-otp, TOTP apps): with STAFF_2FA on, every admin user
# confirms each login with a code from an authenticator app (set up on first login).
MEEDOEN_STAFF_2FA = env_bool("STAFF_2FA", False)
MIDDLEWARE += [
    "django_otp.middleware.OTPMiddleware",
    "staff.two_factor.RequireVerifiedStaffMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# Open data: the read API (/api/v2/), calendar and news feeds. Anonymous clients may make
# API_RATE_LIMIT API requests per address ("1000/hour", "100/minute"); answers of the API
# and the feeds, like every public fragment, are cached for at most PUBLIC_CACHE_SECONDS
# (any change shows at once: pages/publiccache.py).
MEEDOEN_API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "1000/hour")
MEEDOEN_PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
REST_FRAMEWORK = {
    # Read-only and public: no logins through the API, no ?format= switch.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "URL_FORMAT_OVERRIDE": None,
    "UNAUTHENTICATED_USER": None,
}
