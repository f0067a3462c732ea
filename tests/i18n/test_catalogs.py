"""The Dutch catalog is complete: every string in code and templates has a Dutch
translation, none is fuzzy, and a newly added string without one fails this test."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SOURCE_DIRS = [
    "portal",
    "pages",
    "initiatives",
    "participation",
    "search",
    "staff",
    "notifications",
    "demo",
    "templates",
    "locale",
]


def catalog(language):
    return BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"


def problems(po):
    untranslated = [entry.msgid for entry in po.untranslated_entries() if not entry.obsolete]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries() if not entry.obsolete]
    return untranslated, fuzzy


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES], ids=str)
def test_every_language_has_a_compiled_catalog(language):
    assert catalog(language).exists(), f"locale/{language} is missing: run `make messages`"
    mo = catalog(language).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make compilemessages`"


def test_dutch_catalog_has_no_untranslated_or_fuzzy_entries():
    untranslated, fuzzy = problems(polib.pofile(str(catalog("nl"))))
    assert not untranslated, f"Untranslated in nl: {untranslated}"
    assert not fuzzy, f"Fuzzy in nl: {fuzzy}"


def test_dutch_catalog_covers_every_string_in_the_source(tmp_path):
    """Extract the strings from a copy of the source into a copy of the catalog, as
    `make messages` would, and check that nothing new lacks a Dutch translation."""
    for name in SOURCE_DIRS:
        shutil.copytree(BASE_DIR / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(BASE_DIR / "manage.py", tmp_path / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-obsolete", "--no-location"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    untranslated, fuzzy = problems(polib.pofile(str(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po")))
    assert not untranslated, (
        f"{len(untranslated)} string(s) without a Dutch translation — run `make messages` and translate "
        f"them in locale/nl/LC_MESSAGES/django.po: {untranslated[:20]}"
    )
    assert not fuzzy, f"Fuzzy after extraction (a changed string needs its translation checked): {fuzzy[:20]}"
