"""The Dutch catalog is complete: every string in code and templates has a Dutch
translation, none is fuzzy, and a newly added string without one fails this test."""

import ast
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
    "branding",
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


#: Django's translation functions, by the argument positions of their message ids.
TRANSLATION_FUNCTIONS = {
    "gettext": (0,),
    "gettext_lazy": (0,),
    "gettext_noop": (0,),
    "ngettext": (0, 1),
    "ngettext_lazy": (0, 1),
    "pgettext": (1,),
    "pgettext_lazy": (1,),
    "npgettext": (1, 2),
    "npgettext_lazy": (1, 2),
}


def translated_strings_in(path):
    """(message id, line) of every call with literal text to a translation function in
    the Python file `path`, under whatever name it was imported (`gettext_lazy as _lazy`,
    which makemessages does not know, included)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if alias.name in TRANSLATION_FUNCTIONS:
                    names[alias.asname or alias.name] = TRANSLATION_FUNCTIONS[alias.name]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            for position in names[node.func.id]:
                if position < len(node.args):
                    argument = node.args[position]
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        found.append((argument.value, node.lineno))
    return found


def test_every_translated_string_in_python_has_dutch_whatever_the_alias():
    """makemessages finds only the names it knows (`_`, `gettext_lazy`, ...): a string
    passed to `gettext_lazy` imported as another name never reaches the catalog and stays
    English in the Dutch interface. This reads the calls themselves."""
    translated = [entry for entry in polib.pofile(str(catalog("nl"))) if entry.translated() and not entry.obsolete]
    dutch = {text for entry in translated for text in (entry.msgid, entry.msgid_plural) if text}
    missing = [
        f"{path.relative_to(BASE_DIR)}:{line}: {text!r}"
        for name in SOURCE_DIRS
        for path in sorted((BASE_DIR / name).rglob("*.py"))
        if "migrations" not in path.parts
        for text, line in translated_strings_in(path)
        if text not in dutch
    ]
    assert not missing, f"Translated in the code but not in the Dutch catalog: {missing}"


def test_the_alias_check_sees_an_unknown_alias(tmp_path):
    source = tmp_path / "forms.py"
    source.write_text(
        "from django.utils.translation import gettext_lazy as _lazy, ngettext\n"
        "label = _lazy('Time (optional)')\n"
        "count = ngettext('%d seat', '%d seats', 2)\n"
    )
    assert translated_strings_in(source) == [("Time (optional)", 2), ("%d seat", 3), ("%d seats", 3)]
