"""Development: DEBUG on, a fixed insecure key, console e-mail, static files from the apps."""

from .base import *  # noqa: F403
from .base import STORAGES, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEEDOEN_SERVE_MEDIA = True
# BASE_URL as in base.py: the environment's (`make run` sets it to the address it serves),
# else http://127.0.0.1:8000.
