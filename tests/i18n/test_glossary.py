"""One Dutch word for each thing: the words the README's glossary rules out appear in no
Dutch interface string and no Dutch demo text."""

import re
from pathlib import Path

import polib
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def ruled_out():
    """The words of the glossary's "not" column (those without a note in brackets)."""
    text = (BASE_DIR / "README.md").read_text()
    table = text.split("### Glossary", 1)[1].split("\n\n")[2]
    words = []
    for row in table.splitlines()[2:]:
        not_column = row.strip("|").split("|")[2]
        words += [word.strip() for word in not_column.split(",") if word.strip() and "(" not in word]
    return words


def uses(text, word):
    return re.search(rf"(?<![\w-]){re.escape(word)}(en|s)?(?![\w-])", text, re.IGNORECASE)


def test_the_glossary_rules_out_the_words_the_issue_found():
    assert {"pitch-avond", "evenement", "bijeenkomst", "participatieproject", "terugkoppeling", "coproduceren"} <= set(
        ruled_out()
    )


def test_no_dutch_interface_string_uses_a_ruled_out_word():
    po = polib.pofile(str(BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    found = [
        (word, entry.msgid)
        for entry in po
        if not entry.obsolete
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        for word in ruled_out()
        if uses(text, word)
    ]
    assert found == []


def test_no_dutch_demo_text_uses_a_ruled_out_word():
    """Texts only: slugs (`pitch-avonden`, addresses that stay) are not words."""
    found = []
    for path in sorted((BASE_DIR / "demo" / "data" / "nl").glob("*.yaml")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            value = line.split(":", 1)[1] if re.match(r"^\s*-?\s*[\w-]+:", line) else line
            if re.match(r"^\s*-?\s*(parent|page|item|slug|related_\w+)\s*:", line) or re.fullmatch(
                r"\s*[\w-]*\s*", value
            ):
                continue
            found += [(path.name, number, word) for word in ruled_out() if uses(value, word)]
    assert found == []
