"""Template filters of the site search."""

import re

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from search import dutch

register = template.Library()

TOKENS = re.compile(r"(\w+)")
SNIPPET_WORDS = 40


@register.filter
def highlight(text, query):
    """`text` without markup, cut to a snippet of about forty words, with the words that
    match the search (the same Dutch stem, or a word that starts with a word typed)
    marked. Everything else is escaped."""
    plain = Truncator(strip_tags(str(text or ""))).words(SNIPPET_WORDS)
    typed = dutch.words(query or "")
    wanted = {dutch.stem(word) for word in typed}
    parts = []
    for index, part in enumerate(TOKENS.split(plain)):
        lower = part.lower()
        is_word = index % 2 == 1
        if is_word and typed and (dutch.stem(lower) in wanted or any(lower.startswith(word) for word in typed)):
            parts.append(f"<mark>{escape(part)}</mark>")
        else:
            parts.append(escape(part))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


@register.filter
def chosen_count(facets):
    """How many options of `facets` (search.facets.Facet) are selected."""
    return sum(len(facet.selected) for facet in facets or ())
