"""The stylesheet works in both reading directions: it uses logical properties
(margin-inline-start, inset-inline-end, text-align: start) and never the physical ones,
which would stay put when a right-to-left language turns the page around."""

import re
from pathlib import Path

from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))
PHYSICAL = re.compile(
    r"(?<![\w-])("
    r"(margin|padding|border|scroll-margin|scroll-padding)-(left|right)(-\w+)?"
    r"|left|right"
    r"|border-(top|bottom)-(left|right)-radius"
    r")\s*:"
    r"|(text-align|float|clear)\s*:\s*(left|right)\b"
)


def test_there_is_a_stylesheet_to_check():
    assert STYLESHEETS, "no stylesheet under static/css/"


def test_stylesheets_use_logical_properties_only():
    found = []
    for path in STYLESHEETS:
        css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), path.read_text(), flags=re.S)
        for number, line in enumerate(css.splitlines(), start=1):
            if PHYSICAL.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, "physical left/right properties (use the logical ones):\n" + "\n".join(found)
