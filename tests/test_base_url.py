"""BASE_URL, the public address, is the one given in the environment, in development
too (`make run` passes the address it serves); one that is no address stops the start.

Settings are read once, at import: each test imports them in a subprocess with its own
environment.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PRINT = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps([settings.WAGTAILADMIN_BASE_URL, settings.WAGTAILAPI_BASE_URL]))"
)


def import_settings(module, tmp_path, base_url=None):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", ""),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": module,
        "MEEDOEN_VAR_DIR": str(tmp_path),
    }
    if base_url is not None:
        env["BASE_URL"] = base_url
    return subprocess.run(
        [sys.executable, "-c", PRINT], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
        ("http://localhost:8000/", "http://localhost:8000"),
        (None, "http://127.0.0.1:8000"),
    ],
)
def test_development_keeps_the_given_base_url(tmp_path, given, expected):
    result = import_settings("portal.settings.dev", tmp_path, given)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [expected, expected]  # the admin's and the API's


@pytest.mark.parametrize(
    "given", ["127.0.0.1:8000", "meedoen.example.nl", "ftp://meedoen.example.nl", "https://x.nl/meedoen"]
)
def test_a_base_url_that_is_no_address_stops_the_start(tmp_path, given):
    result = import_settings("portal.settings.dev", tmp_path, given)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"BASE_URL {given!r}" in result.stderr and "https://meedoen.example.nl" in result.stderr
